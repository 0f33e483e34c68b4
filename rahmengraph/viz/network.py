"""The projection as a network file that opens ready in yEd (GraphML) and Gephi (GEXF 1.3).

Both files carry the look of our graph pages (:mod:`rahmengraph.viz.graph_styles`: colour, shape
and size per kind, colour/dashes/width per relation) and their positions (the layered layout of
:mod:`rahmengraph.viz.layout`, one column per kind), so nobody starts from a grey hairball.
Attribute names are the German words of the details panel (``Schlüssel``, ``Art`` …; in GraphML
with ``_`` for blanks, ``gültig_von``: its names are XML name tokens); the technical name stays the
attribute's id (GEXF) or its ``desc`` (GraphML).

* GraphML: structure and typed ``key``s as in the GraphML 1.0 schema, plus yEd's extension
  (``key/@yfiles.type``, ``y:ShapeNode`` with ``y:Geometry``, ``y:Fill``, ``y:NodeLabel``,
  ``y:Shape``; ``y:PolyLineEdge``). Node ids are ``n0, n1 …`` (GraphML ids are NMTOKENs, IRIs are
  not), the IRI is an attribute.
* GEXF 1.3: static graph, node and edge attributes, ``viz:color``/``viz:size``/``viz:position``/
  ``viz:shape`` and ``viz:thickness``. Node ids are the IRIs; ``y`` points up as in Gephi.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

import networkx as nx

from rahmengraph.model.projection import project
from rahmengraph.model.store import GraphStore
from rahmengraph.viz.graph_data import DETAILS, Graph, kind_of, node_key
from rahmengraph.viz.graph_styles import kind_style, node_size, rel_style
from rahmengraph.viz.layout import SPACING, Position, layered

GRAPHML: Final = "http://graphml.graphdrawing.org/xmlns"
YED: Final = "http://www.yworks.com/xml/graphml"
GEXF: Final = "http://gexf.net/1.3"
VIZ: Final = "http://gexf.net/1.3/viz"
XSI: Final = "http://www.w3.org/2001/XMLSchema-instance"

#: Projection attribute → the name a user reads (German, as in the graph pages' details panel).
TITLES: Final[dict[str, str]] = {
    "kind": "Art",
    "key": "Schlüssel",
    "label": "Bezeichnung",
    "iri": "IRI",
    "framework": "Rahmenkonzept",
    **DETAILS,
    "primary_field": "Haupt-Handlungsfeld",
    "position": "Rang",
    "acts_as": "handelt als",
    "led_by": "geleitet von",
    "title": "Titel",
    "body_class": "Gremienart",
    "initiative_type": "Vorhabenstyp",
    "sources": "Quellen",
    "source_iris": "Quellen (IRI)",
    "rel": "Beziehung",
    "level_basis": "Ebenenbezug",
    "responsibility": "Zuständigkeit (IRI)",
    "weight": "Gewicht",
}

#: vis-network shape (graph styles) → (yEd ``y:Shape/@type``, GEXF ``viz:shape/@value``).
SHAPES: Final[dict[str, tuple[str, str]]] = {
    "star": ("star5", "star"),
    "triangle": ("triangle", "triangle"),
    "triangleDown": ("triangle", "triangle"),
    "box": ("roundrectangle", "square"),
    "square": ("rectangle", "square"),
    "diamond": ("diamond", "diamond"),
    "hexagon": ("hexagon", "hexagon"),
    "ellipse": ("ellipse", "disc"),
    "dot": ("ellipse", "disc"),
}

#: Python value type → (GraphML ``attr.type``, GEXF attribute type).
TYPES: Final[dict[type, tuple[str, str]]] = {
    bool: ("boolean", "boolean"),
    int: ("int", "integer"),
    float: ("double", "double"),
    str: ("string", "string"),
}


@dataclass(frozen=True)
class Column:
    """One attribute column of the file: technical name, German title, value type."""

    name: str
    title: str
    kind: type


def _columns(items: Iterable[dict[str, Any]], skip: frozenset[str] = frozenset()) -> list[Column]:
    seen: dict[str, type] = {}
    for attrs in items:
        for name, value in attrs.items():
            if name not in skip:
                kind = type(value) if type(value) in TYPES else str
                seen[name] = kind if seen.get(name, kind) is kind else str  # mixed types: text
    order = list(TITLES)
    ranked = sorted(seen, key=lambda n: (order.index(n) if n in order else len(order), n))
    return [Column(n, TITLES.get(n, n), seen[n]) for n in ranked]


def _shown(name: str, value: object) -> str:
    """A value as written: kinds and relations by their German name, booleans as XML booleans."""
    if name == "kind":
        return kind_style(str(value)).label
    if name == "rel":
        return rel_style(str(value)).label
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _caption(g: Graph, n: str) -> str:
    attrs = g.nodes[n]
    key, label = str(attrs.get("key", "")), str(attrs.get("label", "") or attrs.get("key", "") or n)
    caption = kind_style(kind_of(g, n)).caption
    return {"key": key or label, "label": label, "key label": f"{key} {label}".strip()}[caption]


def positions(g: Graph) -> dict[str, Position]:
    """Positions of the graph pages' layered layout: one column per kind, room as in the Gesamtbild."""
    spacing = {kind_style(k).column: room for k, room in SPACING.items()}
    return layered(g, lambda n: kind_style(kind_of(g, n)).column, node_key(g), spacing)


def _rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def _token(title: str) -> str:
    """A title as GraphML's ``attr.name`` (an XML NMTOKEN): ``gültig von`` → ``gültig_von``."""
    return re.sub(r"[^\w.:-]+", "_", title).strip("_")


def _graphml_keys(root: Any, columns: list[Column], domain: str) -> dict[str, str]:
    from lxml import etree

    ids = {}
    for c in columns:
        ident = f"{domain[0]}-{c.name}"
        key = etree.SubElement(
            root,
            f"{{{GRAPHML}}}key",
            {"id": ident, "for": domain, "attr.name": _token(c.title), "attr.type": TYPES[c.kind][0]},
        )
        etree.SubElement(key, f"{{{GRAPHML}}}desc").text = c.name
        ids[c.name] = ident
    return ids


def graphml(g: Graph, pos: dict[str, Position]) -> bytes:
    """GraphML with yEd's graphics extension (see the module doc)."""
    from lxml import etree  # only when a network file is written (lxml: ~6 MB resident)

    root = etree.Element(f"{{{GRAPHML}}}graphml", nsmap={None: GRAPHML, "y": YED, "xsi": XSI})
    root.set(
        f"{{{XSI}}}schemaLocation",
        f"{GRAPHML} http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd",
    )
    node_ids = _graphml_keys(root, _columns(d for _, d in g.nodes(data=True)), "node")
    edge_ids = _graphml_keys(root, _columns(d for _, _, d in g.edges(data=True)), "edge")
    etree.SubElement(
        root, f"{{{GRAPHML}}}key", {"id": "n-grafik", "for": "node", "yfiles.type": "nodegraphics"}
    )
    etree.SubElement(
        root, f"{{{GRAPHML}}}key", {"id": "e-grafik", "for": "edge", "yfiles.type": "edgegraphics"}
    )
    graph = etree.SubElement(root, f"{{{GRAPHML}}}graph", {"id": "G", "edgedefault": "directed"})
    ids = {n: f"n{i}" for i, n in enumerate(g.nodes)}
    degree = dict(g.degree())
    for n, attrs in g.nodes(data=True):
        node = etree.SubElement(graph, f"{{{GRAPHML}}}node", {"id": ids[n]})
        for name, value in attrs.items():
            etree.SubElement(node, f"{{{GRAPHML}}}data", {"key": node_ids[name]}).text = _shown(name, value)
        style = kind_style(kind_of(g, n))
        side = round(2 * node_size(degree.get(n, 0)), 1)
        x, y = pos[n]
        shape = etree.SubElement(
            etree.SubElement(node, f"{{{GRAPHML}}}data", {"key": "n-grafik"}), f"{{{YED}}}ShapeNode"
        )
        etree.SubElement(
            shape,
            f"{{{YED}}}Geometry",
            {"x": str(x - side / 2), "y": str(y - side / 2), "width": str(side), "height": str(side)},
        )
        etree.SubElement(shape, f"{{{YED}}}Fill", {"color": style.color, "transparent": "false"})
        etree.SubElement(shape, f"{{{YED}}}BorderStyle", {"color": "#000000", "type": "line", "width": "1.0"})
        label = etree.SubElement(
            shape,
            f"{{{YED}}}NodeLabel",
            {
                "visible": "true",
                "fontSize": "14" if style.prominent else "11",
                "textColor": "#000000",
                "modelName": "sides",
                "modelPosition": "s",
            },
        )
        label.text = _caption(g, n)
        etree.SubElement(shape, f"{{{YED}}}Shape", {"type": SHAPES.get(style.shape, ("ellipse", ""))[0]})
    for i, (u, v, attrs) in enumerate(g.edges(data=True)):
        edge = etree.SubElement(
            graph, f"{{{GRAPHML}}}edge", {"id": f"e{i}", "source": ids[u], "target": ids[v]}
        )
        for name, value in attrs.items():
            etree.SubElement(edge, f"{{{GRAPHML}}}data", {"key": edge_ids[name]}).text = _shown(name, value)
        look = rel_style(str(attrs.get("rel", "")))
        line = etree.SubElement(
            etree.SubElement(edge, f"{{{GRAPHML}}}data", {"key": "e-grafik"}), f"{{{YED}}}PolyLineEdge"
        )
        etree.SubElement(
            line,
            f"{{{YED}}}LineStyle",
            {"color": look.color, "type": "dashed" if look.dashes else "line", "width": str(look.width)},
        )
        etree.SubElement(
            line, f"{{{YED}}}Arrows", {"source": "none", "target": "standard" if look.arrows else "none"}
        )
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _gexf_attributes(graph: Any, columns: list[Column], domain: str) -> None:
    from lxml import etree

    block = etree.SubElement(graph, f"{{{GEXF}}}attributes", {"class": domain})
    for c in columns:
        etree.SubElement(
            block, f"{{{GEXF}}}attribute", {"id": c.name, "title": c.title, "type": TYPES[c.kind][1]}
        )


def _attvalues(parent: Any, attrs: dict[str, Any], skip: frozenset[str] = frozenset()) -> None:
    from lxml import etree

    values = etree.SubElement(parent, f"{{{GEXF}}}attvalues")
    for name, value in attrs.items():
        if name not in skip:
            etree.SubElement(values, f"{{{GEXF}}}attvalue", {"for": name, "value": _shown(name, value)})


def _color(parent: Any, color: str) -> None:
    from lxml import etree

    r, g, b = _rgb(color)
    etree.SubElement(parent, f"{{{VIZ}}}color", {"r": str(r), "g": str(g), "b": str(b)})


def gexf(g: Graph, pos: dict[str, Position], description: str = "") -> bytes:
    """GEXF 1.3 with Gephi's ``viz`` module (see the module doc)."""
    from lxml import etree  # only when a network file is written (lxml: ~6 MB resident)

    root = etree.Element(f"{{{GEXF}}}gexf", nsmap={None: GEXF, "viz": VIZ}, version="1.3")
    meta = etree.SubElement(root, f"{{{GEXF}}}meta", lastmodifieddate=date.today().isoformat())
    etree.SubElement(meta, f"{{{GEXF}}}creator").text = "rahmengraph"
    etree.SubElement(meta, f"{{{GEXF}}}description").text = description
    graph = etree.SubElement(root, f"{{{GEXF}}}graph", defaultedgetype="directed", mode="static")
    _gexf_attributes(graph, _columns(d for _, d in g.nodes(data=True)), "node")
    edge_skip = frozenset({"weight"})
    _gexf_attributes(graph, _columns((d for _, _, d in g.edges(data=True)), edge_skip), "edge")
    nodes = etree.SubElement(graph, f"{{{GEXF}}}nodes", count=str(g.number_of_nodes()))
    degree = dict(g.degree())
    for n, attrs in g.nodes(data=True):
        node = etree.SubElement(nodes, f"{{{GEXF}}}node", id=n, label=_caption(g, n))
        _attvalues(node, attrs)
        style = kind_style(kind_of(g, n))
        _color(node, style.color)
        etree.SubElement(node, f"{{{VIZ}}}size", value=str(node_size(degree.get(n, 0))))
        x, y = pos[n]
        etree.SubElement(node, f"{{{VIZ}}}position", x=str(x), y=str(0.0 - y), z="0.0")
        etree.SubElement(node, f"{{{VIZ}}}shape", value=SHAPES.get(style.shape, ("", "disc"))[1])
    edges = etree.SubElement(graph, f"{{{GEXF}}}edges", count=str(g.number_of_edges()))
    for i, (u, v, attrs) in enumerate(g.edges(data=True)):
        look = rel_style(str(attrs.get("rel", "")))
        edge = etree.SubElement(
            edges,
            f"{{{GEXF}}}edge",
            id=str(i),
            source=u,
            target=v,
            label=look.label,
            weight=str(float(attrs.get("weight", 1))),
        )
        _attvalues(edge, attrs, edge_skip)
        _color(edge, look.color)
        etree.SubElement(edge, f"{{{VIZ}}}thickness", value=str(look.width))
        etree.SubElement(edge, f"{{{VIZ}}}shape", value="dashed" if look.dashes else "solid")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _export(writer: Callable[[Graph, dict[str, Position]], bytes]) -> Callable[[GraphStore, str], bytes]:
    def produce(store: GraphStore, graph: str) -> bytes:
        g: nx.MultiDiGraph[str] = project(store, graph=graph)
        return writer(g, positions(g))

    return produce


graphml_bytes: Final = _export(graphml)
gexf_bytes: Final = _export(lambda g, pos: gexf(g, pos, "Rahmenkonzept als Netzwerk (rahmengraph)"))
