"""Loader round trip: source → RDF → source is identical, and loading is deterministic."""

from __future__ import annotations

from pathlib import Path

import pytest

from rahmengraph.model.change_records import RECORDS_FILE
from rahmengraph.model.editions import CATALOGUE_FILE
from rahmengraph.model.export import csv_files, xlsx_bytes
from rahmengraph.model.loading.checking import read_dataset
from rahmengraph.model.loading.mapping import to_triples
from rahmengraph.model.store import GraphStore
from rahmengraph.model.tabulation import read_tables

ROOT = Path(__file__).resolve().parents[2]
DATASETS = [ROOT / "data" / "bremen", ROOT / "tests" / "cases" / "musterland"]


@pytest.mark.parametrize("folder", DATASETS, ids=[d.name for d in DATASETS])
def test_round_trip_is_identical(folder: Path) -> None:
    from rahmengraph.model.stores.oxigraph import OxigraphStore

    ds = read_dataset(folder)
    store = OxigraphStore()
    store.replace_graph(ds.graph, to_triples(ds))
    files = csv_files(read_tables(store, ds.graph))
    # the edition catalogue and the change records are tables beside the graph's content
    beside = {CATALOGUE_FILE, RECORDS_FILE}
    assert sorted(files) == sorted(p.name for p in folder.glob("*.csv") if p.name not in beside)
    for name, text in files.items():
        assert text == (folder / name).read_text(encoding="utf-8"), name


@pytest.mark.parametrize("folder", DATASETS, ids=[d.name for d in DATASETS])
def test_mapping_is_deterministic(folder: Path) -> None:
    first = [str(t) for t in to_triples(read_dataset(folder))]
    second = [str(t) for t in to_triples(read_dataset(folder))]
    assert first == second


def test_xlsx_has_the_same_rows_as_csv(musterland_store: GraphStore) -> None:
    import io

    from openpyxl import load_workbook

    graph = "https://w3id.org/rahmengraph/musterland/"
    tables = read_tables(musterland_store, graph)
    wb = load_workbook(io.BytesIO(xlsx_bytes(tables)))
    for name, (header, rows) in tables.files.items():
        ws = wb[name.removesuffix(".csv")]
        values = [[c if c is not None else "" for c in r] for r in ws.iter_rows(values_only=True)]
        assert values[0] == header
        assert values[1:] == rows


def _workbook(folder: Path, book: Path) -> Path:
    """Export the dataset in ``folder`` as the workbook a planner would edit."""
    from rahmengraph.model.stores.oxigraph import OxigraphStore

    ds = read_dataset(folder)
    store = OxigraphStore()
    store.replace_graph(ds.graph, to_triples(ds))
    book.write_bytes(xlsx_bytes(read_tables(store, ds.graph)))
    return book


def test_workbook_loads_like_the_folder(musterland_dir: Path, tmp_path: Path) -> None:
    """A planner's spreadsheet (the exported workbook) loads into the same triples as the CSV folder."""
    ds = read_dataset(musterland_dir)
    again = read_dataset(_workbook(musterland_dir, tmp_path / "musterland.xlsx"))
    assert sorted(map(str, to_triples(again))) == sorted(map(str, to_triples(ds)))


def test_workbook_errors_name_the_sheet(musterland_dir: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from rahmengraph.errors import InputError

    book = _workbook(musterland_dir, tmp_path / "m.xlsx")
    wb = load_workbook(book)
    wb["akteure"]["C2"] = "Ministerium?"
    wb.save(book)
    with pytest.raises(InputError) as info:
        read_dataset(book)
    assert [(p.file, p.line, p.column) for p in info.value.problems] == [("akteure.csv", 2, "typ")]
