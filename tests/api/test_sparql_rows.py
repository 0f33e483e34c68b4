"""/sparql answers through the query workers: the row cap at its boundary, large answers, errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rahmengraph.api.app import create_app
from rahmengraph.model.formats import RESULT_FORMATS
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.store import GraphStore
from tests.api.conftest import settings
from tests.engine.conftest import count


@pytest.fixture(scope="module")
def capped(musterland_loaded: tuple[GraphStore, Dataset], musterland_dir: Path) -> Iterator[TestClient]:
    store, ds = musterland_loaded
    with TestClient(create_app(settings(musterland_dir, max_rows=5, query_workers=1), store, ds)) as c:
        yield c


@pytest.mark.parametrize("key", list(RESULT_FORMATS))
@pytest.mark.parametrize(("limit", "truncated"), [(5, False), (6, True)])
def test_cap_boundary(capped: TestClient, key: str, limit: int, truncated: bool) -> None:
    query = f"SELECT ?s ?p ?o WHERE {{ ?s ?p ?o }} LIMIT {limit}"
    response = capped.get("/sparql", params={"query": query, "format": key})
    assert response.status_code == 200
    assert (response.headers.get("x-rahmengraph-truncated") == "true") is truncated
    assert count(response.content, key) == 5


@pytest.fixture(scope="module")
def client(musterland_loaded: tuple[GraphStore, Dataset], musterland_dir: Path) -> Iterator[TestClient]:
    store, ds = musterland_loaded
    with TestClient(create_app(settings(musterland_dir), store, ds)) as c:
        yield c


def test_large_answer_arrives_whole(client: TestClient, musterland_store: GraphStore) -> None:
    # megabytes of JSON: far more than a socket buffer, so the answer is read in many pieces
    query = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 9000"
    response = client.post("/sparql", data={"query": query}, headers={"accept": "application/json"})
    assert response.status_code == 200
    assert len(response.content) > 1_000_000
    assert "x-rahmengraph-truncated" not in response.headers
    rows = json.loads(response.content)["results"]["bindings"]
    assert len(rows) == 9000
    assert {tuple(sorted(r)) for r in rows} == {("a", "b", "c", "d", "e", "f")}
    # the same worker answers the next (small) query correctly: no bytes left over from the last frame
    ask = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }", "format": "json"})
    assert ask.json()["boolean"] is True


def test_errors_come_back_as_error_frames(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p }", "format": "json"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "malformed_query"
    again = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }", "format": "json"})
    assert again.status_code == 200
