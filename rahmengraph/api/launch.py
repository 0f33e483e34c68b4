"""The server while it starts: SPARQL answers at once, the web application is built meanwhile.

``rahmengraph serve`` starts the query workers and answers SPARQL queries on ``/sparql`` as soon as
one worker is ready. Importing FastAPI, the routes, pages and analyses and reading the dataset
files (~1.5 s of CPU at "bremen") happen meanwhile in a thread; then the application
(:func:`~rahmengraph.api.app.create_app`, handed the started workers) takes every request.

Until then, a request this module does not answer itself — another path, an update, the editor,
``stand=``, a body without ``Content-Length`` — waits for the application, and a query that fails
waits for the application's one error translation (:mod:`~rahmengraph.api.error_responses`);
answers go through the application's CORS rule (:mod:`~rahmengraph.api.cors`) and access log:
every answer is the one the application would give.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager, suppress
from typing import Any
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from rahmengraph.api.access_log import record
from rahmengraph.api.cors import with_cors
from rahmengraph.api.query_response import run_query
from rahmengraph.api.raw_request import header, replay
from rahmengraph.config import Settings
from rahmengraph.engine.negotiation import query_formats
from rahmengraph.engine.protocol import get_params, post_params
from rahmengraph.engine.runner import Runner, runner_for
from rahmengraph.errors import RahmengraphError
from rahmengraph.model.store import GraphStore

log = logging.getLogger("rahmengraph.api")
PATH = "/sparql"
#: Builds the application in a thread, handed the started runner (a FastAPI application).
Build = Callable[[Runner], Any]


class Launch:
    """ASGI application of ``rahmengraph serve``: answers queries while :attr:`app` is built, then
    hands every request (and the shutdown) to it."""

    def __init__(self, settings: Settings, store: GraphStore, build: Build) -> None:
        self.settings = settings
        self.store = store
        self.build = build
        #: The application, once built and started.
        self.app: ASGIApp | None = None
        #: Why the application could not be built (the server then stops).
        self.failure: BaseException | None = None
        self._runner: Runner | None = None
        self._ready = asyncio.Event()
        self._lifespan: AbstractAsyncContextManager[Any] | None = None
        self._taking_over: asyncio.Task[None] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        app = self.app
        if app is not None:
            await app(scope, receive, send)
        elif scope["type"] == "lifespan":
            await self._lifespan_events(receive, send)
        elif scope["type"] == "http" and scope["path"] == PATH and scope["method"] in ("GET", "POST"):
            await self._query(scope, receive, send)
        else:
            await self._after_start(scope, receive, send)

    # -- start and stop -------------------------------------------------------------------------
    async def _lifespan_events(self, receive: Receive, send: Send) -> None:
        await receive()  # lifespan.startup
        try:
            await self._start()
        except BaseException as exc:
            await send({"type": "lifespan.startup.failed", "message": str(exc)})
            raise
        await send({"type": "lifespan.startup.complete"})
        await receive()  # lifespan.shutdown
        await self._stop()
        await send({"type": "lifespan.shutdown.complete"})

    async def _start(self) -> None:
        """Start the workers; return when one answers, and build the application from then on (its
        imports would slow the first worker's start)."""
        loop = asyncio.get_running_loop()
        self._runner = runner = await loop.run_in_executor(None, runner_for, self.store, self.settings)
        await runner.start()
        building = loop.run_in_executor(None, self.build, runner)
        self._taking_over = asyncio.create_task(self._take_over(building))

    async def _take_over(self, building: asyncio.Future[Any]) -> None:
        try:
            app = await building
            lifespan = app.router.lifespan_context(app)
            await lifespan.__aenter__()
        except Exception as exc:  # the server cannot serve its pages: it stops, serve() reports why
            self.failure = exc
            log.error("Der Server kann nicht fertig starten: %s", exc)
            asyncio.get_running_loop().call_soon(_stop_serving)
        else:
            self._lifespan = lifespan
            self.app = app
        finally:
            self._ready.set()

    async def _stop(self) -> None:
        if self._taking_over is not None:
            if self.app is None:  # stopped while building: the application is not started at all
                self._taking_over.cancel()
            with suppress(Exception, asyncio.CancelledError):
                await self._taking_over
        if self._lifespan is not None:  # the application's shutdown closes the runner it was handed
            await self._lifespan.__aexit__(None, None, None)
        elif self._runner is not None:
            await self._runner.close()

    # -- requests before the application is there ----------------------------------------------
    async def _after_start(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._ready.wait()
        if self.app is None:
            await Response("Der Server startet nicht (siehe Protokoll)", 503)(scope, receive, send)
            return
        await self.app(scope, receive, send)

    async def _query(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        post = scope["method"] == "POST"
        declared = header(scope, b"content-length") if post else "0"
        if declared is None or not declared.isdigit() or int(declared) > self.settings.max_body_bytes:
            await self._after_start(scope, receive, send)  # the application reads (or refuses) it
            return
        body = b""
        while post:
            message = await receive()
            body += message.get("body", b"")
            if message["type"] != "http.request" or not message.get("more_body", False):
                break
        response = await self._answer(scope, body)
        if response is None:
            await self._after_start(scope, replay(body, receive) if post else receive, send)
            return
        await with_cors(response, self.settings)(scope, receive, send)
        record(scope, response.status_code, started)

    async def _answer(self, scope: Scope, body: bytes) -> Response | None:
        """The answer to a plain query; None for what the application answers."""
        query_string = scope["query_string"].decode("latin-1")
        if parse_qs(query_string).get("stand", [""])[0]:
            return None
        try:
            if scope["method"] == "POST":
                p = post_params(header(scope, b"content-type") or "", query_string, body)
            else:
                p = get_params(query_string)
            if p.query is None or p.update is not None:
                return None
            formats = query_formats(p.query, header(scope, b"accept"), p.fmt)
        except RahmengraphError:
            return None  # the application says why, in its error shape
        if formats.html or self._runner is None:
            return None
        try:
            return await run_query(
                self.settings, self._runner, p.query, p.default_graphs, p.named_graphs, formats, scope
            )
        except RahmengraphError as exc:
            await self._ready.wait()
            if self.app is None:
                raise
            from rahmengraph.api.error_responses import error_response  # imported by the application

            return error_response(Request(scope), exc)


def _stop_serving() -> None:
    """Ask uvicorn to shut down (as Ctrl-C does)."""
    import os
    import signal

    os.kill(os.getpid(), signal.SIGTERM)
