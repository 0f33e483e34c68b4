"""The networkx projection: nodes, edges, attributes and filters (musterland test framework)."""

from __future__ import annotations

import io
from collections import Counter

import networkx as nx

from rahmengraph.model.filters import Filters
from rahmengraph.model.projection import project
from rahmengraph.model.store import GraphStore

BASE = "https://w3id.org/rahmengraph/musterland/"


def test_kinds_and_relations(musterland_store: GraphStore) -> None:
    g = project(musterland_store)
    kinds = Counter(str(d["kind"]) for _, d in g.nodes(data=True))
    assert kinds["measure"] == 8 and kinds["field"] == 4 and kinds["level"] == 4 and kinds["goal"] == 2
    rels = Counter(str(d["rel"]) for *_, d in g.edges(data=True))
    assert rels["depends_on"] == 2 and rels["intersection_of"] == 4 and rels["measures"] == 2
    m = BASE + "massnahme/M-1-01"
    assert g.nodes[m]["evidence"] == "rahmenkonzept" and g.nodes[m]["certainty"] == "hoch"
    assert g.nodes[BASE + "zielgruppe/gefluechtete-frauen"]["intersectional"] is True
    assert g.nodes[BASE + "ebene/stadt-nord"]["level_kind"] == "Kommune"
    assert g.nodes[BASE + "akteur/MSI"]["valid_until"] == "2022-01-01"
    assert g.nodes[BASE + "indikator/I-3"]["results_level"] == "Output"
    assert g.nodes[BASE + "indikator/I-1"]["direction"] == "höher ist besser"
    # the current status is the latest record's: M-1-01 was laufend in 2022, dauerhaft verankert in 2024
    assert g.nodes[m]["implementation_status"] == "dauerhaft verankert"


def test_responsibility_edges_carry_levels_and_basis(musterland_store: GraphStore) -> None:
    g = project(musterland_store)
    m = BASE + "massnahme/M-3-01"
    leads = sorted(
        (u.rsplit("/", 1)[1], d["levels"], d["level_basis"])
        for u, v, d in g.in_edges(m, data=True)
        if d["rel"] == "lead"
    )
    assert ("AB-S", "kreis-sued", "belegt") in leads
    assert any(a == "MSI" and basis == "abgeleitet" for a, _, basis in leads)


def test_filter_keeps_other_nodes(musterland_store: GraphStore) -> None:
    full = project(musterland_store)
    g = project(musterland_store, filters=Filters(field=("3",)))
    kinds = {n: str(d["kind"]) for n, d in g.nodes(data=True)}
    measures = sorted(n.rsplit("/", 1)[1] for n, k in kinds.items() if k == "measure")
    assert measures == ["M-3-01", "M-3-02"]
    assert sum(1 for k in kinds.values() if k == "field") == 4
    assert full.number_of_nodes() - g.number_of_nodes() == 6


def test_graphml_roundtrip(musterland_store: GraphStore) -> None:
    g = project(musterland_store)
    buf = io.BytesIO()
    nx.write_graphml(g, buf)
    back = nx.read_graphml(io.BytesIO(buf.getvalue()))
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()


def test_copy_is_the_callers(musterland_store: GraphStore) -> None:
    g = project(musterland_store)
    g.clear()
    assert project(musterland_store).number_of_nodes() > 0
