"""``rahmengraph beteiligung``: import an offline file, list events, open an event, export its input.

Thin adapters over :mod:`rahmengraph.model.participation`; each command writes in one update, so a
bad file writes nothing. The store must not be held by a running server for writing commands (then
the server's ``POST /api/beteiligung/import`` does the same).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import pyoxigraph as ox
import typer

from rahmengraph.cli import output
from rahmengraph.cli.options import DatasetOpt, StoreOpt, settings
from rahmengraph.cli.store_access import for_reading, for_writing
from rahmengraph.errors import InputError, ParameterError, Problem
from rahmengraph.model.export import atomic_write
from rahmengraph.model.loading.checking import read_all
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.loading.writing import write
from rahmengraph.model.participation import intake, register, scope, sheets
from rahmengraph.model.participation.annotations import now
from rahmengraph.model.participation.entries import MAX_ENTRIES, NewEvent
from rahmengraph.model.store import GraphStore, Table

#: Largest exchange file read, in bytes.
MAX_FILE = 20_000_000


#: ``--rahmen``: which framework (with several ``-d``).
RahmenOpt = Annotated[
    str,
    typer.Option(
        "--rahmen", metavar="ID", help="Rahmenkonzept (id aus rahmen.csv) bei mehreren -d; sonst das erste"
    ),
]


def _writable(dataset: list[Path] | None, store: str | None) -> tuple[GraphStore, list[Dataset]]:
    """The store to write and every dataset (``-d``, the first first), loaded into it if missing."""
    config = settings(dataset, store, several=True)
    graph_store = for_writing(config)
    datasets = read_all(config.datasets)
    missing = [ds for ds in datasets if ds.graph not in graph_store.graphs()]
    if missing:
        write(graph_store, missing)
    return graph_store, datasets


def _readable(dataset: list[Path] | None, store: str | None) -> tuple[GraphStore, list[Dataset]]:
    """The store to read and every dataset (``-d``, the first first)."""
    config = settings(dataset, store, several=True)
    graph_store, first = for_reading(config)
    return graph_store, [first] if len(config.datasets) == 1 else read_all(config.datasets)


def import_cmd(
    file: Annotated[Path, typer.Argument(metavar="DATEI", help="Beteiligungsdatei (*.beteiligung.json)")],
    rahmen: RahmenOpt = "",
    dataset: DatasetOpt = None,
    store: StoreOpt = None,
) -> None:
    """Beiträge aus einer Beteiligungsdatei übernehmen (je Beitrags-id nur einmal; alles oder nichts)."""
    if not file.is_file():
        raise InputError(f"Datei {file} gibt es nicht", [Problem("Datei fehlt", str(file))])
    if file.stat().st_size > MAX_FILE:
        raise InputError(f"{file} ist zu groß", [Problem(f"mehr als {MAX_FILE} Bytes", str(file))])
    data = file.read_bytes()
    doc = intake.read_file(data, file.name)
    graph_store, datasets = _writable(dataset, store)
    try:
        targets = intake.file_targets(doc)
        ds = scope.home_of_file(graph_store, datasets, doc.veranstaltung.id, targets, rahmen)
        plan = intake.import_file(graph_store, ds, data, file.name, now())
        if plan.update:
            graph_store.update_participation(plan.update)
    finally:
        graph_store.close()
    output.plain(f"{file.name}: Veranstaltung {plan.event}: {plan.new} neu, {plan.already} schon da.")


def list_cmd(dataset: DatasetOpt = None, store: StoreOpt = None) -> None:
    """Die Beteiligungsveranstaltungen (aller Rahmenkonzepte) mit der Zahl ihrer Beiträge."""
    graph_store, datasets = _readable(dataset, store)
    try:
        found = scope.all_events(graph_store, datasets)
        moment = now()
        rows = [
            [e.id, scope.ident(ds), e.title, e.date,
             "offen" if e.is_open(moment) and e.token_hash else "geschlossen",
             str(len(register.entries(graph_store, ds.base, e.id)))]
            for ds, e in found
        ]  # fmt: skip
    finally:
        graph_store.close()
    columns = ["id", "rahmen", "titel", "datum", "zustand", "beitraege"]
    output.print_table(Table(columns, [[ox.Literal(c) for c in r] for r in rows]), "Beteiligung")


def new_cmd(
    titel: Annotated[str, typer.Option("--titel", metavar="TITEL", help="Titel der Veranstaltung")],
    datum: Annotated[str, typer.Option("--datum", metavar="DATUM", help="Tag (JJJJ-MM-TT)")],
    beginn: Annotated[
        str, typer.Option("--beginn", metavar="ZEIT", help="Beginn, z. B. 2026-11-30T09:00+01:00")
    ],
    ende: Annotated[str, typer.Option("--ende", metavar="ZEIT", help="Ende, z. B. 2026-11-30T17:00+01:00")],
    format_: Annotated[str, typer.Option("--format", metavar="GREMIUM", help="Format (Gremium-id)")] = "",
    feld: Annotated[
        list[str] | None, typer.Option("--feld", metavar="NR", help="Handlungsfeld (mehrfach)")
    ] = None,
    namen: Annotated[bool, typer.Option("--namen", help="Namen erfragen (sonst nie gespeichert)")] = False,
    rahmen: RahmenOpt = "",
    dataset: DatasetOpt = None,
    store: StoreOpt = None,
) -> None:
    """Eine Veranstaltung eröffnen; der Zugangscode wird nur hier einmal angezeigt."""
    try:
        spec = NewEvent.model_validate(
            {
                "titel": titel,
                "datum": datum,
                "beginn": beginn,
                "ende": ende,
                "format": format_,
                "felder": feld or [],
                "namen_erfragen": namen,
            }
        )
    except ValueError as exc:
        raise ParameterError(f"Veranstaltung fehlerhaft: {exc}") from exc
    graph_store, datasets = _writable(dataset, store)
    try:
        ds = scope.chosen(datasets, rahmen)
        opened = intake.open_event(graph_store, ds, spec, scope.taken(graph_store, datasets))
        graph_store.update_participation(opened.update)
    finally:
        graph_store.close()
    output.plain(f"Veranstaltung {opened.id} eröffnet.\nZugangscode (nur jetzt sichtbar): {opened.token}")
    output.plain(f"Link: <Server>/beteiligung/{opened.id}/mitmachen?token={opened.token}")


def export_cmd(
    event_id: Annotated[str, typer.Argument(metavar="ID", help="Veranstaltung")],
    out: Annotated[Path, typer.Option("--output", "-o", metavar="DATEI", help=".csv oder .xlsx")],
    namen: Annotated[bool, typer.Option("--namen", help="mit Namen und verborgenen Beiträgen")] = False,
    dataset: DatasetOpt = None,
    store: StoreOpt = None,
) -> None:
    """Die Beiträge einer Veranstaltung als Tabelle für die Arbeitsgruppe (CSV für Excel oder XLSX)."""
    suffix = out.suffix.lower().lstrip(".")
    if suffix not in ("csv", "xlsx"):
        raise ParameterError(f"--output {out}: erlaubt sind .csv und .xlsx")
    graph_store, datasets = _readable(dataset, store)
    try:
        ds, _event = scope.home_of_event(graph_store, datasets, event_id)
        data, count = sheets.event_table(graph_store, ds.base, event_id, suffix, names=namen)
    finally:
        graph_store.close()
    atomic_write(out, data)
    output.plain(f"{count} Beiträge → {out}")


beteiligung = typer.Typer(
    help=f"Beteiligung: Veranstaltungen und Beiträge (getrennt vom amtlichen Graphen; bis {MAX_ENTRIES} "
    "Beiträge je Datei).",
    no_args_is_help=True,
    add_completion=False,
)
beteiligung.command("import")(import_cmd)
beteiligung.command("liste")(list_cmd)
beteiligung.command("neu")(new_cmd)
beteiligung.command("export")(export_cmd)
