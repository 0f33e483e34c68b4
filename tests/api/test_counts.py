"""One count per entity kind: the start page's "Inhalt", /browse (index and list), the planners'
API (``gesamt``) and a SPARQL ``COUNT(DISTINCT …)`` agree for every kind, Bremen and Musterland."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html

from rahmengraph.api.app import create_app
from rahmengraph.config import Settings
from rahmengraph.model.kinds import KINDS
from rahmengraph.viz.kind_pages import KINDS as PAGE_KINDS

ROOT = Path(__file__).resolve().parents[2]
DATASETS = {"bremen": ROOT / "data" / "bremen", "musterland": ROOT / "tests" / "cases" / "musterland"}


@pytest.fixture(scope="module", params=sorted(DATASETS))
def client(request: pytest.FixtureRequest) -> Iterator[TestClient]:
    settings = Settings(dataset=DATASETS[request.param], store="oxigraph:memory", query_workers=1)  # type: ignore[call-arg]
    with TestClient(create_app(settings)) as c:
        yield c


def _links_with_numbers(page: str, xpath: str) -> dict[str, int]:
    """``/browse/<kind>`` → the number shown beside that link."""
    out: dict[str, int] = {}
    for li in lxml_html.fromstring(page).xpath(xpath):
        link = li.xpath(".//a[starts-with(@href, '/browse/')]")[0].get("href")
        number = re.findall(r"\d+", li.text_content().rsplit(":", 1)[-1])
        out[link.removeprefix("/browse/")] = int(number[-1])
    return out


def _sparql_count(client: TestClient, cls: str) -> int:
    query = f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a <{cls}> }}"
    r = client.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def test_every_count_agrees(client: TestClient) -> None:
    start = _links_with_numbers(client.get("/").text, "//article[@class='framework']//ul[@class='counts']/li")
    browse = _links_with_numbers(client.get("/browse").text, "//ul[@class='cards']/li")
    checked = 0
    for kind in KINDS.values():
        if kind.collection is None or kind.key not in PAGE_KINDS:
            continue
        expected = _sparql_count(client, kind.cls)
        api = client.get(f"/api/{kind.collection}", params={"limit": 1}).json()["gesamt"]
        listed = lxml_html.fromstring(client.get(f"/browse/{kind.key}").text).xpath("//tbody/tr")
        assert (start.get(kind.key, 0), browse[kind.key], len(listed), api) == (expected,) * 4, kind.key
        checked += expected > 0
    assert checked >= 6  # the comparison saw real numbers, not only zeros
