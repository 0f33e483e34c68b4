"""A query worker's replica of the store: a folder read-only, a copy of it in memory, or N-Quads.

``("copy", folder)`` copies the folder into memory (small stores: queries 2–3x faster than through
RocksDB); the pool starts such a worker while no change of the store can happen (its ``Gate``), so
the copy is exactly one generation. ``("path", folder)`` opens the folder read-only: ready at once
(the pool's interim workers, see :mod:`~rahmengraph.engine.pool`), and it sees a change by opening
the folder again. Changes (:class:`~rahmengraph.engine.job.Change`) are replayed on a copy in memory.
"""

from __future__ import annotations

import time

import pyoxigraph as ox

from rahmengraph.engine.job import Change, Source
from rahmengraph.model.namespaces import PREFIXES

#: Attempts to open a store folder (RocksDB may be replacing files just then) and the pause between.
OPEN_ATTEMPTS, OPEN_PAUSE = 5, 0.1


def open_source(source: Source) -> ox.Store:
    """The store ``source`` names. A folder is tried a few times: the server's store may be
    replacing its files just then."""
    for attempt in range(OPEN_ATTEMPTS):
        try:
            return _open(source)
        except (OSError, RuntimeError):  # RocksDB: "Corruption … No such file" while files are replaced
            if attempt == OPEN_ATTEMPTS - 1:
                raise
            time.sleep(OPEN_PAUSE)
    raise AssertionError("unreachable")


def _open(source: Source) -> ox.Store:
    kind, value = source
    if kind == "path":
        return ox.Store.read_only(str(value))
    store = ox.Store()
    if kind == "copy":
        store.bulk_extend(ox.Store.read_only(str(value)).quads_for_pattern(None, None, None, None))
        return store
    store.bulk_load(value.encode() if isinstance(value, str) else value, format=ox.RdfFormat.N_QUADS)
    return store


class Replica:
    """The store a worker asks (:attr:`store`) and the changes it applies (:meth:`apply`)."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.store = open_source(source)

    def apply(self, changes: tuple[Change, ...]) -> None:
        """Take ``changes``: replayed on the copy in memory, or the folder opened again."""
        for change in changes:
            if change.source is not None:
                self.source = change.source
                self.store = open_source(change.source)
            elif self.source[0] == "path":  # a read-only view cannot replay: see the folder as it is now
                self.store = open_source(self.source)
                return
            else:
                self.store.update(change.update, prefixes=PREFIXES, base_iri=change.base_iri)
