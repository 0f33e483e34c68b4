"""Each bad-input case gives its located errors, all of them, and leaves the store untouched."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from rahmengraph.errors import InputError
from rahmengraph.model.loading.checking import read_dataset
from rahmengraph.model.loading.writing import load
from rahmengraph.model.stores.oxigraph import OxigraphStore

CASES = sorted(p for p in (Path(__file__).parent / "bad_input").iterdir() if p.is_dir())


def _dataset(case: Path, base: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "dataset"
    shutil.copytree(base, folder)
    for f in case.iterdir():
        if f.name != "expected.json":
            shutil.copy(f, folder / f.name)
    return folder


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_reported_with_location(case: Path, musterland_dir: Path, tmp_path: Path) -> None:
    folder = _dataset(case, musterland_dir, tmp_path)
    with pytest.raises(InputError) as info:
        read_dataset(folder)
    got = [p.as_dict() for p in info.value.problems]
    for want in json.loads((case / "expected.json").read_text(encoding="utf-8")):
        matches = [
            p
            for p in got
            if p["file"] == want["file"]
            and p["line"] == want["line"]
            and p["column"] == want["column"]
            and (want["value"] is None or p["value"] == want["value"])
            and want["message"] in str(p["message"])
        ]
        assert matches, f"expected {want} among {got}"
    assert len(got) == len(json.loads((case / "expected.json").read_text(encoding="utf-8")))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_leaves_store_untouched(case: Path, musterland_dir: Path, tmp_path: Path) -> None:
    store = OxigraphStore()
    ds = load(store, musterland_dir)
    before = store.count()
    graphs = store.graphs()
    with pytest.raises(InputError):
        load(store, _dataset(case, musterland_dir, tmp_path))
    assert store.count() == before
    assert store.graphs() == graphs
    assert store.count(ds.graph) > 0


def test_message_names_file_line_column_and_value(musterland_dir: Path, tmp_path: Path) -> None:
    folder = _dataset(Path(__file__).parent / "bad_input" / "unknown-actor", musterland_dir, tmp_path)
    with pytest.raises(InputError) as info:
        read_dataset(folder)
    text = str(info.value)
    assert "massnahmen.csv:3" in text and "federfuehrend" in text and "XYZ" in text


def test_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="existiert nicht"):
        read_dataset(tmp_path / "nope")


def test_missing_required_file(musterland_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "d"
    shutil.copytree(musterland_dir, folder)
    (folder / "akteure.csv").unlink()
    with pytest.raises(InputError) as info:
        read_dataset(folder)
    assert any(p.file == "akteure.csv" and "Pflichtdatei" in p.message for p in info.value.problems)


def test_load_all_reports_every_dataset_and_writes_nothing(musterland_dir: Path, tmp_path: Path) -> None:
    from rahmengraph.model.loading.writing import load_all

    good = tmp_path / "good"
    shutil.copytree(musterland_dir, good)
    bad = _dataset(Path(__file__).parent / "bad_input" / "unknown-actor", musterland_dir, tmp_path)
    twin = tmp_path / "twin"
    shutil.copytree(musterland_dir, twin)
    store = OxigraphStore()
    with pytest.raises(InputError) as info:
        load_all(store, [good, bad, twin])
    where = {(p.file, p.column) for p in info.value.problems}
    assert ("dataset/massnahmen.csv", "federfuehrend") in where  # the bad folder is named
    assert ("twin/rahmen.csv", "basis_iri") in where  # same base IRI twice
    assert store.count() == 0
