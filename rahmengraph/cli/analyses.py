"""Commands that compute or draw: ``analyse`` (reports) and ``viz`` (a graph view as a file)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from rahmengraph.cli import output
from rahmengraph.cli.options import (
    ActorOpt,
    DatasetOpt,
    EvidenceOpt,
    FieldOpt,
    GroupOpt,
    LevelOpt,
    OptionOpt,
    StandOpt,
    StoreOpt,
    filters,
    pairs,
    settings,
)
from rahmengraph.cli.store_access import for_reading
from rahmengraph.errors import ParameterError
from rahmengraph.model import asof

#: ``analyse --format`` value → how the report is written.
REPORT_FORMATS = ("table", "csv", "json")


def analyse_cmd(
    name: Annotated[
        str,
        typer.Argument(
            metavar="ANALYSE",
            help="luecken, ueberschneidungen, abhaengigkeiten, matrix, messbarkeit, datenqualitaet oder "
            "vergleich (auch englisch: gaps, overlaps)",
        ),
    ],
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="table, csv oder json")
    ] = "table",
    option: OptionOpt = None,
    field: FieldOpt = None,
    actor: ActorOpt = None,
    level: LevelOpt = None,
    target_group: GroupOpt = None,
    evidence: EvidenceOpt = None,
    stand: StandOpt = None,
    dataset: DatasetOpt = None,
    store: StoreOpt = None,
) -> None:
    """Lücken, Überschneidungen, Abhängigkeiten, Matrix, Messbarkeit, Datenqualität oder Vergleich der
    Rahmenkonzepte (vergleich) berechnen."""
    from rahmengraph.model.analysis import ANALYSES, GERMAN_NAMES, NAMES
    from rahmengraph.model.analysis.render import render_text, report_csv

    if name not in NAMES:
        known = ", ".join(GERMAN_NAMES.get(k, k) for k in ANALYSES)
        known += f" (englisch auch: {', '.join(GERMAN_NAMES)})"
        raise ParameterError(f"Unbekannte Analyse {name!r} (Argument ANALYSE); bekannt: {known}")
    if fmt not in REPORT_FORMATS:
        raise ParameterError(f"--format {fmt!r}: erlaubt sind {', '.join(REPORT_FORMATS)}")
    options = pairs(option, "--option")
    chosen = filters(field, actor, level, target_group, evidence)
    own_store, _ds = for_reading(settings(dataset, store, several=True))
    try:
        view, _at = asof.resolve(own_store, stand)
        report = ANALYSES[NAMES[name]].run(view, chosen, **options)
    finally:
        own_store.close()
    if fmt == "json":
        output.write(report.model_dump_json(indent=2) + "\n")
    elif fmt == "csv":
        output.write(report_csv(report))
    else:
        output.write(render_text(report, width=output.out().width))


def viz_cmd(
    view: Annotated[
        str,
        typer.Argument(
            metavar="ANSICHT",
            help="gesamtbild, ressort-netz, handlungsfeld, luecken, abhaengigkeiten oder aenderungen "
            "(--option von=AUSGABE --option bis=AUSGABE)",
        ),
    ],
    output_path: Annotated[
        Path, typer.Option("--output", "-o", metavar="DATEI", help="HTML-Datei (läuft ohne Netz)")
    ],
    option: OptionOpt = None,
    field: FieldOpt = None,
    actor: ActorOpt = None,
    level: LevelOpt = None,
    target_group: GroupOpt = None,
    evidence: EvidenceOpt = None,
    stand: StandOpt = None,
    dataset: DatasetOpt = None,
    store: StoreOpt = None,
) -> None:
    """Interaktive Graph-Ansicht als eigenständige HTML-Datei schreiben (für Workshops ohne Netz)."""
    from rahmengraph.viz.graph_file import write_view
    from rahmengraph.viz.views import VIEWS

    options = pairs(option, "--option")
    if view in VIEWS:  # checked before the store is opened: a wrong option costs no load
        VIEWS[view].check(options)
    chosen = filters(field, actor, level, target_group, evidence)
    own_store, _ds = for_reading(settings(dataset, store, several=True))
    try:
        shown, _at = asof.resolve(own_store, stand)
        written = write_view(shown, view, chosen, options, output_path)
    finally:
        own_store.close()
    size = written.stat().st_size / 1024
    output.plain(f"Geschrieben: {written.resolve()} ({size:.0f} KB; im Browser öffnen, läuft ohne Netz)")
