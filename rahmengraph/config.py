"""All settings in one place (pydantic-settings): built by the entry points and passed down.

Every setting can come from the command line, from an environment variable ``RAHMENGRAPH_<NAME>``
or from a ``.env`` file; handlers never read the environment themselves.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RAHMENGRAPH_", env_file=".env", extra="ignore")

    dataset: Path = Field(Path("data/bremen"), description="Datensatz-Ordner, der beim Start geladen wird")
    extra_datasets: list[Path] = Field(
        [],
        description="Weitere Datensatz-Ordner, die mit in denselben Speicher geladen werden "
        '(serve -d A -d B; als Umgebungsvariable eine JSON-Liste, z. B. ["tests/cases/musterland"])',
    )
    store: str = Field(
        "oxigraph:var/store",
        description="Speicher: oxigraph:ORDNER, oxigraph:memory, memory (rdflib), sparql:URL[|UPDATE-URL]",
    )
    host: str = Field("127.0.0.1", description="Adresse, an die der Server bindet")
    port: int = Field(8000, ge=1, le=65535, description="Port des Servers")
    query_timeout: float = Field(10.0, gt=0, description="Zeitlimit je SPARQL-Abfrage in Sekunden")
    max_rows: int = Field(10_000, ge=1, description="Höchstzahl von Ergebniszeilen je Abfrage")
    query_workers: int = Field(2, ge=1, le=32, description="Worker-Prozesse für SPARQL-Abfragen")
    query_workers_max: int = Field(
        6,
        ge=2,
        le=64,
        description="Höchstzahl der Worker: laufen lange Abfragen, startet der Server weitere, damit "
        "query_workers Worker für kurze Abfragen frei bleiben; lange Abfragen belegen höchstens "
        "query_workers_max - 1 Worker",
    )
    long_query_seconds: float = Field(
        0.5,
        gt=0,
        description="Ab so vielen Sekunden Laufzeit gilt eine Abfrage als lang (niedrigere Priorität)",
    )
    worker_memory_mb: int = Field(
        1024,
        ge=0,
        description="Arbeitsspeicher je Query-Worker in MB; eine Abfrage darüber wird abgebrochen (503), "
        "der Worker ersetzt. 0: keine Grenze",
    )
    max_body_bytes: int = Field(
        2_000_000,
        ge=1024,
        description="Höchstgröße eines Anfrage-Rumpfs in Bytes (SPARQL-Abfrage, Update, Formular); "
        "darüber: 413",
    )
    header_timeout: float = Field(
        10.0,
        gt=0,
        description="Sekunden, in denen die Kopfzeilen einer Anfrage vollständig ankommen müssen; "
        "sonst schließt der Server die Verbindung",
    )
    max_query_depth: int = Field(
        100, ge=1, description="Höchste Schachtelungstiefe von Klammern ({ } und ( )) in einer SPARQL-Anfrage"
    )
    worker_memory_triples: int = Field(
        250_000,
        ge=0,
        description="Query-Worker halten bis zu so vielen Tripeln eine Kopie im Arbeitsspeicher "
        "(2–3x schnellere Abfragen, je Worker ~0,7 KB je Tripel); darüber lesen sie den Oxigraph-Ordner. "
        "0: immer den Ordner",
    )
    warm_analyses: bool = Field(
        True,
        description="Alle Analysen (auch die SHACL-Prüfung) beim Start und nach jedem Update im "
        "Hintergrund vorberechnen, damit die erste Anfrage nicht wartet",
    )
    allow_update: bool = Field(False, description="SPARQL Update erlauben (nur mit update_token)")
    update_token: SecretStr | None = Field(None, description="Bearer-Token für SPARQL Update")
    beteiligung_rate: int = Field(
        20, ge=1, description="Beteiligung: höchstens so viele Beiträge je Gerät und Minute; darüber 429"
    )
    beteiligung_rate_address: int = Field(
        600,
        ge=1,
        description="Beteiligung: höchstens so viele Beiträge je Netzadresse und Minute (ein WLAN im Saal "
        "teilt eine Adresse); darüber 429. Adressen werden nicht gespeichert, nur gesalzen gehasht gezählt",
    )
    beteiligung_max_bytes: int = Field(
        16_384, ge=1024, description="Beteiligung: Höchstgröße eines Beitrags in Bytes; darüber 413"
    )
    cors_origins: list[str] = Field(["*"], description="Erlaubte Origins für CORS (Browser-Clients)")
    public_base: str | None = Field(
        None, description="Öffentliche Basis-URL des Servers (sonst aus der Anfrage abgeleitet)"
    )
    log_level: str = Field("info", description="Log-Level (debug, info, warning, error)")

    @property
    def datasets(self) -> list[Path]:
        """Every dataset folder to load: ``dataset`` first, then ``extra_datasets``."""
        return [self.dataset, *(p for p in self.extra_datasets if p != self.dataset)]
