"""The server's end of one query worker: its process, the socket to it, answer frames, its memory.

Jobs go out as :mod:`multiprocessing.connection` messages (length, pickle) written with the event
loop's non-blocking ``sock_sendall``, so a job of any size is sent without blocking or failing.
Answers come back as raw frames (see :mod:`rahmengraph.engine.frame`), read piecewise as they arrive.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import pickle
import socket
import struct
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from rahmengraph import errors
from rahmengraph.engine import worker
from rahmengraph.engine.frame import FrameReader, error_from
from rahmengraph.engine.job import Answer, Job, Source

#: Seconds a new worker may take to open its store.
START_TIMEOUT = 120.0
#: Bytes asked for per read of an answer.
_CHUNK = 1 << 18
_CTX = mp.get_context("spawn")  # no fork: the server has threads, a forked child could deadlock
_PAGE = os.sysconf("SC_PAGE_SIZE")


class Channel:
    """A started worker process (blocks until its store is open: start it in a thread)."""

    def __init__(self, source: Source) -> None:
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
        # jobs and answers as raw bytes without blocking (a duplicate of the pipe's descriptor)
        self.sock = socket.fromfd(parent.fileno(), socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.setblocking(False)
        self.fd = parent.fileno()
        self.reader = FrameReader()
        self.generation = 0  # the last store change this worker has applied
        self.long = False  # running a query past the short-query threshold

    @staticmethod
    def message(job: Job) -> bytes:
        """``job`` as one :class:`multiprocessing.connection.Connection` message."""
        data = pickle.dumps(job, pickle.HIGHEST_PROTOCOL)
        if len(data) > 0x7FFFFFFF:
            return struct.pack("!iQ", -1, len(data)) + data
        return struct.pack("!i", len(data)) + data

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

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        if hasattr(self, "sock"):
            self.sock.close()
        self.conn.close()
