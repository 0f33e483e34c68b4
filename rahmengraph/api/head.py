"""``HEAD`` on every resource: answered as the ``GET`` it stands for, with the same status and
headers (``Content-Length`` included) and no body (RFC 9110 §9.3.2).

FastAPI routes declared with ``get`` do not accept ``HEAD``; this ASGI middleware turns a ``HEAD``
into a ``GET`` for the application and drops the body on the way out.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadRequests:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def bodiless(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return  # the rest follows; only the last (empty) part is sent
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, bodiless)
