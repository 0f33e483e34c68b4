"""Values computed once per store state: edition snapshots and as-of views.

Keyed by the store object (weakly) and emptied whenever :meth:`GraphStore.fingerprint` changes,
like the analyses' projection cache (:mod:`rahmengraph.model.projection`), which the as-of views
must not import (the named questions use them).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TypeVar, cast

from rahmengraph.model.store import GraphStore

T = TypeVar("T")
#: Entries per store state (views of different stands, snapshots of different editions).
MAX_ENTRIES = 64

_CACHE: weakref.WeakKeyDictionary[GraphStore, tuple[tuple[object, ...], dict[tuple[str, ...], object]]] = (
    weakref.WeakKeyDictionary()
)


def once_per_state(store: GraphStore, key: tuple[str, ...], compute: Callable[[], T]) -> T:
    """``compute()`` once per store state and ``key``."""
    fingerprint = store.fingerprint()
    cached = _CACHE.get(store)
    if cached is None or cached[0] != fingerprint:
        cached = (fingerprint, {})
        _CACHE[store] = cached
    values = cached[1]
    if key not in values:
        values[key] = compute()
        if len(values) > MAX_ENTRIES:
            values.pop(next(iter(values)))
    return cast(T, values[key])
