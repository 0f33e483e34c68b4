"""Participation on a server with two frameworks (``serve -d musterland -d hansestadt``), as the
facilitator (1920×1080) and a participant (390×844): the event is opened for the framework chosen,
with that framework's Handlungsfelder, and the phone offers only that framework's nodes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

from rahmengraph.config import Settings
from tests.browser.conftest import LiveServer, PageLog, start_server
from tests.browser.test_participation_served import PHONE, PROJECTOR, TOKEN, new_page, send

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(musterland_dir: Path, hansestadt_dir: Path) -> Iterator[str]:
    settings = Settings(
        dataset=musterland_dir, extra_datasets=[hansestadt_dir], store="oxigraph:memory", query_timeout=5.0,
        query_workers=1, allow_update=True, update_token=TOKEN,
    )  # fmt: skip
    live: LiveServer = start_server(settings)
    yield live.url
    live.server.should_exit = True
    live.thread.join(timeout=10)


def test_an_event_is_opened_for_the_chosen_framework(
    browser_context: BrowserContext, browser_page: PageLog, server: str
) -> None:
    desk = browser_page.page
    desk.set_viewport_size(PROJECTOR)
    desk.goto(server + "/beteiligung")
    land, north = "fieldset[data-rahmen='musterland-2021']", "fieldset[data-rahmen='nordhafen-2017']"
    expect(desk.locator(north)).to_be_hidden()  # the first framework is chosen at first
    desk.check(f"{land} input[value='1']")  # chosen, then the framework changes: not sent
    desk.select_option("#n-rahmen", "nordhafen-2017")
    expect(desk.locator(land)).to_be_hidden()
    desk.check(f"{north} input[value='2']")
    desk.fill("#n-titel", "Stadtteilforum")
    desk.fill("#n-datum", "2026-12-02")
    desk.fill("#n-beginn", "2026-01-01T09:00")
    desk.fill("#n-ende", "2099-12-31T17:00")
    desk.fill("#n-token", TOKEN)
    desk.click("#new-event button[type=submit]")
    desk.wait_for_selector("#new-token")
    phone_link = desk.get_attribute("#new-event-link", "href") or ""
    event_id = phone_link.split("/beteiligung/")[1].split("/")[0]
    shown = desk.evaluate(f"fetch('/api/beteiligung/veranstaltungen/{event_id}').then(r => r.json())")
    assert (shown["rahmen"], shown["felder"]) == (
        "nordhafen-2017",
        ["https://w3id.org/rahmengraph/nordhafen/handlungsfeld/2"],
    )

    phone = new_page(browser_context, PHONE)
    phone.goto(phone_link)
    phone.wait_for_selector("#mitmachen[data-ready='1']")
    options = phone.locator("#mitmachen select[name=ziel] option").all_text_contents()
    assert "H-1-01 Sprachförderung in Kitas" not in options  # field 1 is not the event's
    assert not any(o.startswith("M-") for o in options)  # nothing of the other framework
    assert send(phone, "Rahmen insgesamt", "kommentar", "Gut, dass es das gibt") == (
        "Danke! Ihr Beitrag ist angekommen."
    )
    stored = desk.evaluate(f"fetch('/api/beteiligung/veranstaltungen/{event_id}').then(r => r.json())")
    assert [b["ziel"] for b in stored["beitraege"]] == [
        {"iri": "https://w3id.org/rahmengraph/nordhafen/rahmenkonzept"}
    ]
    phone.close()
    browser_page.assert_clean()
