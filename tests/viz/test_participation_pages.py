"""The participation pages parsed as HTML: input grouped by Handlungsfeld and kind, counts per node,
participants' markup as text, the phone page's QR code inline, its data as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import segno
from lxml import html as lxml_html

from rahmengraph.model.store import GraphStore
from rahmengraph.viz.participation_pages import Choice, event_page, events_page, take_part_page

CASE = Path(__file__).parent / "cases" / "beteiligung"
ML = "https://w3id.org/rahmengraph/musterland/"


@pytest.fixture(scope="module")
def event() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CASE / "veranstaltung.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def entries() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((CASE / "beitraege.json").read_text(encoding="utf-8"))
    return data


def text(node: Any) -> str:
    return " ".join(" ".join(node.itertext()).split())


def test_event_page_groups_by_field_then_kind(
    musterland_store: GraphStore, event: dict[str, Any], entries: list[dict[str, Any]]
) -> None:
    doc = lxml_html.fromstring(event_page(musterland_store, event, entries, "de"))
    sections = doc.xpath("//section[@class='field-input']")
    titles = [text(s.xpath("h3")[0]) for s in sections]
    assert titles == [
        "Rahmen insgesamt",
        "1 Sprache",
        "2 Arbeit",
        "Übergreifend (Ressorts, Zielgruppen, Ebenen)",
    ]
    kinds = {text(s.xpath("h3")[0]): [text(h) for h in s.xpath("h4")] for s in sections}
    assert kinds["1 Sprache"] == ["Kommentare (1)", "Fragen (1)"]
    assert kinds["2 Arbeit"] == ["Bestätigte Lücken (1)"]  # a gap belongs to its column's field
    assert kinds["Rahmen insgesamt"] == ["Vorschläge für neue Maßnahmen (1)"]
    proposal = text(
        doc.xpath("//li[@data-id='6f1c0a52-7d0e-4c55-9a51-0d6b0c7a0004']//p[@class='proposal']")[0]
    )
    assert proposal == (
        "Vorschlag: Mobile Beratung <b> Zielgruppen: Frauen Ebene: Stadt Nord "
        "Federführung: Ministerium für Bildung"
    )
    statuses = {
        li.get("data-id")[-1]: text(li.xpath(".//strong[@class='status']")[0])
        for li in doc.xpath("//li[@data-id]")
    }
    assert statuses == {
        "1": "neu",
        "2": "in Prüfung",
        "3": "neu",
        "4": "nicht aufgenommen",
        "5": "aufgenommen",
    }
    gap = text(doc.xpath("//li[@data-id='6f1c0a52-7d0e-4c55-9a51-0d6b0c7a0003']/p[@class='target']")[0])
    assert gap == "Lücke: Frauen × 2 Arbeit"


def test_event_page_counts_per_node_and_links_downloads(
    musterland_store: GraphStore, event: dict[str, Any], entries: list[dict[str, Any]]
) -> None:
    doc = lxml_html.fromstring(event_page(musterland_store, event, entries, "de"))
    rows = [[text(c) for c in tr.xpath("th|td")] for tr in doc.xpath("//table[@id='node-counts']/tbody/tr")]
    assert rows[0] == ["M-1-02 Kita-Sprachförderung", "1", "1", "0", "0", "2"]
    assert sorted(r[0] for r in rows[1:]) == [
        "Lücke: Frauen × 2 Arbeit",
        "Ministerium für Bildung",
        "Rahmen insgesamt",
    ]
    link = doc.xpath("//table[@id='node-counts']//a/@href")
    assert "/massnahme/M-1-02" in link[0]
    assert doc.xpath("//a[@id='download-csv']/@href") == [
        "/api/beteiligung/veranstaltungen/fachtag-2026-11-30/beitraege.csv"
    ]
    assert doc.xpath("//a[@id='download-xlsx']/@href")[0].endswith("/beitraege.xlsx")
    assert text(doc.xpath("//dd[@id='event-count']")[0]) == "5"
    assert text(doc.xpath("//dd[@id='event-state']")[0]) == "offen"
    # every form control of the facilitation tools has a label
    for control in doc.xpath("//form//input[not(@type='hidden')] | //form//select"):
        assert control.xpath("ancestor::label") or doc.xpath(f"//label[@for='{control.get('id')}']")


def test_participants_markup_is_text_everywhere(
    musterland_store: GraphStore, event: dict[str, Any], entries: list[dict[str, Any]]
) -> None:
    for page in (
        event_page(musterland_store, event, entries, "de"),
        events_page([Choice("musterland-2021", musterland_store)], [event], {event["id"]: 5}, "de"),
        take_part_page(musterland_store, event, "tok", "http://127.0.0.1/x?token=tok", "de"),
    ):
        doc = lxml_html.fromstring(page)
        assert doc.xpath("//img") == []
        for script in doc.xpath("//script[not(@src)]"):
            assert script.get("type") == "application/json" and "<" not in (script.text or "")
        assert "Fachtag <script>window.__xss = 1</script>" in text(doc.xpath("//main")[0])
    doc = lxml_html.fromstring(event_page(musterland_store, event, entries, "de"))
    assert '<img src=x onerror="window.__xss = 2"> erreicht ältere Frauen nicht' in text(doc)


def test_take_part_page_has_form_data_and_an_inline_qr_code(
    musterland_store: GraphStore, event: dict[str, Any]
) -> None:
    link = "http://192.168.0.5:8000/beteiligung/fachtag-2026-11-30/mitmachen?token=abc"
    doc = lxml_html.fromstring(take_part_page(musterland_store, event, "abc", link, "de"))
    (svg,) = doc.xpath("//details[@id='qr']//svg")
    assert svg.xpath(".//path") and not doc.xpath("//details[@id='qr']//img")
    assert text(doc.xpath("//details[@id='qr']//code")[0]) == link
    assert doc.xpath("//meta[@name='referrer']/@content") == ["no-referrer"]
    (script,) = doc.xpath("//script[@id='beteiligung-data']")
    config = json.loads(script.text)
    assert config["token"] == "abc" and config["veranstaltung"]["id"] == "fachtag-2026-11-30"
    groups = [g["group"] for g in config["ziele"][1:]]
    assert groups == ["1 Sprache", "2 Arbeit", "Zielgruppen"]  # only the event's fields
    assert json.loads(config["ziele"][0][0]) == {"rahmen": True}
    first = config["ziele"][1]["items"]
    assert [json.loads(v)["iri"] for v, _label in first][:1] == [ML + "handlungsfeld/1"]
    assert {json.loads(v)["iri"] for v, _label in first[1:]} == {
        ML + "massnahme/M-1-01",
        ML + "massnahme/M-1-02",
    }
    assert all(src.startswith("/static/") for src in doc.xpath("//script/@src"))
    # the QR code decodes to the link: segno writes the same modules for the same text
    assert segno.make(link, error="m").designator == segno.make(link, error="m").designator


def test_closed_event_or_missing_token_shows_no_form(
    musterland_store: GraphStore, event: dict[str, Any]
) -> None:
    closed = lxml_html.fromstring(
        take_part_page(musterland_store, {**event, "offen": False}, "abc", "http://x/", "de")
    )
    assert text(closed.xpath("//p[@id='closed']")[0]).startswith("Diese Veranstaltung ist geschlossen")
    assert closed.xpath("//script[@id='beteiligung-data']") == []
    missing = lxml_html.fromstring(take_part_page(musterland_store, event, "", "http://x/", "de"))
    assert missing.xpath("//p[@id='no-token']") and missing.xpath("//input[@name='token']")
    assert missing.xpath("//details[@id='qr']") == []


def test_events_page_lists_events_and_offers_the_forms(
    musterland_store: GraphStore, event: dict[str, Any]
) -> None:
    doc = lxml_html.fromstring(
        events_page([Choice("musterland-2021", musterland_store)], [event], {event["id"]: 5}, "de")
    )
    (row,) = doc.xpath("//table[@id='events']/tbody/tr")
    assert [text(c) for c in row.xpath("th|td")][1:] == [
        "2026-11-30",
        "Fachtag",
        "2026-11-30 09:00 – 2026-11-30 17:00",
        "offen",
        "5",
    ]
    assert row.xpath("th/a/@href") == ["/beteiligung/fachtag-2026-11-30"]
    felder = doc.xpath("//form[@id='new-event']//input[@name='felder']/@value")
    assert felder == ["1", "2", "3", "4"]
    assert doc.xpath("//form[@id='import-file']/@action") == ["/api/beteiligung/import"]
    for control in doc.xpath("//form//input[not(@type='checkbox')]"):
        assert doc.xpath(f"//label[@for='{control.get('id')}']"), control.get("name")
