"""Participation graphs are never part of the default graph: in the stores and in the query workers."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from rahmengraph.engine.job import Change
from rahmengraph.engine.replica import Replica
from rahmengraph.engine.worker import _current, _current_of
from rahmengraph.model.graph_view import current_graphs, in_default_graph, is_participation_graph
from rahmengraph.model.participation import terms
from rahmengraph.model.stores.oxigraph import OxigraphStore

BASE = "https://w3id.org/rahmengraph/land/"
OFFICIAL = BASE
INPUT = terms.input_graph(BASE, "fachtag")
REGISTER = terms.register_graph(BASE)
EDITION = BASE + "ausgabe/2021"


@pytest.mark.parametrize(
    ("graph", "participation", "default"),
    [(OFFICIAL, False, True), (INPUT, True, False), (REGISTER, True, False), (EDITION, False, False)],
    ids=["official", "input", "register", "edition"],
)
def test_which_graphs_are_participation_and_which_are_default(
    graph: str, participation: bool, default: bool
) -> None:
    assert is_participation_graph(graph) is participation
    assert in_default_graph(graph) is default


def test_current_graphs_leave_out_participation_even_without_editions() -> None:
    assert current_graphs([OFFICIAL]) is None  # the union: the engines' fast path
    assert current_graphs([OFFICIAL, INPUT, REGISTER]) == [OFFICIAL]
    assert current_graphs([OFFICIAL, EDITION, INPUT]) == [OFFICIAL]


INSERT = f"INSERT DATA {{ GRAPH <{INPUT}> {{ <urn:a> <urn:b> <urn:c> }} }}"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def test_a_store_without_editions_does_not_show_participation_by_default() -> None:
    store = OxigraphStore()
    store.replace_graph(OFFICIAL, [ox.Triple(ox.NamedNode("urn:x"), ox.NamedNode("urn:p"), ox.Literal("1"))])
    assert store.select(COUNT).values() == [{"n": "1"}]
    store.update(INSERT)
    assert store.select(COUNT).values() == [{"n": "1"}]
    assert store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{INPUT}> {{ ?s ?p ?o }} }}").values() == [
        {"n": "1"}
    ]


def test_a_worker_replaying_new_input_keeps_it_out_of_its_default_graph() -> None:
    official = f'<urn:x> <urn:p> "1" <{OFFICIAL}> .\n'.encode()
    replica = Replica(("nquads", official))
    assert _current(replica.store) is None  # no graph outside the current state yet: the union
    replica.apply((Change(INSERT),))
    _current_of.clear()  # as the worker's loop does after every change
    assert _current(replica.store) == [OFFICIAL]
