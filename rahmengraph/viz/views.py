"""The interactive graph views (German titles), one table: name → :class:`View`.

The graph views are one deck of scenes (:mod:`rahmengraph.viz.graph_build`) opened at different
places: the Gesamtbild at the overview (its walk: overview, the 13 fields, the cross-cutting
scenes), the Handlungsfeld-Fokus at one field, the Ressort-Netz at the network. The Änderungen
view draws what changed between two editions (:mod:`rahmengraph.viz.graph_changes`).

``View.render(store, filters, options, standalone=…)`` returns a full HTML page; the API serves it
under ``/viz/{name}``, ``rahmengraph viz NAME -o FILE.html`` writes it (standalone: every asset
inlined, no network needed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from rahmengraph.errors import ParameterError
from rahmengraph.model.filters import Filters
from rahmengraph.model.frameworks import PARAM, Framework, chosen, frameworks, scoped
from rahmengraph.model.projection import project
from rahmengraph.model.store import GraphStore
from rahmengraph.model.terms import Terms, in_terms, terms
from rahmengraph.viz.graph_build import deck as build_deck
from rahmengraph.viz.graph_changes import changes_graph
from rahmengraph.viz.graph_comparison import comparison
from rahmengraph.viz.graph_data import Graph, Page, payload
from rahmengraph.viz.graph_matrix import luecken
from rahmengraph.viz.graph_page import render_page
from rahmengraph.viz.graph_participation import capture_choices

#: (graph in view, whole graph, options, the store they come from) → page. The store is None
#: when a view is built from a graph alone (the page benchmark); views that need it say so.
Builder = Callable[[Graph, Graph, Mapping[str, str], GraphStore | None], Page]

#: Options every view takes besides its own (where the picture opens), name → help.
COMMON_OPTIONS: Final[dict[str, str]] = {
    "fokus": "Knoten (Art:Schlüssel oder Schlüssel), auf den fokussiert wird",
    "hops": "Nachbarschaftstiefe beim Fokus (1–4)",
}
#: Query parameters in which a served graph page keeps its state (``graph.js`` writes them into
#: the address), besides filters and options; the server accepts and otherwise ignores them.
PAGE_STATE: Final = ("szene", "showcase", "q", "panel", "beamer", "stand", "lang")


@dataclass(frozen=True)
class View:
    name: str
    title: str
    help: str
    options: tuple[str, ...]
    builder: Builder

    @property
    def accepts(self) -> tuple[str, ...]:
        """The option names this view takes: its own and :data:`COMMON_OPTIONS`."""
        return (*self.options, *COMMON_OPTIONS)

    def check(self, options: Iterable[str], where: str = "Option (--option NAME=WERT)") -> None:
        """Raise :class:`ParameterError` for an option this view does not take."""
        ParameterError.check_known(options, self.accepts, f"Ansicht {self.name}, {where}")

    def _focus_field(self, filters: Filters, options: Mapping[str, str]) -> Mapping[str, str]:
        """The field a view with option ``feld`` opens at: the one field filter when ``feld`` is
        not given; a ``feld`` the field filter leaves out is an error (not a picture of gaps)."""
        if "feld" not in self.options:
            return options
        feld = options.get("feld")
        if not feld and len(filters.field) == 1:
            return {**options, "feld": filters.field[0]}
        if feld and filters.field and feld not in filters.field:
            raise ParameterError(
                f"Ansicht {self.name}: Handlungsfeld {feld!r} (Parameter feld) liegt außerhalb des Filters "
                f"field={';'.join(filters.field)}; feld weglassen oder zum Filter passend wählen"
            )
        return options

    def _one_framework(
        self, store: GraphStore, options: Mapping[str, str]
    ) -> tuple[GraphStore, Framework | None]:
        """(the store a view of one framework draws, the framework's id): the one option ``rahmen``
        names, else the first of several (a deck never mixes frameworks); unknown ids are errors."""
        if PARAM not in self.options:
            return store, None
        known = frameworks(store)
        wanted = options.get(PARAM, "")
        if not wanted and len(known) <= 1:
            return store, None
        fw = chosen(store, wanted) if wanted else known[0]
        return scoped(store, fw), fw

    def page(
        self, graph: Graph, full: Graph, options: Mapping[str, str], store: GraphStore | None = None
    ) -> Page:
        return self.builder(graph, full, options, store)

    def data(self, store: GraphStore, filters: Filters, options: Mapping[str, str]) -> dict[str, Any]:
        """The page's JSON document (nodes, edges, scenes, filter choices, the filters applied)."""
        self.check(options)
        options = self._focus_field(filters, options)
        store, shown = self._one_framework(store, options)
        full = project(store)
        graph = full if filters.is_empty() else project(store, filters=filters)
        doc = payload(self.page(graph, full, options, store), full)
        doc["applied"] = {k: list(v) for k, v in filters.active().items()}
        doc["options"] = dict(options)
        if shown:
            doc["options"][PARAM] = shown.ident
            doc["title"] = f"{doc['title']} – {shown.name}"
        doc["beteiligung"] = capture_choices(store, full)
        return in_own_terms(doc, terms(store))

    def render(
        self, store: GraphStore, filters: Filters, options: Mapping[str, str], *, standalone: bool
    ) -> str:
        own = terms(store)
        titles = [(name, in_terms(title, own)) for name, title in VIEW_TITLES]
        return render_page(self.data(store, filters, options), titles, standalone=standalone)


def in_own_terms(doc: dict[str, Any], own: Terms) -> dict[str, Any]:
    """A page document whose German texts (title, note, scenes, filter boxes) speak the framework's
    terms; ``terms`` tells the page script the words it writes itself (``Behörden und Akteure``)."""
    doc["title"] = in_terms(str(doc.get("title", "")), own)
    doc["note"] = in_terms(str(doc.get("note", "")), own)
    for scene in doc.get("scenes", []):
        scene["title"] = in_terms(str(scene["title"]), own)
        scene["note"] = in_terms(str(scene["note"]), own)
    for box in doc.get("choices", {}).values():
        box["label"] = in_terms(str(box["label"]), own)
        box["items"] = [[key, in_terms(str(name), own)] for key, name in box["items"]]
    for key in ("structure_title", "structure_other_title"):
        if doc.get(key):
            doc[key] = in_terms(str(doc[key]), own)
    for matrix in doc.get("matrices", []):
        matrix["title"] = in_terms(str(matrix.get("title", "")), own)
        matrix["help"] = in_terms(str(matrix.get("help", "")), own)
    doc["terms"] = {"unit": own.unit, "units": own.units, "framework": own.framework}
    return doc


def _deck(
    view: str, title: str, start: Callable[[Page, Mapping[str, str]], tuple[str, list[str]]]
) -> Builder:
    """A view of the Fachtag deck: every scene, opened at ``start``'s scene with its walk."""

    def build(graph: Graph, full: Graph, options: Mapping[str, str], store: GraphStore | None) -> Page:
        page = build_deck(graph, options, view, title, full)
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
            "einzeln, dann Ressort-Netz, intersektionale Lücken, zwei Kommunen (oder Bezirke) im Vergleich",
            ("ressorts", PARAM),
            _deck("gesamtbild", "Gesamtbild", _walk),
        ),
        View(
            "handlungsfeld",
            "Handlungsfeld-Fokus",
            "Ein Handlungsfeld mit Maßnahmen, Federführung, Beteiligten, Zielgruppen, Ebenen und Lücken",
            ("feld", "ressorts", PARAM),
            _deck("handlungsfeld", "Handlungsfeld-Fokus", _field),
        ),
        View(
            "ressort-netz",
            "Ressort-Netz",
            "Wer arbeitet mit wem (Kanten gewichtet nach gemeinsamen Maßnahmen), optional je Ebene",
            ("ebene", "ressorts", PARAM),
            _deck("ressort-netz", "Ressort-Netz", _network),
        ),
        View(
            "abhaengigkeiten",
            "Abhängigkeiten",
            "Ressortübergreifendes Netz mit Knotenpunkten und einzelnen Ausfallpunkten",
            ("ebene", "ressorts", PARAM),
            _deck("abhaengigkeiten", "Abhängigkeiten", _network),
        ),
        View(
            "vergleich",
            "Vergleich zweier Rahmenkonzepte",
            "Die Handlungsfelder zweier Rahmenkonzepte einander gegenüber, verbunden über die "
            "Diversitätsdimensionen, die ihre Maßnahmen erreichen (Optionen a und b: IDs der Rahmenkonzepte)",
            ("a", "b"),
            lambda graph, full, options, store: comparison(graph, full, options),
        ),
        View(
            "luecken",
            "Lücken",
            "Abdeckungsmatrizen als Heatmap-Tabellen; Zelle anklicken zeigt die Maßnahmen dahinter",
            (PARAM,),
            lambda graph, full, options, store: luecken(graph, full, options),
        ),
        View(
            "aenderungen",
            "Änderungen",
            "Was sich zwischen zwei Ausgaben geändert hat: neue, geänderte und eingestellte Maßnahmen "
            "und übertragene Federführung, je Handlungsfeld (für die Steuerungsrunde)",
            ("von", "bis"),
            lambda graph, full, options, store: changes_graph(store, options, "aenderungen", "Änderungen"),
        ),
    )
}

VIEW_TITLES: Final[list[tuple[str, str]]] = [(v.name, v.title) for v in VIEWS.values()]
