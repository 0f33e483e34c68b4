"""Files as German Excel saves them (semicolon, byte-order mark, CRLF) load like the originals."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rahmengraph.model.loading.checking import read_dataset
from rahmengraph.model.loading.csv_text import delimiter
from rahmengraph.model.loading.mapping import to_triples

CASES = sorted(p for p in (Path(__file__).parent / "excel_input").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_excel_saved_files_give_the_same_graph(case: Path, musterland_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "dataset"
    shutil.copytree(musterland_dir, folder)
    for f in case.iterdir():
        assert f.read_bytes().startswith(b"\xef\xbb\xbf") and b"\r\n" in f.read_bytes()
        shutil.copy(f, folder / f.name)
    got = {str(t) for t in to_triples(read_dataset(folder))}
    assert got == {str(t) for t in to_triples(read_dataset(musterland_dir))}


@pytest.mark.parametrize(
    ("header", "expected"),
    [("id,name,quelle", ","), ("id;name;quelle", ";"), ("id\tname", "\t"), ("id", ",")],
)
def test_delimiter_is_read_from_the_header(header: str, expected: str) -> None:
    assert delimiter(header) == expected
