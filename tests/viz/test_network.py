"""GraphML (yEd) and GEXF 1.3 (Gephi) exports: valid against their schemas, styled and laid out
like the graph pages, attribute names a user reads."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.projection import project
from rahmengraph.model.store import GraphStore
from rahmengraph.viz.distribution import export
from rahmengraph.viz.graph_styles import KINDS, kind_style, rel_style
from rahmengraph.viz.network import GEXF, GRAPHML, VIZ, YED, positions

SCHEMAS = Path(__file__).parent / "schemas"
NS = {"g": GRAPHML, "y": YED, "x": GEXF, "viz": VIZ}


def _schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


@pytest.fixture(scope="module")
def files(
    tmp_path_factory: pytest.TempPathFactory, musterland_loaded: tuple[GraphStore, Dataset]
) -> dict[str, Path]:
    store, ds = musterland_loaded
    out = tmp_path_factory.mktemp("network")
    return {fmt: export(store, ds.graph, fmt, out / f"rahmen.{fmt}")[0] for fmt in ("graphml", "gexf")}


@pytest.mark.parametrize(("fmt", "xsd"), [("graphml", "graphml/graphml.xsd"), ("gexf", "gexf/gexf.xsd")])
def test_export_is_valid_against_its_schema(files: dict[str, Path], fmt: str, xsd: str) -> None:
    schema = _schema(xsd)
    assert schema.validate(etree.parse(str(files[fmt]))), schema.error_log


@pytest.mark.parametrize(
    ("xsd", "fmt", "spoil"),
    [
        ("gexf/gexf.xsd", "gexf", lambda doc: doc.find("x:graph", NS).set("name", "Rahmen")),
        ("graphml/graphml.xsd", "graphml", lambda doc: doc.find(".//y:Shape", NS).set("type", "blob")),
        ("graphml/graphml.xsd", "graphml", lambda doc: doc.find(".//g:edge", NS).set("target", "n99999")),
    ],
)
def test_schemas_reject_what_the_tools_reject(
    files: dict[str, Path], xsd: str, fmt: str, spoil: object
) -> None:
    doc = etree.parse(str(files[fmt])).getroot()
    spoil(doc)  # type: ignore[operator]
    assert not _schema(xsd).validate(doc)


def test_graphml_carries_yed_graphics_by_kind_and_layout(
    files: dict[str, Path], musterland_loaded: tuple[GraphStore, Dataset]
) -> None:
    store, ds = musterland_loaded
    g = project(store, graph=ds.graph)
    pos = positions(g)
    doc = etree.parse(str(files["graphml"]))
    names = {k.get("id"): k.get("attr.name") for k in doc.iterfind("g:key", NS)}
    nodes = doc.findall(".//g:node", NS)
    assert len(nodes) == g.number_of_nodes()
    for node in nodes:
        data = {names[d.get("key")]: d.text for d in node.iterfind("g:data", NS) if d.text and d.text.strip()}
        iri = data["IRI"]
        kind = g.nodes[iri]["kind"]
        shape = node.find(".//y:ShapeNode", NS)
        assert shape.find("y:Fill", NS).get("color") == kind_style(kind).color
        assert data["Art"] == kind_style(kind).label
        label = shape.find("y:NodeLabel", NS).text
        assert label and (g.nodes[iri]["key"] in label or g.nodes[iri]["label"] in label)
        geo = shape.find("y:Geometry", NS)
        centre = (
            float(geo.get("x")) + float(geo.get("width")) / 2,
            float(geo.get("y")) + float(geo.get("height")) / 2,
        )
        assert centre == pytest.approx(pos[iri])
    lines = {e.find(".//y:LineStyle", NS).get("color") for e in doc.iterfind(".//g:edge", NS)}
    assert rel_style("lead").color in lines and rel_style("field").color in lines


def test_gexf_carries_viz_and_readable_attributes(
    files: dict[str, Path], musterland_loaded: tuple[GraphStore, Dataset]
) -> None:
    store, ds = musterland_loaded
    pos = positions(project(store, graph=ds.graph))
    g = nx.read_gexf(files["gexf"])
    titles = {k for _, d in g.nodes(data=True) for k in d}
    assert {"Art", "Schlüssel", "Bezeichnung", "IRI", "Quellen"} <= titles
    assert not any("networkx" in t for t in titles)
    for n, d in g.nodes(data=True):
        colour = kind_style(next(k for k in KINDS if kind_style(k).label == d["Art"])).color
        assert "#{r:02x}{g:02x}{b:02x}".format(**d["viz"]["color"]) == colour
        assert d["viz"]["size"] > 0
        assert (d["viz"]["position"]["x"], -d["viz"]["position"]["y"]) == pytest.approx(pos[n])
    rels = {d["Beziehung"] for _, _, d in g.edges(data=True)}
    assert rel_style("lead").label in rels
