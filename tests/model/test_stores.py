"""The store interface behaves the same on every embedded engine."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from rahmengraph.errors import ParameterError, QueryError
from rahmengraph.model.formats import GRAPH_FORMATS, RESULT_FORMATS
from rahmengraph.model.loading.writing import load
from rahmengraph.model.namespaces import ONTOLOGY_IRI
from rahmengraph.model.store import GraphStore, open_store

ENGINES = ["oxigraph:memory", "memory"]
GRAPH = "https://w3id.org/rahmengraph/musterland/"


@pytest.fixture(params=ENGINES)
def store(request: pytest.FixtureRequest, musterland_dir: Path) -> GraphStore:
    s = open_store(request.param)
    load(s, musterland_dir)
    return s


def test_graphs_and_counts(store: GraphStore, musterland_store: GraphStore) -> None:
    editions = [f"{GRAPH}ausgabe/{v}" for v in ("2019", "2021-03", "2023-06-30")]
    assert store.graphs() == sorted([GRAPH, ONTOLOGY_IRI, f"{GRAPH}ausgaben", *editions])
    assert store.count(GRAPH) == musterland_store.count(GRAPH)


def test_select_ask_construct(store: GraphStore) -> None:
    table = store.select("SELECT ?s WHERE { ?s <http://www.w3.org/2004/02/skos/core#notation> 'M-1-01' }")
    assert table.values() == [{"s": GRAPH + "massnahme/M-1-01"}]
    assert store.ask("ASK { ?s a <https://w3id.org/rahmengraph/ontology#Measure> }") is True
    triples = store.construct(
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ BIND(<{GRAPH}massnahme/M-1-01> AS ?s) ?s ?p ?o }}"
    )
    assert len(triples) > 10


@pytest.mark.parametrize("fmt", sorted(RESULT_FORMATS))
def test_serialized_results_parse(store: GraphStore, fmt: str) -> None:
    query = "SELECT ?s WHERE { ?s a <https://w3id.org/rahmengraph/ontology#Measure> }"
    body, media = store.serialize_query(query, RESULT_FORMATS[fmt], GRAPH_FORMATS["ttl"])
    assert media == RESULT_FORMATS[fmt].media_type
    if fmt == "csv":
        assert body.decode().splitlines()[0].strip() == "s" and len(body.decode().splitlines()) == 9
    else:
        parsed = ox.parse_query_results(body, format=RESULT_FORMATS[fmt].oxigraph)
        assert len(list(parsed)) == 8  # type: ignore[arg-type]


def test_replace_graph_replaces(store: GraphStore) -> None:
    t = ox.Triple(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/b"), ox.Literal("c"))
    store.replace_graph("http://example.org/g", [t])
    store.replace_graph("http://example.org/g", [t, t])
    assert store.count("http://example.org/g") == 1


def test_malformed_query_is_a_query_error(store: GraphStore) -> None:
    with pytest.raises(QueryError):
        store.select("SELECT ?s WHERE { ?s ")


def test_unknown_store_kind() -> None:
    with pytest.raises(ParameterError, match="Unbekannter Speicher"):
        open_store("cassandra:foo")


def test_persistent_oxigraph_keeps_data(tmp_path: Path, musterland_dir: Path) -> None:
    s = open_store(f"oxigraph:{tmp_path / 'store'}")
    load(s, musterland_dir)
    n = s.count()
    s.close()
    del s
    again = open_store(f"oxigraph:{tmp_path / 'store'}")
    assert again.count() == n


def test_loading_again_replaces_the_dataset(store: GraphStore, musterland_dir: Path) -> None:
    before = store.count()
    load(store, musterland_dir)  # the graph exists now: replaced in one transaction
    assert store.count() == before


def test_loading_several_datasets_into_a_fresh_store(tmp_path: Path, musterland_dir: Path) -> None:
    import shutil

    from rahmengraph.model.loading.writing import load_all

    other = tmp_path / "other"
    shutil.copytree(musterland_dir, other)
    frame = (other / "rahmen.csv").read_text(encoding="utf-8").replace("/musterland/", "/anderland/")
    (other / "rahmen.csv").write_text(frame, encoding="utf-8")
    store = open_store(f"oxigraph:{tmp_path / 'store'}")
    datasets = load_all(store, [musterland_dir, other])
    assert [d.graph for d in datasets] == [GRAPH, "https://w3id.org/rahmengraph/anderland/"]
    assert store.count(GRAPH) == store.count("https://w3id.org/rahmengraph/anderland/") > 500
    assert ONTOLOGY_IRI in store.graphs()
