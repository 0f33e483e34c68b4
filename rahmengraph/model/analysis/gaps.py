"""The ``gaps`` analysis: every kind of gap in one report.

Coverage gaps are summarised per row of the four standard matrices (which columns are empty);
the full matrices with the measures behind every cell come from the ``matrix`` analysis. As there,
a row's cells are the columns of its own framework (``rg:inFramework``): with several frameworks
loaded, a field is not "empty" for another framework's target groups.
"""

from __future__ import annotations

from typing import Final

from rahmengraph.model.analysis.accountability import governance, measurability, responsibility
from rahmengraph.model.analysis.coverage import DIMENSIONS, matrix
from rahmengraph.model.analysis.indexes import View
from rahmengraph.model.analysis.intersections import intersectional_gaps
from rahmengraph.model.analysis.levels import level_gaps
from rahmengraph.model.analysis.report import Report, ReportTable
from rahmengraph.model.store import GraphStore

#: The coverage matrices the gap report summarises (rows, cols).
MATRICES: Final = (
    ("field", "target_group"),
    ("field", "level"),
    ("field", "actor"),
    ("target_group", "level"),
)


def coverage_gaps(view: View) -> ReportTable:
    rows: list[list[str | int | None]] = []
    for r, c in MATRICES:
        mx = matrix(view, r, c)
        name = f"{DIMENSIONS[r].label} × {DIMENSIONS[c].label}"
        by_row = mx.row_cells()
        for a in mx.row_values:
            columns = mx.columns_for(a)  # a row's cells are those of its own framework
            filled = by_row.get(a, {})
            empty = [b for b in columns if b not in filled]
            if empty:
                rows.append([name, view.key(a), view.label(a), len(empty), len(columns), view.keys(empty)])
    return ReportTable(
        name="coverage",
        title="Leere Zellen der Abdeckungsmatrizen (je Zeile)",
        columns=["Matrix", "Zeile", "Name", "leer", "Spalten", "leere Spalten"],
        rows=rows,
        explain="Einzelne Zellen mit ihren Maßnahmen: Analyse matrix (rows, cols).",
    )


def compute(view: View, store: GraphStore) -> Report:
    """The ``gaps`` analysis."""
    tables = [
        coverage_gaps(view),
        *intersectional_gaps(view),
        *level_gaps(view),
        *measurability(view, store),
        *responsibility(view),
        *governance(view),
    ]
    summary: dict[str, int | float | str] = {"massnahmen": len(view.measures)}
    summary["leere_zellen"] = sum(int(r[3] or 0) for r in tables[0].rows)
    summary.update({t.name: len(t.rows) for t in tables[1:]})
    return Report(name="gaps", title="Lücken", summary=summary, tables=tables)
