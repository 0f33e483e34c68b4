"""Analyses planners and facilitators came for: overlaps, gaps, dependencies, coverage matrices.

``ANALYSES`` is the one registry the API, the CLI and the graph views use::

    report = ANALYSES["gaps"].run(store, Filters(field=("3.1",)))
    print(render_text(report))
"""

from __future__ import annotations

from typing import Final

from rahmengraph.model.analysis import (
    comparison,
    coverage,
    dependencies,
    gaps,
    measurability,
    overlaps,
    quality,
)
from rahmengraph.model.analysis.registry import Analysis, Option
from rahmengraph.model.analysis.render import render_text, report_csv
from rahmengraph.model.analysis.report import Report, ReportTable
from rahmengraph.model.store import GraphStore

_DIMS = tuple(coverage.DIMENSIONS)

ANALYSES: Final[dict[str, Analysis]] = {
    a.name: a
    for a in (
        Analysis(
            "overlaps",
            overlaps.compute,
            (
                Option(
                    "min_fields",
                    "3",
                    "Ressorts ab so vielen Handlungsfeldern gelten als breit aufgestellt",
                    integer=True,
                ),
            ),
        ),
        Analysis(
            "gaps",
            gaps.compute,
        ),
        Analysis(
            "abhaengigkeiten",
            dependencies.compute,
            (
                Option("min_ressorts", "3", "Mindestzahl der Ressorts einer Kette", integer=True),
                Option("seed", "42", "Zufallsstartwert der Gemeinschaftserkennung", integer=True),
                Option("top", "10", "Anzahl der gezeigten Knotenpunkte", integer=True),
            ),
        ),
        Analysis(
            "matrix",
            coverage.compute,
            (
                Option("rows", "field", "Zeilen-Dimension", _DIMS),
                Option("cols", "target_group", "Spalten-Dimension", _DIMS),
            ),
        ),
        Analysis(
            "messbarkeit",
            measurability.compute,
            (
                Option(
                    "jahr",
                    "",
                    "Bezugsjahr für „Istwert in den letzten zwei Jahren“ (Standard: laufendes Jahr)",
                ),
            ),
        ),
        Analysis(
            "datenqualitaet",
            quality.compute,
        ),
        Analysis(
            "vergleich",
            comparison.compute,
        ),
    )
}


#: German names of the analyses whose registry name is English (the others are German already).
GERMAN_NAMES: Final[dict[str, str]] = {"overlaps": "ueberschneidungen", "gaps": "luecken"}
#: Every name a user may type → registry name: the German names, the English ones as aliases.
NAMES: Final[dict[str, str]] = {GERMAN_NAMES.get(k, k): k for k in ANALYSES} | {k: k for k in ANALYSES}


def warm(store: GraphStore) -> None:
    """Run every analysis once without filters, so that the first planner after a start or an
    update finds the projection, the SHACL report and the unfiltered reports ready."""
    for analysis in ANALYSES.values():
        analysis.run(store)


__all__ = [
    "ANALYSES",
    "GERMAN_NAMES",
    "NAMES",
    "Analysis",
    "Option",
    "Report",
    "ReportTable",
    "render_text",
    "report_csv",
    "warm",
]
