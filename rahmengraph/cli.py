"""Command line: ``rahmengraph load|validate|query|fragen|export|analyse|viz|serve``.

Thin adapters over ``rahmengraph.model`` (and ``api``/``viz`` for serve and viz). Errors of the
:mod:`rahmengraph.errors` tree become one German message on stderr and the error's exit code,
in one place (:func:`main`).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table as RichTable

from rahmengraph.config import Settings
from rahmengraph.errors import ParameterError, RahmengraphError
from rahmengraph.model.filters import FILTER_KINDS, Filters
from rahmengraph.model.formats import GRAPH_FORMATS, RESULT_FORMATS
from rahmengraph.model.loading.checking import read_dataset
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.loading.writing import load, write
from rahmengraph.model.store import GraphStore, Table, open_store

app = typer.Typer(
    help="rahmengraph: Wissensgraph eines ressortübergreifenden Rahmenkonzepts.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console()
err = Console(stderr=True)

DatasetOpt = Annotated[
    Path | None, typer.Option("--dataset", "-d", help="Datensatz-Ordner (Standard: data/bremen)")
]
StoreOpt = Annotated[
    str | None, typer.Option("--store", "-s", help="Speicher, z. B. oxigraph:var/store oder memory")
]
FieldOpt = Annotated[list[str] | None, typer.Option("--field", help=FILTER_KINDS["field"].help)]
ActorOpt = Annotated[list[str] | None, typer.Option("--actor", help=FILTER_KINDS["actor"].help)]
LevelOpt = Annotated[list[str] | None, typer.Option("--level", help=FILTER_KINDS["level"].help)]
GroupOpt = Annotated[list[str] | None, typer.Option("--target-group", help=FILTER_KINDS["target_group"].help)]
EvidenceOpt = Annotated[list[str] | None, typer.Option("--evidence", help=FILTER_KINDS["evidence"].help)]


def _settings(dataset: Path | None = None, store: str | None = None, **extra: Any) -> Settings:
    values: dict[str, Any] = {k: v for k, v in extra.items() if v is not None}
    if dataset is not None:
        values["dataset"] = dataset
    if store is not None:
        values["store"] = store
    return Settings(**values)


def _store(settings: Settings, *, reload: bool = False) -> tuple[GraphStore, Dataset]:
    """The configured store with the configured dataset in it (loaded if missing or asked)."""
    ds = read_dataset(settings.dataset)  # first: a bad dataset must not create a store folder
    store = open_store(settings.store)
    if reload or ds.graph not in store.graphs():
        if not reload:
            err.print(f"[dim]Lade {settings.dataset} in {settings.store} …[/dim]")
        write(store, [ds])  # already read and checked: no second pass over the files
    return store, ds


def _filters(field: list[str] | None, actor: list[str] | None, level: list[str] | None,
             target_group: list[str] | None, evidence: list[str] | None) -> Filters:  # fmt: skip
    return Filters.from_mapping(
        {"field": field, "actor": actor, "level": level, "target_group": target_group, "evidence": evidence}
    )


def _print_table(table: Table, title: str | None = None) -> None:
    rich = RichTable(title=title, show_lines=False, header_style="bold")
    for var in table.variables:
        rich.add_column(var, overflow="fold")
    for row in table.values():
        rich.add_row(*[row[v] or "" for v in table.variables])
    out.print(rich)
    err.print(f"[dim]{len(table)} Zeile(n)[/dim]")


@app.command("load")
def load_cmd(dataset: DatasetOpt = None, store: StoreOpt = None) -> None:
    """Datensatz prüfen und in den Speicher laden (ersetzt den Graphen des Datensatzes)."""
    settings = _settings(dataset, store)
    start = time.perf_counter()
    graph_store, ds = _store(settings, reload=True)
    took = time.perf_counter() - start
    counts = {name: len(f.rows) for name, f in ds.files.items()}
    out.print(f"Geladen: {settings.dataset} → {settings.store} (Graph {ds.graph}) in {took:.2f} s")
    for name, n in counts.items():
        out.print(f"  {name:<22} {n:>5} Zeilen")
    out.print(f"  Tripel im Datensatz-Graphen: {graph_store.count(ds.graph)}")
    graph_store.close()


@app.command("validate")
def validate_cmd(
    dataset: DatasetOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Bericht als JSON")] = False,
) -> None:
    """Datensatz gegen die SHACL-Regeln prüfen; Exit-Code 0 bei nur Warnungen, sonst 3."""
    from rahmengraph.errors import ValidationFailed
    from rahmengraph.model.stores.oxigraph import OxigraphStore
    from rahmengraph.model.validation import validate

    settings = _settings(dataset)
    store = OxigraphStore()
    ds = load(store, settings.dataset)
    report = validate(store, ds.graph)
    if as_json:
        out.print_json(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        print(report.text())
    if not report.conforms:
        raise ValidationFailed(f"{len(report.violations)} Verstoß/Verstöße in {settings.dataset}")


@app.command("query")
def query_cmd(
    sparql: Annotated[str | None, typer.Argument(help="SPARQL-Abfrage (oder - für stdin)")] = None,
    name: Annotated[
        str | None, typer.Option("--name", "-n", help="benannte Frage (siehe: rahmengraph fragen)")
    ] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="Parameter NAME=WERT")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv, json oder xml")] = "table",
    dataset: DatasetOpt = None,
    store: StoreOpt = None,
) -> None:
    """SPARQL-Abfrage oder benannte Frage ausführen; Ausgabe als Tabelle, CSV oder JSON."""
    from rahmengraph.model.questions import bind, question

    settings = _settings(dataset, store)
    graph_store, _ds = _store(settings)
    if name:
        values = {}
        for item in param or []:
            key, sep, value = item.partition("=")
            if not sep:
                raise ParameterError(f"--param {item!r}: erwartet NAME=WERT")
            values[key.strip()] = value.strip()
        text = bind(graph_store, question(name), values)
    elif sparql:
        text = sys.stdin.read() if sparql == "-" else sparql
    else:
        raise ParameterError("Bitte eine SPARQL-Abfrage oder --name angeben")
    if fmt == "table":
        _print_table(graph_store.select(text), name)
        return
    if fmt not in RESULT_FORMATS:
        raise ParameterError(f"--format {fmt!r}: erlaubt sind table, {', '.join(RESULT_FORMATS)}")
    body, _media = graph_store.serialize_query(text, RESULT_FORMATS[fmt], GRAPH_FORMATS["ttl"])
    sys.stdout.write(body.decode("utf-8"))


@app.command("fragen")
def fragen_cmd() -> None:
    """Die benannten Fragen mit ihren Parametern auflisten."""
    from rahmengraph.model.questions import questions

    for q in questions().values():
        out.print(f"[bold]{q.name}[/bold]: {q.title}")
        out.print(f"  {q.description}")
        for p in q.params:
            req = "Pflicht" if p.required else "optional"
            out.print(f"  --param {p.name}=…  ({p.type.label}, {req}) {p.help}")


@app.command("export")
def export_cmd(
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", help="ttl, jsonld, nt, rdfxml, graphml, gexf, csv, xlsx, pruefpaket"),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Zieldatei (bei csv: Ordner oder .zip)")],
    dataset: DatasetOpt = None,
    store: StoreOpt = None,
) -> None:
    """Datensatz exportieren (Tabellen wie die Quelle, RDF oder Netzwerk)."""
    from rahmengraph.viz.distribution import export

    settings = _settings(dataset, store)
    graph_store, ds = _store(settings)
    for path in export(graph_store, ds.graph, fmt, output):
        out.print(str(path))


@app.command("analyse")
def analyse_cmd(
    name: Annotated[str, typer.Argument(help="overlaps, gaps, abhaengigkeiten, matrix, …")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv oder json")] = "table",
    option: Annotated[
        list[str] | None, typer.Option("--option", "-o", help="Option NAME=WERT, z. B. rows=field")
    ] = None,
    field: FieldOpt = None,
    actor: ActorOpt = None,
    level: LevelOpt = None,
    target_group: GroupOpt = None,
    evidence: EvidenceOpt = None,
    dataset: DatasetOpt = None,
    store: StoreOpt = None,
) -> None:
    """Überschneidungen, Lücken, Abhängigkeiten oder Abdeckungsmatrix berechnen."""
    from rahmengraph.model.analysis import ANALYSES
    from rahmengraph.model.analysis.render import render_text, report_csv

    if name not in ANALYSES:
        raise ParameterError(f"Unbekannte Analyse {name!r}; bekannt: {', '.join(ANALYSES)}")
    options = dict(item.partition("=")[::2] for item in option or [])
    graph_store, _ds = _store(_settings(dataset, store))
    report = ANALYSES[name].run(graph_store, _filters(field, actor, level, target_group, evidence), **options)
    if fmt == "json":
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    elif fmt == "csv":
        sys.stdout.write(report_csv(report))
    elif fmt == "table":
        sys.stdout.write(render_text(report))
    else:
        raise ParameterError(f"--format {fmt!r}: erlaubt sind table, csv, json")


@app.command("viz")
def viz_cmd(
    view: Annotated[
        str, typer.Argument(help="gesamtbild, ressort-netz, handlungsfeld, luecken, abhaengigkeiten")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML-Datei (läuft ohne Netz)")],
    option: Annotated[
        list[str] | None, typer.Option("--option", help="Option NAME=WERT, z. B. field=3.1")
    ] = None,
    field: FieldOpt = None,
    actor: ActorOpt = None,
    level: LevelOpt = None,
    target_group: GroupOpt = None,
    evidence: EvidenceOpt = None,
    dataset: DatasetOpt = None,
    store: StoreOpt = None,
) -> None:
    """Interaktive Graph-Ansicht als eigenständige HTML-Datei schreiben (für Workshops ohne Netz)."""
    from rahmengraph.viz.graph_file import write_view

    graph_store, _ds = _store(_settings(dataset, store))
    options = dict(item.partition("=")[::2] for item in option or [])
    filters = _filters(field, actor, level, target_group, evidence)
    write_view(graph_store, view, filters, options, output)
    out.print(str(output))


@app.command("serve")
def serve_cmd(
    dataset: DatasetOpt = None,
    store: StoreOpt = None,
    host: Annotated[str | None, typer.Option(help="Adresse (Standard 127.0.0.1)")] = None,
    port: Annotated[int | None, typer.Option(help="Port (Standard 8000)")] = None,
    query_timeout: Annotated[float | None, typer.Option(help="Zeitlimit je Abfrage in Sekunden")] = None,
    max_rows: Annotated[int | None, typer.Option(help="Höchstzahl Ergebniszeilen")] = None,
    allow_update: Annotated[bool | None, typer.Option(help="SPARQL Update erlauben (mit Token)")] = None,
    update_token: Annotated[str | None, typer.Option(help="Bearer-Token für SPARQL Update")] = None,
) -> None:
    """API, SPARQL-Endpunkt und Weboberfläche starten (Standard: http://127.0.0.1:8000)."""
    from rahmengraph.api.server import serve

    serve(
        _settings(
            dataset,
            store,
            host=host,
            port=port,
            query_timeout=query_timeout,
            max_rows=max_rows,
            allow_update=allow_update,
            update_token=update_token,
        )
    )


def main() -> None:
    """Entry point: run the CLI and turn rahmengraph errors into one message and an exit code."""
    try:
        app(standalone_mode=False)
    except RahmengraphError as exc:
        err.print(f"[bold red]Fehler:[/bold red] {exc}", highlight=False, markup=True)
        sys.exit(exc.exit_code)
    except (typer.Exit, SystemExit) as exc:
        code = exc.exit_code if isinstance(exc, typer.Exit) else exc.code
        sys.exit(code if isinstance(code, int) else 0)
    except typer.Abort:
        err.print("Abgebrochen.")
        sys.exit(130)
    except Exception as exc:  # click usage errors come through here with standalone_mode=False
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        raise


if __name__ == "__main__":
    main()
