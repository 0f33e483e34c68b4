"""Export writers for the tables: CSV folder, ZIP of it, XLSX workbook (the table of all
downloads is :data:`rahmengraph.viz.distribution.DISTRIBUTIONS`).

Every writer builds its whole output in memory first and then writes it with one replace,
so a failed export leaves no half-written file behind.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Final

from rahmengraph.model.loading.csv_text import excel_csv, write_csv
from rahmengraph.model.tabulation import Tables

if TYPE_CHECKING:  # openpyxl on first use: a server that writes no workbook need not hold it (~30 MB)
    from openpyxl.worksheet.worksheet import Worksheet


def csv_files(tables: Tables) -> dict[str, str]:
    """File name → CSV text in the canonical form of the dataset files (comma, LF, no BOM)."""
    return {name: write_csv(header, rows) for name, (header, rows) in tables.files.items()}


def excel_files(tables: Tables) -> dict[str, str]:
    """File name → CSV text for German Excel (BOM, semicolon, CRLF): what exports and downloads give."""
    return {name: excel_csv(header, rows) for name, (header, rows) in tables.files.items()}


#: Widest column of a worksheet, in characters (longer text wraps in the cell when opened).
MAX_WIDTH: Final = 60


def finish_sheet(ws: Worksheet, text: bool = False) -> None:
    """Header row frozen, an autofilter over the table, columns as wide as their content (up to
    :data:`MAX_WIDTH`); with ``text`` every cell is formatted as text, so a code typed as ``3.10``
    stays ``3.10`` when a planner edits the sheet."""
    ws.freeze_panes = "A2"
    if ws.max_row and ws.max_column:
        ws.auto_filter.ref = ws.dimensions
    for column in ws.iter_cols():
        width = max((len(str(c.value)) for c in column if c.value is not None), default=0)
        ws.column_dimensions[column[0].column_letter].width = min(MAX_WIDTH, max(8, width + 2))
        if text:
            for c in column:
                c.number_format = "@"


def xlsx_bytes(tables: Tables) -> bytes:
    """One worksheet per file (sheet name = file name without ``.csv``), same columns, every cell
    text (so codes like ``3.10`` are never numbers), with filters and column widths."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active) if wb.active is not None else None
    for name, (header, rows) in tables.files.items():
        ws = wb.create_sheet(name.removesuffix(".csv"))
        ws.append(header)
        for row in rows:
            ws.append(row)
        finish_sheet(ws, text=True)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def zip_bytes(files: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in sorted(files.items()):
            info = zipfile.ZipInfo(name, date_time=(2021, 10, 1, 0, 0, 0))
            zf.writestr(info, text.encode())
    return buf.getvalue()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then replace ``path`` with it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # as open() would: readable by others (mkstemp gives 0600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_folder(tables: Tables, folder: Path, canonical: bool = False) -> list[Path]:
    """Write the CSV files into ``folder`` (each file replaced atomically): for German Excel, or
    in the canonical form of a dataset folder (``canonical``, as ``data/build_bremen.py`` does)."""
    files = csv_files(tables) if canonical else excel_files(tables)  # render all before writing
    out = []
    for name, text in files.items():
        atomic_write(folder / name, text.encode())
        out.append(folder / name)
    return out
