"""The worker pool over HTTP, under load and faults: short queries first, deadlines, memory, broken opens.

Order, not time: tests check which answer comes first and which status each gets; speed is
measured by the benchmark (``bench/``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from rahmengraph.api.app import create_app
from rahmengraph.api.state import state_of
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.loading.writing import load
from rahmengraph.model.store import GraphStore
from rahmengraph.model.stores.oxigraph import OxigraphStore
from tests.api.conftest import TOKEN, LiveServer, settings

#: Four-fold cross product over ~1,900 triples: never finishes on its own.
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
#: A sorted cross product: its memory grows by hundreds of MB within a second.
HUNGRY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f ?a ?d"
CHEAP = "ASK { ?s ?p ?o }"


def _get(url: str, query: str) -> httpx.Response:
    return httpx.get(f"{url}/sparql", params={"query": query}, timeout=60)


@pytest.fixture
def server(
    request: pytest.FixtureRequest, musterland_loaded: tuple[GraphStore, Dataset], musterland_dir: Path
) -> Iterator[LiveServer]:
    store, ds = musterland_loaded
    options: dict[str, Any] = {
        "query_timeout": 3.0,
        "long_query_seconds": 0.2,
        **getattr(request, "param", {}),
    }
    with LiveServer(create_app(settings(musterland_dir, **options), store, ds)) as live:
        yield live


@pytest.mark.parametrize("server", [{"query_timeout": 15.0}], indirect=True)
def test_cheap_queries_are_answered_while_four_heavy_ones_run(server: LiveServer) -> None:
    finished: list[str] = []
    lock = threading.Lock()

    def run(name: str, query: str) -> httpx.Response:
        response = _get(server.url, query)
        with lock:
            finished.append(name)
        return response

    with ThreadPoolExecutor(8) as pool:
        heavy = [pool.submit(run, f"heavy{i}", HEAVY) for i in range(4)]
        status: dict[str, Any] = {}
        while (
            status.get("abfragen_laufen", 0) + status.get("abfragen_warten", 0) < 4
            or status["query_worker"] < 3
        ):
            status = httpx.get(f"{server.url}/api/status").json()  # all four sent, a spare started
        cheap = [run(f"cheap{i}", CHEAP) for i in range(5)]
        results = [h.result() for h in heavy]
    assert all(r.status_code == 200 and r.json()["boolean"] for r in cheap)
    assert finished[:5] == [f"cheap{i}" for i in range(5)], finished
    assert {r.status_code for r in results} == {503}  # stopped at the deadline, counted from arrival
    assert {r.json()["error"]["code"] for r in results} <= {"query_timeout", "overloaded"}
    # every killed worker is replaced
    assert all(_get(server.url, CHEAP).status_code == 200 for _ in range(3))


@pytest.mark.parametrize("server", [{"query_workers": 1, "query_workers_max": 2}], indirect=True)
def test_long_queries_cannot_take_every_worker(server: LiveServer) -> None:
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(_get, server.url, HEAVY)
        while httpx.get(f"{server.url}/api/status").json()["query_worker"] < 2:
            pass  # the first turned long: a second worker was started for the others
        second = _get(server.url, HEAVY)  # turns long too: one long query is all two workers allow
        assert second.status_code == 503 and second.json()["error"]["code"] == "overloaded"
        assert int(second.headers["retry-after"]) >= 1
        assert _get(server.url, CHEAP).status_code == 200
        assert first.result().json()["error"]["code"] == "query_timeout"


@pytest.mark.parametrize(
    "server", [{"query_workers": 1, "query_workers_max": 2, "long_query_seconds": 100.0}], indirect=True
)
def test_a_query_that_gets_no_worker_before_its_deadline_gets_503_and_retry_after(
    server: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = state_of(server.server.config.app).runner
    good = runner.source  # type: ignore[attr-defined]

    def slow() -> Any:  # the worker that replaces the stopped one comes after the queued query's deadline
        time.sleep(10)
        return good()

    monkeypatch.setattr(runner, "source", slow)
    with ThreadPoolExecutor(1) as pool:
        first = pool.submit(_get, server.url, HEAVY)
        while httpx.get(f"{server.url}/api/status").json()["abfragen_laufen"] < 1:
            pass
        queued = _get(server.url, CHEAP)
        assert first.result().status_code == 503
    assert queued.status_code == 503 and queued.json()["error"]["code"] == "overloaded"
    assert int(queued.headers["retry-after"]) >= 1


@pytest.mark.parametrize("server", [{"worker_memory_mb": 300, "query_timeout": 20.0}], indirect=True)
def test_a_query_over_the_memory_limit_is_stopped_and_its_worker_replaced(server: LiveServer) -> None:
    response = _get(server.url, HUNGRY)
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "memory_limit"
    assert "300 MB" in response.json()["error"]["message"]
    assert _get(server.url, CHEAP).status_code == 200


@pytest.fixture
def writable(own_store: tuple[GraphStore, Dataset], musterland_dir: Path) -> Iterator[TestClient]:
    store, ds = own_store
    app = create_app(settings(musterland_dir, allow_update=True, update_token=TOKEN), store, ds)
    with TestClient(app) as client:
        yield client


def _update(client: TestClient, text: str) -> int:
    headers = {"content-type": "application/sparql-update", "authorization": f"Bearer {TOKEN}"}
    return client.post("/sparql", content=text.encode(), headers=headers).status_code


def _count(client: TestClient) -> int:
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:notes> { ?s ?p ?o } }"
    return int(client.get("/sparql", params={"query": query, "format": "csv"}).text.split()[1])


def test_updates_reach_the_workers_without_restarting_them(writable: TestClient) -> None:
    pool = state_of(writable.app).runner
    before = {w.process.pid for w in pool._all}
    for i in range(20):
        assert _update(writable, f"INSERT DATA {{ GRAPH <urn:notes> {{ <urn:n{i}> <urn:p> {i} }} }}") == 204
        assert _count(writable) == i + 1  # read your write, on whichever worker answers
    assert (
        _update(writable, "INSERT { GRAPH <urn:notes> { [] <urn:p> ?n } } WHERE { BIND(UUID() AS ?n) }")
        == 204
    )
    assert _count(writable) == 21  # not replayable: the worker opened the store again
    assert {w.process.pid for w in pool._all} == before


def test_a_worker_that_cannot_open_the_store_is_reported_and_replaced(
    writable: TestClient, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pool = state_of(writable.app).runner
    good = pool.source
    monkeypatch.setattr(pool, "source", lambda: ("path", str(tmp_path / "verschwunden")))
    # an update that workers cannot replay: each must open the store again, and that fails
    assert _update(writable, "INSERT { GRAPH <urn:notes> { [] <urn:p> 1 } } WHERE {}") == 204
    broken = writable.get("/sparql", params={"query": CHEAP})
    assert broken.status_code == 503  # answered, not hanging
    assert writable.get("/api/health").status_code == 503
    status = writable.get("/api/status").json()
    assert status["query_worker"] < status["query_worker_soll"] and status["query_worker_fehler"]
    monkeypatch.setattr(pool, "source", good)
    while writable.get("/api/health").status_code != 200:
        pass  # start failures are retried: the pool heals itself
    assert _count(writable) == 1
    assert writable.get("/api/status").json()["query_worker_fehler"] is None


def test_sending_a_large_query_never_fails(writable: TestClient) -> None:
    filler = "# " + "x" * 600_000 + "\n"
    for _ in range(5):
        response = writable.post("/sparql", data={"query": filler + CHEAP})
        assert response.status_code == 200, response.text


def test_store_copies_of_a_folder_store_follow_updates(tmp_path: Path, musterland_dir: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    ds = load(store, musterland_dir)
    try:
        for triples in (1_000_000, 0):  # copied into memory, read in place
            opts = settings(
                musterland_dir, allow_update=True, update_token=TOKEN, worker_memory_triples=triples
            )
            with TestClient(create_app(opts, store, ds)) as client:
                start = _count(client)
                assert (
                    _update(client, f"INSERT DATA {{ GRAPH <urn:notes> {{ <urn:t{triples}> <urn:p> 1 }} }}")
                    == 204
                )
                assert _count(client) == start + 1
    finally:
        store.close()
