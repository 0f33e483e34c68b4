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

from rahmengraph.model.level_types import level_types
from rahmengraph.model.ordering import SortKey, natural_key
from rahmengraph.viz import graph_crosscut as crosscut
from rahmengraph.viz.graph_data import Graph, Page, Scene, kind_of, nodes_of, out_rels
from rahmengraph.viz.graph_styles import kind_style
from rahmengraph.viz.layout import Lane, lanes
from rahmengraph.viz.ressorts import (
    actor_type,
    actor_units,
    dimensions_of,
    group_id,
    responsibilities,
    structure,
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


def _sorted(d: Deck, nodes: set[str] | list[str]) -> list[str]:
    return sorted(nodes, key=d.order)


class Deck:
    """The shared graph plus the facts the scenes are cut from."""

    def __init__(self, g: Graph, options: Options, whole: Graph | None = None) -> None:
        self.g = g
        # the structures come from the whole data's re-cuts (a filter must not move their dates)
        self.structure = structure(options, whole if whole is not None else g)
        self.other_structure = structure(
            {"ressorts": "2019" if self.structure.name == "aktuell" else "aktuell"},
            whole if whole is not None else g,
        )
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
        self.levels = sorted(nodes_of(g, "level"), key=lambda n: int(g.nodes[n].get("position", 99)))
        self.m_out = {m: out_rels(g, m) for m in self.measures}
        self.targets = {
            m: [v for v, r in rels if r == "targets" and kind_of(g, v) == "target_group"]
            for m, rels in self.m_out.items()
        }
        self._order: dict[str, tuple[int, SortKey]] = {}
        self.field_measures: dict[str, list[str]] = {f: [] for f in self.fields}
        self.measure_fields: dict[str, list[str]] = defaultdict(list)
        for m in self.measures:
            for v, rel in self.m_out[m]:
                if rel == "field" and v in self.field_measures:
                    self.field_measures[v].append(m)
                    self.measure_fields[m].append(v)
        self.measure_units: dict[str, list[str]] = defaultdict(list)
        for unit, m in self.unit_resp:
            self.measure_units[m].append(unit)
        self.dims: dict[str, set[str]] = defaultdict(set)  # dimension node → measures
        self.scenes: list[Scene] = []
        self.opens: dict[str, str] = {}
        self._nodes()
        self._edges()

    def order(self, n: str) -> tuple[int, SortKey]:
        """Sort key of a node of the deck: kind (as in the legend), then natural order of its key."""
        if n not in self._order:
            a = self.out.nodes[n] if n in self.out else self.g.nodes[n]
            self._order[n] = (kind_style(str(a.get("kind", ""))).column, natural_key(str(a.get("key", n))))
        return self._order[n]

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
        group_dims: dict[str, list[str]] = {}
        for m in self.measures:
            for t in self.targets[m]:
                if t not in group_dims:
                    group_dims[t] = dimensions_of(g, t)
                for d in group_dims[t]:
                    self.dims[group_id("dimension", d)].add(m)
        for d in self.dims:
            name = d.split(":", 1)[1]
            self.out.add_node(d, kind="dimension", key=name, label=name)

    def _edges(self) -> None:
        for (unit, m), rel in sorted(self.unit_resp.items()):
            self.out.add_edge(unit, m, rel=rel)
        for m in self.measures:
            for v, rel in self.m_out[m]:
                if rel in ("field", "level") and v in self.out:
                    self.out.add_edge(m, v, rel=rel)

    def add(self, scene: Scene) -> Scene:
        self.scenes.append(scene)
        return scene


def _overview(d: Deck) -> Scene:
    out = d.out
    name = "ueberblick"
    units = _sorted(d, list(d.unit_measures))
    pairs: dict[tuple[str, str, str], set[str]] = defaultdict(set)  # (from, to, rel) → measures
    for (unit, m), rel in d.unit_resp.items():
        for field in d.measure_fields[m]:
            pairs[(unit, field, rel)].add(m)
    measure_dims: dict[str, list[str]] = defaultdict(list)
    for dim, dms in d.dims.items():
        for m in dms:
            measure_dims[m].append(dim)
    for field in d.fields:
        for m in d.field_measures[field]:
            for dim in measure_dims[m]:
                pairs[(field, dim, "reach")].add(m)
    for (a, b, rel), ms in sorted(
        pairs.items(), key=lambda kv: (d.order(kv[0][0]), d.order(kv[0][1]), kv[0][2])
    ):
        out.add_edge(a, b, rel=rel, weight=len(ms), measures=ms, scenes=(name,))
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
    ms = d.field_measures[field]
    units = _sorted(d, {u for m in ms for u in d.measure_units[m]})
    groups = {t for m in ms for t in d.targets[m]}
    if len(groups) <= GROUPS_ONE_BY_ONE:
        for t in groups:
            d._copy(t)
        for m in ms:
            for t in d.targets[m]:
                if not out.has_edge(m, t):
                    out.add_edge(m, t, rel="targets")
        reached = _sorted(d, groups)
        reach_kind = "target_group"
    else:
        reached = sorted((dim for dim, dms in d.dims.items() if dms & set(ms)), key=natural_key)
        for m in ms:
            for dim in reached:
                if m in d.dims[dim] and not out.has_edge(m, dim):
                    out.add_edge(m, dim, rel="targets")
        reach_kind = "dimension"
    levels = [n for n in d.levels if _is_home_level(g, n) or any(out.has_edge(m, n) for m in ms)]
    marks: dict[str, list[str]] = {}
    for n in levels:
        if not any(out.has_edge(m, n) for m in ms):
            marks[n] = ["gap"]
    for m in ms:
        if not any(d.unit_resp.get((u, m)) == "lead" for u in d.measure_units[m]) or not d.targets[m]:
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
    """A level of the framework's own government (declared or default type): gaps are drawn there."""
    return level_types(g)[level].own


def _unit_scene(d: Deck, unit: str) -> Scene:
    out = d.out
    ms = sorted(d.unit_measures[unit], key=d.order)
    order = {f: i for i, f in enumerate(d.fields)}
    used = {f for m in ms for f in d.measure_fields[m]}
    fields = [f for f in d.fields if f in used]
    ms.sort(key=lambda m: min((order[f] for f in d.measure_fields[m]), default=len(order)))
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


def deck(g: Graph, options: Options, view: str, title: str, whole: Graph | None = None) -> Page:
    """Every scene of the deck; the page opens at the view's scene (set by the caller)."""
    d = Deck(g, options, whole)
    d.add(_overview(d))
    for f in d.fields:
        scene = d.add(_field_scene(d, f))
        d.opens[f] = scene.name
    cross = [d.add(s) for s in crosscut.scenes(d.g, d.out, d.unit_measures, d.dims, options)]
    for unit in _sorted(d, list(d.unit_measures)):
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
        extra={
            "structure": d.structure.name,
            "structure_title": d.structure.title,
            "structure_other_title": d.other_structure.title,
        },
    )
