"""Official graphs never contain participation triples and vice versa (SHACL), after real input."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rahmengraph.model.formats import GRAPH_FORMATS
from rahmengraph.model.graph_view import is_participation_graph
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.loading.writing import load
from rahmengraph.model.participation import intake, separation, terms
from rahmengraph.model.participation.annotations import insert
from rahmengraph.model.participation.entries import Contribution, NewEvent
from rahmengraph.model.store import GraphStore
from rahmengraph.model.stores.oxigraph import OxigraphStore

CASE = Path(__file__).resolve().parent.parent / "cases" / "beteiligung" / "fachtag.beteiligung.json"
MOMENT = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


@pytest.fixture
def world(musterland_dir: Path) -> tuple[GraphStore, Dataset, str]:
    """Musterland with one open event and every kind of input in it."""
    store = OxigraphStore()
    ds = load(store, musterland_dir)
    window = {"beginn": MOMENT - timedelta(hours=1), "ende": MOMENT + timedelta(hours=1)}
    spec = NewEvent(
        titel="Fachtag", datum=MOMENT.date(), format="G-BET", felder=["1"], namen_erfragen=True, **window
    )
    opened = intake.open_event(store, ds, spec)
    store.update(opened.update)
    for raw in json.loads(CASE.read_text(encoding="utf-8"))["beitraege"]:
        _ev, update = intake.accept(
            store, ds, opened.id, opened.token, Contribution.model_validate(raw), MOMENT
        )
        store.update(update)
    return store, ds, opened.id


def official(store: GraphStore, ds: Dataset) -> dict[str, bytes]:
    return {
        g: store.dump(GRAPH_FORMATS["nq"], g)
        for g in store.graphs()
        if g.startswith(ds.base) and not is_participation_graph(g)
    }


def test_input_leaves_the_official_graphs_untouched_and_both_sides_conform(
    world: tuple[GraphStore, Dataset, str], musterland_dir: Path
) -> None:
    store, ds, _event = world
    fresh = OxigraphStore()
    load(fresh, musterland_dir)
    assert official(store, ds) == official(fresh, ds)
    assert separation.violations(store, ds.base) == []


def test_official_content_in_a_participation_graph_is_a_violation(
    world: tuple[GraphStore, Dataset, str],
) -> None:
    store, ds, event = world
    measure = ds.keys["measure"]["M-1-01"]
    copied = store.construct(f"CONSTRUCT {{ <{measure}> ?p ?o }} WHERE {{ <{measure}> ?p ?o }}")
    graph = terms.input_graph(ds.base, event)
    store.update(insert(graph, copied))
    found = separation.violations(store, ds.base)
    assert {(f.focus, f.shape.rsplit("#", 1)[-1]) for f in found} == {(measure, "ParticipationTypeShape")}
    assert "Amtlicher Inhalt in einem Beteiligungsgraphen" in found[0].message


def test_participation_input_in_an_official_graph_is_a_violation(
    world: tuple[GraphStore, Dataset, str],
) -> None:
    store, ds, event = world
    graph = terms.input_graph(ds.base, event)
    store.update(
        insert(
            ds.graph, store.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        )
    )
    found = separation.violations(store, ds.base)
    assert found and {f.shape.rsplit("#", 1)[-1] for f in found} == {"NoParticipationInputShape"}
    annotations = {f.focus for f in found if "#" not in f.focus}
    assert annotations == {
        terms.contribution_iri(ds.base, raw["id"]) for raw in json.loads(CASE.read_text())["beitraege"]
    }
