"""Protection: a runaway query is stopped while others are answered; updates need the right token."""

from __future__ import annotations

import gc
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


INSERT = "INSERT DATA { GRAPH <urn:notizen> { <urn:x> <urn:p> <urn:y> } }"
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
    response = writable.post(
        "/sparql",
        content=INSERT.encode(),
        headers={"content-type": "application/sparql-update", "authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 204
    assert asks(writable)
    drop = "DELETE WHERE { GRAPH <urn:notizen> { ?s ?p ?o } }"
    headers = {"authorization": f"Bearer {TOKEN}"}
    assert writable.post("/sparql", data={"update": drop}, headers=headers).status_code == 204
    assert not asks(writable)


@pytest.mark.parametrize(
    "update",
    [
        "DELETE WHERE { GRAPH <https://w3id.org/rahmengraph/musterland/> "
        "{ <https://w3id.org/rahmengraph/musterland/massnahme/M-1-01> ?p ?o } }",
        "PREFIX o: <https://w3id.org/rahmengraph/> INSERT DATA { GRAPH o:ontology { <urn:x> <urn:p> 1 } }",
        "CLEAR ALL",
        "DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }",
    ],
)
def test_loaded_graphs_are_read_only(writable: TestClient, update: str) -> None:
    before = writable.get("/api/massnahmen").json()["gesamt"]
    response = writable.post("/sparql", data={"update": update}, headers={"authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403
    assert "beim Start aus den Dateien" in response.json()["error"]["message"]
    assert writable.get("/api/massnahmen").json()["gesamt"] == before


def test_writes_to_other_graphs_survive_a_restart(tmp_path: Path, musterland_dir: Path) -> None:
    opts = settings(
        musterland_dir, store=f"oxigraph:{tmp_path / 'store'}", allow_update=True, update_token=TOKEN
    )
    headers = {"authorization": f"Bearer {TOKEN}"}
    first = create_app(opts)
    with TestClient(first) as client:  # start-up loads the dataset into the folder
        assert client.post("/sparql", data={"update": INSERT}, headers=headers).status_code == 204
    del first, client
    gc.collect()  # the store's folder lock goes with the store
    with TestClient(create_app(opts)) as second:  # and loads it again: other graphs stay
        assert asks(second)
        assert second.get("/api/massnahmen").json()["gesamt"] > 0


def test_load_is_refused_even_with_token(writable: TestClient) -> None:
    response = writable.post(
        "/sparql",
        data={"update": "LOAD <http://127.0.0.1:1/x.ttl>"},
        headers={"authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 403


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE " + "{" * 10_000 + "}" * 10_000,
        "SELECT * WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o " * 3_000 + "}" * 3_001,
        "SELECT * WHERE { FILTER(" + "(" * 5_000 + "1" + ")" * 5_000 + ") }",
    ],
    ids=["braces", "optionals", "parentheses"],
)
def test_deep_nesting_is_refused_before_a_worker_sees_it(client: TestClient, query: str) -> None:
    response = client.post("/sparql", data={"query": query})
    assert response.status_code == 400
    assert "max_query_depth" in response.json()["error"]["message"]
    assert client.get("/sparql", params={"query": SIMPLE}).status_code == 200


def test_nesting_inside_strings_does_not_count(client: TestClient) -> None:
    query = 'ASK { FILTER("' + "{" * 500 + '" != "") }'
    assert client.post("/sparql", data={"query": query}).status_code == 200


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "streamed"])
def test_a_body_over_the_limit_gets_413(
    musterland_loaded: tuple[GraphStore, Dataset], musterland_dir: Path, declared: bool
) -> None:
    store, ds = musterland_loaded
    app = create_app(settings(musterland_dir, max_body_bytes=10_000, query_workers=1), store, ds)
    body = b"ASK {} # " + b"x" * 20_000

    def chunks() -> Iterator[bytes]:
        yield body[:5_000]
        yield body[5_000:]

    with TestClient(app) as c:
        headers = {"content-type": "application/sparql-query"}
        response = c.post("/sparql", content=body if declared else chunks(), headers=headers)
        assert response.status_code == 413
        assert "max_body_bytes" in response.json()["error"]["message"]
        assert c.post("/sparql", content=b"ASK {}", headers=headers).status_code == 200
