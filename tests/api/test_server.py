"""``rahmengraph serve``'s connections: a client that never completes its request headers is cut off."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from rahmengraph.api.server import http_protocol
from tests.api.conftest import free_port


@pytest.fixture(scope="module")
def url() -> Iterator[tuple[str, int]]:
    app = FastAPI()

    @app.get("/ping")
    def ping() -> dict[str, bool]:
        return {"ok": True}

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, http=http_protocol(0.5), log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield "127.0.0.1", port
    server.should_exit = True
    thread.join(10)


@pytest.mark.parametrize("sent", [b"", b"GET /ping HTTP/1.1\r\nHost: x\r\n"], ids=["nothing", "half-headers"])
def test_a_connection_without_complete_headers_is_closed(url: tuple[str, int], sent: bytes) -> None:
    with socket.create_connection(url, timeout=30) as sock:
        sock.sendall(sent)
        assert sock.recv(1024) == b""  # closed by the server (the 30 s socket timeout would raise)


def test_complete_requests_are_answered_on_a_kept_connection(url: tuple[str, int]) -> None:
    with httpx.Client(base_url=f"http://{url[0]}:{url[1]}") as client:
        for _ in range(3):
            assert client.get("/ping").json() == {"ok": True}
            time.sleep(0.3)  # idle between requests: the keep-alive rule applies, not the header limit
