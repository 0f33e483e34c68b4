"""Which framework participation belongs to, in a store with several (``rahmengraph serve -d A -d B``).

Every event belongs to one framework: its register entry and input graph lie under that framework's
base IRI, and the targets of its input must be nodes of that framework's official graphs. Event ids
are unique across the frameworks of a store (an id taken by one is not given to another), so an
event, and through it every page and route about it, is found by its id alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from rahmengraph.errors import NotFound, ParameterError
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.participation.register import Event, event, events, where_is
from rahmengraph.model.store import GraphStore

#: The parameter (API field, form field, query parameter) that names a framework.
PARAM = "rahmen"


def ident(ds: Dataset) -> str:
    """The framework's id (``rahmen.csv``, e.g. ``bremen-2021``); its base IRI if it has none."""
    return next(iter(ds.keys.get("framework", {})), ds.base)


def chosen(datasets: Sequence[Dataset], value: str) -> Dataset:
    """The dataset a ``rahmen`` value names (id, base IRI or framework IRI); empty: the first one."""
    if not value.strip():
        return datasets[0]
    for ds in datasets:
        if value.strip() in (ident(ds), ds.base, ds.framework):
            return ds
    known = ", ".join(ident(ds) for ds in datasets)
    raise ParameterError(f"Parameter {PARAM}: Rahmenkonzept {value!r} gibt es nicht; geladen: {known}")


def taken(store: GraphStore, datasets: Sequence[Dataset]) -> set[str]:
    """The event ids of every framework (a new event's id must be none of them)."""
    return {e.id for ds in datasets for e in events(store, ds.base)}


def all_events(store: GraphStore, datasets: Sequence[Dataset]) -> list[tuple[Dataset, Event]]:
    """Every event with its framework, the first framework's first."""
    return [(ds, e) for ds in datasets for e in events(store, ds.base)]


def home_of_event(store: GraphStore, datasets: Sequence[Dataset], event_id: str) -> tuple[Dataset, Event]:
    """The framework of an event and the event; :class:`NotFound` naming the id when there is none."""
    for ds in datasets:
        try:
            return ds, event(store, ds.base, event_id)
        except NotFound:
            continue
    raise NotFound(f"Veranstaltung {event_id!r} gibt es nicht (Parameter id)")


def home_of_contribution(store: GraphStore, datasets: Sequence[Dataset], contribution_id: str) -> Dataset:
    """The framework whose participation graphs hold a contribution (the first one if none does: the
    caller's own lookup then names the unknown id)."""
    for ds in datasets:
        if where_is(store, ds.base, [contribution_id]):
            return ds
    return datasets[0]


def home_of_file(
    store: GraphStore, datasets: Sequence[Dataset], event_id: str, targets: Sequence[str], value: str
) -> Dataset:
    """Where an exchange file goes: the framework that knows its event; else the one named
    (``rahmen``); else the one whose base IRI its targets start with; else the first."""
    for ds in datasets:
        if any(e.id == event_id for e in events(store, ds.base)):
            if value.strip() and chosen(datasets, value) is not ds:
                raise ParameterError(
                    f"Parameter {PARAM}: Veranstaltung {event_id!r} gehört zum Rahmenkonzept {ident(ds)}"
                )
            return ds
    if value.strip():
        return chosen(datasets, value)
    for ds in datasets:
        if targets and all(t.startswith(ds.base) for t in targets):
            return ds
    return datasets[0]
