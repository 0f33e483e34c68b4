"""The API's test world: apps over the small test framework, a live server, W3C test data."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient

from rahmengraph.api.app import create_app
from rahmengraph.config import Settings
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.loading.writing import load
from rahmengraph.model.store import GraphStore
from rahmengraph.model.stores.oxigraph import OxigraphStore

HERE = Path(__file__).resolve().parent
W3C = HERE / "w3c"
CASES = HERE / "cases"
TOKEN = "geheim-test-token"


def settings(dataset: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "dataset": dataset,
        "store": "oxigraph:memory",
        "query_timeout": 5.0,
        "query_workers": 2,
        "cors_origins": ["https://yasgui.example"],
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture(scope="module")
def client(musterland_loaded: tuple[GraphStore, Dataset], musterland_dir: Path) -> Iterator[TestClient]:
    """A client of the app over the shared (read-only) musterland store."""
    store, ds = musterland_loaded
    with TestClient(create_app(settings(musterland_dir), store, ds)) as c:
        yield c


@pytest.fixture(scope="module")
def two_client(
    two_frameworks: tuple[GraphStore, list[Dataset]], musterland_dir: Path, nachbarland_dir: Path
) -> Iterator[TestClient]:
    """A client of the app over musterland and nachbarland in one store (``serve -d A -d B``)."""
    store, datasets = two_frameworks
    opts = settings(musterland_dir, extra_datasets=[nachbarland_dir])
    with TestClient(create_app(opts, store, datasets)) as c:
        yield c


@pytest.fixture
def own_store(musterland_dir: Path) -> tuple[GraphStore, Dataset]:
    """A fresh musterland store this test may change."""
    store = OxigraphStore()
    return store, load(store, musterland_dir)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class LiveServer:
    """uvicorn in a thread on 127.0.0.1 and a free port (any ASGI application)."""

    def __init__(self, app: Callable[..., Any]) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        while not self.server.started:
            if not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(30)


@pytest.fixture(scope="module")
def live(musterland_loaded: tuple[GraphStore, Dataset], musterland_dir: Path) -> Iterator[LiveServer]:
    store, ds = musterland_loaded
    app = create_app(settings(musterland_dir, query_timeout=1.0), store, ds)
    with LiveServer(app) as server:
        yield server
