"""The runner that answers a store's queries: worker processes, or the store itself when remote."""

from __future__ import annotations

from typing import Protocol

from rahmengraph.config import Settings
from rahmengraph.engine.job import Answer, Job
from rahmengraph.engine.pool import QueryPool, source_of
from rahmengraph.engine.remote import RemoteRunner
from rahmengraph.model.store import GraphStore


class Runner(Protocol):
    """What the web layer needs of a runner (:class:`QueryPool` or :class:`RemoteRunner`)."""

    #: Whether the runner holds a copy of the store (then an update must :meth:`reload` it).
    copies_store: bool

    async def start(self) -> None: ...

    async def run(self, job: Job) -> Answer: ...

    async def drain(self) -> None: ...

    async def reload(self, source: tuple[str, str | bytes]) -> None: ...

    async def close(self) -> None: ...


def runner_for(store: GraphStore, settings: Settings) -> Runner:
    """A pool of ``settings.query_workers`` over a copy of ``store`` (call :meth:`Runner.start` next),
    or, for a remote SPARQL store, a runner asking the store itself. Blocks while the copy is made."""
    if store.engine == "sparql":
        return RemoteRunner(store, settings.query_timeout)
    source = source_of(store, settings.worker_memory_triples)
    return QueryPool(source, settings.query_workers, settings.query_timeout)
