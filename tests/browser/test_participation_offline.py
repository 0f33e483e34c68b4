"""Participation in a written workshop file (no server): capture on nodes, gaps and the framework,
collect in localStorage, export ``*.beteiligung.json`` in the contract's format, overlay counts;
participants' markup stays text."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import ViewportSize

from rahmengraph.model.filters import Filters
from rahmengraph.model.store import GraphStore
from rahmengraph.viz.graph_file import write_view
from tests.browser.conftest import PageLog

pytestmark = pytest.mark.browser
PROJECTOR: ViewportSize = {"width": 1920, "height": 1080}
PAYLOADS = ("<script>window.__xss = 1</script>", '<img src=x onerror="window.__xss = 2">')
UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
WHEN = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")
ARTEN = {"kommentar", "frage", "luecke", "vorschlag"}


def check_file(doc: dict[str, Any], nodes: set[str]) -> None:
    """The participation file of TEAM.md: its keys, kinds, targets (IRIs of the page's graph)."""
    assert doc["format"] == "rahmengraph-beteiligung" and doc["version"] == 1
    assert set(doc["veranstaltung"]) == {"id", "titel", "datum"}
    assert set(doc) <= {"format", "version", "veranstaltung", "ausgabe", "beitraege"}
    for b in doc["beitraege"]:
        assert set(b) <= {"id", "art", "ziel", "text", "gruppe", "name", "erstellt", "vorschlag"}
        assert UUID4.match(b["id"]) and WHEN.match(b["erstellt"]) and b["art"] in ARTEN
        assert isinstance(b["text"], str) and len(b["text"]) <= 2000
        ziel = b["ziel"]
        if "iri" in ziel:
            assert ziel["iri"] in nodes
        elif "luecke" in ziel:
            assert {ziel["luecke"]["zeile"], ziel["luecke"]["spalte"]} <= nodes and ziel["luecke"]["ansicht"]
        else:
            assert ziel == {"rahmen": True}
        assert ("vorschlag" in b) == (b["art"] == "vorschlag")


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, musterland_store: GraphStore) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("beteiligung")
    return {
        v: write_view(musterland_store, v, Filters(), {}, folder / f"{v}.html")
        for v in ("gesamtbild", "luecken")
    }


def open_file(log: PageLog, path: Path) -> None:
    log.page.goto(path.as_uri())
    log.page.wait_for_selector("body[data-ready='1']")
    log.page.wait_for_selector("#beteiligung", state="attached")


def stored(log: PageLog) -> dict[str, Any]:
    raw: str = log.page.evaluate(
        "Object.keys(localStorage).filter(k => k.startsWith('rahmengraph-beteiligung:'))"
        ".map(k => localStorage[k])[0]"
    )
    doc: dict[str, Any] = json.loads(raw)
    return doc


def submit(log: PageLog, art: str, text: str, **extra: str) -> None:
    """Fill the open dialog: kind, text (and proposal fields), save, close."""
    page = log.page
    page.check(f"#beitrag-dialog input[name=art][value={art}]")
    if art == "vorschlag":
        page.fill("#beitrag-dialog .vorschlag input[type=text] >> nth=0", extra["titel"])
        page.locator("#beitrag-dialog .zielgruppen label").get_by_text(
            extra["zielgruppe"], exact=True
        ).click()
        page.select_option("#beitrag-dialog .vorschlag select", label=extra["ebene"])
        page.fill("#beitrag-dialog .vorschlag input[list]", extra["lead"])
    page.fill("#beitrag-dialog textarea", text)
    page.fill("#beitrag-dialog input[id$=gruppe]", "Migrant:innenorganisation")
    page.click("#beitrag-dialog button[type=submit]")
    assert "Gespeichert in diesem Browser" in (page.text_content("#beitrag-dialog .beitrag-status") or "")
    page.keyboard.press("Escape")
    assert not page.locator("#beitrag-dialog").is_visible()


def test_offline_capture_of_every_kind_exports_the_contract_file(
    browser_page: PageLog, files: dict[str, Path], tmp_path: Path, screens: Path
) -> None:
    page = browser_page.page
    page.set_viewport_size(PROJECTOR)
    open_file(browser_page, files["gesamtbild"])
    page.evaluate("localStorage.clear()")
    open_file(browser_page, files["gesamtbild"])
    data = page.evaluate("RGPage.data")
    nodes = {n["iri"] for n in data["nodes"]} | {
        it[0] for k in ("zielgruppen", "ebenen", "akteure") for it in data["beteiligung"][k]
    }
    page.click("#panel-toggle")
    page.fill("#bt-titel", "Fachtag <b>Nord</b>")
    page.dispatch_event("#bt-titel", "change")
    # a node: a measure found by search; its details offer "Beitrag hierzu"
    page.fill("#search", "M-1-02")
    page.press("#search", "Enter")
    page.click("#details button.beitrag")
    assert page.locator("#beitrag-dialog .privacy").text_content() == (
        "Datenschutz: Es werden keine Namen und keine IP-Adressen gespeichert."
    )
    assert page.locator("#beitrag-dialog input[autocomplete=name]").count() == 0  # no name field
    submit(browser_page, "kommentar", PAYLOADS[0])
    page.click("#details button.beitrag")
    submit(browser_page, "frage", PAYLOADS[1])
    # the framework as a whole: a proposal for a new measure
    page.click("#beitrag-rahmen")
    submit(
        browser_page, "vorschlag", "Sprechstunde im Quartier", titel="Mobile Beratung <i>",
        zielgruppe="Frauen", ebene="Stadt Nord", lead="Ministerium für Bildung",
    )  # fmt: skip
    # a gap: an empty matrix cell in the Lücken file (same browser storage)
    open_file(browser_page, files["luecken"])
    page.click("#matrix-zielgruppe td.heat-0 button >> nth=0")
    page.click("#details button.beitrag")
    assert page.is_checked("#beitrag-dialog input[name=art][value=luecke]")  # a gap: "Lücke bestätigen"
    submit(browser_page, "luecke", "Erreicht niemanden in Stadt Nord")
    doc = stored(browser_page)
    check_file(doc, nodes)
    assert [b["art"] for b in doc["beitraege"]] == ["kommentar", "frage", "vorschlag", "luecke"]
    assert doc["veranstaltung"] == {"id": "fachtag-b-nord-b-" + doc["veranstaltung"]["datum"],
        "titel": "Fachtag <b>Nord</b>", "datum": doc["veranstaltung"]["datum"]}  # fmt: skip
    assert doc["ausgabe"] == "2023-06-30"
    assert [b["text"] for b in doc["beitraege"][:2]] == list(PAYLOADS)
    proposal = doc["beitraege"][2]
    assert proposal["ziel"] == {"rahmen": True}
    assert proposal["vorschlag"]["zielgruppen"] == [
        "https://w3id.org/rahmengraph/musterland/zielgruppe/frauen"
    ]
    assert proposal["vorschlag"]["ebene"].endswith("/ebene/stadt-nord")
    assert proposal["vorschlag"]["federfuehrung"].startswith("https://w3id.org/rahmengraph/musterland/")
    assert all(b["gruppe"] == "Migrant:innenorganisation" for b in doc["beitraege"])
    # the list shows the payloads as text
    if page.locator("#side").is_hidden():
        page.click("#panel-toggle")
    listed = page.locator("#sammlung-liste").text_content() or ""
    assert PAYLOADS[0] in listed and PAYLOADS[1] in listed
    # export: the downloaded file is the collection
    with page.expect_download() as download:
        page.click("#sammlung-export")
    assert download.value.suggested_filename == doc["veranstaltung"]["id"] + ".beteiligung.json"
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    assert json.loads(target.read_text(encoding="utf-8")) == doc
    # overlay: the gap cell counts one, the panel lists every target
    page.click("#stimmen")
    assert page.get_attribute("#stimmen", "aria-pressed") == "true"
    assert page.get_attribute("body", "data-stimmen") == "4"
    assert page.locator("#matrix-zielgruppe .stimmen").all_text_contents() == ["1"]
    page.screenshot(path=str(screens / "beteiligung-offline-luecken.png"))
    open_file(browser_page, files["gesamtbild"])
    page.click("#stimmen")
    page.fill("#search", "M-1-02")
    page.press("#search", "Enter")
    assert page.locator("#details .stimmen-detail").text_content() == (
        "Stimmen aus der Beteiligung: 1 Kommentar, 1 Frage"
    )
    page.screenshot(path=str(screens / "beteiligung-offline-gesamtbild.png"))
    assert page.evaluate("window.__xss") is None
    assert page.locator("#side img, #side script, #side b, #side i").count() == 0
    browser_page.assert_clean()


def test_removing_and_clearing_the_collection(browser_page: PageLog, files: dict[str, Path]) -> None:
    page = browser_page.page
    open_file(browser_page, files["gesamtbild"])
    page.evaluate("localStorage.clear()")
    open_file(browser_page, files["gesamtbild"])
    page.click("#panel-toggle")  # the section "Beteiligung" of the side panel
    for text in ("eins", "zwei"):
        page.click("#beitrag-rahmen")
        submit(browser_page, "kommentar", text)
    assert (page.text_content("#sammlung-zahl") or "").startswith("2 Beiträge")
    page.locator("#sammlung-liste li", has_text="eins").get_by_role("button").click()
    assert [b["text"] for b in stored(browser_page)["beitraege"]] == ["zwei"]
    page.click("#sammlung-leeren")
    assert stored(browser_page)["beitraege"] != []  # the first click only asks
    page.click("#sammlung-leeren")
    assert stored(browser_page)["beitraege"] == []
    assert page.is_disabled("#sammlung-export")
    browser_page.assert_clean()
