"""Graph pages parsed as HTML: embedded data match the projection, filters applied, text escaped."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from rahmengraph.errors import ParameterError
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


def scene_nodes(data: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """Nodes drawn in a scene, top to bottom within each lane, lanes left to right."""
    (i,) = [str(k) for k, s in enumerate(data["scenes"]) if s["name"] == name]
    drawn = [n for n in data["nodes"] if i in n["at"]]
    return sorted(drawn, key=lambda n: (n["at"][i][0], n["at"][i][1]))


def scene_edges(data: dict[str, Any], name: str) -> list[dict[str, Any]]:
    (i,) = [k for k, s in enumerate(data["scenes"]) if s["name"] == name]
    drawn = {n["id"] for n in scene_nodes(data, name)}
    return [
        e for e in data["edges"] if (i in e["sc"] if "sc" in e else e["from"] in drawn and e["to"] in drawn)
    ]


def test_overview_aggregates_ressorts_fields_and_dimensions(bremen_store: GraphStore) -> None:
    data = VIEWS["gesamtbild"].data(bremen_store, Filters(), {})
    drawn = scene_nodes(data, "ueberblick")
    assert {n["kind"] for n in drawn} == {"actor", "actor_group", "field", "dimension"}
    fields = [n["key"] for n in drawn if n["kind"] == "field"]
    assert fields == [f"3.{i}" for i in range(1, 14)]  # natural order, top to bottom
    g = project(bremen_store)
    by_id = {n["id"]: n for n in data["nodes"]}
    for e in scene_edges(data, "ueberblick"):
        assert e["weight"] == len(e["ms"]) > 0
        if e["rel"] == "reach":  # field → dimension: the field's measures for groups of that dimension
            field = by_id[e["from"]]["key"]
            for i in e["ms"]:
                assert field in data["measures"][i]["field"]
    leads = sum(e["weight"] for e in scene_edges(data, "ueberblick") if e["rel"] == "lead")
    lead_pairs = {(u, m) for u, m, r in g.edges(data="rel") if r == "lead"}
    assert leads > 0 and len(lead_pairs) > 0


def test_every_scene_is_small_and_draws_only_connected_nodes(bremen_store: GraphStore) -> None:
    data = VIEWS["gesamtbild"].data(bremen_store, Filters(), {})
    assert len(data["steps"]) == 1 + 13 + 3  # overview, the 13 fields, three cross-cutting scenes
    for scene in data["scenes"]:
        drawn = scene_nodes(data, scene["name"])
        assert 0 < len(drawn) <= 60, scene["name"]
        linked = {x for e in scene_edges(data, scene["name"]) for x in (e["from"], e["to"])}
        lonely = [n["label"] for n in drawn if n["id"] not in linked and str(n["id"]) not in scene["marks"]]
        assert lonely == [], scene["name"]
        assert "goal" not in {n["kind"] for n in drawn}  # goals have no relations in the data


def test_current_ressorts_by_default_and_the_old_structure_on_request(bremen_store: GraphStore) -> None:
    def actors(options: dict[str, str]) -> set[str]:
        data = VIEWS["ressort-netz"].data(bremen_store, Filters(), options)
        return {n["key"] for n in scene_nodes(data, "netz") if n["kind"] == "actor"}

    now, then = actors({}), actors({"ressorts": "2019"})
    assert {"SASJI", "SIS"} <= now and not {"SJIS", "SWAE", "SI"} & now
    assert {"SJIS", "SWAE", "SI"} <= then and not {"SASJI", "SIS"} & then


def test_responsibilities_follow_successors_like_the_model(musterland_store: GraphStore) -> None:
    """Every lead a field scene draws is one the model's succession names for today."""
    from rahmengraph.model.responsibility import responsible_today

    data = VIEWS["gesamtbild"].data(musterland_store, Filters(), {})
    by_id = {n["id"]: n for n in data["nodes"]}
    for scene in data["scenes"]:
        if not scene["name"].startswith("feld:"):
            continue
        for e in scene_edges(data, scene["name"]):
            if e["rel"] != "lead":
                continue
            unit, measure = by_id[e["from"]], by_id[e["to"]]
            today = {
                t.actor.id
                for s in responsible_today(musterland_store, measure["iri"])
                if s.role == "federfuehrend"
                for t in s.today
            }
            members = dict(unit["details"]).get("Umfasst", "").split("; ")
            covered = {unit["key"]} | {m.split(":")[0] for m in members}
            assert today & covered, (measure["key"], unit["key"], today)
    keys = {n["key"] for n in data["nodes"] if n["kind"] == "actor"}
    assert "MSI" not in keys and {"MAS", "MJI"} <= keys  # split in 2022: today's ministries


def test_unknown_structure_or_field_is_a_parameter_error(musterland_store: GraphStore) -> None:
    with pytest.raises(ParameterError, match="ressorts"):
        VIEWS["gesamtbild"].data(musterland_store, Filters(), {"ressorts": "1066"})
    with pytest.raises(ParameterError, match="feld"):
        VIEWS["handlungsfeld"].data(musterland_store, Filters(), {"feld": "99"})


@pytest.mark.parametrize(
    "filters", [{"field": "1"}, {"level": "Land"}, {"field": "1", "evidence": "kontext"}]
)
def test_server_filters_keep_exactly_the_matching_measures(
    musterland_store: GraphStore, filters: dict[str, str]
) -> None:
    f = Filters.from_mapping(dict(filters))
    data = VIEWS["gesamtbild"].data(musterland_store, f, {})
    shown = {n["iri"] for n in data["nodes"] if n["kind"] == "measure" and n["at"]}
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
    nodes = page_data(page)["nodes"]
    labels = {n["label"] for n in nodes}
    assert XSS_NAME in labels
    assert any("</script><script>alert(2)</script>" in d[1] for n in nodes for d in n["details"])
    doc = lxml_html.fromstring(page)
    assert doc.xpath("//img | //svg") == []


def test_handlungsfeld_marks_gaps(musterland_store: GraphStore) -> None:
    data = VIEWS["handlungsfeld"].data(musterland_store, Filters(), {"feld": "1"})
    assert data["scenes"][data["start"]]["name"] == "feld:1"
    drawn = scene_nodes(data, "feld:1")
    g = project(musterland_store)
    field = next(n for n, a in g.nodes(data=True) if a["kind"] == "field" and a["key"] == "1")
    in_field = [u for u, r in ((u, d["rel"]) for u, _, d in g.in_edges(field, data=True)) if r == "field"]
    assert {n["iri"] for n in drawn if n["kind"] == "measure"} == {g.nodes[m]["iri"] for m in in_field}
    levels_used = {
        g.nodes[v]["key"] for m in in_field for _, v, r in g.out_edges(m, data="rel") if r == "level"
    }
    marks = data["scenes"][data["start"]]["marks"]
    gaps = {n["key"] for n in drawn if n["kind"] == "level" and "gap" in marks.get(str(n["id"]), [])}
    home = {
        a["key"]
        for _, a in g.nodes(data=True)
        if a["kind"] == "level" and a.get("level_kind") in ("Land", "Kommune")
    }
    assert gaps == home - levels_used


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
    assert data["scenes"][data["start"]]["name"] == "netz"
    assert {e["rel"] for e in scene_edges(data, "netz")} == {"collab"}
