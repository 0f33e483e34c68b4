""" "As of": point a question, analysis or graph at an edition or a date (parameter ``stand``).

``stand`` is a date (``2022-06-30``, also ``2022-06`` or ``2022``) or an edition's version
(``2021-10``, as in ``ausgaben.csv``; a version wins over a date of the same spelling). The answer
then comes from a :class:`~rahmengraph.model.graph_view.GraphView` whose default graph holds, per
framework, the edition in force on that day (the newest issued on or before it; none before the
first edition) and, unchanged, the frameworks without editions, the ontology and the catalogues.
Empty ``stand`` (or ``aktuell``): the current state, the store itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pydantic import ValidationError

from rahmengraph.errors import ParameterError
from rahmengraph.model import vocab
from rahmengraph.model.editions import date_key
from rahmengraph.model.graph_view import EDITION_MARK, GraphView, current_graphs
from rahmengraph.model.loading import cells
from rahmengraph.model.state_cache import once_per_state
from rahmengraph.model.store import GraphStore, text

CURRENT = ("", "aktuell", "heute")


@dataclass(frozen=True)
class EditionInfo:
    """An edition as the store describes it."""

    iri: str  # also the name of its graph
    framework: str
    version: str
    title: str
    date: str
    current: bool

    @property
    def base(self) -> str:
        return self.iri.split(EDITION_MARK)[0] + "/"

    @property
    def key(self) -> str:
        return date_key(self.date)


@dataclass(frozen=True)
class At:
    """What a view shows: a label for answers and the day for questions about a day (``stichtag``)."""

    label: str
    date: str | None = None
    editions: tuple[EditionInfo, ...] = ()


def editions(store: GraphStore) -> list[EditionInfo]:
    """Every edition in the store, per framework in order of date (read once per store state)."""
    return list(once_per_state(store, ("editions",), lambda: _read_editions(store)))


def _read_editions(store: GraphStore) -> list[EditionInfo]:
    table = store.select(
        f"SELECT ?e ?fw ?v ?t ?d ?cur WHERE {{ ?e a <{vocab.EDITION_CLASS}> ; <{vocab.DCAT_VERSION}> ?v ; "
        f"<{vocab.ISSUED}> ?d ; <{vocab.DCT_IS_VERSION_OF}> ?fw . OPTIONAL {{ ?e <{vocab.TITLE}> ?t }} "
        f"BIND(EXISTS {{ ?fw <{vocab.DCAT_HAS_CURRENT_VERSION}> ?e }} AS ?cur) }}"
    )
    found = [
        EditionInfo(
            text(e) or "", text(fw) or "", text(v) or "", text(t) or "", text(d) or "", text(cur) == "true"
        )
        for e, fw, v, t, d, cur in table
    ]
    return sorted(found, key=lambda e: (e.framework, e.key))


def _day(stand: str) -> str:
    try:
        cells.DATE.validate_python(stand)
    except ValidationError as exc:
        raise ParameterError(
            f"Parameter stand: {stand!r} ist weder ein Datum (JJJJ-MM-TT, JJJJ-MM, JJJJ) noch eine Ausgabe "
            f"({cells.message(exc)})"
        ) from exc
    return stand


def in_force(all_editions: list[EditionInfo], key: str) -> tuple[list[EditionInfo], list[EditionInfo]]:
    """Per framework, the edition in force on the day ``key``; before a framework's first edition
    its first one (the earliest state known), returned also as the second list."""
    chosen: dict[str, EditionInfo] = {}
    earlier: list[EditionInfo] = []
    for ed in all_editions:
        if ed.key <= key or ed.framework not in chosen:
            if ed.key > key:
                earlier.append(ed)
            chosen[ed.framework] = ed  # sorted by date: the newest on or before the day wins
    return list(chosen.values()), earlier


def resolve(store: GraphStore, stand: str | None) -> tuple[GraphStore, At]:
    """The store seen as of ``stand`` and what it shows (raises :class:`ParameterError`); worked out
    once per store state and ``stand``, so an as-of answer costs only its query."""
    stand = (stand or "").strip()
    if stand.lower() in CURRENT:
        return store, At("aktueller Stand")
    return once_per_state(store, ("resolve", stand), lambda: _resolve(store, stand))


def _resolve(store: GraphStore, stand: str) -> tuple[GraphStore, At]:
    all_editions = editions(store)
    named = [ed for ed in all_editions if ed.version == stand]
    if named:
        ed = named[0]
        chosen, _early = in_force(all_editions, ed.key)
        day, label = ed.date, f"Ausgabe {ed.version} ({ed.title})"
    else:
        if not all_editions:
            raise ParameterError(
                f"Parameter stand: {stand!r} – der Datensatz hat keine Ausgaben (ausgaben.csv)"
            )
        day = _day(stand)
        chosen, early = in_force(all_editions, _full(day))
        label = f"Stand {day}" + "".join(
            f"; vor der ersten Ausgabe: Stand der Ausgabe {e.version}" for e in early
        )
    graphs = current_graphs(store.graphs()) or store.graphs()
    with_editions = {ed.base for ed in all_editions}
    graphs = [g for g in graphs if g not in with_editions] + [ed.iri for ed in chosen]
    # one view per store state and graphs, so the analyses' caches (per store object) are reused
    view = once_per_state(store, ("asof", *graphs), lambda: GraphView(store, graphs, label))
    return view, At(label, _full(day), tuple(chosen))


def _full(day: str) -> str:
    """A day for ``stichtag``: a month or year stands for its last day (the state at its end)."""
    if len(day) == 10:
        return day
    year, month = int(day[:4]), int(day[5:7]) if len(day) == 7 else 12
    end = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return end.isoformat()
