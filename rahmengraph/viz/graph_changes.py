"""The changes between two editions as a graph, for the Steuerungsrunde: one scene per Handlungsfeld.

Options ``von`` and ``bis`` name the editions (versions as in ``ausgaben.csv``; default: the first
and the current edition). Each Handlungsfeld with changed measures gets a scene: left the actors
that lead the measures in the newer edition (solid) or led them in the older one (dashed, "früher
federführend"), in the middle the measures coloured by their change (:data:`CHANGE_MARKS`), right
the Handlungsfeld (marked when it is new, renamed or gone). Measures ended by the newer edition come
from the older edition's graph. The walk goes through the fields in natural order.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Final

import networkx as nx

from rahmengraph.errors import ParameterError
from rahmengraph.model import asof
from rahmengraph.model.change_list import Report, between
from rahmengraph.model.ordering import SortKey, natural_key
from rahmengraph.model.projection import project
from rahmengraph.model.store import GraphStore
from rahmengraph.viz.graph_data import Graph, Page, Scene, in_rels, nodes_of
from rahmengraph.viz.graph_styles import MARKS, kind_style
from rahmengraph.viz.layout import Lane, lanes
from rahmengraph.viz.ressorts import lead_in_office

#: Change type (cell of ``value_lists.CHANGE_TYPES``) → the mark its measure or field is drawn with;
#: a measure with several changes shows the first of :data:`PRECEDENCE` it has.
CHANGE_MARKS: Final[dict[str, str]] = {
    "neu": "neu",
    "eingestellt": "eingestellt",
    "zusammengeführt": "eingestellt",
    "aufgeteilt": "eingestellt",
    "Zuständigkeit übertragen": "uebertragen",
    "erweitert": "geaendert",
    "geändert": "geaendert",
    "verschoben": "geaendert",
    "Ebene geändert": "geaendert",
    "Status": "geaendert",
    "Handlungsfeld neu": "neu",
    "Handlungsfeld umbenannt": "geaendert",
    "Handlungsfelder zusammengeführt": "eingestellt",
    "Handlungsfeld entfallen": "eingestellt",
}
PRECEDENCE: Final = ("neu", "eingestellt", "uebertragen", "geaendert")
#: Rows per sub-column of the measures and actors lanes.
ROWS: Final = 10


def _leads(g: Graph, measure: str, date: str) -> set[str]:
    """The measure's leads on ``date``: those in office of its chain, else every lead named."""
    now = lead_in_office(g, measure, date)
    if now is not None:
        return now
    return {u for u, rel in in_rels(g, measure) if rel == "lead"}


class _Changes:
    """The two editions' graphs and the picture drawn from them."""

    def __init__(self, store: GraphStore, report: Report) -> None:
        self.report = report
        self.before = project(asof.resolve(store, report.before.version)[0])
        self.after = project(asof.resolve(store, report.after.version)[0])
        self.out: Graph = nx.MultiDiGraph()
        self.marks: dict[str, set[str]] = defaultdict(set)
        self.field_measures: dict[str, set[str]] = defaultdict(set)

    def copy(self, n: str) -> bool:
        """Copy node ``n`` from the newer edition's graph, else the older one's; False if in neither."""
        if n in self.out:
            return True
        for g in (self.after, self.before):
            if n in g:
                self.out.add_node(n, **g.nodes[n])
                return True
        return False

    def field_of_key(self, key: str) -> str | None:
        for g in (self.after, self.before):
            for f in nodes_of(g, "field"):
                if str(g.nodes[f].get("key")) == key:
                    return f
        return None

    def add_measure(self, measure: str, fields: list[str]) -> None:
        for key in fields:
            f = self.field_of_key(key)
            if f is not None and self.copy(f):
                self.field_measures[f].add(measure)
                if not self.out.has_edge(measure, f):
                    self.out.add_edge(measure, f, rel="field")
        now = _leads(self.after, measure, self.report.after.date) if measure in self.after else set()
        then = _leads(self.before, measure, self.report.before.date) if measure in self.before else set()
        for actor in sorted(now | then):
            if self.copy(actor) and not self.out.has_edge(actor, measure):
                self.out.add_edge(actor, measure, rel="lead" if actor in now else "lead_former")

    def build(self) -> None:
        for c in self.report.changes:
            mark = CHANGE_MARKS.get(c.type)
            if not c.entity or mark is None or not self.copy(c.entity):
                continue
            self.marks[c.entity].add(mark)
            if c.kind == "measure":
                self.add_measure(c.entity, c.fields)
            elif c.kind == "field":
                self.field_measures.setdefault(c.entity, set())

    def order(self, n: str) -> tuple[int, SortKey]:
        a = self.out.nodes[n]
        return kind_style(str(a.get("kind", ""))).column, natural_key(str(a.get("key", n)))

    def scene(self, field: str) -> Scene:
        out = self.out
        ms = sorted(self.field_measures[field], key=self.order)
        actors = sorted({u for m in ms for u, _m in out.in_edges(m) if u != field}, key=self.order)
        key = str(out.nodes[field].get("key", ""))
        counts = Counter(self.mark_of(m) for m in ms)
        summary = ", ".join(f"{counts[m]} {MARKS[m][0]}" for m in PRECEDENCE if counts[m])
        return Scene(
            f"feld:{key}",
            f"{key} {out.nodes[field].get('label', key)}: {summary or 'Handlungsfeld geändert'}",
            lanes(
                [
                    Lane(actors, float(kind_style("actor").wrap), ROWS),
                    Lane(ms, float(kind_style("measure").wrap), ROWS),
                    Lane([field], float(kind_style("field").wrap)),
                ]
            ),
            {n: [self.mark_of(n)] for n in [*ms, field] if self.marks.get(n)},
            note=f"Änderungen von Ausgabe {self.report.before.version} bis {self.report.after.version}. "
            "Farbe der Maßnahme = Art der Änderung; links die Federführung in der neueren Ausgabe "
            "(durchgezogen) und, wo sie wechselte oder die Maßnahme endete, die frühere (gestrichelt).",
        )

    def mark_of(self, n: str) -> str:
        return next((m for m in PRECEDENCE if m in self.marks.get(n, ())), "")


def changes_graph(store: GraphStore | None, options: Mapping[str, str], view: str, title: str) -> Page:
    """The page of view ``view``: the changes from edition ``von`` to ``bis`` (options)."""
    if store is None:
        raise ParameterError(f"Ansicht {view} braucht den Datenbestand mit seinen Ausgaben")
    found = asof.editions(store)
    if not found:
        raise ParameterError(f"Ansicht {view}: der Datensatz hat keine Ausgaben (ausgaben.csv)")
    report = between(store, options.get("von") or found[0].version, options.get("bis", ""))
    d = _Changes(store, report)
    d.build()
    fields = sorted(d.field_measures, key=d.order)
    scenes = [d.scene(f) for f in fields]
    return Page(
        view,
        f"{title}: Ausgabe {report.before.version} → {report.after.version}",
        d.out,
        scenes,
        start=scenes[0].name if scenes else "",
        steps=[s.name for s in scenes],
        opens={f: s.name for f, s in zip(fields, scenes, strict=True)},
        extra={"von": report.before.version, "bis": report.after.version},
    )
