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

from openpyxl import Workbook

from rahmengraph.model.loading.csv_text import excel_csv, write_csv
from rahmengraph.model.tabulation import Tables


def csv_files(tables: Tables) -> dict[str, str]:
    """File name → CSV text in the canonical form of the dataset files (comma, LF, no BOM)."""
    return {name: write_csv(header, rows) for name, (header, rows) in tables.files.items()}


def excel_files(tables: Tables) -> dict[str, str]:
    """File name → CSV text for German Excel (BOM, semicolon, CRLF): what exports and downloads give."""
    return {name: excel_csv(header, rows) for name, (header, rows) in tables.files.items()}


def xlsx_bytes(tables: Tables) -> bytes:
    """One worksheet per file (sheet name = file name without ``.csv``), same columns."""
    wb = Workbook()
    wb.remove(wb.active) if wb.active is not None else None
    for name, (header, rows) in tables.files.items():
        ws = wb.create_sheet(name.removesuffix(".csv"))
        ws.append(header)
        for row in rows:
            ws.append(row)
        ws.freeze_panes = "A2"
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
