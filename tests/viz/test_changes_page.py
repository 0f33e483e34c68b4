"""The page "Änderungen": editions to compare, filters, one row per change with reason and source."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html


@pytest.fixture(scope="module")
def client(musterland_client: TestClient) -> TestClient:
    return musterland_client


def _rows(client: TestClient, **params: str) -> list[lxml_html.HtmlElement]:
    response = client.get("/aenderungen", params=params)
    assert response.status_code == 200, response.text
    return list(lxml_html.fromstring(response.text).xpath('//table[@id="changes"]/tbody/tr'))


def test_changes_between_two_editions(client: TestClient) -> None:
    rows = _rows(client, von="2019", bis="2021-03")
    ids = [r.xpath("string(td[2])").strip() for r in rows]
    assert {"M-2-03", "M-4-03", "M-4-04", "3", "5"} <= set(ids)
    split = next(r for r in rows if r.xpath("string(td[2])").strip() == "M-2-03")
    assert split.get("data-type") == "aufgeteilt"
    assert split.xpath("string(td[5])").strip() == "M-2-01;M-2-04"
    assert "geteilt" in split.xpath("string(td[7])")
    assert split.xpath("td[2]/a/@href") == ["/musterland/massnahme/M-2-03"]
    undocumented = next(r for r in rows if r.xpath("string(td[2])").strip() == "M-3-02")
    assert undocumented.get("data-documented") == "nein"


def test_filters_and_language(client: TestClient) -> None:
    rows = _rows(client, von="2021-03", art="Zuständigkeit übertragen")
    assert [(r.xpath("string(td[2])").strip(), r.xpath("string(td[1])").strip()) for r in rows] == [
        ("M-1-01", "Zuständigkeit übertragen (durch Ressortneuschnitt)"),
        ("M-4-02", "Zuständigkeit übertragen (durch eigene Entscheidung)"),
    ]
    english = _rows(client, von="2021-03", level="Kreis Süd", lang="en")
    assert [r.xpath("string(td[1])").strip() for r in english] == ["measure extended"]
    doc = lxml_html.fromstring(client.get("/aenderungen", params={"von": "2019"}).text)
    assert doc.xpath('//a[@id="download-csv"]/@href') == ["/api/aenderungen?von=2019&bis=&format=csv"]
    assert "/aenderungen" in doc.xpath("//header//nav//a/@href")
    assert doc.xpath('//a[@id="graph-link"]/@href') == ["/viz/aenderungen?von=2019&bis=2023-06-30"]


def test_unknown_edition_is_a_german_error_page(client: TestClient) -> None:
    response = client.get("/aenderungen", params={"von": "1999"})
    assert response.status_code == 400
    assert "Ausgabe '1999' gibt es nicht" in lxml_html.fromstring(response.text).text_content()


def test_entity_page_shows_the_history_with_sources(client: TestClient) -> None:
    doc = lxml_html.fromstring(client.get("/musterland/massnahme/M-4-02").text)
    items = doc.xpath('//ol[@id="history"]/li')
    kinds = [li.get("data-kind") for li in items]
    assert kinds == ["ausgabe", "aenderung", "aenderung", "aenderung"]
    assert "2019" in items[0].text_content()
    assert "in anderes Handlungsfeld verschoben" in items[1].text_content()
    transfer = next(li for li in items if "Der Verein übernimmt" in li.text_content())
    assert transfer.xpath(".//a/@href")  # every change with its source
    # the undocumented change (partners) is dated by its edition and sourced by it
    assert "2023-06-30" in items[3].text_content()


def test_entity_page_lead_today_follows_the_chain(client: TestClient) -> None:
    doc = lxml_html.fromstring(client.get("/musterland/massnahme/M-1-01").text)
    # MSI;MJI is the measure's own history: MJI leads today, no detour through MSI's successors
    assert not doc.xpath('//section[@aria-labelledby="h-today"]')
