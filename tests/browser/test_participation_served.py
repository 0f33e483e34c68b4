"""Participation with a server, as facilitator (1920×1080) and participant (390×844): open an event,
send each kind of input from the phone and from the graph, see the overlay, set a status; after the
event closed, writing is refused (403 in German); take in an offline file; payloads stay text."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, ViewportSize, expect

from rahmengraph.config import Settings
from tests.browser.conftest import LiveServer, PageLog, start_server
from tests.browser.test_accessibility import axe_source, axe_violations

__all__ = ["axe_source"]  # the fixture, used here too

pytestmark = pytest.mark.browser
PROJECTOR: ViewportSize = {"width": 1920, "height": 1080}
PHONE: ViewportSize = {"width": 390, "height": 844}
TOKEN = "moderation-geheim"
ML = "https://w3id.org/rahmengraph/musterland/"
PAYLOADS = ("<script>window.__xss = 1</script>", '<img src=x onerror="window.__xss = 2">')
OFFLINE = Path(__file__).parent.parent / "viz" / "cases" / "beteiligung" / "workshop-nord.beteiligung.json"


@pytest.fixture(scope="module")
def server(musterland_dir: Path) -> Iterator[str]:
    """A server of its own (participation writes into its store), with the update token."""
    settings = Settings(
        dataset=musterland_dir, store="oxigraph:memory", query_timeout=5.0, query_workers=1,
        allow_update=True, update_token=TOKEN,
    )  # fmt: skip
    live: LiveServer = start_server(settings)
    yield live.url
    live.server.should_exit = True
    live.thread.join(timeout=10)


def new_page(context: BrowserContext, size: ViewportSize) -> Page:
    page = context.new_page()
    page.set_viewport_size(size)
    return page


def open_event(page: Page, server: str, title: str) -> dict[str, str]:
    """The facilitator opens an event on /beteiligung; returns its links and access code."""
    page.goto(server + "/beteiligung")
    page.fill("#n-titel", title)
    page.fill("#n-datum", "2026-12-02")
    page.fill("#n-format", "Fachtag")
    page.check("#new-event input[name=felder][value='1']")
    page.check("#new-event input[name=felder][value='2']")
    page.fill("#n-beginn", "2026-01-01T09:00")
    page.fill("#n-ende", "2099-12-31T17:00")
    page.fill("#n-token", TOKEN)
    page.click("#new-event button[type=submit]")
    page.wait_for_selector("#new-token")
    return {
        "token": page.text_content("#new-token") or "",
        "page": page.get_attribute("#new-event-page", "href") or "",
        "phone": page.get_attribute("#new-event-link", "href") or "",
        "graph": page.get_attribute("#new-event-graph", "href") or "",
    }


def send(page: Page, target: str, art: str, text: str, **proposal: str) -> str:
    """Fill the phone form and send; returns the status line."""
    page.select_option("#mitmachen select[name=ziel]", label=target)
    page.check(f"#mitmachen input[name=art][value={art}]")
    if proposal:
        page.fill("#mitmachen .vorschlag input[type=text] >> nth=0", proposal["titel"])
        page.locator("#mitmachen .zielgruppen label").get_by_text(proposal["gruppe"], exact=True).click()
        page.select_option("#mitmachen .vorschlag select", label=proposal["ebene"])
        page.fill("#mitmachen .vorschlag input[list]", proposal["lead"])
    page.fill("#mitmachen textarea", text)
    status = page.locator("#mitmachen .beitrag-status")
    page.click("#mitmachen button[type=submit]")
    expect(status).to_have_text(re.compile(r"^(Danke|Fehler)"))
    return status.text_content() or ""


def test_event_from_opening_to_closing(
    browser_context: BrowserContext, browser_page: PageLog, server: str, screens: Path, axe_source: str
) -> None:
    desk = browser_page.page
    desk.set_viewport_size(PROJECTOR)
    event = open_event(desk, server, "Fachtag <b>Nord</b>")
    assert event["phone"].startswith(server + "/beteiligung/") and "token=" in event["phone"]
    desk.screenshot(path=str(screens / "beteiligung-eroeffnet-1920.png"), full_page=True)

    # participants on their phones: every kind of input
    phone = new_page(browser_context, PHONE)
    phone_errors: list[str] = []
    phone.on("pageerror", lambda exc: phone_errors.append(str(exc)))
    phone.goto(event["phone"])
    phone.wait_for_selector("#mitmachen[data-ready='1']")
    assert phone.locator(".privacy").text_content() == (
        "Datenschutz: Es werden keine Namen und keine IP-Adressen gespeichert."
    )
    thanks = "Danke! Ihr Beitrag ist angekommen."
    assert send(phone, "M-1-02 Kita-Sprachförderung", "kommentar", PAYLOADS[0]) == thanks
    assert send(phone, "M-1-02 Kita-Sprachförderung", "frage", PAYLOADS[1]) == thanks
    assert send(phone, "2 Arbeit (insgesamt)", "luecke", "Ältere Frauen werden nicht erreicht") == thanks
    assert send(
        phone, "Rahmen insgesamt", "vorschlag", "Beratung im Quartier", titel="Mobile Beratung <i>",
        gruppe="Frauen", ebene="Stadt Nord", lead="Ministerium für Bildung",
    ) == thanks  # fmt: skip
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]  # nothing wider than the phone
    phone.click("#qr summary")
    assert phone.locator("#qr svg path").count() >= 1
    phone.screenshot(path=str(screens / "beteiligung-handy-390.png"), full_page=True)
    assert axe_violations(PageLog(phone), axe_source) == []

    # the facilitator on the projector: capture on the graph, then the overlay
    desk.goto(server + event["graph"])
    desk.wait_for_selector("body[data-ready='1']")
    expect(desk.locator("#beteiligung-modus")).to_contain_text("Verbunden")
    desk.fill("#search", "M-1-01")
    desk.press("#search", "Enter")
    desk.click("#details button.beitrag")
    desk.fill("#beitrag-dialog textarea", "Vom Beamer erfasst")
    assert axe_violations(browser_page, axe_source) == []  # the open dialog
    desk.click("#beitrag-dialog button[type=submit]")
    expect(desk.locator("#beitrag-dialog .beitrag-status")).to_have_text(re.compile("^Danke"))
    desk.keyboard.press("Escape")
    desk.click("#stimmen")
    desk.wait_for_selector("body[data-stimmen='5']")
    # the proposal on the framework as a whole counts on the framework's own node
    expect(desk.locator("#stimmen-liste")).to_contain_text("Rahmen insgesamt: 1 Vorschlag")
    desk.fill("#search", "M-1-02")
    desk.press("#search", "Enter")
    assert (
        desk.text_content("#details .stimmen-detail") == "Stimmen aus der Beteiligung: 1 Kommentar, 1 Frage"
    )
    desk.screenshot(path=str(screens / "beteiligung-overlay-1920.png"))
    counts = json.loads(desk.evaluate("fetch('/api/beteiligung/zaehlung').then(r => r.text())"))
    assert (
        counts[ML + "massnahme/M-1-02"]["kommentar"] == 1
        and counts[ML + "massnahme/M-1-01"]["kommentar"] == 1
        and counts[ML + "rahmenkonzept"]["vorschlag"] == 1
    )

    # the event page: grouped, counted, payloads as text; a status set with the update token
    desk.goto(server + event["page"])
    titles = desk.locator("section.field-input h3").all_text_contents()
    assert titles == ["Rahmen insgesamt", "1 Sprache", "2 Arbeit"]
    assert desk.text_content("#event-count") == "5"
    page_text = desk.text_content("main") or ""
    assert PAYLOADS[0] in page_text and PAYLOADS[1] in page_text and "Mobile Beratung <i>" in page_text
    desk.fill("#t-token", TOKEN)
    entry = desk.locator("li.entry", has_text="Ältere Frauen")
    entry.locator("summary").click()
    entry.locator("select[name=status]").select_option("aufgenommen")
    entry.locator("button[type=submit]").click()
    desk.wait_for_selector("li.entry[data-status=aufgenommen]")
    assert entry.locator(".status").text_content() == "aufgenommen"
    desk.screenshot(path=str(screens / "beteiligung-veranstaltung-1920.png"), full_page=True)
    assert axe_violations(browser_page, axe_source) == []

    # the facilitator closes the event now; the phone (still open) is refused in German
    desk.click("#close-event")
    expect(desk.locator("#event-state")).to_have_text("geschlossen")
    assert desk.is_disabled("#close-event")
    refused = send(phone, "M-1-02 Kita-Sprachförderung", "kommentar", "Nach dem Schließen")
    assert refused.startswith("Fehler 403: ") and "geschlossen" in refused
    for page in (desk, phone):
        assert page.evaluate("window.__xss") is None
    assert phone_errors == []
    phone.close()
    browser_page.assert_clean()


def test_writing_after_the_event_closed_is_refused_in_german(
    browser_context: BrowserContext, browser_page: PageLog, server: str, screens: Path
) -> None:
    """An event closes at the end of its window: the open phone page is refused (403, German),
    a fresh load says the event is closed and shows no form."""
    desk = browser_page.page
    desk.goto(server + "/beteiligung")
    start, end = datetime.now(UTC) - timedelta(minutes=1), datetime.now(UTC) + timedelta(seconds=6)
    body = {
        "titel": "Kurzer Workshop",
        "datum": "2026-12-02",
        "beginn": start.isoformat(),
        "ende": end.isoformat(),
    }
    opened = desk.evaluate(
        """([body, token]) => fetch('/api/beteiligung/veranstaltungen', {method: 'POST',
             headers: {'Content-Type': 'application/json', Authorization: 'Bearer ' + token},
             body: JSON.stringify(body)}).then(r => r.json())""",
        [body, TOKEN],
    )
    phone = new_page(browser_context, PHONE)
    phone.goto(opened["link"])
    phone.wait_for_selector("#mitmachen[data-ready='1']")
    assert (
        send(phone, "Rahmen insgesamt", "kommentar", "Noch rechtzeitig")
        == "Danke! Ihr Beitrag ist angekommen."
    )
    time.sleep(max(0.0, (end - datetime.now(UTC)).total_seconds()) + 1)
    refused = send(phone, "Rahmen insgesamt", "kommentar", "Zu spät")
    assert refused.startswith("Fehler 403: ") and "geschlossen" in refused
    phone.screenshot(path=str(screens / "beteiligung-handy-geschlossen-390.png"), full_page=True)
    phone.reload()
    assert (phone.text_content("#closed") or "").startswith("Diese Veranstaltung ist geschlossen")
    assert phone.locator("#mitmachen").count() == 0
    phone.close()
    browser_page.assert_clean()


def test_offline_file_is_taken_in_once(browser_page: PageLog, server: str) -> None:
    desk = browser_page.page
    desk.set_viewport_size(PROJECTOR)
    desk.goto(server + "/beteiligung")
    doc = json.loads(OFFLINE.read_text(encoding="utf-8"))
    for expected in (f"{len(doc['beitraege'])} neue Beiträge übernommen, 0 waren schon da",
                     f"0 neue Beiträge übernommen, {len(doc['beitraege'])} waren schon da"):  # fmt: skip
        desk.set_input_files("#i-datei", str(OFFLINE))
        desk.fill("#i-token", TOKEN)
        desk.click("#import-file button[type=submit]")
        desk.wait_for_selector("#import-result p")
        assert (desk.text_content("#import-result p") or "").startswith(expected)
    desk.click("#import-event")
    assert desk.text_content("h1") == doc["veranstaltung"]["titel"]
    assert desk.text_content("#event-count") == str(len(doc["beitraege"]))
    assert desk.locator("li.entry img").count() == 0
    assert desk.evaluate("window.__xss") is None
    # a wrong token is refused with the server's German message
    desk.goto(server + "/beteiligung")
    desk.set_input_files("#i-datei", str(OFFLINE))
    desk.fill("#i-token", "falsch")
    desk.click("#import-file button[type=submit]")
    desk.wait_for_selector("#import-result p.error")
    assert (desk.text_content("#import-result p.error") or "").startswith("Fehler 401: ")
    browser_page.errors.clear()  # the browser logs the refused request itself
    assert browser_page.foreign == [] and browser_page.dialogs == []


def test_the_overlay_shows_the_servers_count_on_a_gap_cell(browser_page: PageLog, server: str) -> None:
    """A gap confirmed through the API counts on its cell of the Lücken matrix (key "<row> <column>")."""
    desk = browser_page.page
    desk.set_viewport_size(PROJECTOR)
    desk.goto(server + "/beteiligung")
    moment = datetime.now(UTC)
    start, end = moment - timedelta(hours=1), moment + timedelta(hours=2)
    body = {"titel": "Lücken", "datum": "2026-12-02", "beginn": start.isoformat(), "ende": end.isoformat()}
    opened = desk.evaluate(
        """([body, token]) => fetch('/api/beteiligung/veranstaltungen', {method: 'POST',
             headers: {'Content-Type': 'application/json', Authorization: 'Bearer ' + token},
             body: JSON.stringify(body)}).then(r => r.json())""",
        [body, TOKEN],
    )
    row, column = ML + "zielgruppe/frauen", ML + "handlungsfeld/2"  # rows: target groups
    gap = {"id": "5d1c0c1e-0000-4000-8000-000000000001", "art": "luecke", "text": "Gibt es wirklich",
           "ziel": {"luecke": {"zeile": row, "spalte": column, "ansicht": "luecken"}}}  # fmt: skip
    status = desk.evaluate(
        """([id, token, gap]) => fetch('/api/beteiligung/veranstaltungen/' + id + '/beitraege', {
             method: 'POST', headers: {'Content-Type': 'application/json', 'X-Beteiligung-Token': token},
             body: JSON.stringify(gap)}).then(r => r.status)""",
        [opened["id"], opened["token"], gap],
    )
    assert status == 201
    desk.goto(f"{server}/viz/luecken#beteiligung={opened['id']}&token={opened['token']}")
    desk.wait_for_selector("body[data-ready='1']")
    expect(desk.locator("#beteiligung-modus")).to_contain_text("Verbunden")
    desk.click("#stimmen")
    cell = desk.locator(f"#matrix-zielgruppe button[data-zeile='{row}'][data-spalte='{column}']")
    expect(cell.locator(".stimmen")).to_have_text("1")
    assert (cell.get_attribute("aria-label") or "").endswith("Stimmen: 1 Lückenbestätigung")
    assert desk.locator("#matrices .stimmen").count() == 1
    browser_page.assert_clean()
