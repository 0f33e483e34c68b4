"""The query path of ``/sparql``: a plain ASGI layer, in front of the whole application.

SPARQL clients send many small queries; for those, FastAPI's routing, dependency resolution and
middleware stack (error, telemetry and body-limit layers, access log, HEAD, CORS) cost more than
Oxigraph needs to answer. :class:`Application` (the FastAPI application) hands a ``GET`` or
``POST`` on ``/sparql`` without an ``Origin`` header straight to :class:`QueryEndpoint`, before
any middleware; it writes its own access-log line. The endpoint answers *queries* itself, through
the same functions as the routes in :mod:`rahmengraph.api.sparql` (parameter parsing, content
negotiation, :func:`~rahmengraph.api.query_response.run_query`) and with the same error shape
(:func:`rahmengraph.api.error_responses.error_response`). Everything else — updates, the service
description, the editor for browsers — goes on to the application unchanged (a POST body already
read is handed on). Requests with ``Origin`` (browsers on another site: CORS headers) and ``HEAD``
take the middleware stack, where the same endpoint sits innermost.
"""

from __future__ import annotations

import time
from typing import Final

from fastapi import FastAPI
from starlette.datastructures import State
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from rahmengraph.api import query_response, sparql, updates
from rahmengraph.api.access_log import record
from rahmengraph.api.error_responses import error_response, internal_error
from rahmengraph.api.query_response import endpoint_iri
from rahmengraph.api.raw_request import header, replay
from rahmengraph.api.state import state_in
from rahmengraph.engine.negotiation import query_formats
from rahmengraph.engine.protocol import get_params, post_params
from rahmengraph.errors import RahmengraphError, TooLarge

PATH: Final = "/sparql"
#: Scope key: the endpoint has looked at this request and handed it on (do not parse it twice).
SEEN: Final = "rahmengraph.endpoint"
_METHODS: Final = ("GET", "POST")


def _too_large(limit: int) -> TooLarge:
    return TooLarge(
        f"Anfrage zu groß: mehr als {limit:,} Bytes im Rumpf (Einstellung max_body_bytes)".replace(",", ".")
    )


async def _body(scope: Scope, receive: Receive, limit: int) -> bytes:
    """The request body, refused (413) as soon as it is known to pass ``limit`` bytes."""
    declared = header(scope, b"content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    message = await receive()
    if message["type"] == "http.request" and not message.get("more_body", False):  # the usual: one part
        body: bytes = message.get("body", b"")
        if len(body) > limit:
            raise _too_large(limit)
        return body
    parts, size = [], 0
    while message["type"] != "http.disconnect":
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        parts.append(chunk)
        if not message.get("more_body", False):
            break
        message = await receive()
    return b"".join(parts)


class QueryEndpoint:
    """ASGI middleware: answers SPARQL queries on ``/sparql``, hands everything else to ``app``."""

    def __init__(self, app: ASGIApp, state: State) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["path"] != PATH
            or scope["method"] not in _METHODS
            or SEEN in scope
        ):
            await self.app(scope, receive, send)
            return
        await self.serve(scope, receive, send)

    async def serve(self, scope: Scope, receive: Receive, send: Send, *, front: bool = False) -> int | None:
        """Answer a GET or POST on ``/sparql``: the status sent, or None when the application did.
        ``front``: ahead of the middleware, so the answer says what the CORS layer would add."""
        body = b""
        try:
            if scope["method"] == "POST":
                body = await _body(scope, receive, state_in(self.state).settings.max_body_bytes)
            response = await self._answer(scope, body)
        except RahmengraphError as exc:
            response = error_response(Request(scope), exc)
        except Exception as exc:  # as the error middleware would: logged, 500 in the usual shape
            response = await internal_error(Request(scope), exc)
        if response is None:
            scope[SEEN] = True
            # the body was read here (even when empty): the app must get it, not wait for more
            await self.app(scope, replay(body, receive) if scope["method"] == "POST" else receive, send)
            return None
        if front:
            _vary_origin(response)
        await response(scope, receive, send)
        return response.status_code

    async def _answer(self, scope: Scope, body: bytes) -> Response | None:
        """The answer to a query or an update; None for what the routes answer (the service
        description, the editor)."""
        query_string = scope["query_string"].decode("latin-1")
        if scope["method"] == "POST":
            p = post_params(header(scope, b"content-type") or "", query_string, body)
        else:
            p = get_params(query_string)
        state = state_in(self.state)
        if p.update is not None and p.query is None and scope["method"] == "POST":
            authorization = header(scope, b"authorization") or ""
            return await updates.update(state, p, authorization, endpoint_iri(state.settings, scope))
        if p.query is None or p.update is not None:
            return None
        accept = header(scope, b"accept")
        formats = query_formats(p.query, accept, p.fmt)
        if formats.html and scope["method"] == "GET":
            return None  # a browser asks for the editor with the query filled in
        defaults, named = await sparql.stand_dataset(state, query_string, p.default_graphs, p.named_graphs)
        return await query_response.run_query(
            state.settings, state.runner, p.query, defaults, named, formats, scope
        )


def _vary_origin(response: Response) -> None:
    """``Vary: Origin`` added, as the CORS middleware adds it to an answer to a request without
    ``Origin`` (with one, the answer could differ)."""
    headers = response.raw_headers
    for i, (key, value) in enumerate(headers):
        if key == b"vary":
            headers[i] = (key, value + b", Origin")
            return
    headers.append((b"vary", b"Origin"))


def _direct(scope: Scope) -> bool:
    """Does a request go to the endpoint ahead of the middleware (a query without ``Origin``)?"""
    if scope["type"] != "http" or scope["path"] != PATH or scope["method"] not in _METHODS:
        return False
    return all(key != b"origin" for key, _value in scope["headers"])


class Application(FastAPI):
    """The FastAPI application with :class:`QueryEndpoint` in front of its middleware (see the
    module); :meth:`open_endpoint` puts it there."""

    endpoint: QueryEndpoint | None = None

    def open_endpoint(self) -> None:
        self.endpoint = QueryEndpoint(self._stack, self.state)

    async def _stack(self, scope: Scope, receive: Receive, send: Send) -> None:
        await super().__call__(scope, receive, send)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.endpoint is None or not _direct(scope):
            await super().__call__(scope, receive, send)
            return
        scope["app"] = self
        start = time.perf_counter()
        status = await self.endpoint.serve(scope, receive, send, front=True)
        if status is not None:
            record(scope, status, start)
