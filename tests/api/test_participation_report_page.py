"""``/bericht`` offers the chapter "Ergebnisse der Beteiligung" (as ``rahmengraph bericht --beteiligung``):
a checkbox, the page's own section, downloads and the Word upload that honour it."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from docx import Document
from fastapi.testclient import TestClient
from lxml import html as lxml_html
from pypdf import PdfReader

from rahmengraph.model.bericht import PARTICIPATION_NOTE
from tests.api.test_participation import AUTH, CASE, api

__all__ = ["api"]  # the fixture

PERIOD = {"von": "2026", "bis": "2026", "stand": "2026-12-02"}
WORD = Path(__file__).resolve().parents[1] / "viz" / "cases" / "bericht" / "ministerium.docx"
HEADING = "7 Ergebnisse der Beteiligung"


@pytest.fixture
def heard(api: TestClient) -> TestClient:
    """The app with the Fachtag's input taken in (an event on 2026-11-30, four contributions)."""
    files = {"datei": (CASE.name, CASE.read_bytes(), "application/json")}
    assert api.post("/api/beteiligung/import", files=files, headers=AUTH).status_code == 200
    return api


def links(page: lxml_html.HtmlElement) -> dict[tuple[str, str], dict[str, list[str]]]:
    """(row label, format) → query of each download link."""
    out = {}
    for row in page.xpath("//table[@id='downloads']/tbody/tr"):
        for a in row.xpath(".//a"):
            out[(row.findtext("th"), a.text_content())] = parse_qs(urlsplit(a.get("href")).query)
    return out


def test_the_page_offers_the_chapter_and_shows_it_when_chosen(heard: TestClient) -> None:
    plain = lxml_html.fromstring(heard.get("/bericht", params=PERIOD).text)
    box = plain.get_element_by_id("b-beteiligung")
    assert box.get("type") == "checkbox" and box.get("name") == "beteiligung" and box.get("checked") is None
    assert "Ergebnisse der Beteiligung" in box.getparent().text_content()
    assert plain.get_element_by_id("beteiligung", None) is None
    assert all("beteiligung" not in q for q in links(plain).values())

    page = lxml_html.fromstring(heard.get("/bericht", params={**PERIOD, "beteiligung": "1"}).text)
    assert page.get_element_by_id("b-beteiligung").get("checked") is not None
    section = page.get_element_by_id("beteiligung")
    assert section.findtext("h2") == "Ergebnisse der Beteiligung"
    assert section.findtext("p") == PARTICIPATION_NOTE
    assert section.findtext("ul/li").startswith("Fachtag Teilhabe 2026 (2026-11-30): 4 Beiträge")
    found = links(page)
    assert all(q.get("beteiligung") == ["1"] for (row, _f), q in found.items() if row == "Umsetzungsbericht")
    assert all("beteiligung" not in q for (row, _f), q in found.items() if row != "Umsetzungsbericht")
    assert page.xpath("//form[@id='word-form']//input[@name='beteiligung']/@value") == ["1"]


def test_downloads_honour_the_choice(heard: TestClient) -> None:
    page = lxml_html.fromstring(heard.get("/bericht", params={**PERIOD, "beteiligung": "1"}).text)
    hrefs = {a.text_content(): a.get("href") for a in page.xpath("//table[@id='downloads']/tbody/tr[1]//a")}
    report = lxml_html.fromstring(heard.get(hrefs["HTML"]).text)
    chapter = report.get_element_by_id("beteiligung")
    assert chapter.findtext("h2") == HEADING and chapter.findtext("p") == PARTICIPATION_NOTE
    word = Document(io.BytesIO(heard.get(hrefs["DOCX"]).content))
    assert HEADING in [p.text for p in word.paragraphs]
    pdf = PdfReader(io.BytesIO(heard.get(hrefs["PDF"]).content))
    assert HEADING in " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)
    without = lxml_html.fromstring(heard.get("/bericht/download", params={**PERIOD, "format": "html"}).text)
    assert without.get_element_by_id("beteiligung", None) is None

    files = {"word_vorlage": (WORD.name, WORD.read_bytes())}
    own = heard.post("/bericht/download", data={**PERIOD, "beteiligung": "1"}, files=files)
    assert own.status_code == 200
    assert HEADING in [p.text for p in Document(io.BytesIO(own.content)).paragraphs]
