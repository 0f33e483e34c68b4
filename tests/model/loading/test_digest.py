"""Server start-up from an existing store: an unchanged dataset is not written again."""

from __future__ import annotations

import shutil
from pathlib import Path

from rahmengraph.model.loading import digest
from rahmengraph.model.loading.writing import load
from rahmengraph.model.stores.oxigraph import OxigraphStore


def _copy(musterland_dir: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "musterland"
    shutil.copytree(musterland_dir, folder)
    return folder


def test_an_unchanged_dataset_is_not_written_again(musterland_dir: Path, tmp_path: Path) -> None:
    folder = _copy(musterland_dir, tmp_path)
    store = OxigraphStore(tmp_path / "store")
    ds = load(store, folder, reuse=True)
    assert (tmp_path / "store" / digest.FILE).exists()
    written = store.generation
    again = load(store, folder, reuse=True)
    assert store.generation == written  # nothing written
    assert again.graph == ds.graph and store.count(ds.graph) > 0
    store.close()


def test_a_changed_file_is_written(musterland_dir: Path, tmp_path: Path) -> None:
    folder = _copy(musterland_dir, tmp_path)
    store = OxigraphStore(tmp_path / "store")
    ds = load(store, folder, reuse=True)
    written = store.generation
    measures = folder / "massnahmen.csv"
    measures.write_text(measures.read_text(encoding="utf-8").replace("Sprach", "Sprech"), encoding="utf-8")
    load(store, folder, reuse=True)
    assert store.generation > written
    assert store.ask(f'ASK {{ GRAPH <{ds.graph}> {{ ?m ?p ?l FILTER(CONTAINS(STR(?l), "Sprechkurse")) }} }}')
    store.close()


def test_a_load_without_reuse_drops_the_digest(musterland_dir: Path, tmp_path: Path) -> None:
    """``rahmengraph load`` may write another folder into the same graph: the next start writes again."""
    folder = _copy(musterland_dir, tmp_path)
    store = OxigraphStore(tmp_path / "store")
    ds = load(store, folder, reuse=True)
    assert digest.holds(store, ds.graph, folder)
    load(store, folder)
    assert not digest.holds(store, ds.graph, folder)
    store.close()


def test_a_memory_store_is_always_written(musterland_dir: Path) -> None:
    store = OxigraphStore()
    load(store, musterland_dir, reuse=True)
    written = store.generation
    load(store, musterland_dir, reuse=True)
    assert store.generation > written
