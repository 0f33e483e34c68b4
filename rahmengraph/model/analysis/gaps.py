"""The ``gaps`` analysis: every kind of gap in one report.

Coverage gaps are listed per row of the four standard matrices (which columns are empty); the
headline counts only the planning gaps among them (:func:`planning_gaps`);
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
        explain="Alle leeren Zellen; die Zahl der Planungslücken oben zählt davon nur Handlungsfeld × Ebene "
        "und Handlungsfeld × Ressorts und Stellen, die irgendwo federführend sind. Einzelne Zellen mit "
        "ihren Maßnahmen: Analyse Abdeckungsmatrix.",
    )


#: The matrices whose empty cells a planner calls a gap (the headline ``leere_zellen``): a field with no
#: measure on a level, or of an actor the framework holds responsible somewhere (:func:`responsible`).
PLANNING_MATRICES: Final = (("field", "level"), ("field", "actor"))


def responsible(view: View) -> set[str]:
    """Actors the framework holds responsible: the lead of at least one measure, and every
    Senatsressort. Partners only (churches, federal agencies, associations) are no gap when absent."""
    leads = {d.actor for duties in view.duties.values() for d in duties if d.role == "lead"}
    return leads | {a for a in view.nodes("actor") if view.attr(a, "actor_type") == "Senatsressort"}


def planning_gaps(view: View) -> int:
    """Empty cells of :data:`PLANNING_MATRICES`, actor columns limited to :func:`responsible` ones."""
    wanted = responsible(view)
    count = 0
    for r, c in PLANNING_MATRICES:
        mx = matrix(view, r, c)
        by_row = mx.row_cells()
        for a in mx.row_values:
            columns = [b for b in mx.columns_for(a) if c != "actor" or b in wanted]
            count += sum(1 for b in columns if b not in by_row.get(a, {}))
    return count


def without_field(view: View) -> ReportTable:
    """Measures whose source names no Handlungsfeld (an empty cell is unknown, not "none")."""
    rows: list[list[str | int | None]] = [
        [view.key(m), view.label(m), view.keys(view.leads(m)), view.sources([m])]
        for m in view.measures
        if not view.fields.get(m)
    ]
    return ReportTable(
        name="measures_without_field",
        title="Maßnahmen ohne Handlungsfeld",
        columns=["Maßnahme", "Name", "federführend", "Quellen"],
        rows=rows,
        explain="Die Spalte handlungsfelder ist leer: die Quelle nennt kein Handlungsfeld (unbekannt). "
        "Solche "
        "Maßnahmen fehlen in den Matrizen mit Handlungsfeldern.",
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
        without_field(view),
    ]
    summary: dict[str, int | float | str] = {"massnahmen": len(view.measures)}
    summary["leere_zellen"] = planning_gaps(view)
    summary.update({t.name: len(t.rows) for t in tables[1:]})
    return Report(name="gaps", title="Lücken", summary=summary, tables=tables)
