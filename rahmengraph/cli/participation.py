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
from rahmengraph.model.loading.checking import read_dataset
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.loading.writing import write
from rahmengraph.model.participation import intake, register, sheets
from rahmengraph.model.participation.annotations import now
from rahmengraph.model.participation.entries import MAX_ENTRIES, NewEvent
from rahmengraph.model.store import GraphStore, Table

#: Largest exchange file read, in bytes.
MAX_FILE = 20_000_000


def _writable(dataset: list[Path] | None, store: str | None) -> tuple[GraphStore, Dataset]:
    config = settings(dataset, store)
    graph_store = for_writing(config)
    ds = read_dataset(config.dataset)
    if ds.graph not in graph_store.graphs():
        write(graph_store, [ds])
    return graph_store, ds


def import_cmd(
    file: Annotated[Path, typer.Argument(metavar="DATEI", help="Beteiligungsdatei (*.beteiligung.json)")],
    dataset: DatasetOpt = None,
    store: StoreOpt = None,
) -> None:
    """Beiträge aus einer Beteiligungsdatei übernehmen (je Beitrags-id nur einmal; alles oder nichts)."""
    if not file.is_file():
        raise InputError(f"Datei {file} gibt es nicht", [Problem("Datei fehlt", str(file))])
    if file.stat().st_size > MAX_FILE:
        raise InputError(f"{file} ist zu groß", [Problem(f"mehr als {MAX_FILE} Bytes", str(file))])
    graph_store, ds = _writable(dataset, store)
    try:
        plan = intake.import_file(graph_store, ds, file.read_bytes(), file.name, now())
        if plan.update:
            graph_store.update_participation(plan.update)
    finally:
        graph_store.close()
    output.plain(f"{file.name}: Veranstaltung {plan.event}: {plan.new} neu, {plan.already} schon da.")


def list_cmd(dataset: DatasetOpt = None, store: StoreOpt = None) -> None:
    """Die Beteiligungsveranstaltungen mit der Zahl ihrer Beiträge."""
    graph_store, ds = for_reading(settings(dataset, store))
    try:
        found = register.events(graph_store, ds.base)
        moment = now()
        rows = [
            [e.id, e.title, e.date, "offen" if e.is_open(moment) and e.token_hash else "geschlossen",
             str(len(register.entries(graph_store, ds.base, e.id)))]
            for e in found
        ]  # fmt: skip
    finally:
        graph_store.close()
    columns = ["id", "titel", "datum", "zustand", "beitraege"]
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
    graph_store, ds = _writable(dataset, store)
    try:
        opened = intake.open_event(graph_store, ds, spec)
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
    graph_store, ds = for_reading(settings(dataset, store))
    try:
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
