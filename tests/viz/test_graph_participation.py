"""Graph pages carry what participants' input needs: the framework, the edition, IRIs of the choice
lists and of the matrix heads; the participation scripts are inlined in a written file."""

from __future__ import annotations

from pathlib import Path

from lxml import html as lxml_html

from rahmengraph.model.filters import Filters
from rahmengraph.model.projection import project
from rahmengraph.model.store import GraphStore
from rahmengraph.viz.graph_file import write_view
from rahmengraph.viz.views import VIEWS

MUSTERLAND = "https://w3id.org/rahmengraph/musterland/"


def test_page_names_framework_edition_and_choices_by_iri(musterland_store: GraphStore) -> None:
    block = VIEWS["gesamtbild"].data(musterland_store, Filters(), {})["beteiligung"]
    assert block["rahmen"] == MUSTERLAND + "rahmenkonzept"
    assert block["ausgabe"] == "2023-06-30"  # the current edition
    g = project(musterland_store)
    for name, kind in (("zielgruppen", "target_group"), ("ebenen", "level"), ("akteure", "actor")):
        want = {n for n, a in g.nodes(data=True) if a.get("kind") == kind}
        assert {iri for iri, _label in block[name]} == want
    assert ["https://w3id.org/rahmengraph/musterland/zielgruppe/frauen", "Frauen"] in block["zielgruppen"]


def test_matrix_heads_carry_iris_for_gap_targets(musterland_store: GraphStore) -> None:
    data = VIEWS["luecken"].data(musterland_store, Filters(), {})
    g = project(musterland_store)
    kinds = {
        "zielgruppe": "target_group",
        "intersektional": "target_group",
        "ebene": "level",
        "ressort": "actor",
    }
    for m in data["matrices"]:
        assert all(
            g.nodes[iri]["kind"] == kinds[m["name"]] and g.nodes[iri]["key"] == key
            for key, _l, iri in m["rows"]
        )
        assert [g.nodes[iri]["key"] for _k, _l, iri in m["cols"]] == [key for key, _l, _i in m["cols"]]
        assert all(g.nodes[iri]["kind"] == "field" for _k, _l, iri in m["cols"])


def test_written_file_inlines_the_participation_scripts_before_the_page_script(
    musterland_store: GraphStore, tmp_path: Path
) -> None:
    path = write_view(musterland_store, "luecken", Filters(), {}, tmp_path / "l.html")
    doc = lxml_html.fromstring(path.read_text(encoding="utf-8"))
    scripts = [s.text or "" for s in doc.xpath("//script[not(@type)]")]
    order = [
        i
        for i, s in enumerate(scripts)
        for mark in ("window.RGBeteiligung =", "rahmengraph-beteiligung-verbindung", "window.RGPage =")
        if mark in s
    ]
    assert len(order) == 3 and order == sorted(order)
    assert not doc.xpath("//script/@src | //link/@href[. != 'data:,']")


def test_served_page_links_the_participation_scripts(musterland_store: GraphStore) -> None:
    page = VIEWS["gesamtbild"].render(musterland_store, Filters(), {}, standalone=False)
    srcs = lxml_html.fromstring(page).xpath("//script/@src")
    assert srcs.index("/viz/static/beteiligung-form.js") < srcs.index("/viz/static/beteiligung.js")
    assert srcs.index("/viz/static/beteiligung.js") < srcs.index("/viz/static/graph.js")
