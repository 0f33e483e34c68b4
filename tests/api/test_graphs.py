"""GET /viz/{view} and /viz/static/{name} on an app with just the graph router."""

from __future__ import annotations

import json

from fastapi import FastAPI
from fastapi.testclient import TestClient
from lxml import html as lxml_html

from rahmengraph.api.graphs import router
from rahmengraph.api.state import get_store
from rahmengraph.model.store import GraphStore


def client(store: GraphStore) -> TestClient:
    app = FastAPI()
    app.dependency_overrides[get_store] = lambda: store
    app.include_router(router)
    return TestClient(app)


def test_query_filters_are_applied(musterland_store: GraphStore) -> None:
    r = client(musterland_store).get("/viz/gesamtbild", params=[("field", "1"), ("level", "Land")])
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    doc = lxml_html.fromstring(r.text)
    data = json.loads(doc.xpath('//script[@id="graph-data"]')[0].text)
    assert data["applied"] == {"field": ["1"], "level": ["Land"]}


def test_options_reach_the_view(musterland_store: GraphStore) -> None:
    r = client(musterland_store).get("/viz/handlungsfeld", params={"feld": "2"})
    data = json.loads(lxml_html.fromstring(r.text).xpath('//script[@id="graph-data"]')[0].text)
    assert data["scenes"][data["start"]]["name"] == "feld:2"
    assert data["options"] == {"feld": "2"}


def test_static_assets_come_from_installed_packages(musterland_store: GraphStore) -> None:
    c = client(musterland_store)
    r = c.get("/viz/static/vis-network.min.js")
    assert r.status_code == 200 and "vis" in r.text[:2000]
    assert c.get("/viz/static/graph.js").headers["content-type"].startswith("text/javascript")
