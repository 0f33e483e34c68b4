"""The pool of query worker processes: a deadline per query, short queries served while long ones run.

Each worker answers one job at a time (see :mod:`rahmengraph.engine.channel`); the event loop waits
on its socket, no thread per query. The rules (``docs/engine.md`` explains them):

* **Deadline from arrival.** A query's time limit (``query_timeout``) counts from when it reaches
  the pool; waiting for a worker counts too. A query that gets no worker before its deadline is
  answered 503 with ``Retry-After``; a running one is killed at its deadline (503).
* **Short-query lane.** A query running longer than ``long_query_seconds`` is *long*; when long
  queries hold every worker the pool starts another (up to ``query_workers_max``), so one is
  always there for everything else. A query with the text of one seen running long takes a worker
  only when another stays idle (or no further one can start). Long queries may hold at most
  ``query_workers_max - 1`` workers together: one more that turns long is stopped (503,
  ``Retry-After``), whoever sent it. Spares stop again when the long queries have ended.
* **Memory.** A worker whose memory passes ``worker_memory_mb`` during a query is killed; the query
  gets 503 naming the limit. Every killed worker is replaced (start failures are retried).
* **Updates** do not restart workers: each worker applies the store's changes before its next job
  (:mod:`rahmengraph.engine.changes`), or opens the store again when a change cannot be replayed.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict, deque
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from functools import partial

from rahmengraph import errors
from rahmengraph.engine.changes import ChangeLog
from rahmengraph.engine.channel import START_TIMEOUT, Channel
from rahmengraph.engine.frame import Broken
from rahmengraph.engine.gate import Gate
from rahmengraph.engine.job import Answer, Change, Job, Source
from rahmengraph.model.formats import GRAPH_FORMATS
from rahmengraph.model.store import GraphStore
from rahmengraph.model.stores.oxigraph import OxigraphStore

log = logging.getLogger("rahmengraph.engine")
#: Query texts remembered as long (the latest).
SHAPES = 256
#: Seconds between attempts to start a worker after a failed start (doubling up to the last).
RETRY = (0.5, 1.0, 2.0, 5.0)


def source_of(store: GraphStore, memory_triples: int) -> Source:
    """How workers get the data. A persistent Oxigraph store: its folder, copied into each worker's
    memory when it holds at most ``memory_triples`` triples (in-memory queries are 2–3x faster than
    reads through RocksDB), else read in place. Any other store: an N-Quads copy, in memory."""
    if isinstance(store, OxigraphStore) and store.path is not None:
        store.native.flush()
        return ("copy" if store.count() <= memory_triples else "path", str(store.path))
    return ("nquads", store.dump(GRAPH_FORMATS["nq"]))


@dataclass(frozen=True)
class Limits:
    """The pool's settings (see :class:`rahmengraph.config.Settings`)."""

    workers: int = 2
    workers_max: int = 6
    timeout: float = 10.0
    long_after: float = 0.5
    memory_mb: int = 1024


class QueryPool:
    """Worker processes over the same data; :meth:`run` answers one job before its deadline."""

    def __init__(self, source: Callable[[], Source], limits: Limits, *, replay: bool = True) -> None:
        self.source = source  # where a new worker reads the data (called in a thread)
        self.limits = limits
        self.timeout = limits.timeout
        self.changes = ChangeLog(replay)
        self._idle: list[Channel] = []  # last in, first out: the warm worker answers
        self._waiting: deque[tuple[asyncio.Future[Channel], str]] = deque()
        self._long_shapes: OrderedDict[str, None] = OrderedDict()  # queries seen running long
        self._all: set[Channel] = set()
        self._starting = 0
        self._long = 0
        self._failures = 0
        self.error: str | None = None  # why the last worker start failed (None: the last one worked)
        self._gate = Gate()
        self._tasks: set[asyncio.Task[None]] = set()
        self._closed = False

    # -- state for /api/status ------------------------------------------------------------------
    @property
    def workers(self) -> int:
        return len(self._all)

    @property
    def busy(self) -> int:
        return len(self._all) - len(self._idle)

    @property
    def queued(self) -> int:
        return len(self._waiting)

    # -- workers coming and going ---------------------------------------------------------------
    async def start(self) -> None:
        """Start ``workers`` workers; return as soon as one answers (fails when none can start: the
        server cannot answer queries). Workers that copy a store folder into memory take a while
        (0.3–2 s at "bremen"): an interim worker reading the folder answers meanwhile."""
        source = await asyncio.get_running_loop().run_in_executor(None, self.source)
        interim = source[0] == "copy"
        if interim:  # alone first: the copying workers would take the CPU it needs to answer soon
            self._spawn(interim=True)
            while self._starting and not self._all:
                await asyncio.sleep(0.01)
        for _ in range(self.limits.workers):
            self._spawn()
        while self._starting and not (interim and self._all):
            await asyncio.sleep(0.01)
        if not self._all:
            raise errors.StoreError(self.error or "Query-Worker startet nicht")

    def _target(self) -> int:
        """Workers wanted: ``workers``; while long queries run (or queries of a shape seen running
        long), one for each of them and for each query of a long shape that waits, and one besides
        (the short lane)."""
        held = sum(1 for waiter, shape in self._waiting if shape in self._long_shapes and not waiter.done())
        heavy = sum(1 for w in self._all if w.heavy)
        if not heavy and not held:
            return self.limits.workers
        return min(self.limits.workers_max, max(self.limits.workers, heavy + held + 1))

    def _admits(self, shape: str) -> bool:
        """May a query take an idle worker now? One of a shape seen running long only if another
        worker stays idle, or no further worker can be started."""
        if shape not in self._long_shapes or len(self._idle) > 1:
            return True
        return len(self._all) + self._starting >= self.limits.workers_max

    def _grow(self) -> None:
        """Start workers up to the target; those beyond ``workers`` (the short lane while long
        queries run) are interim workers: ready at once, stopped when no longer needed."""
        while not self._closed and len(self._all) + self._starting < self._target():
            self._spawn(interim=len(self._all) + self._starting >= self.limits.workers)

    def _spawn(self, *, interim: bool = False) -> None:
        self._starting += 1
        task = asyncio.create_task(self._start_one(interim))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _start_one(self, interim: bool) -> None:
        loop = asyncio.get_running_loop()
        try:
            async with self._gate.opening():  # the store must not change while the worker copies it
                generation = self.changes.generation
                source = await loop.run_in_executor(None, self.source)
                interim = interim and source[0] == "copy"
                if interim:  # read the folder in place: ready at once, no copy
                    source = ("path", source[1])
                w = await loop.run_in_executor(None, Channel, source)
        except (errors.RahmengraphError, OSError) as exc:
            self._starting -= 1
            self.error = f"Query-Worker startet nicht: {exc}"
            log.error("%s", self.error)
            delay = RETRY[min(self._failures, len(RETRY) - 1)]
            self._failures += 1
            if not self._closed:
                loop.call_later(delay, self._grow)
            return
        self._starting -= 1
        self._failures = 0
        self.error = None
        w.generation = generation
        w.interim = interim
        if self._closed:
            w.kill()
            return
        self._all.add(w)
        loop.add_reader(w.fd, self._readable, w)  # for as long as it lives: no syscalls per query
        self._release(w)

    def _retire(self, w: Channel) -> None:
        """Stop ``w`` (killed, broken, or a spare no longer needed) and start another if needed."""
        loop = asyncio.get_running_loop()
        if w in self._all:
            self._all.discard(w)
            loop.remove_reader(w.fd)  # before the worker (and its descriptor) is closed
            if w.long:
                self._long -= 1
        if w in self._idle:
            self._idle.remove(w)
        loop.run_in_executor(None, w.kill)
        self._grow()

    def _readable(self, w: Channel) -> None:
        """``w``'s socket has data: its answer completes the query waiting for it. A socket closed
        while no query waits (the worker died idle) stops the worker at once: it is replaced."""
        try:
            msg = w.read()
        except (EOFError, OSError) as exc:
            pending = w.pending
            if pending is not None:
                if not pending.done():
                    pending.set_exception(errors.StoreError(f"Query-Worker ist abgestürzt: {exc}"))
                asyncio.get_running_loop().remove_reader(w.fd)  # the query's own error path retires it
            else:
                log.warning("Query-Worker %s hat sich beendet; wird ersetzt", w.process.pid)
                self._retire(w)
            return
        if msg is not None and w.pending is not None and not w.pending.done():
            w.pending.set_result(msg)

    def _release(self, w: Channel) -> None:
        w.heavy = False
        if w.long:
            w.long = False
            self._long -= 1
            if not w.restore_cpu():  # still at the lower priority: a fresh worker replaces it
                self._retire(w)
                self._dispatch()
                return
        if len(self._all) > self._target() and not self._waiting:
            # one too many (a spare for long queries that have ended, an interim one): an interim first
            spare = w if w.interim else next((x for x in self._idle if x.interim), w)
            self._retire(spare)
            if spare is not w:
                self._idle.append(w)
        else:
            self._idle.append(w)
        self._dispatch()

    def _dispatch(self) -> None:
        """Hand idle workers to waiting queries, first come first served — except that a query of a
        shape seen running long takes a worker only if another one stays idle (the short lane)."""
        i = 0
        while self._idle and i < len(self._waiting):
            waiter, shape = self._waiting[i]
            if waiter.done():
                del self._waiting[i]
            elif not self._admits(shape):
                i += 1
            else:
                del self._waiting[i]
                waiter.set_result(self._idle.pop())

    async def _acquire(self, shape: str, deadline: float) -> Channel:
        if self._idle and not self._waiting and self._admits(shape):
            return self._idle.pop()
        loop = asyncio.get_running_loop()
        if not self._all and not self._starting:
            self._grow()
        waiter: asyncio.Future[Channel] = loop.create_future()
        self._waiting.append((waiter, shape))
        self._dispatch()
        self._grow()
        try:
            return await asyncio.wait_for(waiter, max(0.0, deadline - loop.time()))
        except TimeoutError:
            reason = f" ({self.error})" if self.error and not self._all else ""
            raise errors.Overloaded(
                f"Kein Query-Worker wurde vor Ablauf des Zeitlimits von {self.timeout:g} s frei{reason}; "
                "bitte später erneut versuchen (Einstellungen query_workers, query_timeout)",
                retry_after=self._retry_after(loop.time()),
            ) from None
        except BaseException:
            if waiter.done() and not waiter.cancelled():
                self._release(waiter.result())  # handed over just as we gave up
            raise

    def _retry_after(self, now: float) -> int:
        return max(1, round(self.timeout / 2))

    # -- answering ------------------------------------------------------------------------------
    async def run(self, job: Job) -> Answer:
        """Answer ``job`` before its deadline. A worker that cannot take the store's changes (the
        store could not be opened again just then) is replaced, and the query goes to another one
        once: it fails only when that one cannot catch up either."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        try:
            return await self._run_on_one(job, deadline)
        except Broken as exc:
            log.warning("Query-Worker ersetzt, die Abfrage geht an einen anderen: %s", exc.message)
            return await self._run_on_one(job, deadline)

    async def _run_on_one(self, job: Job, deadline: float) -> Answer:
        w = await self._acquire(job.query, deadline)
        w.heavy = job.query in self._long_shapes
        try:
            pending = self.changes.since(w.generation)
            if pending is None:
                await self._reopen(w, deadline)
                pending = ()
            generation = self.changes.generation
            answer = await self._ask(w, replace(job, changes=pending) if pending else job, deadline)
            w.generation = generation
        except BaseException:
            self._retire(w)
            raise
        if isinstance(answer, Broken):
            self.error = answer.message
            self._retire(w)
            raise answer
        self._release(w)
        self.changes.prune(min(c.generation for c in self._all) if self._all else generation)
        if isinstance(answer, errors.RahmengraphError):
            raise answer
        return answer

    async def _reopen(self, w: Channel, deadline: float) -> None:
        """Let ``w`` open the store again (after a change it cannot replay)."""
        loop = asyncio.get_running_loop()
        async with self._gate.opening():
            source = await loop.run_in_executor(None, self.source)
            generation = self.changes.generation
            answer = await self._ask(w, Job("", None, None, changes=(Change(source=source),)), deadline)
        if isinstance(answer, Broken):
            self.error = answer.message
        if isinstance(answer, errors.RahmengraphError):
            raise answer
        w.generation = generation

    async def _ask(self, w: Channel, job: Job, deadline: float) -> Answer | errors.RahmengraphError:
        return await w.ask(
            job, deadline, self.timeout, self.limits.memory_mb, partial(self._tick, w, job.query)
        )

    def _tick(self, w: Channel, query: str, running: float) -> errors.RahmengraphError | None:
        """A look at ``w``'s query, running for ``running`` seconds: long from ``long_after`` on —
        stopped when long queries already hold all workers but one."""
        if w.long or running < self.limits.long_after:
            return None
        if self._long >= self.limits.workers_max - 1:
            return errors.Overloaded(
                f"Schon {self._long} lange Abfragen laufen (höchstens query_workers_max - 1 = "
                f"{self.limits.workers_max - 1}); diese wurde gestoppt, damit kurze Abfragen "
                "weiter beantwortet werden. Bitte später erneut versuchen.",
                retry_after=self._retry_after(0.0),
            )
        self._became_long(w, query)
        return None

    def _became_long(self, w: Channel, query: str) -> None:
        """``w``'s query has run past ``long_after``: it yields the CPU, its text is remembered, and
        the short-query lane gets a worker if needed."""
        self._long += 1
        w.long = w.heavy = True
        w.yield_cpu()
        self._long_shapes[query] = None
        self._long_shapes.move_to_end(query)
        if len(self._long_shapes) > SHAPES:
            self._long_shapes.popitem(last=False)
        self._grow()

    # -- updates --------------------------------------------------------------------------------
    @asynccontextmanager
    async def writing(self) -> AsyncIterator[ChangeLog]:
        """Hold while the store changes; record the change in the log it yields."""
        async with self._gate.writing():
            yield self.changes

    async def close(self) -> None:
        self._closed = True
        if self._tasks:  # workers still starting: let them finish, they stop themselves (closed)
            await asyncio.wait(list(self._tasks), timeout=START_TIMEOUT)
        loop = asyncio.get_running_loop()
        for w in list(self._all):
            loop.remove_reader(w.fd)
            w.kill()
        self._all.clear()
        self._idle.clear()
