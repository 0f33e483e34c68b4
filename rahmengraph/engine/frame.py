"""What goes over a query worker's socket: jobs in, answer frames (header, media type, body) out.

The worker writes an answer straight to the socket (:func:`send_answer`, :func:`send_error`); the
pool reads it piecewise as it arrives (:class:`FrameReader`), so a large body never blocks the
server's event loop. Jobs come as :mod:`multiprocessing.connection` messages (length, pickled
tuple: :func:`~rahmengraph.engine.job.packed`); the worker reads them with one ``recv`` each
(:class:`JobReader`) instead of two.
"""

from __future__ import annotations

import pickle
import socket
import struct
from typing import Any

from rahmengraph import errors
from rahmengraph.engine.job import Answer, Job, unpacked

#: Answer frame header: status (0 answer, 1 error, 2 broken: the worker stops), truncated, media
#: type length, payload length.
FRAME = struct.Struct("!BBHQ")
OK, FAILED, BROKEN = 0, 1, 2
#: Bodies up to this size go out in one write together with the header.
_ONE_WRITE = 1 << 16
#: A job's length prefix (-1: the length follows as 8 bytes) and the bytes asked for per read.
_LENGTH, _LONG_LENGTH, _READ = struct.Struct("!i"), struct.Struct("!Q"), 1 << 16


def send_answer(sock: socket.socket, answer: Answer) -> None:
    """One answer frame: header, media type, body (large bodies in a second write, not copied)."""
    media = answer.media_type.encode()
    head = FRAME.pack(OK, answer.truncated, len(media), len(answer.body)) + media
    if len(answer.body) <= _ONE_WRITE:
        sock.sendall(head + answer.body)
    else:
        sock.sendall(head)
        sock.sendall(answer.body)


def send_error(
    sock: socket.socket, name: str, message: str, problems: list[Any], status: int = FAILED
) -> None:
    """One error frame: the exception class name from :mod:`rahmengraph.errors`, message, problems
    (``status`` :data:`BROKEN`: the worker could not apply a store change and stops)."""
    payload = pickle.dumps((name, message, problems))
    sock.sendall(FRAME.pack(status, False, 0, len(payload)) + payload)


def send_message(sock: socket.socket, message: object) -> None:
    """A small message (the worker's start-up answer) as ``Connection.recv`` on the server reads it."""
    data = pickle.dumps(message)
    sock.sendall(_LENGTH.pack(len(data)) + data)


class Broken(errors.StoreError):
    """The worker could not apply a store change: its copy is unknown, it has stopped."""


def error_from(name: str, message: str, problems: list[Any]) -> errors.RahmengraphError:
    """The error an error frame (or a worker's start-up message) names; StoreError for unknown names."""
    cls = getattr(errors, name, errors.StoreError)
    if not (isinstance(cls, type) and issubclass(cls, errors.RahmengraphError)):
        cls = errors.StoreError
    return cls(message, list(problems))


class FrameReader:
    """One answer frame, assembled from the chunks read."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.have = 0
        self.need = FRAME.size
        self.head: tuple[int, int, int, int] | None = None

    def feed(self, chunk: bytes) -> Answer | errors.RahmengraphError | None:
        """Add ``chunk``; the answer (or error) once the frame is complete, else None."""
        self.parts.append(chunk)
        self.have += len(chunk)
        if self.head is None and self.have >= FRAME.size:
            data = b"".join(self.parts)
            self.parts = [data]
            self.head = FRAME.unpack_from(data)
            self.need = FRAME.size + self.head[2] + self.head[3]
        if self.head is None or self.have < self.need:
            return None
        data = self.parts[0] if len(self.parts) == 1 else b"".join(self.parts)
        status, truncated, media_len, _size = self.head
        start = FRAME.size + media_len
        if status == OK:
            return Answer(data[start:], data[FRAME.size : start].decode(), bool(truncated))
        name, message, problems = pickle.loads(data[start:])
        if status == BROKEN:
            return Broken(str(message))
        return error_from(str(name), str(message), problems)


class JobReader:
    """The jobs arriving on a worker's (blocking) socket, one at a time."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buffer = b""

    def _fill(self, need: int) -> None:
        parts, have = [self.buffer], len(self.buffer)
        while have < need:
            chunk = self.sock.recv(max(_READ, need - have))
            if not chunk:
                raise EOFError("Verbindung zum Server geschlossen")
            parts.append(chunk)
            have += len(chunk)
        self.buffer = b"".join(parts) if len(parts) > 1 else parts[0]

    def next(self) -> Job:
        """The next job (blocks until it is there; EOFError when the server has closed the socket)."""
        return unpacked(self.message())

    def message(self) -> Any:
        """The next message as the server's ``Connection.send`` wrote it (unpickled)."""
        self._fill(_LENGTH.size)
        (size,) = _LENGTH.unpack_from(self.buffer)
        start = _LENGTH.size
        if size == -1:
            self._fill(start + _LONG_LENGTH.size)
            (size,) = _LONG_LENGTH.unpack_from(self.buffer, start)
            start += _LONG_LENGTH.size
        self._fill(start + size)
        data, self.buffer = self.buffer[start : start + size], self.buffer[start + size :]
        return pickle.loads(data)
