"""The interactive graph views (German titles), one table: name → :class:`View`.

The graph views are one deck of scenes (:mod:`rahmengraph.viz.graph_build`) opened at different
places: the Gesamtbild at the overview (its walk: overview, the 13 fields, the cross-cutting
scenes), the Handlungsfeld-Fokus at one field, the Ressort-Netz at the network.

``View.render(store, filters, options, standalone=…)`` returns a full HTML page; the API serves it
under ``/viz/{name}``, ``rahmengraph viz NAME -o FILE.html`` writes it (standalone: every asset
inlined, no network needed).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from rahmengraph.errors import ParameterError
from rahmengraph.model.filters import Filters
from rahmengraph.model.projection import project
from rahmengraph.model.store import GraphStore
from rahmengraph.viz.graph_build import deck as build_deck
from rahmengraph.viz.graph_data import Graph, Page, payload
from rahmengraph.viz.graph_matrix import luecken
from rahmengraph.viz.graph_page import render_page
from rahmengraph.viz.graph_participation import capture_choices

Builder = Callable[[Graph, Graph, Mapping[str, str]], Page]


@dataclass(frozen=True)
class View:
    name: str
    title: str
    help: str
    options: tuple[str, ...]
    builder: Builder

    def page(self, graph: Graph, full: Graph, options: Mapping[str, str]) -> Page:
        return self.builder(graph, full, options)

    def data(self, store: GraphStore, filters: Filters, options: Mapping[str, str]) -> dict[str, Any]:
        """The page's JSON document (nodes, edges, scenes, filter choices, the filters applied)."""
        full = project(store)
        graph = full if filters.is_empty() else project(store, filters=filters)
        doc = payload(self.page(graph, full, options), full)
        doc["applied"] = {k: list(v) for k, v in filters.active().items()}
        doc["options"] = dict(options)
        doc["beteiligung"] = capture_choices(store, full)
        return doc

    def render(
        self, store: GraphStore, filters: Filters, options: Mapping[str, str], *, standalone: bool
    ) -> str:
        return render_page(self.data(store, filters, options), VIEW_TITLES, standalone=standalone)


def _deck(
    view: str, title: str, start: Callable[[Page, Mapping[str, str]], tuple[str, list[str]]]
) -> Builder:
    """A view of the Fachtag deck: every scene, opened at ``start``'s scene with its walk."""

    def build(graph: Graph, full: Graph, options: Mapping[str, str]) -> Page:
        page = build_deck(graph, options, view, title)
        page.start, walk = start(page, options)
        page.steps = walk or page.steps
        return page

    return build


def _walk(page: Page, options: Mapping[str, str]) -> tuple[str, list[str]]:
    return "ueberblick", []


def _field(page: Page, options: Mapping[str, str]) -> tuple[str, list[str]]:
    fields = [s.name for s in page.scenes if s.name.startswith("feld:")]
    wanted = options.get("feld") or (fields[0].split(":", 1)[1] if fields else "")
    if f"feld:{wanted}" not in fields:
        known = ", ".join(f.split(":", 1)[1] for f in fields)
        raise ParameterError(f"Unbekanntes Handlungsfeld {wanted!r} (Parameter feld); bekannt: {known}")
    return f"feld:{wanted}", fields


def _network(page: Page, options: Mapping[str, str]) -> tuple[str, list[str]]:
    return "netz", [s.name for s in page.scenes if s.name in ("netz", "intersektional", "staedte")]


VIEWS: Final[dict[str, View]] = {
    v.name: v
    for v in (
        View(
            "gesamtbild",
            "Gesamtbild",
            "Fachtag-Rundgang: Überblick Ressorts × Handlungsfelder × Zielgruppen, die Handlungsfelder "
            "einzeln, dann Ressort-Netz, intersektionale Lücken, Bremerhaven und Bremen",
            ("ressorts",),
            _deck("gesamtbild", "Gesamtbild", _walk),
        ),
        View(
            "handlungsfeld",
            "Handlungsfeld-Fokus",
            "Ein Handlungsfeld mit Maßnahmen, Federführung, Beteiligten, Zielgruppen, Ebenen und Lücken",
            ("feld", "ressorts"),
            _deck("handlungsfeld", "Handlungsfeld-Fokus", _field),
        ),
        View(
            "ressort-netz",
            "Ressort-Netz",
            "Wer arbeitet mit wem (Kanten gewichtet nach gemeinsamen Maßnahmen), optional je Ebene",
            ("ebene", "ressorts"),
            _deck("ressort-netz", "Ressort-Netz", _network),
        ),
        View(
            "abhaengigkeiten",
            "Abhängigkeiten",
            "Ressortübergreifendes Netz mit Knotenpunkten und einzelnen Ausfallpunkten",
            ("ebene", "ressorts"),
            _deck("abhaengigkeiten", "Abhängigkeiten", _network),
        ),
        View(
            "luecken",
            "Lücken",
            "Abdeckungsmatrizen als Heatmap-Tabellen; Zelle anklicken zeigt die Maßnahmen dahinter",
            (),
            lambda graph, full, options: luecken(graph, full, options),
        ),
    )
}

VIEW_TITLES: Final[list[tuple[str, str]]] = [(v.name, v.title) for v in VIEWS.values()]
