"""The pool of query worker processes: queries off the event loop, killed when they run too long.

Each worker answers one job at a time over a socket pair. The event loop waits on the socket
(no thread per query) and reads the answer frame piecewise as it arrives, so a large result never
blocks other requests; on timeout or when the client goes away the worker is killed and a fresh
one started in the background. Idle workers are reused last-in first-out: under light load the
same (warm) worker answers. After an update, :meth:`QueryPool.reload` replaces all workers so
they see the new data.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing as mp
import socket
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from rahmengraph import errors
from rahmengraph.engine import worker
from rahmengraph.engine.frame import FrameReader, error_from
from rahmengraph.engine.job import Answer, Job
from rahmengraph.model.formats import GRAPH_FORMATS
from rahmengraph.model.store import GraphStore
from rahmengraph.model.stores.oxigraph import OxigraphStore

log = logging.getLogger("rahmengraph.engine")
#: Seconds a new worker may take to open its store.
START_TIMEOUT = 120.0
#: Bytes asked for per read of an answer.
_CHUNK = 1 << 18
_CTX = mp.get_context("spawn")  # no fork: the server has threads, a forked child could deadlock


def source_of(store: GraphStore, memory_triples: int) -> tuple[str, str | bytes]:
    """How workers get the data. A persistent Oxigraph store: its folder, copied into each worker's
    memory when it holds at most ``memory_triples`` triples (in-memory queries are 2–3x faster than
    reads through RocksDB), else read in place. Any other store: an N-Quads copy, in memory."""
    if isinstance(store, OxigraphStore) and store.path is not None:
        store.native.flush()
        return ("copy" if store.count() <= memory_triples else "path", str(store.path))
    return ("nquads", store.dump(GRAPH_FORMATS["nq"]))


class _Worker:
    def __init__(self, source: tuple[str, str | bytes]) -> None:
        parent, child = _CTX.Pipe()
        self.conn: Connection = parent
        self.process: BaseProcess = _CTX.Process(target=worker.main, args=(child, source), daemon=True)
        self.process.start()
        child.close()
        waited = 0.0
        while not parent.poll(0.1):
            waited += 0.1
            if not self.process.is_alive() or waited > START_TIMEOUT:
                self.kill()
                raise errors.StoreError("Query-Worker startet nicht (beendet oder Zeitlimit beim Öffnen)")
        try:
            msg = parent.recv()
        except (EOFError, OSError) as exc:
            self.kill()
            raise errors.StoreError(f"Query-Worker startet nicht: {exc}") from exc
        if msg[0] != "ready":
            self.kill()
            raise error_from(str(msg[1]), str(msg[2]), msg[3])
        # answers come as raw frames, read without waiting (a duplicate of the pipe's descriptor)
        self.sock = socket.fromfd(parent.fileno(), socket.AF_UNIX, socket.SOCK_STREAM)
        self.reader = FrameReader()

    def read(self) -> Answer | errors.RahmengraphError | None:
        """Take what the socket holds; the answer (or error) once its frame is complete."""
        while True:
            try:
                chunk = self.sock.recv(_CHUNK, socket.MSG_DONTWAIT)
            except BlockingIOError:
                return None
            if not chunk:
                raise EOFError("Verbindung zum Query-Worker geschlossen")
            done = self.reader.feed(chunk)
            if done is not None:
                self.reader = FrameReader()
                return done

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        if hasattr(self, "sock"):
            self.sock.close()
        self.conn.close()


class QueryPool:
    """``size`` worker processes over the same data; :meth:`run` answers one job within ``timeout``."""

    #: Workers hold a copy of the data: after an update they must be reloaded.
    copies_store = True

    def __init__(self, source: tuple[str, str | bytes], size: int, timeout: float) -> None:
        self.source = source
        self.size = size
        self.timeout = timeout
        self._idle: asyncio.Queue[_Worker] = asyncio.LifoQueue()
        self._all: set[_Worker] = set()
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        started = await asyncio.gather(
            *(loop.run_in_executor(None, _Worker, self.source) for _ in range(self.size))
        )
        for w in started:
            self._all.add(w)
            self._idle.put_nowait(w)

    async def _replace(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            w = await loop.run_in_executor(None, _Worker, self.source)
        except errors.RahmengraphError as exc:
            log.error("Query-Worker konnte nicht ersetzt werden: %s", exc)
            return
        self._all.add(w)
        self._idle.put_nowait(w)

    def _retire(self, w: _Worker) -> None:
        self._all.discard(w)
        asyncio.get_running_loop().run_in_executor(None, w.kill)
        task = asyncio.create_task(self._replace())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def run(self, job: Job) -> Answer:
        w = await self._idle.get()
        loop = asyncio.get_running_loop()
        done: asyncio.Future[Answer | errors.RahmengraphError] = loop.create_future()
        fd = w.conn.fileno()

        def readable() -> None:
            try:
                msg = w.read()
            except (EOFError, OSError) as exc:
                loop.remove_reader(fd)
                if not done.done():
                    done.set_exception(errors.StoreError(f"Query-Worker ist abgestürzt: {exc}"))
                return
            if msg is not None:
                loop.remove_reader(fd)
                if not done.done():
                    done.set_result(msg)

        healthy = False
        try:
            w.conn.send(job)
            loop.add_reader(fd, readable)
            msg = await asyncio.wait_for(done, self.timeout)
            healthy = True
        except TimeoutError:
            raise errors.QueryTimeout(
                f"Die Abfrage lief länger als {self.timeout:g} s und wurde abgebrochen "
                "(Einstellung query_timeout)"
            ) from None
        finally:
            if healthy:
                self._idle.put_nowait(w)
            else:
                loop.remove_reader(fd)
                self._retire(w)
        if isinstance(msg, Answer):
            return msg
        raise msg

    async def drain(self) -> None:
        """Stop every worker once it is idle (before an update writes to the store)."""
        while self._all:
            w = await self._idle.get()
            self._all.discard(w)
            w.kill()

    async def reload(self, source: tuple[str, str | bytes]) -> None:
        """Start the workers again, reading ``source`` (after an update)."""
        self.source = source
        await self.start()

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        for w in list(self._all):
            w.kill()
        self._all.clear()
