"""The query path ahead of the routes (:mod:`rahmengraph.api.endpoint`) answers exactly as the routes do."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from httpx import Response

from rahmengraph.api import sparql
from rahmengraph.api.app import create_app
from rahmengraph.api.endpoint import QueryEndpoint
from rahmengraph.engine.pool import source_of
from rahmengraph.model.loading.writing import load
from rahmengraph.model.stores.oxigraph import OxigraphStore
from tests.api.conftest import CASES, LiveServer, settings

REQUESTS = json.loads((CASES / "sparql-requests.json").read_text(encoding="utf-8"))
#: Headers that must agree between the two paths (the rest are per-connection).
COMPARED = (
    "content-type",
    "vary",
    "x-rahmengraph-max-rows",
    "access-control-allow-origin",
    "www-authenticate",
)


def send(client: TestClient, case: dict[str, Any]) -> Response:
    return client.request(
        case["method"],
        "/sparql",
        params=case.get("params"),
        data=case.get("data"),
        content=case.get("content"),
        headers=case["headers"],
    )


def seen(resp: Response) -> tuple[int, dict[str, str | None], bytes]:
    return resp.status_code, {h: resp.headers.get(h) for h in COMPARED}, resp.content


@pytest.mark.parametrize("case", REQUESTS, ids=[c["id"] for c in REQUESTS])
def test_same_answer_with_and_without_the_fast_path(
    client: TestClient, case: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = send(client, case)
    assert fast.status_code == case["status"], fast.text
    if fast.status_code >= 400:
        assert fast.json()["error"]["message"]
    monkeypatch.setattr(QueryEndpoint, "_answer", _forward_everything)
    assert seen(send(client, case)) == seen(fast)


async def _forward_everything(self: QueryEndpoint, scope: Any, body: bytes) -> None:
    return None


@pytest.mark.parametrize("case", [c for c in REQUESTS if c["id"] in ("post-form-select", "get-ask")])
def test_queries_are_answered_without_the_routes(
    client: TestClient, case: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    async def unreachable(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the query went through the routes")

    monkeypatch.setattr(sparql, "answer", unreachable)
    assert send(client, case).status_code == 200


def test_other_paths_pass_through(client: TestClient) -> None:
    assert client.get("/api/handlungsfelder").status_code == 200
    assert client.get("/sparql/nichts").status_code == 404


@pytest.mark.parametrize(("limit", "kind"), [(1_000_000, "copy"), (0, "path")])
def test_workers_copy_small_stores_into_memory(
    tmp_path: Path, musterland_dir: Path, limit: int, kind: str
) -> None:
    store = OxigraphStore(tmp_path / "store")
    ds = load(store, musterland_dir)
    try:
        assert source_of(store, limit) == (kind, str(tmp_path / "store"))
        query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        app = create_app(settings(musterland_dir, worker_memory_triples=limit, query_workers=1), store, ds)
        with TestClient(app) as c:
            resp = c.post("/sparql", data={"query": query}, headers={"Accept": "text/csv"})
        assert resp.status_code == 200
        assert resp.text.splitlines()[1] == str(store.count())
    finally:
        store.close()


def test_relative_iris_resolve_against_the_endpoint(client: TestClient) -> None:
    resp = client.post(
        "/sparql", data={"query": "SELECT ?x WHERE { BIND(<rel> AS ?x) }"}, headers={"Accept": "text/csv"}
    )
    assert resp.text.splitlines()[1] == "http://testserver/rel"


@pytest.mark.parametrize("content_type", ["application/x-www-form-urlencoded", "application/sparql-query"])
def test_empty_post_is_refused_not_held(live: LiveServer, content_type: str) -> None:
    """A POST with an empty body (read by the query path, then handed on) gets its 400 at once;
    it used to wait for a body that had already been read until the client gave up."""
    resp = httpx.post(f"{live.url}/sparql", content=b"", headers={"Content-Type": content_type}, timeout=10)
    assert resp.status_code == 400
    assert resp.json()["error"]["code"] == "bad_parameter"
