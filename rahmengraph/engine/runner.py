"""The runner that answers a store's queries: worker processes, or the store itself when remote."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from functools import partial
from typing import Protocol

from rahmengraph.config import Settings
from rahmengraph.engine.changes import ChangeLog
from rahmengraph.engine.job import Answer, Job
from rahmengraph.engine.pool import Limits, QueryPool, source_of
from rahmengraph.engine.remote import RemoteRunner
from rahmengraph.model.store import GraphStore


class Runner(Protocol):
    """What the web layer needs of a runner (:class:`QueryPool` or :class:`RemoteRunner`)."""

    #: For ``/api/status``: workers running, queries running and waiting, the last start failure.
    @property
    def workers(self) -> int: ...

    @property
    def busy(self) -> int: ...

    @property
    def queued(self) -> int: ...

    @property
    def error(self) -> str | None: ...

    async def start(self) -> None: ...

    async def run(self, job: Job) -> Answer: ...

    def writing(self) -> AbstractAsyncContextManager[ChangeLog]:
        """Hold while the store changes; record each change in the log it gives."""
        ...

    async def close(self) -> None: ...


def runner_for(store: GraphStore, settings: Settings) -> Runner:
    """A pool of worker processes over a copy of ``store`` (call :meth:`Runner.start` next), or, for
    a remote SPARQL store, a runner asking the store itself."""
    if store.engine == "sparql":
        return RemoteRunner(store, settings.query_timeout)
    limits = Limits(
        settings.query_workers,
        max(settings.query_workers_max, settings.query_workers + 1),
        settings.query_timeout,
        settings.long_query_seconds,
        settings.worker_memory_mb,
    )
    # updates are replayed on the workers' copies when both sides are Oxigraph
    source = partial(source_of, store, settings.worker_memory_triples)
    return QueryPool(source, limits, replay=store.engine == "oxigraph")
