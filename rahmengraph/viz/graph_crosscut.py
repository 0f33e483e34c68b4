"""The cross-cutting scenes of the Fachtag deck (after the walk through the Handlungsfelder).

* ``netz``: who works with whom — Ressorts and actor groups, edges weighted by shared measures
  (option ``ebene``: only responsibilities on that level); hubs and single points of failure
  (without them the network splits) marked;
* ``intersektional``: the intersectional target groups as the intersections of their dimensions,
  with the fields their measures reach; dimensions no intersectional measure combines are gaps;
* ``staedte``: the two municipalities side by side (Bremen, Bremerhaven), measures per field;
  fields without a measure in a municipality are drawn as gaps.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import networkx as nx

from rahmengraph.model import level_types
from rahmengraph.model.ordering import natural_key
from rahmengraph.model.terms import in_terms, terms_of_graph
from rahmengraph.viz.graph_data import Graph, Scene, in_rels, kind_of, node_key, nodes_of
from rahmengraph.viz.graph_styles import kind_style
from rahmengraph.viz.layout import Lane, arcs, lanes
from rahmengraph.viz.ressorts import dimensions_of, group_id, targeted


def _netz(g: Graph, out: Graph, unit_measures: Mapping[str, set[str]], level: str) -> Scene:
    name = "netz"
    work = {u: set(ms) for u, ms in unit_measures.items()}
    if level:
        for u in work:
            work[u] = {m for m in work[u] if _on_level(g, m, level)}
        work = {u: ms for u, ms in work.items() if ms}
    order = sorted(
        work, key=lambda u: (kind_style(kind_of(out, u)).column, natural_key(str(out.nodes[u].get("key", u))))
    )
    rank = {u: i for i, u in enumerate(order)}
    by_measure: dict[str, list[str]] = {}
    for u in order:
        for m in work[u]:
            by_measure.setdefault(m, []).append(u)
    both: dict[tuple[str, str], set[str]] = {}
    for m, us in by_measure.items():
        us.sort(key=rank.__getitem__)
        for i, a in enumerate(us):
            for b in us[i + 1 :]:
                both.setdefault((a, b), set()).add(m)
    shared = Counter(
        {pair: len(ms) for pair, ms in sorted(both.items(), key=lambda kv: (rank[kv[0][0]], rank[kv[0][1]]))}
    )
    for (a, b), w in shared.items():
        out.add_edge(a, b, rel="collab", weight=w, measures=both[(a, b)], scenes=(name,))
    net: nx.Graph[str] = nx.Graph()
    net.add_nodes_from(order)
    net.add_edges_from(shared)
    spof = set(nx.articulation_points(net))
    degree = dict(net.degree())
    top = sorted(degree.values(), reverse=True)[: max(1, len(order) // 8)]
    marks: dict[str, list[str]] = {}
    for u in order:
        flags = (["hub"] if top and degree[u] >= max(top[-1], 4) else []) + (["spof"] if u in spof else [])
        if flags:
            marks[u] = flags
    title = in_terms("Ressort-Netz: wer mit wem", terms_of_graph(g)) + (f" (Ebene {level})" if level else "")
    return Scene(
        name,
        title,
        arcs(order, float(kind_style("actor").wrap)),
        marks,
        note="Linienstärke = Zahl gemeinsamer Maßnahmen (federführend oder beteiligt). Schwarz umrandet: "
        "Knotenpunkte; rot umrandet: einzelne Ausfallpunkte (ohne sie zerfällt das Netz).",
    )


def _on_level(g: Graph, measure: str, level: str) -> bool:
    return any(
        kind_of(g, v) == "level" and level in (str(g.nodes[v].get("key")), str(g.nodes[v].get("label")))
        for v in g.successors(measure)
    )


def _intersektional(g: Graph, out: Graph, dims: Mapping[str, set[str]]) -> Scene | None:
    name = "intersektional"
    groups = [n for n in nodes_of(g, "target_group") if g.nodes[n].get("intersectional")]
    if not groups:
        return None
    reached: dict[str, set[str]] = {t: set() for t in groups}
    for m in nodes_of(g, "measure"):
        for t in targeted(g, m):
            if t in reached:
                reached[t].add(m)
    fields = nodes_of(g, "field")
    used_fields: list[str] = []
    for t in groups:
        if t not in out:
            out.add_node(t, **g.nodes[t])
        for d in dimensions_of(g, t):
            out.add_edge(t, group_id("dimension", d), rel="intersection_of", scenes=(name,))
        for f in fields:
            ms = {m for m in reached[t] if out.has_edge(m, f)}
            if ms:
                out.add_edge(t, f, rel="in_field", weight=len(ms), measures=ms, scenes=(name,))
                used_fields.append(f)
    crossed = {group_id("dimension", d) for t in groups for d in dimensions_of(g, t)}
    lane_dims = sorted(set(dims) | crossed, key=natural_key)
    for d in lane_dims:
        if d not in out:
            out.add_node(d, kind="dimension", key=d.split(":", 1)[1], label=d.split(":", 1)[1])
    marks = {d: ["gap"] for d in lane_dims if d not in crossed}
    marks |= {t: ["gap"] for t in groups if not reached[t]}
    placed = lanes(
        [
            Lane(lane_dims, float(kind_style("dimension").wrap), 12),
            Lane(sorted(groups, key=node_key(g)), float(kind_style("target_group").wrap), 12),
            Lane([f for f in fields if f in used_fields], float(kind_style("field").wrap)),
        ]
    )
    return Scene(
        name,
        "Intersektionale Zielgruppen: Schnittmengen der Dimensionen und ihre Lücken",
        placed,
        marks,
        note="Jede intersektionale Zielgruppe ist mit den Dimensionen verbunden, die sie schneidet, und mit "
        "den Handlungsfeldern ihrer Maßnahmen (Linienstärke = Zahl der Maßnahmen). Rot gestrichelt: "
        "Dimension, die keine intersektionale Maßnahme mit einer anderen verbindet.",
        short=True,
    )


def _staedte(g: Graph, out: Graph) -> Scene | None:
    name = "staedte"
    compared = level_types.groups(g, nodes_of(g, "level"), "compare")  # e.g. Kommunen, Bezirke
    towns = sorted(
        next((levels for levels in compared.values() if len(levels) >= 2), []),
        key=lambda n: int(g.nodes[n].get("position", 99)),
    )[:2]
    if len(towns) < 2:
        return None
    fields = nodes_of(g, "field")
    marks: dict[str, list[str]] = {}
    for f in fields:
        ms = [u for u, r in in_rels(out, f) if r == "field"]
        for town in towns:
            here = {m for m in ms if out.has_edge(m, town)}
            rel = "level" if here else "gap"
            out.add_edge(f, town, rel=rel, weight=max(1, len(here)), measures=here, scenes=(name,))
            if not here:
                marks[f] = ["gap"]
    labels = [str(g.nodes[t].get("label")) for t in towns]
    return Scene(
        name,
        f"{labels[1]} und {labels[0]}: Maßnahmen je Handlungsfeld",
        lanes(
            [
                Lane([towns[0]], float(kind_style("level").wrap)),
                Lane(fields, float(kind_style("field").wrap)),
                Lane([towns[1]], float(kind_style("level").wrap)),
            ]
        ),
        marks,
        note="Linienstärke = Zahl der Maßnahmen auf der Ebene der Stadt (Landesmaßnahmen nicht gezählt); "
        "rot gestrichelt: keine Maßnahme in dieser Stadt.",
        short=True,
    )


def scenes(
    g: Graph,
    out: Graph,
    unit_measures: Mapping[str, set[str]],
    dims: Mapping[str, set[str]],
    options: Mapping[str, str],
) -> list[Scene]:
    """Ressort network, intersectional gaps, the two municipalities (those the data allow)."""
    netz = _netz(g, out, unit_measures, options.get("ebene", ""))
    found = [netz, _intersektional(g, out, dims), _staedte(g, out)]
    return [s for s in found if s is not None]
