"""Coverage matrices: how many measures (and which) sit in each cell of two dimensions.

A measure counts in a cell when it is directly linked to both values (``rg:field``,
``rg:targetGroup``, ``rg:level``, or a responsibility of the actor in any role). Empty cells are
the gaps. The actor axis lists every actor with a responsibility in the framework plus every
Senatsressort (a department without any measure is a gap too). The level axis leaves out levels
outside the framework's own (a declared or default type with ``eigene_ebene = nein``, e.g. Bund)
that carry no measure at all: no federal measures is no gap of a Land's framework.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from rahmengraph.errors import ParameterError
from rahmengraph.model import level_types
from rahmengraph.model.analysis.indexes import View
from rahmengraph.model.analysis.report import Cell, Report, ReportTable
from rahmengraph.model.loading.csv_text import excel_csv


@dataclass(frozen=True)
class Dimension:
    name: str
    label: str
    values_of: Callable[[View, str], list[str]]  # the dimension's values of one measure
    axis: Callable[[View], list[str]]  # all values shown on the axis
    help: str


def _actor_axis(view: View) -> list[str]:
    active = {d.actor for duties in view.duties.values() for d in duties}
    return [a for a in view.nodes("actor") if a in active or view.attr(a, "actor_type") == "Senatsressort"]


DIMENSIONS: Final[dict[str, Dimension]] = {
    d.name: d
    for d in (
        Dimension("field", "Handlungsfeld", lambda v, m: v.fields.get(m, []), lambda v: v.nodes("field"), ""),
        Dimension(
            "target_group",
            "Zielgruppe",
            lambda v, m: v.groups.get(m, []),
            lambda v: v.nodes("target_group"),
            "direkt genannte Zielgruppen",
        ),
        Dimension(
            "level",
            "Ebene",
            lambda v, m: v.levels.get(m, []),
            lambda v: level_types.shown_levels(v.g, v.nodes("level")),
            "ohne Ebenen außerhalb der eigenen (z. B. Bund), auf denen das Rahmenkonzept keine Maßnahme hat",
        ),
        Dimension(
            "actor",
            "Akteur/Ressort",
            lambda v, m: v.actors(m),
            _actor_axis,
            "federführend oder beteiligt",
        ),
    )
}


@dataclass
class Matrix:
    rows: Dimension
    cols: Dimension
    row_values: list[str]
    col_values: list[str]
    cells: dict[tuple[str, str], list[str]]
    framework: dict[str, str]

    def columns_for(self, row: str) -> list[str]:
        """The columns of the row's own framework (cells across two frameworks are no cells)."""
        fw = self.framework.get(row)
        if self._by_framework is None:
            by_fw: dict[str | None, list[str]] = defaultdict(list)
            for b in self.col_values:
                by_fw[self.framework.get(b)].append(b)
            self._by_framework = by_fw
        return self._by_framework.get(fw, [])

    def row_cells(self) -> dict[str, dict[str, list[str]]]:
        """Row value → (column value → measures): the non-empty cells of each row."""
        if self._rows is None:
            out: dict[str, dict[str, list[str]]] = defaultdict(dict)
            for (a, b), ms in self.cells.items():
                out[a][b] = ms
            self._rows = out
        return self._rows

    _by_framework: dict[str | None, list[str]] | None = field(default=None, repr=False)
    _rows: dict[str, dict[str, list[str]]] | None = field(default=None, repr=False)


def matrix(view: View, rows: str, cols: str) -> Matrix:
    """Count the measures in view per (row value, column value); computed once per view."""
    key = ("matrix", rows, cols)
    cached = view.memo.get(key)
    if isinstance(cached, Matrix):
        return cached
    mx = _matrix(view, rows, cols)
    view.memo[key] = mx
    return mx


def _matrix(view: View, rows: str, cols: str) -> Matrix:
    for option, value in (("rows", rows), ("cols", cols)):
        if value not in DIMENSIONS:
            raise ParameterError(f"Parameter {option}: {value!r} unbekannt; erlaubt: {', '.join(DIMENSIONS)}")
    if rows == cols:
        raise ParameterError(f"Parameter rows und cols: zweimal {rows!r}; bitte zwei Dimensionen wählen")
    r, c = DIMENSIONS[rows], DIMENSIONS[cols]
    cells: dict[tuple[str, str], list[str]] = {}
    for m in view.measures:
        for a in r.values_of(view, m):
            for b in c.values_of(view, m):
                cells.setdefault((a, b), []).append(m)
    rv, cv = r.axis(view), c.axis(view)
    return Matrix(r, c, rv, cv, cells, {n: view.attr(n, "framework") for n in (*rv, *cv)})


def matrix_report(view: View, rows: str = "field", cols: str = "target_group") -> Report:
    """The matrix as three tables: counts, non-empty cells with their measures, empty cells."""
    mx = matrix(view, rows, cols)
    position = {b: i for i, b in enumerate(mx.col_values)}
    by_row = mx.row_cells()
    counts: list[list[Cell]] = []
    for a in mx.row_values:
        line: list[Cell] = [0] * len(mx.col_values)
        for b, ms in by_row.get(a, {}).items():
            if b in position:
                line[position[b]] = len(ms)
        counts.append([view.key(a), view.label(a), *line])
    filled: list[list[Cell]] = []
    empty: list[list[Cell]] = []
    for a in mx.row_values:
        row_cells = by_row.get(a, {})
        for b in mx.columns_for(a):
            found = row_cells.get(b)
            cell: list[Cell] = [view.key(a), view.label(a), view.key(b), view.label(b)]
            if found:
                filled.append([*cell, len(found), view.keys(found), view.sources(found)])
            else:
                empty.append(cell)
    rl, cl = mx.rows.label, mx.cols.label
    return Report(
        name="matrix",
        title=f"Abdeckung {rl} × {cl}",
        summary={"zellen": len(filled) + len(empty), "belegt": len(filled), "leer": len(empty)},
        tables=[
            ReportTable(
                name="matrix",
                title=f"Maßnahmen je {rl} und {cl}",
                columns=[rl, "Name", *(view.key(b) for b in mx.col_values)],
                rows=counts,
                explain=f"Anzahl der Maßnahmen; Spalten: {cl} ({mx.cols.help or 'IDs'})",
            ),
            ReportTable(
                name="cells",
                title="Belegte Zellen mit ihren Maßnahmen",
                columns=[rl, f"{rl} (Name)", cl, f"{cl} (Name)", "Anzahl", "Maßnahmen", "Quellen"],
                rows=filled,
            ),
            ReportTable(
                name="empty",
                title="Leere Zellen (keine Maßnahme)",
                columns=[rl, f"{rl} (Name)", cl, f"{cl} (Name)"],
                rows=empty,
                explain="Keine Maßnahme im Blick ist mit beiden Werten verknüpft.",
            ),
        ],
        options={"rows": rows, "cols": cols},
    )


def matrix_csv(report: Report) -> str:
    """The count table of a matrix report as CSV for German Excel (BOM, semicolon, header row)."""
    table = report.table("matrix")
    return excel_csv(table.columns, (["" if c is None else c for c in row] for row in table.rows))


def report_xlsx(report: Report) -> bytes:
    """One worksheet per table (sheet name = table title, cut to Excel's 31 characters)."""
    from openpyxl import Workbook  # on first use: the server need not hold it (~30 MB with numpy)

    from rahmengraph.model.export import finish_sheet

    wb = Workbook()
    if wb.active is not None:
        wb.remove(wb.active)
    for t in report.tables:
        ws = wb.create_sheet(t.name[:31])
        ws.append(t.columns)
        for row in t.rows:
            ws.append(row)
        finish_sheet(ws)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def compute(view: View, store: object, rows: str = "field", cols: str = "target_group") -> Report:
    """The ``matrix`` analysis."""
    return matrix_report(view, rows, cols)
