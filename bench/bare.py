"""The bare pyoxigraph SPARQL endpoint: the limit of what the embedded engine can serve over HTTP.

A raw ASGI app (no framework, no limits, no isolation) for uvicorn: GET ``?query=`` or POST form
``query=``, ``Store.query`` over the union default graph in a thread, SPARQL JSON (SELECT/ASK) or
N-Triples (CONSTRUCT) serialized natively by Oxigraph.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs

import pyoxigraph as ox

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

JSON = b"application/sparql-results+json"
NT = b"application/n-triples"


def _answer(store: ox.Store, query: str) -> tuple[bytes, bytes]:
    res = store.query(query, use_default_graph_as_union=True)
    if isinstance(res, ox.QueryTriples):
        return res.serialize(format=ox.RdfFormat.N_TRIPLES) or b"", NT
    return res.serialize(format=ox.QueryResultsFormat.JSON) or b"", JSON


def app_for(store: ox.Store) -> Callable[[Scope, Receive, Send], Awaitable[None]]:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        body = b""
        more = True
        while more:
            msg = await receive()
            body += msg.get("body", b"")
            more = msg.get("more_body", False)
        params = parse_qs(scope.get("query_string", b"").decode()) | parse_qs(body.decode())
        query = (params.get("query") or [""])[0]
        try:
            payload, ctype = await asyncio.to_thread(_answer, store, query)
            status = 200
        except (SyntaxError, OSError) as exc:
            payload, ctype, status = str(exc).encode(), b"text/plain", 400
        headers = [(b"content-type", ctype), (b"content-length", str(len(payload)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": payload})

    return app
