"""The five views as graph builders: projection in, :class:`~rahmengraph.viz.graph_data.Page` out.

Each builder takes the (already filtered) projection and view options, keeps the nodes and edges
the view is about, marks gaps, hubs and single points of failure, and lays the result out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping

import networkx as nx

from rahmengraph.errors import ParameterError
from rahmengraph.viz.graph_data import Graph, Page, edge_list, in_rels, kind_of, node_key, nodes_of, out_rels
from rahmengraph.viz.graph_styles import kind_style
from rahmengraph.viz.layout import Spacing, layered, natural_key, ring

Options = Mapping[str, str]
RESPONSIBLE = ("lead", "partner")

#: Room per node kind in the layered layouts (canvas units; a Bremen-sized Gesamtbild is framed at
#: about 0.35 px per unit on a 1280×720 projector). Wide where labels show at the default zoom
#: (goal and field captions, Ressort keys under their diamonds), tight where they show on zoom.
SPACING: dict[str, Spacing] = {
    "goal": Spacing(after=720.0),
    "field": Spacing(after=380.0),
    "target_group": Spacing(sub=75.0, after=240.0),
    "measure": Spacing(sub=75.0, after=300.0),
    "actor": Spacing(row=70.0, sub=240.0, after=420.0),
}


_key = node_key
_by_kind = nodes_of


def _kind_column(g: Graph) -> Callable[[str], int]:
    return lambda n: kind_style(kind_of(g, n)).column


def _kind_spacing() -> dict[int, Spacing]:
    return {kind_style(k).column: room for k, room in SPACING.items()}


def _uncovered(g: Graph, kinds: tuple[str, ...], rels: tuple[str, ...]) -> list[str]:
    """Nodes of ``kinds`` that no measure reaches by ``rels``: gaps."""
    return [
        n
        for n in _by_kind(g, *kinds)
        if not any(kind_of(g, u) == "measure" and r in rels for u, r in in_rels(g, n))
    ]


def _keep(g: Graph, nodes: set[str], rels: set[str]) -> Graph:
    sub: Graph = nx.MultiDiGraph()
    sub.add_nodes_from((n, g.nodes[n]) for n in g.nodes if n in nodes)
    for u, v, d in edge_list(g):
        if u in nodes and v in nodes and d["rel"] in rels:
            sub.add_edge(u, v, **d)
    return sub


def gesamtbild(g: Graph, options: Options) -> Page:
    """Goals, fields, measures, Ressorts, target groups, levels; uncovered ones marked as gaps."""
    actors = {u for u, _, d in edge_list(g) if d["rel"] in RESPONSIBLE}
    nodes = set(_by_kind(g, "goal", "field", "measure", "target_group", "level")) | actors
    sub = _keep(g, nodes, {"field", "lead", "partner", "targets", "level", "broader", "intersection_of"})
    gaps = _uncovered(sub, ("field", "target_group", "level"), ("field", "targets", "level"))
    pos = layered(sub, _kind_column(sub), _key(sub), _kind_spacing())
    return Page(
        "gesamtbild",
        "Gesamtbild",
        sub,
        pos,
        marks={n: ["gap"] for n in gaps},
        steps=_by_kind(sub, "field"),
        note="Ziele, Handlungsfelder, Maßnahmen, Akteure, Zielgruppen und Ebenen; "
        "rot gestrichelt: von keiner Maßnahme erreicht.",
    )


def ressort_netz(g: Graph, options: Options) -> Page:
    """Actors linked by the measures they share (edge weight = number of shared measures)."""
    level = options.get("ebene", "")
    work: dict[str, set[str]] = {}
    for u, m, d in g.edges(data=True):
        if d["rel"] in RESPONSIBLE and (not level or level in str(d.get("levels", "")).split(";")):
            work.setdefault(u, set()).add(m)
    by_measure: dict[str, list[str]] = {}
    for actor, ms in work.items():
        for m in ms:
            by_measure.setdefault(m, []).append(actor)
    shared: Counter[tuple[str, str]] = Counter()
    for actors in by_measure.values():
        ordered = sorted(actors, key=str)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                shared[(a, b)] += 1
    sub: Graph = nx.MultiDiGraph()
    sub.add_nodes_from((a, g.nodes[a]) for a in work)
    for (a, b), w in sorted(shared.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))):
        sub.add_edge(a, b, rel="collab", weight=w)
    order = sorted(
        work, key=lambda a: (str(g.nodes[a].get("actor_type", "")), natural_key(str(g.nodes[a]["key"])))
    )
    title = "Ressort-Netz" + (f" (Ebene {level})" if level else "")
    return Page(
        "ressort-netz",
        title,
        sub,
        ring(order),
        member_measures=work,
        note="Wer arbeitet mit wem: Linienstärke = Zahl gemeinsamer Maßnahmen (federführend oder beteiligt).",
    )


def handlungsfeld(g: Graph, options: Options) -> Page:
    """One field with its measures, leads and partners, target groups, levels; gaps marked."""
    fields = _by_kind(g, "field")
    wanted = options.get("feld") or (str(g.nodes[fields[0]]["key"]) if fields else "")
    field = next((f for f in fields if str(g.nodes[f]["key"]) == wanted), None)
    if field is None:
        known = ", ".join(str(g.nodes[f]["key"]) for f in fields)
        raise ParameterError(f"Unbekanntes Handlungsfeld {wanted!r} (Parameter feld); bekannt: {known}")
    measures = {u for u, r in in_rels(g, field) if r == "field" and kind_of(g, u) == "measure"}
    nodes: set[str] = {field} | measures
    for m in measures:
        nodes |= {u for u, r in in_rels(g, m) if r in RESPONSIBLE}
        nodes |= {v for v, r in out_rels(g, m) if r in ("targets", "level")}
    top_groups = {
        n
        for n in _by_kind(g, "target_group")
        if not g.nodes[n].get("intersectional") and not any(r == "broader" for _, r in out_rels(g, n))
    }
    nodes |= top_groups | set(_by_kind(g, "level"))
    sub = _keep(g, nodes, {"field", "lead", "partner", "targets", "level"})
    marks: dict[str, list[str]] = {
        n: ["gap"] for n in _uncovered(sub, ("target_group", "level"), ("targets", "level"))
    }
    for m in measures:
        rels = {r for _, r in in_rels(sub, m)} | {r for _, r in out_rels(sub, m)}
        if not {"lead", "targets", "level"} <= rels:
            marks[m] = ["gap"]
    pos = layered(sub, _kind_column(sub), _key(sub), _kind_spacing())
    label = str(g.nodes[field].get("label", wanted))
    return Page(
        "handlungsfeld",
        f"Handlungsfeld {wanted}: {label}",
        sub,
        pos,
        marks=marks,
        steps=sorted(measures, key=_key(g)),
        note="Rot gestrichelt: Zielgruppe oder Ebene ohne Maßnahme in diesem Feld; "
        "Maßnahme ohne Federführung, Zielgruppe oder Ebene.",
        extra={"field": wanted},
    )


def abhaengigkeiten(g: Graph, options: Options) -> Page:
    """Measures and the actors responsible for them, with measure dependencies; hubs and single
    points of failure (articulation points: removing them splits the network) marked."""
    edges = [(u, v) for u, v, d in edge_list(g) if d["rel"] in (*RESPONSIBLE, "depends_on")]
    nodes = {u for u, _ in edges} | {v for _, v in edges}
    sub = _keep(g, nodes, {*RESPONSIBLE, "depends_on"})
    und: nx.Graph[str] = nx.Graph(sub)
    spof = set(nx.articulation_points(und)) if und.number_of_nodes() else set()
    degree = dict(und.degree())
    cut = sorted(degree.values(), reverse=True)[max(0, len(degree) // 10 - 1)] if degree else 0
    marks: dict[str, list[str]] = {}
    for n in sub.nodes:
        m = (["hub"] if degree[n] >= max(cut, 4) else []) + (["spof"] if n in spof else [])
        if m:
            marks[n] = m
    dep: nx.DiGraph[str] = nx.DiGraph()
    dep.add_edges_from((u, v) for u, v, d in edge_list(sub) if d["rel"] == "depends_on")
    depth: dict[str, int] = {}
    if nx.is_directed_acyclic_graph(dep):
        for i, gen in enumerate(reversed(list(nx.topological_generations(dep)))):
            depth.update(dict.fromkeys(gen, i))

    def column(n: str) -> int:
        return 0 if sub.nodes[n]["kind"] != "measure" else 1 + depth.get(n, 0)

    return Page(
        "abhaengigkeiten",
        "Abhängigkeiten",
        sub,
        layered(sub, column, _key(sub), {0: SPACING["actor"]}),
        marks=marks,
        steps=sorted((n for n in marks if "spof" in marks[n]), key=_key(sub)),
        note="Akteure und Maßnahmen; schwarz umrandet: Knotenpunkte mit vielen Verbindungen, "
        "rot umrandet: einzelne Ausfallpunkte (ohne sie zerfällt das Netz).",
    )
