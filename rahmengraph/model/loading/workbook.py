"""A spreadsheet workbook as the CSV files of a dataset: one worksheet per file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rahmengraph.errors import Problem
from rahmengraph.model.loading.csv_text import write_csv


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


def xlsx_as_csv(path: Path) -> tuple[dict[str, bytes], list[Problem]]:
    """The worksheets of a workbook as CSV bytes by file name (sheet ``massnahmen`` → ``massnahmen.csv``)."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (OSError, InvalidFileException, KeyError, ValueError) as exc:
        return {}, [Problem(f"Arbeitsmappe nicht lesbar: {exc}", path.name)]
    files = {}
    for ws in wb.worksheets:
        rows = [[_cell(v) for v in row] for row in ws.iter_rows(values_only=True)]
        while rows and not any(rows[-1]):
            rows.pop()
        if not rows:
            files[f"{ws.title}.csv"] = b""
            continue
        width = len(rows[0])
        while width and not rows[0][width - 1]:
            width -= 1
        files[f"{ws.title}.csv"] = write_csv(rows[0][:width], [r[:width] for r in rows[1:]]).encode()
    wb.close()
    return files, []
