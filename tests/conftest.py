"""The test world: dataset folders and loaded stores, shared by every part's tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rahmengraph.api.app import create_app
from rahmengraph.config import Settings
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.loading.writing import load, load_all
from rahmengraph.model.store import GraphStore
from rahmengraph.model.stores.oxigraph import OxigraphStore

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture(scope="session")
def bremen_dir() -> Path:
    return ROOT / "data" / "bremen"


@pytest.fixture(scope="session")
def musterland_dir() -> Path:
    return CASES / "musterland"


@pytest.fixture(scope="session")
def nachbarland_dir() -> Path:
    """A second small framework sharing abbreviations, field numbers, a level and target-group ids
    with musterland (with other meanings): for stores with two frameworks."""
    return CASES / "nachbarland"


@pytest.fixture(scope="session")
def two_frameworks(musterland_dir: Path, nachbarland_dir: Path) -> tuple[GraphStore, list[Dataset]]:
    """Musterland and Nachbarland in one in-memory store (read-only use)."""
    store = OxigraphStore()
    return store, load_all(store, [musterland_dir, nachbarland_dir])


def _loaded(folder: Path) -> tuple[GraphStore, Dataset]:
    store = OxigraphStore()
    ds = load(store, folder)
    return store, ds


@pytest.fixture(scope="session")
def hansestadt_dir() -> Path:
    return CASES / "hansestadt"


@pytest.fixture(scope="session")
def hansestadt_store(hansestadt_dir: Path) -> GraphStore:
    """The city-state test framework (seven Bezirke, own terms) in memory (read-only use)."""
    return _loaded(hansestadt_dir)[0]


@pytest.fixture(scope="session")
def bremen_loaded(bremen_dir: Path) -> tuple[GraphStore, Dataset]:
    return _loaded(bremen_dir)


@pytest.fixture(scope="session")
def musterland_loaded(musterland_dir: Path) -> tuple[GraphStore, Dataset]:
    return _loaded(musterland_dir)


@pytest.fixture(scope="session")
def bremen_store(bremen_loaded: tuple[GraphStore, Dataset]) -> GraphStore:
    """Bremen loaded into an in-memory Oxigraph store (read-only use: do not modify)."""
    return bremen_loaded[0]


@pytest.fixture(scope="session")
def musterland_store(musterland_loaded: tuple[GraphStore, Dataset]) -> GraphStore:
    """The small test framework loaded into an in-memory Oxigraph store (read-only use)."""
    return musterland_loaded[0]


@pytest.fixture(scope="module")
def musterland_client(
    musterland_loaded: tuple[GraphStore, Dataset], musterland_dir: Path
) -> Iterator[TestClient]:
    """The web app over the session's musterland store (pages and API, read-only use)."""
    store, dataset = musterland_loaded
    settings = Settings.model_validate(
        {"dataset": musterland_dir, "store": "oxigraph:memory", "query_workers": 1}
    )
    with TestClient(create_app(settings, store, dataset)) as c:
        yield c
