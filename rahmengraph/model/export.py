"""Export: the dataset as tables (CSV folder or XLSX workbook) or as RDF, GraphML, GEXF.

Every writer builds its whole output in memory first and then writes it with one replace,
so a failed export leaves no half-written file behind.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Final

import networkx as nx
from openpyxl import Workbook

from rahmengraph.errors import ParameterError
from rahmengraph.model.formats import GRAPH_FORMATS
from rahmengraph.model.store import GraphStore
from rahmengraph.model.tables import Tables, read_tables
from rahmengraph.model.tabular import write_csv


def csv_files(tables: Tables) -> dict[str, str]:
    """File name → CSV text."""
    return {name: write_csv(header, rows) for name, (header, rows) in tables.files.items()}


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


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_folder(tables: Tables, folder: Path) -> list[Path]:
    """Write the CSV files into ``folder`` (each file replaced atomically)."""
    files = csv_files(tables)  # render everything before writing anything
    out = []
    for name, text in files.items():
        _atomic_write(folder / name, text.encode())
        out.append(folder / name)
    return out


def _network(
    store: GraphStore, graph: str, writer: Callable[[nx.MultiDiGraph[str], io.BytesIO], None]
) -> bytes:
    from rahmengraph.model.projection import project

    g = project(store, graph=graph)
    buf = io.BytesIO()
    writer(g, buf)
    return buf.getvalue()


#: ``export --format`` value → (help, producer of the bytes). CSV gives a ZIP of the folder
#: when written to a ``.zip`` file, else the folder itself (see :func:`export`).
EXPORTS: Final[dict[str, tuple[str, Callable[[GraphStore, str], bytes]]]] = {
    **{
        key: (f.help, lambda store, graph, f=f: store.dump(f, graph))  # type: ignore[misc]
        for key, f in GRAPH_FORMATS.items()
    },
    "graphml": ("GraphML (Netzwerk für yEd, Gephi, networkx)", lambda s, g: _network(s, g, nx.write_graphml)),
    "gexf": ("GEXF (Netzwerk für Gephi)", lambda s, g: _network(s, g, nx.write_gexf)),
    "xlsx": ("Excel-Arbeitsmappe, ein Blatt je Datei", lambda s, g: xlsx_bytes(read_tables(s, g))),
    "csv": ("CSV-Dateien (Ordner oder .zip)", lambda s, g: zip_bytes(csv_files(read_tables(s, g)))),
}


def export(store: GraphStore, graph: str, fmt: str, target: Path) -> list[Path]:
    """Export the dataset in named graph ``graph`` to ``target`` in format ``fmt``."""
    if fmt not in EXPORTS:
        raise ParameterError(
            f"Unbekanntes Exportformat {fmt!r} (Parameter --format); bekannt: {', '.join(EXPORTS)}"
        )
    if fmt == "csv" and target.suffix != ".zip":
        return write_folder(read_tables(store, graph), target)
    data = EXPORTS[fmt][1](store, graph)
    _atomic_write(target, data)
    return [target]
