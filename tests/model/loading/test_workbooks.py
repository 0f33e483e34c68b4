"""Workbooks as planners save them: LibreOffice ``.ods`` (written by odfpy, with typed number and
date cells and LibreOffice's repeated empty rows and columns) and Excel ``.xlsx``; codes that a
spreadsheet turned into numbers are named as such."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from rahmengraph.errors import InputError
from rahmengraph.model.export import xlsx_bytes
from rahmengraph.model.loading.checking import read_dataset
from rahmengraph.model.loading.mapping import to_triples
from rahmengraph.model.store import GraphStore
from rahmengraph.model.tabulation import read_tables

HERE = Path(__file__).parent / "workbooks"
BAD = sorted(p for p in HERE.glob("*.ods") if p.with_suffix(".expected.json").exists())
GRAPH = "https://w3id.org/rahmengraph/musterland/"


def _triples(folder: Path) -> set[str]:
    return {str(t) for t in to_triples(read_dataset(folder))}


def test_ods_gives_the_same_graph_as_the_csv_folder(musterland_dir: Path) -> None:
    assert _triples(HERE / "musterland.ods") == _triples(musterland_dir)


@pytest.mark.parametrize("book", BAD, ids=[b.stem for b in BAD])
def test_bad_workbook_is_reported_with_location(book: Path) -> None:
    with pytest.raises(InputError) as info:
        read_dataset(book)
    got = [p.as_dict() for p in info.value.problems]
    want = json.loads(book.with_suffix(".expected.json").read_text(encoding="utf-8"))
    assert len(got) == len(want), got
    for w in want:
        assert any(
            (g["file"], g["line"], g["column"], g["value"]) == (w["file"], w["line"], w["column"], w["value"])
            and w["message"] in str(g["message"])
            for g in got
        ), f"{w} not in {got}"


def test_other_spreadsheet_files_say_how_to_save(tmp_path: Path) -> None:
    old = tmp_path / "rahmen.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(InputError) as info:
        read_dataset(old)
    assert ".xlsx" in str(info.value) and ".ods" in str(info.value)


def test_broken_ods_is_one_problem(tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.ods"
    broken.write_bytes(b"PK not really a zip")
    with pytest.raises(InputError) as info:
        read_dataset(broken)
    assert [p.file for p in info.value.problems] == ["kaputt.ods"]
    assert "Arbeitsmappe nicht lesbar" in info.value.problems[0].message


def test_exported_workbook_keeps_codes_as_text_with_filters_and_widths(musterland_store: GraphStore) -> None:
    book = load_workbook(io.BytesIO(xlsx_bytes(read_tables(musterland_store, GRAPH))))
    fields = book["handlungsfelder"]
    assert fields["A1"].value == "nummer"
    assert all(c.number_format == "@" and isinstance(c.value, str) for c in fields["A"][1:])
    assert fields.auto_filter.ref == fields.dimensions
    assert fields.freeze_panes == "A2"
    widths = [fields.column_dimensions[c].width for c in ("A", "B")]
    assert all(8 <= w <= 60 for w in widths) and widths[1] > widths[0]
