"""The graph view ``vergleich``: two frameworks' Handlungsfelder facing each other.

Framework A's fields on the left, B's on the right, the diversity dimensions their measures reach in
the middle (line width = number of measures). A dimension only one of them reaches is marked as a
gap, so the picture answers "what does one framework cover that the other does not". Options ``a``
and ``b`` name the frameworks (``rahmen.csv`` ids); by default the first two in the store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

import networkx as nx

from rahmengraph.errors import ParameterError
from rahmengraph.model.ordering import natural_key
from rahmengraph.viz.graph_data import Graph, Page, Scene, kind_of, nodes_of, out_rels
from rahmengraph.viz.layout import Lane, lanes
from rahmengraph.viz.ressorts import dimensions_of, group_id

SCENE = "vergleich"
#: Width of a lane of field titles and of dimension names (canvas px, as in the Fachtag deck).
FIELD_WIDTH, DIMENSION_WIDTH = 300.0, 230.0


def _frameworks(full: Graph, options: Mapping[str, str]) -> tuple[str, str | None]:
    """The framework nodes options ``a`` and ``b`` name (default: the first two by id; with one
    framework in the store, B is None and the page says how to load a second)."""
    by_id = {str(full.nodes[n].get("key")): n for n in nodes_of(full, "framework")}
    known = ", ".join(sorted(by_id, key=natural_key)) or "keines"
    ids = sorted(by_id, key=natural_key)
    if len(by_id) < 2 and not options.get("a") and not options.get("b"):
        if not ids:
            raise ParameterError("Ansicht vergleich: kein Rahmenkonzept im Speicher")
        return by_id[ids[0]], None
    if len(by_id) < 2:
        raise ParameterError(
            f"Ansicht vergleich, Optionen a/b: nur ein Rahmenkonzept im Speicher ({known}); "
            "zwei laden mit rahmengraph serve -d A -d B"
        )
    chosen = [
        options.get("a") or ids[0],
        options.get("b") or next(i for i in ids if i != (options.get("a") or ids[0])),
    ]
    for option, ident in zip(("a", "b"), chosen, strict=True):
        if ident not in by_id:
            raise ParameterError(
                f"Rahmenkonzept {ident!r} (Option {option}) gibt es nicht; im Speicher: {known}"
            )
    if chosen[0] == chosen[1]:
        raise ParameterError(
            f"Optionen a und b nennen dasselbe Rahmenkonzept {chosen[0]!r}; zwei verschiedene wählen"
        )
    return by_id[chosen[0]], by_id[chosen[1]]


def comparison(graph: Graph, full: Graph, options: Mapping[str, str]) -> Page:
    """The page of the ``vergleich`` view over ``graph`` (the measures passing the filters)."""
    a, b = _frameworks(full, options)
    shown = [a] if b is None else [a, b]
    out: Graph = nx.MultiDiGraph()
    fields = {
        fw: [f for f in nodes_of(graph, "field") if graph.nodes[f].get("framework") == fw] for fw in shown
    }
    reach: dict[tuple[str, str], set[str]] = defaultdict(set)  # (field, dimension node) → measures
    reached_by: dict[str, set[str]] = defaultdict(set)  # dimension node → frameworks
    for fw in shown:
        for f in fields[fw]:
            out.add_node(f, **graph.nodes[f])
    for m in nodes_of(graph, "measure"):
        rels = out_rels(graph, m)
        groups = [v for v, r in rels if r == "targets" and kind_of(graph, v) == "target_group"]
        reached = {group_id("dimension", d) for g in groups for d in dimensions_of(graph, g)}
        for f in (v for v, r in rels if r == "field" and v in out):
            fw = str(graph.nodes[f].get("framework"))
            for d in reached:
                reach[(f, d)].add(m)
                reached_by[d].add(fw)
    for d in reached_by:
        name = d.split(":", 1)[1]
        out.add_node(d, kind="dimension", key=name, label=name)
    for (f, d), ms in sorted(reach.items()):
        out.add_edge(f, d, rel="reach", weight=len(ms), measures=ms, scenes=(SCENE,))
    dims = sorted(reached_by, key=natural_key)
    right = [] if b is None else fields[b]
    placed = lanes([Lane(fields[a], FIELD_WIDTH), Lane(dims, DIMENSION_WIDTH), Lane(right, FIELD_WIDTH)])
    marks = {d: ["gap"] for d in dims if b is not None and len(reached_by[d]) < 2}
    name_a, name_b = (
        str(full.nodes[fw].get("label") or full.nodes[fw].get("key")) if fw else "" for fw in (a, b)
    )
    heading = (
        f"Vergleich: {name_a} (links) und {name_b} (rechts)"
        if b is not None
        else f"Vergleich: nur {name_a} geladen – ein zweites Rahmenkonzept mit rahmengraph serve -d A -d B"
    )
    scene = Scene(
        SCENE,
        heading,
        placed,
        marks,
        note="Mitte: Diversitätsdimensionen, die die Maßnahmen eines Handlungsfelds erreichen; "
        "Linienstärke = Zahl der Maßnahmen; rot: nur eines der beiden Rahmenkonzepte erreicht sie.",
    )
    title = (
        f"Vergleich der Handlungsfelder: {name_a} – {name_b}"
        if b
        else f"Vergleich der Handlungsfelder: {name_a}"
    )
    members: dict[str, set[str]] = defaultdict(set)  # node → measures (the page's filters use them)
    for (f, d), ms in reach.items():
        members[f] |= ms
        members[d] |= ms
    return Page("vergleich", title, out, [scene], start=SCENE, steps=[SCENE], member_measures=dict(members))
