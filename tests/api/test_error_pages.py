"""One error handler, two shapes: the JSON error body for API clients, the HTML error page for browsers.

``Accept`` decides; a client that prefers neither gets the shape of the route it asked (HTML for
the web pages, JSON for the API). Each case: a request, its status and error code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html

from rahmengraph.api.app import create_app
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.store import GraphStore
from tests.api.conftest import TOKEN, settings

#: What a browser sends for a page.
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
JSON = "application/json"

CASES: list[tuple[str, str, dict[str, Any], int, str]] = [
    ("GET", "/browse/gibtsnicht", {}, 404, "not_found"),
    ("GET", "/viz/gibtsnicht", {}, 404, "not_found"),
    ("GET", "/analysen/gibtsnicht", {}, 404, "not_found"),
    ("GET", "/fragen/massnahmen-eines-handlungsfelds/pdf", {}, 400, "bad_parameter"),
    ("GET", "/static/gibtsnicht.js", {}, 404, "not_found"),
    ("GET", "/api/massnahmen/M-0", {}, 404, "not_found"),
    ("GET", "/api/massnahmen", {"params": {"limit": "viele"}}, 400, "bad_parameter"),
    ("GET", "/api/analyse/overlaps", {"params": {"gibtsnicht": "1"}}, 400, "bad_parameter"),
    ("GET", "/download/rahmengraph-bremen.ttl", {}, 404, "not_found"),
    ("POST", "/sparql", {"data": {"query": "SELECT * WHERE {"}}, 400, "malformed_query"),
    ("PUT", "/sparql", {}, 405, "method_not_allowed"),
]
IDS = [f"{c[0]} {c[1]}" for c in CASES]
#: Routes of the web pages: their errors are pages even for a client that prefers nothing.
PAGES = ("/browse/", "/viz/", "/analysen/", "/fragen/", "/static/")


def _request(client: TestClient, case: tuple[str, str, dict[str, Any], int, str], accept: str) -> Any:
    method, url, kwargs, _status, _code = case
    return client.request(method, url, **kwargs, headers={"accept": accept})


def _page(response: Any) -> tuple[str, str]:
    """(code, message) shown on an HTML error page."""
    assert response.headers["content-type"].startswith("text/html")
    doc = lxml_html.fromstring(response.text)
    assert doc.xpath("string(//h1)").strip()
    alert = doc.xpath("//*[@role='alert']")[0]
    return alert.xpath("string(code)"), alert.text_content()


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_browsers_get_the_error_page(
    client: TestClient, case: tuple[str, str, dict[str, Any], int, str]
) -> None:
    response = _request(client, case, BROWSER)
    assert response.status_code == case[3]
    code, text = _page(response)
    assert code == case[4]
    assert len(text) > len(code) + 5  # the German message is there too


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_api_clients_get_the_json_body(
    client: TestClient, case: tuple[str, str, dict[str, Any], int, str]
) -> None:
    response = _request(client, case, JSON)
    assert response.status_code == case[3]
    assert response.headers["content-type"].startswith(JSON)
    body = response.json()["error"]
    assert body["code"] == case[4] and body["message"] and isinstance(body["problems"], list)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_without_preference_the_route_decides(
    client: TestClient, case: tuple[str, str, dict[str, Any], int, str]
) -> None:
    response = _request(client, case, "*/*")
    assert response.status_code == case[3]
    if case[1].startswith(PAGES):
        assert _page(response)[0] == case[4]
    else:
        assert response.json()["error"]["code"] == case[4]


def test_unknown_iri_is_a_page_for_browsers_and_json_for_rdf_clients(client: TestClient) -> None:
    page = client.get("/musterland/massnahme/M-0", headers={"accept": BROWSER})
    assert page.status_code == 404 and _page(page)[0] == "not_found"
    rdf = client.get("/musterland/massnahme/M-0", headers={"accept": "text/turtle"})
    assert rdf.status_code == 404 and rdf.json()["error"]["code"] == "not_found"


def test_english_error_page(client: TestClient) -> None:
    response = client.get("/browse/gibtsnicht", params={"lang": "en"}, headers={"accept": BROWSER})
    doc = lxml_html.fromstring(response.text)
    assert doc.get("lang") == "en"
    assert "gibtsnicht" in doc.xpath("string(//*[@role='alert'])")


def test_a_missing_token_is_challenged_in_both_shapes(
    musterland_loaded: tuple[GraphStore, Dataset], musterland_dir: Path
) -> None:
    store, ds = musterland_loaded
    app = create_app(settings(musterland_dir, allow_update=True, update_token=TOKEN), store, ds)
    with TestClient(app) as c:
        for accept in (BROWSER, JSON):
            response = c.post("/sparql", data={"update": "CLEAR ALL"}, headers={"accept": accept})
            assert response.status_code == 401
            assert response.headers["www-authenticate"] == "Bearer"
        assert _page(c.post("/sparql", data={"update": "CLEAR ALL"}, headers={"accept": BROWSER}))[0] == (
            "unauthorized"
        )
