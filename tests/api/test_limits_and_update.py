"""Protection: a runaway query is stopped while others are answered; updates need the right token."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from rahmengraph.api.app import create_app
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.store import GraphStore
from tests.api.conftest import TOKEN, LiveServer, settings

#: Four-fold cross product over ~1,900 triples: never finishes on its own.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
SIMPLE = "ASK { ?s ?p ?o }"


def test_runaway_query_is_stopped_while_others_answer(live: LiveServer) -> None:
    slow: dict[str, httpx.Response] = {}
    slow_done = threading.Event()

    def run_slow() -> None:
        slow["response"] = httpx.get(f"{live.url}/sparql", params={"query": RUNAWAY}, timeout=60)
        slow_done.set()

    thread = threading.Thread(target=run_slow)
    thread.start()
    # the simple query and a JSON API call are answered while the slow one still runs
    quick = httpx.get(f"{live.url}/sparql", params={"query": SIMPLE}, timeout=60)
    api = httpx.get(f"{live.url}/api/massnahmen", timeout=60)
    answered_first = not slow_done.is_set()
    thread.join(60)
    assert quick.status_code == 200 and api.status_code == 200
    assert answered_first
    assert slow["response"].status_code == 503
    assert slow["response"].json()["error"]["code"] == "query_timeout"
    # the killed worker is replaced: the endpoint keeps answering
    for _ in range(3):
        assert httpx.get(f"{live.url}/sparql", params={"query": SIMPLE}, timeout=60).status_code == 200


@pytest.fixture
def writable(own_store: tuple[GraphStore, Dataset], musterland_dir: Path) -> Iterator[TestClient]:
    store, ds = own_store
    app = create_app(
        settings(musterland_dir, allow_update=True, update_token=TOKEN, query_workers=1), store, ds
    )
    with TestClient(app) as c:
        yield c


INSERT = "INSERT DATA { GRAPH <https://w3id.org/rahmengraph/musterland/> { <urn:x> <urn:p> <urn:y> } }"
CHECK = "ASK { <urn:x> <urn:p> <urn:y> }"


def asks(client: TestClient) -> bool:
    body = client.get("/sparql", params={"query": CHECK}).json()
    return bool(body["boolean"])


def test_update_is_off_by_default(client: TestClient) -> None:
    response = client.post("/sparql", data={"update": INSERT}, headers={"authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403
    assert not asks(client)


@pytest.mark.parametrize("auth", [None, "Bearer falsch", f"Basic {TOKEN}", "Bearer "])
def test_update_needs_the_right_token(writable: TestClient, auth: str | None) -> None:
    headers = {"authorization": auth} if auth else {}
    response = writable.post("/sparql", data={"update": INSERT}, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert not asks(writable)


def test_update_with_token_is_applied_and_seen(writable: TestClient) -> None:
    before = writable.get("/api/massnahmen").json()["gesamt"]
    response = writable.post(
        "/sparql",
        content=INSERT.encode(),
        headers={"content-type": "application/sparql-update", "authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 204
    assert asks(writable)
    drop = (
        "DELETE WHERE { GRAPH <https://w3id.org/rahmengraph/musterland/> "
        "{ <https://w3id.org/rahmengraph/musterland/massnahme/M-1-01> ?p ?o } }"
    )
    assert (
        writable.post(
            "/sparql", data={"update": drop}, headers={"authorization": f"Bearer {TOKEN}"}
        ).status_code
        == 204
    )
    assert writable.get("/api/massnahmen").json()["gesamt"] == before - 1


def test_load_is_refused_even_with_token(writable: TestClient) -> None:
    response = writable.post(
        "/sparql",
        data={"update": "LOAD <http://127.0.0.1:1/x.ttl>"},
        headers={"authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 403
