"""Filtering and sorting the planners' lists (the items come from :mod:`rahmengraph.model.catalog`).

Measures take the shared filters of :mod:`rahmengraph.model.filters` (field, actor, level,
target_group incl. sub- and intersectional groups, evidence) plus ``role`` (with ``actor``) and
``status``; every collection also filters on its own columns (``;`` = OR) and on the text ``q``.
"""

from __future__ import annotations

import threading
from typing import Final

from rahmengraph.errors import NotFound, ParameterError
from rahmengraph.model import value_lists
from rahmengraph.model.catalog import Item, build_items, collection
from rahmengraph.model.filters import Filters
from rahmengraph.model.ordering import natural_key
from rahmengraph.model.projection import measures_in_view
from rahmengraph.model.store import GraphStore

#: Measure-only filters beyond the shared ones of :mod:`rahmengraph.model.filters`.
MEASURE_FILTERS: Final = {
    "role": "Rolle des Akteurs: federfuehrend oder beteiligt",
    "status": "Status (Textteil)",
}


class Catalog:
    """Cached items of every collection of one store; call :meth:`invalidate` after updates."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._items: dict[str, list[Item]] = {}
        self._lock = threading.Lock()

    def invalidate(self) -> None:
        with self._lock:
            self._items.clear()

    def items(self, path: str) -> list[Item]:
        col = collection(path)
        with self._lock:
            cached = self._items.get(path)
        if cached is None:
            cached = build_items(self.store, col)
            with self._lock:
                self._items[path] = cached
        return cached

    def item(self, path: str, ident: str) -> Item:
        found = next((i for i in self.items(path) if i.id == ident), None)
        if found is None:
            title = collection(path).title
            raise NotFound(f"{title}: kein Eintrag mit der ID {ident!r} (Pfad /api/{path}/{ident})")
        return found


def _has(item: Item, column: str, values: tuple[str, ...]) -> bool:
    return bool(item.keys(column) & set(values))


def select_items(catalog: Catalog, path: str, params: dict[str, str], q: str | None) -> list[Item]:
    """Items of a collection passing the filters ``params`` (column or filter name → ``;``-list)."""
    col = collection(path)
    items = catalog.items(path)
    wanted = {k: tuple(x.strip() for x in val.split(";") if x.strip()) for k, val in params.items() if val}
    if col.entity == "measure":
        shared = Filters.from_mapping({k: list(vals) for k, vals in wanted.items()})
        if not shared.is_empty():
            keep = measures_in_view(catalog.store, shared) or frozenset()  # cached per store state
            items = [i for i in items if i.iri in keep]
        role = wanted.pop("role", ())
        if role:
            bad = [r for r in role if r not in value_lists.ROLES]
            if bad:
                raise ParameterError(
                    f"Parameter role: {bad[0]!r} unbekannt; erlaubt: {', '.join(value_lists.ROLES)}"
                )
            actors = wanted.get("actor", ())
            if not actors:
                raise ParameterError("Parameter role wirkt nur zusammen mit actor (Kürzel des Akteurs)")
            items = [i for i in items if any(_has(i, r, actors) for r in role)]
        status = wanted.pop("status", ())
        if status:
            items = [
                i
                for i in items
                if any(s.casefold() in " ".join(i.texts.get("status", [])).casefold() for s in status)
            ]
        for name in (*Filters.__dataclass_fields__, "role", "status"):
            wanted.pop(name, None)
    names = {c.name for c in col.columns}
    for name, values in wanted.items():
        if name not in names:
            known = ", ".join(sorted(names))
            raise ParameterError(f"Parameter {name}: Liste {path} hat keine solche Spalte; bekannt: {known}")
        items = [i for i in items if _has(i, name, values)]
    if q:
        needle = q.casefold()
        items = [i for i in items if needle in i.words()]
    return items


def sort_items(items: list[Item], sort: str | None) -> list[Item]:
    """Sort by ``id`` (natural order, default), ``label`` or a column; ``-`` in front reverses."""
    key = (sort or "id").lstrip("-")
    reverse = bool(sort and sort.startswith("-"))

    def value(item: Item) -> tuple[tuple[int, int | str], ...]:
        if key == "id":
            return natural_key(item.id)
        if key == "label":
            return natural_key(item.label)
        refs = item.refs.get(key)
        text = refs[0].label if refs else (item.texts.get(key) or [""])[0]
        return natural_key(text)

    return sorted(items, key=value, reverse=reverse)
