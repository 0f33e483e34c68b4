"""``/bericht`` and ``/bericht/download``: the page, the downloads, the Word template upload, errors."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from fastapi.testclient import TestClient
from lxml import html as lxml_html

CASES = Path(__file__).resolve().parents[1] / "viz" / "cases" / "bericht"
PERIOD = {"von": "2020", "bis": "2026", "stand": "2026-01-15"}


def test_page_offers_every_download(client: TestClient) -> None:
    r = client.get("/bericht", params=PERIOD)
    assert r.status_code == 200
    doc = lxml_html.fromstring(r.text)
    links = doc.xpath("//table[@id='downloads']//a/@href")
    assert len(links) == 6
    assert "/bericht/download?format=pdf&von=2020&bis=2026&stand=2026-01-15" in links
    assert any("vorlage=1" in link and "format=docx" in link for link in links)
    assert doc.xpath("//ul[@id='decisions']/li")


def test_download_formats_and_names(client: TestClient) -> None:
    r = client.get("/bericht/download", params={**PERIOD, "format": "docx", "vorlage": "true"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert 'filename="vorlage-steuerungsrunde-2020-2026.docx"' in r.headers["content-disposition"]
    assert Document(io.BytesIO(r.content)).paragraphs[0].text == "Vorlage für die Steuerungsrunde"
    html = client.get("/bericht/download", params={**PERIOD, "format": "html"})
    assert html.headers["content-type"].startswith("text/html") and "Quellenverzeichnis" in html.text


def test_upload_of_a_word_template(client: TestClient) -> None:
    files = {"word_vorlage": ("ministerium.docx", (CASES / "ministerium.docx").read_bytes())}
    r = client.post("/bericht/download", data=PERIOD, files=files)
    assert r.status_code == 200
    doc = Document(io.BytesIO(r.content))
    assert doc.sections[0].header.paragraphs[0].text == "Die Senatorin – Ressortvorlage"


def test_errors_name_the_parameter(client: TestClient) -> None:
    json_please = {"Accept": "application/json"}
    r = client.get("/bericht/download", params={**PERIOD, "format": "odt"}, headers=json_please)
    assert r.status_code == 400 and "format" in r.json()["error"]["message"]
    r = client.get("/bericht", params={**PERIOD, "von": "2023-13"})
    assert r.status_code == 400 and "2023-13" in r.text and r.headers["content-type"].startswith("text/html")
    files = {"word_vorlage": ("kaputt.docx", b"kein docx")}
    r = client.post("/bericht/download", data=PERIOD, files=files, headers=json_please)
    assert r.status_code == 422 and "kein lesbares DOCX" in r.json()["error"]["message"]
