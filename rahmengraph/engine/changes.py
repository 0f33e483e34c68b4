"""The store's changes since each worker opened it: updates replayed on the workers' copies.

Workers hold a copy of the data (or a read-only view of the folder). After an update the server
does not restart them: it records the update here, and each worker applies what it has not seen
before its next job (:class:`rahmengraph.engine.job.Change`), so a query answered after an
update's 204 sees the update. An update is replayed as text only when that gives the same result
on a copy as on the store: Oxigraph on both sides (not the rdflib store), no blank nodes in it and
none of ``BNODE``, ``UUID``, ``STRUUID``, ``NOW``, ``RAND`` (each run would give new values).
Other updates, and workers further behind than the log reaches, open the store again instead.
"""

from __future__ import annotations

import re

from rahmengraph.engine.guard import masked
from rahmengraph.engine.job import Change

#: Changes kept for workers that are behind (older ones: the worker opens the store again).
KEEP = 1000
_UNSTABLE = re.compile(r"_:|\[|(?<![\w:?$])(?:BNODE|UUID|STRUUID|NOW|RAND)\s*\(", re.IGNORECASE)


def replayable(update: str) -> bool:
    """Does ``update`` give the same result on every copy (see the module)?"""
    return _UNSTABLE.search(masked(update)) is None


class ChangeLog:
    """Numbered changes (generation 1, 2, …); ``None`` entries mean: open the store again."""

    def __init__(self, replay: bool, *, keep: int = KEEP) -> None:
        self.replay = replay
        self.keep = keep
        self.generation = 0
        self._log: list[tuple[int, Change | None]] = []
        self._floor = 0  # changes up to this generation are no longer kept

    def record(self, update: str, base_iri: str | None) -> None:
        """One update the store has just applied."""
        self.generation += 1
        change = Change(update, base_iri) if self.replay and replayable(update) else None
        self._log.append((self.generation, change))
        if len(self._log) > self.keep:
            self._floor = self._log.pop(0)[0]

    def reopen(self) -> None:
        """A change that is not an update text (a whole dataset written): workers open the store again."""
        self.generation += 1
        self._log.append((self.generation, None))
        if len(self._log) > self.keep:
            self._floor = self._log.pop(0)[0]

    def since(self, generation: int) -> tuple[Change, ...] | None:
        """What a worker at ``generation`` must apply; None: it must open the store again."""
        if generation == self.generation:
            return ()
        if generation < self._floor:
            return None
        out = [c for g, c in self._log if g > generation]
        if any(c is None for c in out):
            return None
        return tuple(c for c in out if c is not None)

    def prune(self, oldest: int) -> None:
        """Forget the changes every worker has applied (all are at ``oldest`` or later)."""
        if oldest <= self._floor:
            return
        self._log = [(g, c) for g, c in self._log if g > oldest]
        self._floor = oldest
