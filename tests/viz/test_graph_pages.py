"""Graph pages parsed as HTML: embedded data match the projection, filters applied, text escaped."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from rahmengraph.model.filters import Filters, matching_measures
from rahmengraph.model.loading.writing import load
from rahmengraph.model.projection import project
from rahmengraph.model.store import GraphStore
from rahmengraph.model.stores.oxigraph import OxigraphStore
from rahmengraph.viz.graph_file import write_view
from rahmengraph.viz.views import VIEWS

CASES = Path(__file__).parent / "cases"
XSS_NAME = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def xss_store() -> GraphStore:
    store = OxigraphStore()
    load(store, CASES / "xss")
    return store


def page_data(page: str) -> dict[str, Any]:
    doc = lxml_html.fromstring(page)
    (script,) = doc.xpath('//script[@id="graph-data"]')
    assert script.get("type") == "application/json"
    data: dict[str, Any] = json.loads(script.text)
    return data


@pytest.mark.parametrize("view", sorted(VIEWS))
@pytest.mark.parametrize("standalone", [True, False])
def test_every_view_renders_with_local_assets_only(
    musterland_store: GraphStore, view: str, standalone: bool
) -> None:
    page = VIEWS[view].render(musterland_store, Filters(), {}, standalone=standalone)
    doc = lxml_html.fromstring(page)
    data = page_data(page)
    assert data["view"] == view and data["nodes"]
    refs = [
        r for r in doc.xpath("//script/@src | //link/@href | //img/@src | //iframe/@src") if r != "data:,"
    ]
    if standalone:
        assert refs == []
        assert len(doc.xpath("//script[not(@src)]")) >= 4
    else:
        assert refs and all(r.startswith("/viz/static/") for r in refs)
    csp = doc.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')[0]
    assert "default-src 'none'" in csp


def test_gesamtbild_matches_projection(musterland_store: GraphStore) -> None:
    data = VIEWS["gesamtbild"].data(musterland_store, Filters(), {})
    g = project(musterland_store)
    kinds = {"goal", "field", "measure", "target_group", "level"}
    expected = {a["iri"] for _, a in g.nodes(data=True) if a["kind"] in kinds}
    expected |= {g.nodes[u]["iri"] for u, _, r in g.edges(data="rel") if r in ("lead", "partner")}
    assert {n["iri"] for n in data["nodes"]} == expected
    by_id = {n["id"]: n["iri"] for n in data["nodes"]}
    leads = {(by_id[e["from"]], by_id[e["to"]]) for e in data["edges"] if e["rel"] == "lead"}
    assert leads == {(u, v) for u, v, r in g.edges(data="rel") if r == "lead"}


@pytest.mark.parametrize(
    "filters", [{"field": "1"}, {"level": "Land"}, {"field": "1", "evidence": "kontext"}]
)
def test_server_filters_keep_exactly_the_matching_measures(
    musterland_store: GraphStore, filters: dict[str, str]
) -> None:
    f = Filters.from_mapping(dict(filters))
    data = VIEWS["gesamtbild"].data(musterland_store, f, {})
    shown = {n["iri"] for n in data["nodes"] if n["kind"] == "measure"}
    assert shown == matching_measures(musterland_store, f)
    assert data["applied"] == {k: [v] for k, v in filters.items()}


def test_measure_facets_match_the_graph(musterland_store: GraphStore) -> None:
    data = VIEWS["gesamtbild"].data(musterland_store, Filters(), {})
    for node in data["nodes"]:
        if node["kind"] != "measure":
            continue
        (i,) = node["ms"]
        for kind, values in data["measures"][i].items():
            for value in values:
                f = Filters.from_mapping({kind: value})
                assert node["iri"] in matching_measures(musterland_store, f), (node["key"], kind, value)


def test_layout_is_deterministic(musterland_store: GraphStore) -> None:
    one = VIEWS["gesamtbild"].render(musterland_store, Filters(), {}, standalone=True)
    two = VIEWS["gesamtbild"].render(musterland_store, Filters(), {}, standalone=True)
    assert one == two


def test_payload_cannot_leave_the_data_element(xss_store: GraphStore) -> None:
    page = VIEWS["gesamtbild"].render(xss_store, Filters(), {}, standalone=True)
    assert XSS_NAME not in page and "</script><script>alert(2)" not in page
    labels = {n["label"] for n in page_data(page)["nodes"]}
    assert XSS_NAME in labels and "</script><script>alert(2)</script>" in labels
    doc = lxml_html.fromstring(page)
    assert doc.xpath("//img | //svg") == []


def test_handlungsfeld_marks_gaps(musterland_store: GraphStore) -> None:
    data = VIEWS["handlungsfeld"].data(musterland_store, Filters(), {"feld": "1"})
    fields = [n for n in data["nodes"] if n["kind"] == "field"]
    assert [f["key"] for f in fields] == ["1"]
    g = project(musterland_store)
    levels_used = {
        g.nodes[v]["key"]
        for u, v, r in g.edges(data="rel")
        if r == "level" and any(w == fields[0]["iri"] for w in g.successors(u))
    }
    gaps = {n["key"] for n in data["nodes"] if n["kind"] == "level" and "gap" in n["marks"]}
    all_levels = {a["key"] for _, a in g.nodes(data=True) if a["kind"] == "level"}
    assert gaps == all_levels - levels_used


def test_luecken_cells_hold_the_measures_behind_them(musterland_store: GraphStore) -> None:
    data = VIEWS["luecken"].data(musterland_store, Filters(), {})
    measures = {n["ms"][0]: n["iri"] for n in data["nodes"]}
    g = project(musterland_store)
    (level,) = [m for m in data["matrices"] if m["name"] == "ebene"]
    for cell, ms in level["cells"].items():
        r, c = map(int, cell.split(","))
        row_key, col_key = level["rows"][r][0], level["cols"][c][0]
        for i in ms:
            targets = {(g.nodes[v]["kind"], g.nodes[v]["key"]) for v in g.successors(measures[i])}
            assert ("level", row_key) in targets and ("field", col_key) in targets
    assert any(
        f"{r},{c}" not in level["cells"] for r in range(len(level["rows"])) for c in range(len(level["cols"]))
    )


def test_write_view_writes_one_file(musterland_store: GraphStore, tmp_path: Path) -> None:
    out = write_view(musterland_store, "ressort-netz", Filters(), {}, tmp_path / "netz.html")
    data = page_data(out.read_text(encoding="utf-8"))
    assert data["view"] == "ressort-netz"
    assert {e["rel"] for e in data["edges"]} == {"collab"}
