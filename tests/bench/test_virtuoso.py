"""The remote-store configuration against a running Virtuoso (``scripts/virtuoso.sh start``).

The "laender" framework is loaded through SPARQL Update into Virtuoso and into an embedded
Oxigraph store; every query of the benchmark's reference set must give the same answer.
Skipped (with the reason) when no Virtuoso answers on 127.0.0.1:8890.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench import virtuoso
from bench.generate import generate
from bench.queryset import reference_set
from rahmengraph.model.store import GraphStore, open_store
from rahmengraph.model.stores.oxigraph import OxigraphStore

URL = os.environ.get("RAHMENGRAPH_VIRTUOSO", "http://127.0.0.1:8890/sparql")

pytestmark = [
    pytest.mark.virtuoso,
    pytest.mark.skipif(
        not virtuoso.available(URL),
        reason=f"kein Virtuoso unter {URL} (starten mit scripts/virtuoso.sh start)",
    ),
]


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> tuple[GraphStore, GraphStore, list[Path]]:
    folders = generate("laender", tmp_path_factory.mktemp("laender"))
    embedded = OxigraphStore()
    virtuoso.load_all(embedded, folders)
    remote = open_store(f"sparql:{URL}")
    virtuoso.reset(remote, set())
    virtuoso.load_all(remote, folders)
    return embedded, remote, folders


def test_same_graphs_and_triples(stores: tuple[GraphStore, GraphStore, list[Path]]) -> None:
    embedded, remote, _ = stores
    assert remote.graphs() == embedded.graphs()
    for graph in embedded.graphs():
        assert remote.count(graph) == embedded.count(graph), graph


def test_same_answers_on_the_reference_set(stores: tuple[GraphStore, GraphStore, list[Path]]) -> None:
    embedded, remote, folders = stores
    verdicts = virtuoso.compare(embedded, remote, reference_set(embedded, folders[0]))
    assert {n: v for n, v in verdicts.items() if not v.startswith("gleich")} == {}


def test_ask_is_a_boolean(stores: tuple[GraphStore, GraphStore, list[Path]]) -> None:
    _embedded, remote, _ = stores
    assert remote.ask("ASK { ?m a <https://w3id.org/rahmengraph/ontology#Measure> }") is True
    assert remote.ask("ASK { ?m a <https://w3id.org/rahmengraph/ontology#Nichts> }") is False
