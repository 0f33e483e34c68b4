"""The Fachtag deck: one graph with every scene a workshop walks through, built from the projection.

Scenes (each small enough to read from the back row, see :mod:`rahmengraph.viz.ressorts`):

* ``ueberblick``: Ressorts × Handlungsfelder × Zielgruppen-Dimensionen, edges weighted by the
  number of measures (lead and partner apart);
* ``feld:<key>``, one per Handlungsfeld: its measures, their lead and partner Ressorts, target
  groups, levels (Land, Stadtgemeinde Bremen, Bremerhaven …) and gaps;
* ``akteur:<id>``, one per Ressort or actor group (opened by a click): its measures by field;
* the cross-cutting scenes of :mod:`rahmengraph.viz.graph_crosscut`.

All views share the deck; they differ in the scene they open with and the walk they present.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

import networkx as nx

from rahmengraph.model.ordering import natural_key
from rahmengraph.viz import graph_crosscut as crosscut
from rahmengraph.viz.graph_data import Graph, Page, Scene, kind_of, node_key, nodes_of, out_rels
from rahmengraph.viz.graph_styles import kind_style
from rahmengraph.viz.layout import Lane, lanes
from rahmengraph.viz.ressorts import (
    actor_type,
    actor_units,
    dimensions_of,
    group_id,
    responsibilities,
    structure,
    targeted,
)

Options = Mapping[str, str]
#: A Handlungsfeld scene shows its target groups one by one up to this many, else their dimensions.
GROUPS_ONE_BY_ONE = 10
#: Rows per sub-column, per node kind (more wrap into the next sub-column).
ROWS = {"measure": 10, "actor": 10, "actor_group": 10, "target_group": 12, "dimension": 12}


def _width(kind: str) -> float:
    return float(kind_style(kind).wrap)


def _lane(nodes: list[str], kind: str) -> Lane:
    return Lane(nodes, _width(kind), ROWS.get(kind, 0))


def _sorted(g: Graph, nodes: set[str] | list[str]) -> list[str]:
    return sorted(nodes, key=lambda n: (kind_style(kind_of(g, n)).column, node_key(g)(n)))


class Deck:
    """The shared graph plus the facts the scenes are cut from."""

    def __init__(self, g: Graph, options: Options) -> None:
        self.g = g
        self.structure = structure(options)
        self.measures = nodes_of(g, "measure")
        self.fields = nodes_of(g, "field")
        self.out: Graph = nx.MultiDiGraph()
        resp = responsibilities(g, self.measures, self.structure.date)
        work: dict[str, set[str]] = defaultdict(set)
        for (a, m), _rel in resp.items():
            work[a].add(m)
        self.units = actor_units(g, work)
        self.unit_measures: dict[str, set[str]] = defaultdict(set)
        for a, ms in work.items():
            self.unit_measures[self.units[a]] |= ms
        self.unit_resp: dict[tuple[str, str], str] = {}
        for (a, m), rel in resp.items():
            key = (self.units[a], m)
            if self.unit_resp.get(key) != "lead":
                self.unit_resp[key] = rel
        self.dims: dict[str, set[str]] = defaultdict(set)  # dimension node → measures
        self.scenes: list[Scene] = []
        self.opens: dict[str, str] = {}
        self._nodes()
        self._edges()

    def _copy(self, n: str) -> None:
        if n not in self.out:
            self.out.add_node(n, **self.g.nodes[n])

    def _nodes(self) -> None:
        g = self.g
        for n in (*self.fields, *self.measures, *nodes_of(g, "level")):
            self._copy(n)
        members: dict[str, list[str]] = defaultdict(list)
        for a, unit in self.units.items():
            if unit == a:
                self._copy(a)
            else:
                members[unit].append(a)
        for unit, acts in members.items():
            kind = actor_type(g, acts[0])
            names = sorted(
                (f"{g.nodes[a].get('key', a)}: {g.nodes[a].get('label', '')}" for a in acts), key=natural_key
            )
            label = f"{kind} ({len(acts)} Akteure)"
            self.out.add_node(unit, kind="actor_group", key=kind, label=label, members="; ".join(names))
        for m in self.measures:
            for t in targeted(g, m):
                for d in dimensions_of(g, t):
                    self.dims[group_id("dimension", d)].add(m)
        for d in self.dims:
            name = d.split(":", 1)[1]
            self.out.add_node(d, kind="dimension", key=name, label=name)

    def _edges(self) -> None:
        for (unit, m), rel in sorted(self.unit_resp.items()):
            self.out.add_edge(unit, m, rel=rel)
        for m in self.measures:
            for v, rel in out_rels(self.g, m):
                if rel in ("field", "level") and v in self.out:
                    self.out.add_edge(m, v, rel=rel)

    def add(self, scene: Scene) -> Scene:
        self.scenes.append(scene)
        return scene


def _overview(d: Deck) -> Scene:
    out = d.out
    name = "ueberblick"
    units = _sorted(out, list(d.unit_measures))
    for field in d.fields:
        ms = {m for m in d.measures if out.has_edge(m, field)}
        for rel in ("lead", "partner"):
            for unit in units:
                shared = {m for m in ms if d.unit_resp.get((unit, m)) == rel}
                if shared:
                    out.add_edge(unit, field, rel=rel, weight=len(shared), measures=shared, scenes=(name,))
        for dim in sorted(d.dims, key=natural_key):
            shared = ms & d.dims[dim]
            if shared:
                out.add_edge(field, dim, rel="reach", weight=len(shared), measures=shared, scenes=(name,))
    dims = sorted(d.dims, key=natural_key)
    placed = lanes([_lane(units, "actor"), Lane(d.fields, _width("field")), _lane(dims, "dimension")])
    return Scene(
        name,
        f"Überblick: Ressorts, Handlungsfelder, Zielgruppen ({d.structure.title})",
        placed,
        note="Linienstärke = Zahl der Maßnahmen; durchgezogen: federführend, gestrichelt: beteiligt. "
        "Handlungsfeld oder Ressort anklicken öffnet seine Maßnahmen.",
        short=True,
    )


def _field_scene(d: Deck, field: str) -> Scene:
    g, out = d.g, d.out
    key = str(g.nodes[field].get("key", ""))
    ms = [m for m in d.measures if out.has_edge(m, field)]
    units = _sorted(out, {u for (u, m) in d.unit_resp if m in ms})
    groups = {t for m in ms for t in targeted(g, m)}
    if len(groups) <= GROUPS_ONE_BY_ONE:
        for t in groups:
            d._copy(t)
        for m in ms:
            for t in targeted(g, m):
                out.add_edge(m, t, rel="targets")
        reached = _sorted(out, groups)
        reach_kind = "target_group"
    else:
        reached = sorted((dim for dim, dms in d.dims.items() if dms & set(ms)), key=natural_key)
        for m in ms:
            for dim in reached:
                if m in d.dims[dim] and not out.has_edge(m, dim):
                    out.add_edge(m, dim, rel="targets")
        reach_kind = "dimension"
    levels = [n for n in nodes_of(g, "level") if _is_home_level(g, n) or any(out.has_edge(m, n) for m in ms)]
    levels.sort(key=lambda n: int(g.nodes[n].get("position", 99)))
    marks: dict[str, list[str]] = {}
    for n in levels:
        if not any(out.has_edge(m, n) for m in ms):
            marks[n] = ["gap"]
    for m in ms:
        if not any(d.unit_resp.get((u, m)) == "lead" for u in units) or not targeted(g, m):
            marks[m] = ["gap"]
    placed = lanes(
        [_lane(units, "actor"), _lane(ms, "measure"), _lane(reached, reach_kind), _lane(levels, "level")]
    )
    return Scene(
        f"feld:{key}",
        f"{key} {g.nodes[field].get('label', key)}",
        placed,
        marks,
        note="Links die Ressorts (durchgezogen: federführend, gestrichelt: beteiligt), in der Mitte die "
        "Maßnahmen, rechts Zielgruppen und Ebenen. Rot gestrichelt: Ebene ohne Maßnahme in diesem Feld "
        "oder Maßnahme ohne Federführung oder Zielgruppe.",
    )


def _is_home_level(g: Graph, level: str) -> bool:
    return str(g.nodes[level].get("level_kind", "")) in ("Land", "Kommune")


def _unit_scene(d: Deck, unit: str) -> Scene:
    out = d.out
    ms = sorted(d.unit_measures[unit], key=node_key(out))
    fields = [f for f in d.fields if any(out.has_edge(m, f) for m in ms)]
    ms.sort(key=lambda m: (min((d.fields.index(f) for f in fields if out.has_edge(m, f)), default=99),))
    label = str(out.nodes[unit].get("label", unit))
    key = str(out.nodes[unit].get("key", unit))
    leads = sum(1 for m in ms if d.unit_resp.get((unit, m)) == "lead")
    return Scene(
        f"akteur:{key}",
        f"{label}: {leads} federführend, {len(ms) - leads} beteiligt",
        lanes([Lane([unit], _width("actor")), _lane(ms, "measure"), Lane(fields, _width("field"))]),
        note="Die Maßnahmen des Akteurs (durchgezogen: federführend, gestrichelt: beteiligt) und ihre "
        "Handlungsfelder.",
        short=True,
    )


def deck(g: Graph, options: Options, view: str, title: str) -> Page:
    """Every scene of the deck; the page opens at the view's scene (set by the caller)."""
    d = Deck(g, options)
    d.add(_overview(d))
    for f in d.fields:
        scene = d.add(_field_scene(d, f))
        d.opens[f] = scene.name
    cross = [d.add(s) for s in crosscut.scenes(d.g, d.out, d.unit_measures, d.dims, options)]
    for unit in _sorted(d.out, list(d.unit_measures)):
        scene = d.add(_unit_scene(d, unit))
        d.opens[unit] = scene.name
    walk = ["ueberblick", *(f"feld:{g.nodes[f]['key']}" for f in d.fields), *(s.name for s in cross)]
    return Page(
        view,
        title,
        d.out,
        d.scenes,
        start="ueberblick",
        steps=walk,
        opens=d.opens,
        member_measures={n: d.unit_measures[n] for n in d.unit_measures}
        | {n: ms for n, ms in d.dims.items()},
        extra={"structure": d.structure.name, "structure_title": d.structure.title},
    )
