"""The raw ASGI request, read ahead of any framework: one header, and the body given back.

Shared by the query front door (:mod:`rahmengraph.api.endpoint`) and the start-up launcher
(:mod:`rahmengraph.api.launch`), which must not import FastAPI; so this imports only Starlette's types.
"""

from __future__ import annotations

from starlette.types import Message, Receive, Scope


def header(scope: Scope, name: bytes) -> str | None:
    """The first value of header ``name`` (lower-case bytes), or ``None``."""
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return None


def replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that first gives the body read here, then the client's own messages."""
    sent = False

    async def again() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return again
