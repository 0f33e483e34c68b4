"""The server while it starts (``api/launch.py``): queries are answered before the web application is
built, with the answer the application gives; everything else waits for the application."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from rahmengraph.api.app import create_app
from rahmengraph.api.launch import Launch
from rahmengraph.engine.runner import Runner
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.store import GraphStore
from tests.api.conftest import LiveServer, settings

QUERY = "SELECT ?s WHERE { ?s a rg:Measure } ORDER BY ?s LIMIT 3"
BROKEN = "SELECT ?s WHERE {"
#: Headers that differ between any two answers.
VOLATILE = {"date", "server"}


class Held:
    """A launch whose application is built only when :meth:`release` is called."""

    def __init__(self, store: GraphStore, ds: Dataset, folder: Path) -> None:
        self.released = threading.Event()
        opts = settings(folder, warm_analyses=False)

        def build(runner: Runner) -> Any:
            assert self.released.wait(60)
            return create_app(opts, store, ds, runner)

        self.launch = Launch(opts, store, build)


@pytest.fixture
def held(musterland_loaded: tuple[GraphStore, Dataset], musterland_dir: Path) -> Iterator[tuple[Held, str]]:
    store, ds = musterland_loaded
    held = Held(store, ds, musterland_dir)
    with LiveServer(held.launch) as server:
        try:
            yield held, server.url
        finally:
            held.released.set()


def _seen(r: httpx.Response) -> tuple[int, bytes, list[tuple[str, str]]]:
    return r.status_code, r.content, [(k, v) for k, v in r.headers.multi_items() if k not in VOLATILE]


def test_a_query_is_answered_before_the_application_and_as_it_answers(held: tuple[Held, str]) -> None:
    h, url = held
    asks = [
        ("GET", {"params": {"query": QUERY}, "headers": {"Accept": "text/csv"}}),
        ("POST", {"data": {"query": QUERY}, "headers": {"Accept": "application/sparql-results+json"}}),
        ("POST", {"content": "ASK {}", "headers": {"Content-Type": "application/sparql-query"}}),
        ("GET", {"params": {"query": "ASK {}"}, "headers": {"Origin": "https://yasgui.example"}}),
    ]
    with httpx.Client(base_url=url, timeout=30) as client:
        early = [client.request(method, "/sparql", **kw) for method, kw in asks]  # type: ignore[arg-type]
        assert h.launch.app is None  # still building
        h.released.set()
        assert client.get("/api/health").status_code == 200  # waits for the application
        assert h.launch.app is not None
        later = [client.request(method, "/sparql", **kw) for method, kw in asks]  # type: ignore[arg-type]
    assert [r.status_code for r in early] == [200, 200, 200, 200]
    assert early[3].headers["access-control-allow-origin"] == "https://yasgui.example"
    assert [_seen(r) for r in early] == [_seen(r) for r in later]


def test_other_requests_and_failed_queries_wait_for_the_application(held: tuple[Held, str]) -> None:
    h, url = held
    got: dict[str, httpx.Response] = {}

    def ask(name: str, path: str, params: dict[str, str]) -> None:
        with httpx.Client(base_url=url, timeout=30) as client:
            got[name] = client.get(path, params=params, headers={"Accept": "application/json"})

    threads = [
        threading.Thread(target=ask, args=("status", "/api/status", {})),
        threading.Thread(target=ask, args=("broken", "/sparql", {"query": BROKEN})),
        threading.Thread(target=ask, args=("stand", "/sparql", {"query": QUERY, "stand": "2021-10"})),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(1.0)
    assert got == {}  # none answered while the application is not there
    h.released.set()
    for t in threads:
        t.join(30)
    with httpx.Client(base_url=url, timeout=30) as client:
        again = client.get(
            "/sparql", params={"query": "SELECT ?s WHERE {"}, headers={"Accept": "application/json"}
        )
    assert got["status"].status_code == 200
    assert _seen(got["broken"]) == _seen(again) and again.status_code == 400
    assert got["stand"].status_code == 200
