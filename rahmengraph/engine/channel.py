"""The server's end of one query worker: its process, the socket to it, a query's run (deadline,
memory), answer frames.

A worker is a fresh interpreter (``python -c``) that imports :mod:`rahmengraph.engine.worker` and
nothing else — not the server's main module, FastAPI, rdflib or the report libraries, as a
:mod:`multiprocessing` child would (spawn runs the main module again): it starts in ~0.1 s and holds
~20 MB besides its store. No resource-tracker process either. The socket pair is passed as a file
descriptor; the worker reads its :data:`~rahmengraph.engine.job.Source` as the first message.

Jobs go out as :mod:`multiprocessing.connection` messages (length, pickle) written with the event
loop's non-blocking ``sock_sendall``, so a job of any size is sent without blocking or failing.
Answers come back as raw frames (see :mod:`rahmengraph.engine.frame`), read piecewise as they arrive.
"""

from __future__ import annotations

import asyncio
import os
import pickle
import socket
import struct
import subprocess
import sys
from collections.abc import Callable
from contextlib import suppress
from multiprocessing.connection import Connection
from pathlib import Path

import rahmengraph
from rahmengraph import errors
from rahmengraph.engine.frame import FrameReader, error_from
from rahmengraph.engine.job import Answer, Job, Source, packed

#: Seconds between looks at a running query (time, memory, long or not).
TICK = 0.1
#: Seconds a new worker may take to open its store.
START_TIMEOUT = 120.0
#: Bytes asked for per read of an answer.
_CHUNK = 1 << 18
#: The package's own folder first on the worker's path: the worker runs the server's code.
_ROOT = str(Path(rahmengraph.__file__).resolve().parent.parent)
#: Nice value of a worker running a long query.
NICE = 10
_PAGE = os.sysconf("SC_PAGE_SIZE")


def _late(timeout: float) -> errors.QueryTimeout:
    return errors.QueryTimeout(
        f"Die Abfrage lief länger als {timeout:g} s (gezählt ab Eingang) und wurde abgebrochen "
        "(Einstellung query_timeout)"
    )


class Channel:
    """A started worker process (blocks until its store is open: start it in a thread)."""

    def __init__(self, source: Source) -> None:
        parent_sock, child_sock = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        fd = child_sock.fileno()
        path = os.pathsep.join([_ROOT, *filter(None, [os.environ.get("PYTHONPATH")])])
        # no fork: the server has threads, a forked child could deadlock; no spawn: see the module
        self.process = subprocess.Popen(
            [sys.executable, "-c", f"from rahmengraph.engine.worker import serve; serve({fd})"],
            pass_fds=(fd,),
            stdin=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": path},
        )
        child_sock.close()
        parent = Connection(parent_sock.detach())
        self.conn: Connection = parent
        try:
            parent.send(source)
        except OSError as exc:
            self.kill()
            raise errors.StoreError(f"Query-Worker startet nicht: {exc}") from exc
        waited = 0.0
        while not parent.poll(0.1):
            waited += 0.1
            if self.process.poll() is not None or waited > START_TIMEOUT:
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
        # jobs and answers as raw bytes without blocking (a duplicate of the pipe's descriptor)
        self.sock = socket.fromfd(parent.fileno(), socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.setblocking(False)
        self.fd = parent.fileno()
        self.reader = FrameReader()
        self.generation = 0  # the last store change this worker has applied
        self.long = False  # running a query past the short-query threshold
        self.heavy = False  # running a query that is long or has the text of one seen running long
        self.interim = False  # reads the store folder in place until workers with a copy are there
        self.pending: asyncio.Future[Answer | errors.RahmengraphError] | None = None  # the query's answer

    @staticmethod
    def message(job: Job) -> bytes:
        """``job`` as one :class:`multiprocessing.connection.Connection` message."""
        data = pickle.dumps(packed(job), pickle.HIGHEST_PROTOCOL)
        if len(data) > 0x7FFFFFFF:
            return struct.pack("!iQ", -1, len(data)) + data
        return struct.pack("!i", len(data)) + data

    async def ask(
        self,
        job: Job,
        deadline: float,
        timeout: float,
        memory_mb: int,
        tick: Callable[[float], errors.RahmengraphError | None],
    ) -> Answer | errors.RahmengraphError:
        """Send ``job`` and wait for its answer (the pool's reader of this socket completes
        :attr:`pending`). Every :data:`TICK` and at ``deadline`` (of a ``timeout`` in seconds from
        arrival): past the deadline :class:`~rahmengraph.errors.QueryTimeout`, over ``memory_mb``
        :class:`~rahmengraph.errors.MemoryExceeded`, else ``tick(seconds running)`` may end it."""
        loop = asyncio.get_running_loop()
        done: asyncio.Future[Answer | errors.RahmengraphError] = loop.create_future()
        started = loop.time()

        def watch() -> None:
            if done.done():
                return
            now = loop.time()
            error = _late(timeout) if now >= deadline else self._over(memory_mb) or tick(now - started)
            if error is not None:
                done.set_exception(error)
            else:
                timer[0] = loop.call_later(min(TICK, deadline - now), watch)

        timer = [loop.call_later(min(TICK, deadline - started), watch)]
        self.pending = done
        try:
            data = Channel.message(job)
            try:  # a small job goes out at once; the rest (a large one) as the socket takes it
                sent = self.sock.send(data)
            except BlockingIOError:
                sent = 0
            if sent < len(data):
                try:
                    await asyncio.wait_for(
                        loop.sock_sendall(self.sock, memoryview(data)[sent:]), deadline - loop.time()
                    )
                except TimeoutError:
                    raise _late(timeout) from None
            return await done  # the deadline ends it in watch(): no second timer
        finally:
            timer[0].cancel()
            self.pending = None

    def _over(self, memory_mb: int) -> errors.MemoryExceeded | None:
        if not memory_mb or self.memory() <= memory_mb << 20:
            return None
        return errors.MemoryExceeded(
            f"Die Abfrage brauchte mehr als {memory_mb} MB Arbeitsspeicher und wurde abgebrochen "
            "(Einstellung worker_memory_mb)"
        )

    def read(self) -> Answer | errors.RahmengraphError | None:
        """Take what the socket holds; the answer (or error) once its frame is complete."""
        while True:
            try:
                chunk = self.sock.recv(_CHUNK)
            except BlockingIOError:
                return None
            if not chunk:
                raise EOFError("Verbindung zum Query-Worker geschlossen")
            done = self.reader.feed(chunk)
            if done is not None:
                self.reader = FrameReader()
                return done

    def memory(self) -> int:
        """Bytes of memory the process holds (resident minus shared file pages)."""
        try:
            with open(f"/proc/{self.process.pid}/statm", "rb") as f:
                fields = f.read().split()
        except OSError:
            return 0
        return (int(fields[1]) - int(fields[2])) * _PAGE

    def yield_cpu(self) -> None:
        """Lower the process's priority (nice :data:`NICE`): a long query gives way to short ones and
        to the server."""
        with suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, self.process.pid, NICE)

    def restore_cpu(self) -> bool:
        """Back to normal priority after a long query; False where that needs privileges the server
        lacks (``RLIMIT_NICE``): the pool then replaces the worker."""
        try:
            os.setpriority(os.PRIO_PROCESS, self.process.pid, 0)
        except OSError:
            return False
        return True

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        with suppress(subprocess.TimeoutExpired):
            self.process.wait(5)
        if hasattr(self, "sock"):
            self.sock.close()
        self.conn.close()
