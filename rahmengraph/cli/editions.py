"""Commands for the editions of a framework: ``diff`` (what changed between two editions) and
``ausgabe neu`` (a new edition from a folder or workbook: checked and compared first, written only
after confirmation)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Annotated, Final

import pyoxigraph as ox
import typer

from rahmengraph.cli import output
from rahmengraph.cli.options import DatasetOpt, StoreOpt, settings
from rahmengraph.cli.store_access import for_reading
from rahmengraph.errors import ParameterError
from rahmengraph.model.store import Table

#: Columns of a change shown in the terminal (all columns: ``--format csv`` or ``json``).
SHOWN: Final = ("art", "uebertragung", "id", "name", "angaben", "nachfolger", "belegt", "grund")


def _table(rows: Sequence[Mapping[str, str]], title: str) -> None:
    output.print_table(Table(list(SHOWN), [[ox.Literal(r[c]) for c in SHOWN] for r in rows]), title)


def diff_cmd(
    before: Annotated[str, typer.Argument(metavar="VON", help="ältere Ausgabe, z. B. 2021-10")],
    after: Annotated[str, typer.Argument(metavar="BIS", help="neuere Ausgabe (leer: die aktuelle)")] = "",
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="table, csv oder json")
    ] = "table",
    field: Annotated[str, typer.Option("--field", metavar="NR", help="nur dieses Handlungsfeld")] = "",
    actor: Annotated[str, typer.Option("--actor", metavar="KÜRZEL", help="nur dieser Akteur")] = "",
    level: Annotated[str, typer.Option("--level", metavar="EBENE", help="nur diese Ebene")] = "",
    art: Annotated[str, typer.Option("--art", metavar="ART", help="nur diese Änderungsart, z. B. neu")] = "",
    dataset: DatasetOpt = None,
    store: StoreOpt = None,
) -> None:
    """Was sich zwischen zwei Ausgaben geändert hat (berechnet, mit belegten Gründen)."""
    from rahmengraph.model.change_list import COLUMNS, Filters, between
    from rahmengraph.model.loading.csv_text import write_csv

    if fmt not in ("table", "csv", "json"):
        raise ParameterError(f"--format {fmt!r}: erlaubt sind table, csv, json")
    graph_store, _ds = for_reading(settings(dataset, store))
    try:
        report = between(graph_store, before, after, Filters(field, actor, level, art))
    finally:
        graph_store.close()
    rows = report.rows()
    if fmt == "json":
        doc = {"von": report.before.version, "bis": report.after.version, "aenderungen": rows}
        output.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        output.write(write_csv(COLUMNS, [[r[c] for c in COLUMNS] for r in rows]))
    else:
        _table(rows, f"Änderungen {report.before.version} → {report.after.version}")


def ausgabe_neu_cmd(
    source: Annotated[
        Path, typer.Option("--aus", metavar="QUELLE", help="Ordner oder .xlsx/.ods der neuen Ausgabe")
    ],
    datum: Annotated[
        str, typer.Option("--datum", metavar="DATUM", help="Datum des Beschlusses (JJJJ-MM-TT)")
    ],
    quelle: Annotated[str, typer.Option("--quelle", metavar="QUELLE", help="Quelle (URL oder Dokument)")],
    gremium: Annotated[
        str, typer.Option("--gremium", metavar="ID", help="beschließendes Gremium oder Akteur")
    ] = "",
    version: Annotated[str, typer.Option("--id", metavar="ID", help="Kennung (Standard: das Datum)")] = "",
    titel: Annotated[str, typer.Option("--titel", metavar="TITEL", help="Titel der Ausgabe")] = "",
    anmerkung: Annotated[str, typer.Option("--anmerkung", metavar="TEXT", help="worauf sie beruht")] = "",
    ja: Annotated[bool, typer.Option("--ja", help="ohne Rückfrage schreiben")] = False,
    dataset: DatasetOpt = None,
    store: StoreOpt = None,
) -> None:
    """Neue Ausgabe: prüfen, Änderungen zeigen, erst nach Bestätigung (oder --ja) schreiben."""
    from rahmengraph.model.change_list import row
    from rahmengraph.model.edition_update import NewEdition, apply, plan

    config = settings(dataset, store)
    ident = version or datum
    edition = NewEdition(ident, titel or f"Ausgabe {ident}", datum, gremium, quelle, anmerkung)
    found = plan(config.dataset, source, edition)
    _table([row(c) for c in found.changes], f"{found.previous[0]} → {edition.version}")
    for problem in found.warnings:
        output.note(f"Warnung: {problem}")
    try:
        ok = ja or typer.confirm(f"Ausgabe {edition.version} in {config.dataset} schreiben?", default=False)
    except typer.Abort:  # no answer (no terminal): no
        ok = False
    if not ok:
        output.error("Nichts geschrieben.")
        raise typer.Exit(1)
    folder = apply(found)
    output.plain(f"Ausgabe {edition.version} geschrieben: {folder}")
    if store is not None:
        for_reading(config)[0].close()


ausgabe = typer.Typer(
    help="Ausgaben (Fassungen) eines Rahmenkonzepts.", no_args_is_help=True, add_completion=False
)
ausgabe.command("neu")(ausgabe_neu_cmd)
