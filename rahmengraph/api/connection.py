"""One write per answer: what uvicorn writes to a connection within one step of the event loop
goes out together.

uvicorn writes a response's status line and headers as soon as the application starts the
response, and the body separately. Over loopback or a LAN that is two packets per answer and the
client reads (and is woken) twice; for the small answers of a SPARQL endpoint (``ASK``, a few
rows) the extra write cost a quarter of the server's time per request. :class:`OneWrite` sits
between uvicorn's protocol and the socket's transport: it collects what is written until the
event loop's next step and then writes it at once (small parts joined into one buffer, large ones
handed on as they are, uncopied). Everything else is the transport's own.
"""

from __future__ import annotations

import asyncio
from typing import Any

#: Parts up to this total size are joined into one buffer (a larger body is not copied).
JOIN = 1 << 16


class OneWrite:
    """A transport adapter (see the module)."""

    __slots__ = ("_loop", "_parts", "_transport")

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._parts: list[bytes] = []

    def write(self, data: bytes) -> None:
        if not self._parts:
            self._loop.call_soon(self.flush)
        self._parts.append(data)

    def flush(self) -> None:
        """Write what was collected (also before the connection is closed)."""
        parts, self._parts = self._parts, []
        if not parts or self._transport.is_closing():
            return
        if len(parts) == 1:
            self._transport.write(parts[0])
        elif sum(map(len, parts)) <= JOIN:
            self._transport.write(b"".join(parts))
        else:
            self._transport.writelines(parts)

    def close(self) -> None:
        self.flush()
        self._transport.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)
