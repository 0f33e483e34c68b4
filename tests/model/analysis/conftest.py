"""Fixtures of the analysis tests: the case folders under tests/analysis_cases, loaded on demand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from rahmengraph.model.loading.writing import load
from rahmengraph.model.store import GraphStore
from rahmengraph.model.stores.oxigraph import OxigraphStore

CASES = Path(__file__).resolve().parents[2] / "analysis_cases"


@pytest.fixture(scope="session")
def case_store() -> dict[str, GraphStore]:
    """Case name → a store with that case loaded (filled lazily, shared by the session)."""
    return {}


@pytest.fixture
def load_case(case_store: dict[str, GraphStore]) -> Callable[[str], GraphStore]:
    def get(name: str) -> GraphStore:
        if name not in case_store:
            store = OxigraphStore()
            load(store, CASES / name)
            case_store[name] = store
        return case_store[name]

    return get
