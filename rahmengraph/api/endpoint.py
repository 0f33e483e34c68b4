"""The query path of ``/sparql`` as a plain ASGI layer, ahead of the framework's routing.

SPARQL clients send many small queries; for those, FastAPI's routing, dependency resolution and
exception middleware cost more than Oxigraph needs to answer (~0.15 ms of ~0.5 ms). This layer
sits inside the CORS and access-log middleware and answers GET and POST *queries* on ``/sparql``
itself, through the same functions as the routes in :mod:`rahmengraph.api.sparql` (parameter
parsing, content negotiation, :func:`~rahmengraph.api.sparql.run_query`) and with the same error
shape (:func:`rahmengraph.api.error_responses.error_response`). Everything else — updates, the service
description, the editor for browsers, other paths — goes on to the application unchanged (a POST
body already read is handed on).
"""

from __future__ import annotations

from starlette.datastructures import State
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rahmengraph.api import sparql
from rahmengraph.api.error_responses import error_response
from rahmengraph.api.state import state_in
from rahmengraph.engine.negotiation import query_formats
from rahmengraph.engine.protocol import get_params, post_params
from rahmengraph.errors import RahmengraphError, TooLarge

PATH = "/sparql"


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _too_large(limit: int) -> TooLarge:
    return TooLarge(
        f"Anfrage zu groß: mehr als {limit:,} Bytes im Rumpf (Einstellung max_body_bytes)".replace(",", ".")
    )


async def _body(scope: Scope, receive: Receive, limit: int) -> bytes:
    """The request body, refused (413) as soon as it is known to pass ``limit`` bytes."""
    declared = _header(scope, b"content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    parts, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        parts.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(parts)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that first gives the body read here, then the client's own messages."""
    sent = False

    async def again() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return again


class QueryEndpoint:
    """ASGI middleware: answers SPARQL queries on ``/sparql``, hands everything else to ``app``."""

    def __init__(self, app: ASGIApp, state: State) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != PATH or scope["method"] not in ("GET", "POST"):
            await self.app(scope, receive, send)
            return
        body = b""
        try:
            if scope["method"] == "POST":
                body = await _body(scope, receive, state_in(self.state).settings.max_body_bytes)
            response = await self._answer(scope, body)
        except RahmengraphError as exc:
            response = error_response(Request(scope), exc)
        if response is None:
            # the body was read here (even when empty): the app must get it, not wait for more
            await self.app(scope, _replay(body, receive) if scope["method"] == "POST" else receive, send)
            return
        await response(scope, receive, send)

    async def _answer(self, scope: Scope, body: bytes) -> Response | None:
        """The answer to a query; None for what the routes answer (description, editor, update)."""
        query_string = scope["query_string"].decode("latin-1")
        if scope["method"] == "POST":
            p = post_params(_header(scope, b"content-type") or "", query_string, body)
        else:
            p = get_params(query_string)
        if p.query is None or p.update is not None:
            return None
        accept = _header(scope, b"accept")
        formats = query_formats(p.query, accept, p.fmt)
        if formats.html and scope["method"] == "GET":
            return None  # a browser asks for the editor with the query filled in
        defaults, named = await sparql.stand_dataset(
            state_in(self.state), query_string, p.default_graphs, p.named_graphs
        )
        return await sparql.run_query(state_in(self.state), p.query, defaults, named, formats, scope)
