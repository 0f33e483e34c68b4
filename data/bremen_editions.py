"""Bremen's editions: what public sources date, and nothing more (used by ``build_bremen.py``).

The current edition is the fact base as it is (sources up to the end of 2025). Earlier editions are
that same state, taken back to a dated, decided point with three rules, each resting on a dated
source row:

1. a measure whose start ``aenderungen.csv`` dates (``art`` = ``neu``) after the edition is left out;
2. ``federfuehrung_bisher`` then ``federfuehrend`` (``SJIS``, ``SASJI``) is the measure's own lead
   history: the edition keeps the lead in office at its date (``gueltig_von`` in ``akteure.csv``);
3. :data:`OVERRIDES`: an attribute a dated change row says was different before (levels, status).

Everything without a date stays as it is in every edition: evidence is not time, so a measure
found by research (``beleg=kontext``) is never "new". The Maßnahmenplan 2022 is no edition: its
content and day are not public.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from rahmengraph.model.editions import date_key
from rahmengraph.model.loading.csv_text import write_csv
from rahmengraph.model.loading.dataset import split_list

SEED = "Seed: Fachtag-Folien 16.11.2023 (000_9e78c3a089644d82.txt)"
PM_2023 = (
    "https://www.senatspressestelle.bremen.de/detail.php?gsid=bremen146.c.425863.de&asl=bremen02.c.732.de"
)
SENATSWAHL = (
    "https://www.bremische-buergerschaft.de/index.php/drs_abo/uploads/media/fileadmin/user_upload/Dateien/"
    "Petition/uploads/media/drs_abo/uploads/media/index.php?id=35&tx_ttnews%5Btt_news%5D=1974"
    "&cHash=9c9816090f5d15d3113f62c9536a0732"
)
BERICHT_2025 = "https://butenunbinnen.de/nachrichten/einbuergerungsquote-bremen-100.html"
FACTS = "Faktenbasis Land Bremen, README (Stand der Recherche: Quellen bis Ende 2025)"
_RULES = (
    "Stand aus datierten Quellen zurückgerechnet: ohne Maßnahmen, deren Beginn aenderungen.csv später "
    "datiert; Federführung aus der zeitlichen Folge in federfuehrend; undatierte Angaben wie in der "
    "aktuellen Ausgabe."
)

#: (id, titel, datum, beschlossen_von, quelle, anmerkung); the last is the current edition.
EDITIONS = (
    (
        "2021-10",
        "Rahmenkonzept gesellschaftliche Teilhabe und Diversity (Senatsbeschluss)",
        "2021-10",
        "SENAT",
        f"{SEED} | {PM_2023}",
        f"Beschluss des Senats im Oktober 2021 (Tag und Drucksache nicht gefunden). {_RULES}",
    ),
    (
        "2023-07-05",
        "Ressortneuschnitt zu Beginn der 21. Wahlperiode",
        "2023-07-05",
        "BB",
        SENATSWAHL,
        "Die Bürgerschaft wählt den Senat; die Ressorts werden neu zugeschnitten, Integration geht an "
        f"SASJI. Kein neuer Text des Rahmenkonzepts; der Maßnahmenplan 2022 ist nicht abrufbar. {_RULES}",
    ),
    (
        "2025-04-29",
        "2. Umsetzungsbericht",
        "2025-04-29",
        "SENAT",
        BERICHT_2025,
        "Der Senat erhält den 2. Umsetzungsbericht; sein Text ist nicht abrufbar, nur Presseberichte. "
        f"{_RULES}",
    ),
    (
        "2025-12-31",
        "Stand der Faktenbasis Ende 2025",
        "2025-12-31",
        "",
        FACTS,
        "Kein Beschluss: der Stand der öffentlichen Quellen bis Ende 2025, wie ihn die Faktenbasis belegt.",
    ),
)

#: (measure, column, value before, date from which the current value holds): dated by a change row.
OVERRIDES = (
    ("K-3.7-01", "ebene", "Stadtgemeinde Bremen", "2022-04"),  # Bremerhaven from April 2022
    ("K-3.4-05", "status", "laufend (Bundesförderung bis Ende 2022)", "2022-12"),  # ended end of 2022
)


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline=""))
    return list(reader.fieldnames or []), list(reader)


def _starts(changes: list[dict[str, str]]) -> dict[str, str]:
    """Measure id → date key of its first dated start (``art`` = ``neu``)."""
    out: dict[str, str] = {}
    for row in changes:
        if row["art"] == "neu":
            key = date_key(row["datum"])
            out[row["massnahme"]] = min(out.get(row["massnahme"], key), key)
    return out


def _lead_at(chain: list[str], since: dict[str, str], key: str) -> str:
    """The lead in office at ``key``: the last of the chain whose office began by then."""
    now = chain[0]
    for actor in chain[1:]:
        if since.get(actor, "") <= key:
            now = actor
    return now


def edition_rows(folder: Path, changes: list[dict[str, str]], key: str) -> tuple[list[str], list[list[str]]]:
    """``massnahmen.csv`` of the edition dated ``key`` (``YYYY-MM-DD``)."""
    header, measures = _rows(folder / "massnahmen.csv")
    _h, actors = _rows(folder / "akteure.csv")
    since = {a["kuerzel"]: date_key(a["gueltig_von"]) if a["gueltig_von"] else "" for a in actors}
    starts = _starts(changes)
    out = []
    for m in measures:
        if starts.get(m["id"], "") > key:
            continue
        row = dict(m)
        chain = split_list(row.get("federfuehrung_bisher", "")) + split_list(row["federfuehrend"])
        if len(chain) > 1:
            lead = _lead_at(chain, since, key)
            row["federfuehrend"] = lead
            row["federfuehrung_bisher"] = ";".join(chain[: chain.index(lead)])
        for measure, column, before, until in OVERRIDES:
            if measure == row["id"] and key < date_key(until):
                row[column] = before
        out.append([row[h] for h in header])
    return header, out


def write_editions(folder: Path, shared: Path) -> list[Path]:
    """``ausgaben.csv``, ``aenderungen.csv`` and one folder per earlier edition in ``folder``."""
    header, changes = _rows(shared / "aenderungen.csv")
    written = []
    path = folder / "aenderungen.csv"
    path.write_text(write_csv(header, [[r[h] for h in header] for r in changes]), encoding="utf-8")
    written.append(path)
    rows = []
    for version, title, date, body, source, note in EDITIONS:
        current = version == EDITIONS[-1][0]
        sub = "" if current else f"ausgaben/{version}"
        rows.append([version, title, date, body, source, sub, note])
        if current:
            continue
        (folder / sub).mkdir(parents=True, exist_ok=True)
        path = folder / sub / "massnahmen.csv"
        path.write_text(write_csv(*edition_rows(folder, changes, date_key(date))), encoding="utf-8")
        written.append(path)
    path = folder / "ausgaben.csv"
    columns = ["id", "titel", "datum", "beschlossen_von", "quelle", "ordner", "anmerkung"]
    path.write_text(write_csv(columns, rows), encoding="utf-8")
    return [*written, path]
