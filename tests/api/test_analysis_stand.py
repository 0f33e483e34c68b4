"""The measurability analysis (and every other) for an earlier edition: the page and its downloads
(the CLI: ``tests/cli/test_cli_editions.py``)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html

from rahmengraph.model import asof
from rahmengraph.model.analysis import ANALYSES
from rahmengraph.model.filters import Filters
from rahmengraph.model.store import GraphStore

OLD = "2019"  # the first musterland edition: fewer measures than today


@pytest.fixture(scope="module")
def client(musterland_client: TestClient) -> TestClient:
    return musterland_client


def summary(client: TestClient, **params: str) -> dict[str, str]:
    response = client.get("/analysen/messbarkeit", params=params)
    assert response.status_code == 200, response.text
    doc = lxml_html.fromstring(response.text)
    return {
        dd.get("data-key"): dd.text_content().strip()
        for dd in doc.xpath("//dl[@id='summary']//dd[@data-key]")
    }


def test_page_shows_the_analysis_of_the_chosen_edition(
    client: TestClient, musterland_store: GraphStore
) -> None:
    old = ANALYSES["messbarkeit"].run(asof.resolve(musterland_store, OLD)[0], Filters())
    now = ANALYSES["messbarkeit"].run(musterland_store, Filters())
    assert old.summary != now.summary  # the editions differ in what the analysis counts
    assert summary(client, stand=OLD) == {k: str(v) for k, v in old.summary.items()}
    assert summary(client) == {k: str(v) for k, v in now.summary.items()}


def test_form_offers_every_edition_and_keeps_the_choice(client: TestClient) -> None:
    doc = lxml_html.fromstring(client.get("/analysen/messbarkeit", params={"stand": OLD}).text)
    values = doc.xpath('//select[@name="stand"]/option/@value')
    assert values == ["", "2023-06-30", "2021-03", "2019"]
    assert doc.xpath('//select[@name="stand"]/option[@selected]/@value') == [OLD]
    assert "Ausgabe 2019" in doc.xpath("string(//p[@id='shown-stand'])")
    (csv_link,) = doc.xpath('//a[@id="download-csv"]/@href')
    assert "stand=2019" in csv_link
    api = client.get(csv_link)
    page = client.get("/api/analyse/messbarkeit", params={"stand": OLD, "format": "json"}).json()
    assert api.status_code == 200 and page["summary"] == {
        k: int(v) if v.isdigit() else v for k, v in summary(client, stand=OLD).items()
    }


def test_unknown_stand_is_a_german_error_page(client: TestClient) -> None:
    response = client.get("/analysen/messbarkeit", params={"stand": "gestern"})
    assert response.status_code == 400
    assert "gestern" in response.text
