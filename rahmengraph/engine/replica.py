"""A query worker's replica of the store: answering at once, in memory as soon as it is copied.

A worker told to copy a store folder into memory (``("copy", folder)``, small stores: queries 2–3x
faster than through RocksDB) opens the folder read-only first and answers from that view at once;
a thread copies the same view into memory, and the worker switches to the copy between two queries.
So a worker is ready in the time Python needs to start, not after the copy (~0.3–2 s at "bremen"):
server start-up and spare workers for the short-query lane do not wait for it.

Changes of the store (:class:`~rahmengraph.engine.job.Change`) arriving while the copy is made are
replayed on it before the switch; the view is opened again to see them. A change that cannot be
replayed (a new source) drops the copy and starts over from the new source.
"""

from __future__ import annotations

import sys
import threading
import time
from itertools import islice

import pyoxigraph as ox

from rahmengraph.engine.job import Change, Source
from rahmengraph.model.vocab import PREFIXES

#: Quads copied per call (the worker can answer a query between two calls).
BATCH = 500
#: The interpreter's thread switch interval while copying (seconds; Python's default is 0.005).
SWITCH = 0.0005
#: Attempts to open a store folder (RocksDB may be replacing files just then) and the pause between.
OPEN_ATTEMPTS, OPEN_PAUSE = 5, 0.1


def open_source(source: Source) -> ox.Store:
    """``("path" | "copy", folder)`` read-only (a copy is made by :class:`Replica`), or
    ``("nquads", data)`` in memory. A folder is tried a few times: the server's store may be
    replacing its files just then."""
    kind, value = source
    for attempt in range(OPEN_ATTEMPTS):
        try:
            if kind != "nquads":
                return ox.Store.read_only(str(value))
            store = ox.Store()
            store.bulk_load(value.encode() if isinstance(value, str) else value, format=ox.RdfFormat.N_QUADS)
            return store
        except (OSError, RuntimeError):  # RocksDB: "Corruption … No such file" while files are replaced
            if attempt == OPEN_ATTEMPTS - 1:
                raise
            time.sleep(OPEN_PAUSE)
    raise AssertionError("unreachable")


class _Copy:
    """An in-memory copy of a read-only view, made in a thread; updates to replay on it."""

    def __init__(self, view: ox.Store) -> None:
        self.store: ox.Store | None = None
        self.error: Exception | None = None
        self.pending: list[Change] = []
        self.done = threading.Event()
        threading.Thread(target=self._make, args=(view,), daemon=True).start()

    def _make(self, view: ox.Store) -> None:
        switch = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH)  # a query waiting for the interpreter gets it sooner
        try:
            store = ox.Store()
            quads = view.quads_for_pattern(None, None, None, None)
            # in batches: Oxigraph holds the interpreter lock during a call, the worker answers between
            while batch := list(islice(quads, BATCH)):
                store.extend(batch)
            self.store = store
        except Exception as exc:  # the view stays in use; the error is only a lost speed-up
            self.error = exc
        finally:
            sys.setswitchinterval(switch)
            self.done.set()


class Replica:
    """The store a worker asks (:meth:`current`) and the changes it applies (:meth:`apply`)."""

    def __init__(self, source: Source) -> None:
        self._reset(source)

    def _reset(self, source: Source) -> None:
        self.source = source
        self.store = open_source(source)
        self.in_memory = source[0] == "nquads"
        self._copy = _Copy(self.store) if source[0] == "copy" else None

    def current(self) -> ox.Store:
        """The store to ask now: the in-memory copy once it is complete (changes replayed)."""
        copy = self._copy
        if copy is not None and copy.done.is_set():
            self._copy = None
            if copy.store is not None:
                for change in copy.pending:
                    copy.store.update(change.update, prefixes=PREFIXES, base_iri=change.base_iri)
                self.store, self.in_memory = copy.store, True
        return self.store

    def apply(self, changes: tuple[Change, ...]) -> None:
        """Take ``changes``: replayed on the copy in memory, or the folder opened again."""
        for change in changes:
            if change.source is not None:
                self._reset(change.source)
            elif self.in_memory:
                self.store.update(change.update, prefixes=PREFIXES, base_iri=change.base_iri)
            else:  # a read-only view cannot replay: see the folder as it is now
                if self._copy is not None:
                    self._copy.pending.append(change)
                self.store = open_source(self.source)
