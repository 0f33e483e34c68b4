"""Views per filter are remembered, but only a bounded number of them (memory at large scale)."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from rahmengraph.model.analysis import indexes as view_module
from rahmengraph.model.analysis.indexes import make_view
from rahmengraph.model.filters import Filters
from rahmengraph.model.loading.writing import load
from rahmengraph.model.projection import shared_projection
from rahmengraph.model.store import GraphStore
from rahmengraph.model.stores.oxigraph import OxigraphStore

#: Distinct filters over the musterland framework (fields, actors, levels, evidence).
FILTERS = [
    Filters(field=("1",)),
    Filters(field=("2",)),
    Filters(field=("3",)),
    Filters(field=("1", "2")),
    Filters(actor=("MJI",)),
    Filters(evidence=("rahmenkonzept",)),
]


def test_views_are_reused_and_bounded(musterland_store: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(view_module, "MAX_FILTERED_VIEWS", 3)
    unfiltered = make_view(musterland_store)
    first = make_view(musterland_store, FILTERS[0])
    assert make_view(musterland_store, FILTERS[0]) is first  # remembered
    recent = [make_view(musterland_store, f) for f in FILTERS[1:]]
    assert [make_view(musterland_store, f) for f in FILTERS[-3:]] == recent[-3:]  # the last three stay
    assert make_view(musterland_store) is unfiltered  # the unfiltered view is never dropped
    assert make_view(musterland_store, FILTERS[0]) is not first  # the oldest was dropped, built anew


def test_a_changed_store_lets_go_of_the_old_projection_and_its_views(musterland_dir: Path) -> None:
    store = OxigraphStore()
    load(store, musterland_dir)
    make_view(store, FILTERS[0])
    old = weakref.ref(shared_projection(store))
    store.update('INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> "c" } }')
    make_view(store, FILTERS[0])  # the new state's projection and view
    gc.collect()
    assert old() is None
