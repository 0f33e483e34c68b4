"""Export files: readable by others (not 0600), CSV for German Excel."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from rahmengraph.model.export import atomic_write, excel_files, write_folder
from rahmengraph.model.store import GraphStore
from rahmengraph.model.tabulation import read_tables

GRAPH = "https://w3id.org/rahmengraph/musterland/"


def test_written_files_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "a.xlsx", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.xlsx").stat().st_mode) == 0o644


def test_csv_export_is_for_german_excel(musterland_store: GraphStore, tmp_path: Path) -> None:
    tables = read_tables(musterland_store, GRAPH)
    text = excel_files(tables)["massnahmen.csv"]
    assert text.startswith("\ufeffid;name;") and text.endswith("\r\n")
    written = write_folder(tables, tmp_path / "out")
    assert all(p.read_bytes().startswith(b"\xef\xbb\xbf") for p in written)
    canonical = write_folder(tables, tmp_path / "canon", canonical=True)
    assert all(b"\r\n" not in p.read_bytes() for p in canonical)
