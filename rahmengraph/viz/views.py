"""The interactive graph views (German titles), one table: name → :class:`View`.

``View.render(store, filters, options, standalone=…)`` returns a full HTML page; the API serves it
under ``/viz/{name}``, ``rahmengraph viz NAME -o FILE.html`` writes it (standalone: every asset
inlined, no network needed).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from rahmengraph.model.filters import Filters
from rahmengraph.model.projection import project
from rahmengraph.model.store import GraphStore
from rahmengraph.viz import graph_build as build
from rahmengraph.viz.graph_data import Graph, Page, payload
from rahmengraph.viz.graph_matrix import luecken
from rahmengraph.viz.graph_page import render_page

Builder = Callable[[Graph, Graph, Mapping[str, str]], Page]


@dataclass(frozen=True)
class View:
    name: str
    title: str
    help: str
    options: tuple[str, ...]
    builder: Builder

    def data(self, store: GraphStore, filters: Filters, options: Mapping[str, str]) -> dict[str, Any]:
        """The page's JSON document (nodes, edges, filter choices, the filters applied)."""
        full = project(store)
        graph = full if filters.is_empty() else project(store, filters=filters)
        doc = payload(self.builder(graph, full, options), full)
        doc["applied"] = {k: list(v) for k, v in filters.active().items()}
        doc["options"] = dict(options)
        return doc

    def render(
        self, store: GraphStore, filters: Filters, options: Mapping[str, str], *, standalone: bool
    ) -> str:
        return render_page(self.data(store, filters, options), VIEW_TITLES, standalone=standalone)


def _plain(fn: Callable[[Graph, Mapping[str, str]], Page]) -> Builder:
    return lambda graph, full, options: fn(graph, options)


VIEWS: Final[dict[str, View]] = {
    v.name: v
    for v in (
        View(
            "gesamtbild",
            "Gesamtbild",
            "Ziele, Handlungsfelder, Maßnahmen, Ressorts, Zielgruppen und Ebenen in einem Bild",
            (),
            _plain(build.gesamtbild),
        ),
        View(
            "ressort-netz",
            "Ressort-Netz",
            "Wer arbeitet mit wem (Kanten gewichtet nach gemeinsamen Maßnahmen), optional je Ebene",
            ("ebene",),
            _plain(build.ressort_netz),
        ),
        View(
            "handlungsfeld",
            "Handlungsfeld-Fokus",
            "Ein Handlungsfeld mit Maßnahmen, Federführung, Beteiligten, Zielgruppen, Ebenen und Lücken",
            ("feld",),
            _plain(build.handlungsfeld),
        ),
        View(
            "luecken",
            "Lücken",
            "Abdeckungsmatrizen als Heatmap-Tabellen; Zelle anklicken zeigt die Maßnahmen dahinter",
            (),
            lambda graph, full, options: luecken(graph, full, options),
        ),
        View(
            "abhaengigkeiten",
            "Abhängigkeiten",
            "Ressortübergreifendes Abhängigkeitsnetz mit Knotenpunkten und einzelnen Ausfallpunkten",
            (),
            _plain(build.abhaengigkeiten),
        ),
    )
}

VIEW_TITLES: Final[list[tuple[str, str]]] = [(v.name, v.title) for v in VIEWS.values()]
