"""One error shape everywhere: {"error": {"code", "message", "problems"}} with the right status."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

CASES: list[tuple[str, str, dict[str, Any], int, str]] = [
    ("GET", "/api/massnahmen/M-0", {}, 404, "not_found"),
    ("GET", "/api/gibtsnicht", {}, 404, "not_found"),
    ("GET", "/api/massnahmen", {"params": {"limit": "viele"}}, 400, "bad_parameter"),
    ("GET", "/api/fragen/gibtsnicht", {}, 404, "not_found"),
    ("GET", "/api/akteure/NIEMAND/partner", {}, 404, "not_found"),
    ("GET", "/sparql", {"params": {"query": "SELECT * WHERE {"}}, 400, "malformed_query"),
    (
        "GET",
        "/sparql",
        {"params": {"query": "SELECT * {?s ?p ?o}"}, "headers": {"accept": "image/png"}},
        406,
        "not_acceptable",
    ),
    ("POST", "/sparql", {"data": {"format": "json"}}, 400, "bad_parameter"),
    ("POST", "/sparql", {"data": {"update": "CLEAR ALL"}}, 403, "forbidden"),
    ("PUT", "/sparql", {}, 405, "method_not_allowed"),
    ("GET", "/musterland/massnahme/M-0", {"headers": {"accept": "text/turtle"}}, 404, "not_found"),
    ("GET", "/download/rahmengraph-bremen.ttl", {}, 404, "not_found"),
]


@pytest.mark.parametrize(
    ("method", "url", "kwargs", "status", "code"), CASES, ids=[f"{c[0]} {c[1]}" for c in CASES]
)
def test_error_shape(
    client: TestClient, method: str, url: str, kwargs: dict[str, Any], status: int, code: str
) -> None:
    response = client.request(method, url, **kwargs)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "problems"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    assert isinstance(body["error"]["problems"], list)


@pytest.mark.parametrize(
    ("query", "german"), [("limit=abc", "keine ganze Zahl"), ("limit=0", "mindestens 1")]
)
def test_validation_messages_are_german(client: TestClient, query: str, german: str) -> None:
    response = client.get(f"/api/massnahmen?{query}", headers={"accept": "application/json"})
    assert response.status_code == 400
    text = str(response.json()["error"]["problems"])
    assert german in text and "Input should" not in text, text
