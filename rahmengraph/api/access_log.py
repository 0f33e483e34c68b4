"""One log line per request: method, path, status, time in ms (a plain ASGI middleware, cheap)."""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("rahmengraph.access")


class AccessLog:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            record(scope, status, start)


def record(scope: Scope, status: int, start: float) -> None:
    """The line of one request (``start``: its :func:`time.perf_counter`)."""
    if log.isEnabledFor(logging.INFO):
        ms = (time.perf_counter() - start) * 1000
        log.info("%s %s %d %.1f ms", scope["method"], scope["path"], status, ms)
