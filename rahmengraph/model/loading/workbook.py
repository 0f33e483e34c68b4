"""A spreadsheet workbook as the CSV files of a dataset: one worksheet per file.

Read are Excel's ``.xlsx`` (openpyxl) and LibreOffice's ``.ods`` (odfpy). A sheet ``massnahmen``
becomes the file ``massnahmen.csv``; every cell becomes the text a CSV file would hold (dates ISO,
whole numbers without ``.0``). A number cell keeps its value, not its display: ``3.10`` typed
into a number cell arrives as ``3.1`` (the checks then say so, see ``cell_checks``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from rahmengraph.errors import Problem, ProblemKind
from rahmengraph.model.loading.csv_text import write_csv

Sheets = dict[str, list[list[str]]]


def _cell(value: object) -> str:
    """A spreadsheet cell as the text a CSV file would hold (dates ISO, whole numbers without .0)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_sheets(path: Path) -> Sheets:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        return {
            ws.title: [[_cell(v) for v in row] for row in ws.iter_rows(values_only=True)]
            for ws in wb.worksheets
        }
    finally:
        wb.close()


def _ods_value(cell: Any) -> str:
    """The text of one ODF table cell: typed value for numbers and dates, else the shown text."""
    from odf import teletype
    from odf.text import P

    kind = cell.getAttribute("valuetype")
    if kind in ("float", "percentage", "currency"):
        return _cell(float(cell.getAttribute("value")))
    if kind == "date":
        value = str(cell.getAttribute("datevalue"))
        return value.removesuffix("T00:00:00")
    if kind == "boolean":
        return str(cell.getAttribute("booleanvalue"))
    return "\n".join(teletype.extractText(p) for p in cell.getElementsByType(P))


def _ods_row(row: Any) -> list[str]:
    """Cells of one row; repeated empty cells are expanded only when a filled cell follows them."""
    out: list[str] = []
    pending = 0
    for cell in row.childNodes:
        if cell.qname[1] not in ("table-cell", "covered-table-cell"):
            continue
        repeat = int(cell.getAttribute("numbercolumnsrepeated") or 1)
        text = _ods_value(cell) if cell.qname[1] == "table-cell" else ""
        if not text:
            pending += repeat
            continue
        out += [""] * pending + [text] * repeat
        pending = 0
    return out


def _ods_sheets(path: Path) -> Sheets:
    from odf.opendocument import load
    from odf.table import Table, TableRow

    doc = load(str(path))
    sheets: Sheets = {}
    for table in doc.spreadsheet.getElementsByType(Table):
        rows: list[list[str]] = []
        pending = 0  # empty rows, kept only when a filled row follows (line numbers stay right)
        for row in table.getElementsByType(TableRow):
            repeat = int(row.getAttribute("numberrowsrepeated") or 1)
            cells = _ods_row(row)
            if not any(cells):
                pending += repeat
                continue
            rows += [[] for _ in range(pending)] + [list(cells) for _ in range(repeat)]
            pending = 0
        sheets[str(table.getAttribute("name"))] = rows
    return sheets


#: File suffix → reader of its sheets (as rows of cell texts).
READERS: Final[dict[str, Callable[[Path], Sheets]]] = {".xlsx": _xlsx_sheets, ".ods": _ods_sheets}


def _as_csv(rows: list[list[str]]) -> bytes:
    while rows and not any(rows[-1]):
        rows.pop()
    if not rows:
        return b""
    width = len(rows[0])
    while width and not rows[0][width - 1]:
        width -= 1
    return write_csv(rows[0][:width], [(r + [""] * width)[:width] for r in rows[1:]]).encode()


def workbook_as_csv(path: Path) -> tuple[dict[str, bytes], list[Problem]]:
    """The worksheets of an ``.xlsx`` or ``.ods`` workbook as CSV bytes by file name
    (sheet ``massnahmen`` → ``massnahmen.csv``)."""
    try:
        sheets = READERS[path.suffix.lower()](path)
    except Exception as exc:  # whatever the parser trips over in a broken file is an input problem
        return {}, [Problem(f"Arbeitsmappe nicht lesbar: {exc}", path.name, kind=ProblemKind.UNREADABLE)]
    return {f"{name}.csv": _as_csv(rows) for name, rows in sheets.items()}, []
