"""A view's graph as page data: nodes with positions, styles and filter facets, edges, legend.

The page script reads this JSON and never parses HTML out of it: every string is shown as text.
Each node lists the measures it stands for (``ms``, indices into ``measures``); the client filter
keeps a node when one of them passes (AND across filter kinds, OR within one), and keeps nodes
without measures (goals, levels …) as context.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias

import networkx as nx

from rahmengraph.model.filters import FILTER_KINDS
from rahmengraph.model.iri_paths import local_path
from rahmengraph.model.namespaces import ROOT
from rahmengraph.model.ordering import SortKey, natural_key
from rahmengraph.viz.graph_styles import MARKS, kind_style, rel_style
from rahmengraph.viz.layout import Placed

#: Node attributes shown in the details panel (projection attribute → German label).
DETAILS: dict[str, str] = {
    "key": "Schlüssel",
    "description": "Beschreibung",
    "status": "Status",
    "period": "Zeitraum",
    "funding": "Finanzierung",
    "evidence": "Beleg",
    "certainty": "Sicherheit",
    "actor_type": "Akteurstyp",
    "levels": "Ebenen",
    "valid_from": "gültig von",
    "valid_until": "gültig bis",
    "dimension": "Dimension",
    "intersectional": "intersektional",
    "body_type": "Gremientyp",
    "area": "Bereich",
    "status_note": "Stand",
    "short_title": "Kurztitel",
    "page": "Seite",
    "chapter": "Kapitel",
    "level_kind": "Ebenentyp",
    "members": "Umfasst",
}

#: Filter kind → (node kind whose key is the value, German label of the filter box).
FACETS: dict[str, tuple[str, str]] = {
    "field": ("field", "Handlungsfeld"),
    "actor": ("actor", "Ressort/Akteur"),
    "level": ("level", "Ebene"),
    "target_group": ("target_group", "Zielgruppe"),
    "evidence": ("", "Beleg"),
}
EVIDENCE_LABELS: dict[str, str] = {"rahmenkonzept": "im Rahmenkonzept", "kontext": "Kontextrecherche"}


Graph: TypeAlias = "nx.MultiDiGraph[str]"


def kind_of(g: Graph, n: str) -> str:
    return str(g.nodes[n].get("kind", ""))


def nodes_of(g: Graph, *kinds: str) -> list[str]:
    """Nodes of the given kinds, sorted by key (natural order)."""
    return sorted((n for n in g.nodes if kind_of(g, n) in kinds), key=node_key(g))


def node_key(g: Graph) -> Callable[[str], SortKey]:
    return lambda n: natural_key(str(g.nodes[n].get("key", n)))


def out_rels(g: Graph, n: str) -> list[tuple[str, str]]:
    """(target, rel) of the edges leaving ``n``."""
    return [(v, str(d.get("rel", ""))) for _, v, d in g.out_edges(n, data=True)]


def in_rels(g: Graph, n: str) -> list[tuple[str, str]]:
    """(source, rel) of the edges entering ``n``."""
    return [(u, str(d.get("rel", ""))) for u, _, d in g.in_edges(n, data=True)]


def edge_list(g: Graph) -> list[tuple[str, str, dict[str, Any]]]:
    return [(u, v, d) for u, v, d in g.edges(data=True)]


@dataclass
class Scene:
    """One picture of a page: which nodes it draws where, its marks, how it is titled."""

    name: str
    title: str
    placed: Placed
    marks: dict[str, list[str]] = field(default_factory=dict)
    note: str = ""
    short: bool = False  # captions use short titles (Handlungsfelder in the overviews)


@dataclass
class Page:
    """What a view hands to the page renderer: one graph, its scenes, the walk through them.

    An edge with a ``scenes`` attribute (scene names) is drawn only there; any other edge wherever
    both its ends are drawn. ``opens``: node → the scene a click on it opens."""

    view: str
    title: str
    graph: Graph
    scenes: list[Scene]
    start: str = ""
    steps: list[str] = field(default_factory=list)  # presentation mode: scene names in order
    opens: dict[str, str] = field(default_factory=dict)
    member_measures: dict[str, set[str]] = field(default_factory=dict)
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def measure_facets(g: Graph, measure: str) -> dict[str, list[str]]:
    """Filter values of one measure (target groups expanded to broader and component groups)."""
    out: dict[str, set[str]] = {k: set() for k in FILTER_KINDS}
    for v, rel in out_rels(g, measure):
        kind = kind_of(g, v)
        if rel == "field":
            out["field"].add(g.nodes[v]["key"])
        elif rel == "level":
            out["level"].add(g.nodes[v]["key"])
        elif rel == "targets" and kind == "target_group":
            out["target_group"] |= {g.nodes[x]["key"] for x in _group_closure(g, v)}
    for u, rel in in_rels(g, measure):
        if rel in ("lead", "partner"):
            out["actor"].add(g.nodes[u]["key"])
    evidence = g.nodes[measure].get("evidence")
    if evidence:
        out["evidence"] |= set(str(evidence).split(";"))
    return {k: sorted(v) for k, v in out.items() if v}


def _group_closure(g: Graph, group: str) -> set[str]:
    seen = {group}
    todo = [group]
    while todo:
        n = todo.pop()
        for v, rel in out_rels(g, n):
            if rel in ("broader", "intersection_of") and v not in seen:
                seen.add(v)
                todo.append(v)
    return seen


def _sources(attrs: Mapping[str, Any]) -> list[list[str]]:
    labels = str(attrs.get("sources") or "").split(" | ")
    iris = str(attrs.get("source_iris") or "").split()
    out = []
    for i, iri in enumerate(iris):
        label = labels[i] if i < len(labels) and labels[i] else iri
        web = iri.startswith(("http://", "https://")) and not iri.startswith(ROOT)
        out.append([label, iri if web else ""])
    return out


def _details(attrs: Mapping[str, Any]) -> list[list[str]]:
    out = []
    for name, label in DETAILS.items():
        value = attrs.get(name)
        if value in (None, "", False):
            continue
        out.append([label, "ja" if value is True else str(value)])
    return out


def payload(page: Page, full: Graph | None = None) -> dict[str, Any]:
    """The JSON document embedded in the page (``full``: graph the filter choices come from)."""
    g = page.graph
    ids = {n: i for i, n in enumerate(g.nodes)}
    sidx = {s.name: i for i, s in enumerate(page.scenes)}
    measures = [n for n in g.nodes if kind_of(g, n) == "measure"]
    for members in page.member_measures.values():
        measures.extend(m for m in members if m not in ids and m in (full or g))
    mindex = {m: i for i, m in enumerate(dict.fromkeys(measures))}
    source = full if full is not None else g
    mfacets = [measure_facets(source, m) if m in source else {} for m in mindex]
    at: dict[str, dict[str, list[float]]] = {n: {} for n in g.nodes}
    for i, s in enumerate(page.scenes):
        for n, (x, y) in s.placed.positions.items():
            at[n][str(i)] = [x, y, s.placed.lanes.get(n, 0)]
    nodes = []
    for n, attrs in g.nodes(data=True):
        kind = str(attrs.get("kind", ""))
        ms = page.member_measures.get(n)
        if ms is None:
            ms = {n} if kind == "measure" else {m for m in nx.all_neighbors(g, n) if m in mindex}
        node = {
            "id": ids[n],
            "key": str(attrs.get("key", "")),
            "label": str(attrs.get("label") or attrs.get("key") or n),
            "kind": kind,
            "at": at[n],
            "ms": sorted(mindex[m] for m in ms if m in mindex),
            "iri": str(attrs.get("iri", "")),
            "page": local_path(str(attrs.get("iri", ""))) or "",
            "details": _details(attrs),
            "sources": _sources(attrs),
        }
        if attrs.get("short_title"):
            node["short"] = str(attrs["short_title"])
        if n in page.opens and page.opens[n] in sidx:
            node["open"] = sidx[page.opens[n]]
        nodes.append(node)
    edges = []
    for u, v, attrs in g.edges(data=True):
        edge: dict[str, Any] = {
            "from": ids[u],
            "to": ids[v],
            "rel": str(attrs.get("rel", "")),
            "levels": str(attrs.get("levels", "")),
            "weight": attrs.get("weight", 1),
        }
        if attrs.get("scenes"):
            edge["sc"] = [sidx[s] for s in attrs["scenes"] if s in sidx]
        if attrs.get("measures"):
            edge["ms"] = sorted(mindex[m] for m in attrs["measures"] if m in mindex)
        edges.append(edge)
    scenes = [
        {
            "name": s.name,
            "title": s.title,
            "note": s.note,
            "short": s.short,
            "marks": {str(ids[n]): m for n, m in s.marks.items() if n in ids},
        }
        for s in page.scenes
    ]
    used_marks = {m for s in page.scenes for ms in s.marks.values() for m in ms}
    return {
        "view": page.view,
        "title": page.title,
        "note": page.note,
        "nodes": nodes,
        "edges": edges,
        "scenes": scenes,
        "start": sidx.get(page.start, 0),
        "measures": mfacets,
        "steps": [sidx[s] for s in page.steps if s in sidx],
        "choices": filter_choices(source),
        "applied": {},
        "options": {},
        "kinds": {k: vars(kind_style(k)) for k in sorted({kind_of(g, n) for n in g.nodes}, key=_kind_order)},
        "rels": {r: vars(rel_style(r)) for r in sorted({e["rel"] for e in edges})},
        "marks": {m: list(MARKS[m]) for m in sorted(used_marks)},
        **page.extra,
    }


def _kind_order(kind: str) -> int:
    return kind_style(kind).column


def filter_choices(g: Graph) -> dict[str, dict[str, Any]]:
    """Values offered in the filter boxes: every field, actor with a measure, level, target group."""
    out: dict[str, dict[str, Any]] = {}
    for name, (kind, label) in FACETS.items():
        if name == "evidence":
            values = sorted({str(g.nodes[n].get("evidence")) for n in g.nodes if g.nodes[n].get("evidence")})
            items = [[v, EVIDENCE_LABELS.get(v, v)] for v in values]
        else:
            items = sorted(
                (
                    [str(a.get("key", "")), str(a.get("label", ""))]
                    for _, a in g.nodes(data=True)
                    if a.get("kind") == kind and a.get("key")
                ),
                key=lambda it: natural_key(it[0]),
            )
        out[name] = {"label": label, "items": items}
    return out
