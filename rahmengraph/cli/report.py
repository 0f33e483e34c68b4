"""``rahmengraph bericht``: the draft Umsetzungsbericht (or the Vorlage) as HTML, PDF or DOCX."""

from __future__ import annotations

import datetime as dt
from functools import partial
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
    StoreOpt,
    filters,
    settings,
)
from rahmengraph.cli.store_access import for_reading

DateOpt = Annotated[str | None, typer.Option(metavar="DATUM", help="JJJJ, JJJJ-MM oder JJJJ-MM-TT")]


def bericht_cmd(
    output_path: Annotated[
        Path, typer.Option("--output", "-o", metavar="DATEI", help="Zieldatei (.html, .pdf oder .docx)")
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help="html, pdf oder docx (Standard: Endung von -o)"
        ),
    ] = None,
    von: DateOpt = None,
    bis: DateOpt = None,
    stand: Annotated[
        str | None,
        typer.Option(
            metavar="DATUM",
            help="Erstellungsdatum im Dokument (Standard: heute); gleiche Daten und gleicher Stand "
            "ergeben dieselbe Datei",
        ),
    ] = None,
    vorlage: Annotated[
        bool, typer.Option("--vorlage", help="zweiseitige Vorlage für die Steuerungsrunde")
    ] = False,
    word_vorlage: Annotated[
        Path | None,
        typer.Option(
            "--word-vorlage",
            metavar="DOCX",
            help="eigene Word-Vorlage für Formatvorlagen, Kopf- und Fußzeilen",
        ),
    ] = None,
    beteiligung: Annotated[
        bool,
        typer.Option(
            "--beteiligung",
            help="Kapitel „Ergebnisse der Beteiligung“ anfügen (Veranstaltungen im Zeitraum, gekennzeichnet)",
        ),
    ] = False,
    field: FieldOpt = None,
    actor: ActorOpt = None,
    level: LevelOpt = None,
    target_group: GroupOpt = None,
    evidence: EvidenceOpt = None,
    dataset: DatasetOpt = None,
    store: StoreOpt = None,
) -> None:
    """Entwurf des Umsetzungsberichts (oder der Vorlage) für einen Berichtszeitraum schreiben."""
    from rahmengraph.model.bericht import build, default_period
    from rahmengraph.model.change_list import report_changes
    from rahmengraph.model.export import atomic_write
    from rahmengraph.model.participation.results import results as participation_results
    from rahmengraph.viz.report_output import render_report

    today = dt.date.today()
    start, end = default_period(today)
    chosen = filters(field, actor, level, target_group, evidence)
    graph_store, ds = for_reading(settings(dataset, store))
    voices = partial(participation_results, base=ds.base) if beteiligung else None
    try:
        report = build(
            graph_store, von or start, bis or end, stand or today.isoformat(), chosen, report_changes, voices
        )
        data = render_report(report, fmt or output_path.suffix.removeprefix("."), vorlage, word_vorlage)
    finally:
        graph_store.close()
    atomic_write(output_path, data)
    output.plain(f"Geschrieben: {output_path.resolve()} ({len(data) / 1024:.0f} KB)")
