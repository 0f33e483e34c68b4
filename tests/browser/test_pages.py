"""The web interface in headless Chromium against a live server (Musterland): the SPARQL editor
runs a query and shows the table, a Fragen form returns rows and its CSV download parses, the
language switch works; no request leaves the server and the console stays free of errors."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.browser.conftest import PageLog

pytestmark = pytest.mark.browser

TIMEOUT_MS = 20_000


def test_sparql_editor_runs_query_and_shows_table(browser_page: PageLog, live_server: str) -> None:
    page = browser_page.page
    page.goto(f"{live_server}/sparql-editor")
    page.wait_for_selector(".yasqe .CodeMirror", timeout=TIMEOUT_MS)
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table tbody tr", timeout=TIMEOUT_MS)
    assert page.locator(".yasr table tbody tr").count() > 0
    assert "query=" in page.url  # the query is kept in the address
    shared = page.url
    page.select_option("#example", "handlungsfelder-uebersicht")
    query = page.evaluate("window.rahmengraphYasgui.getTab().getQuery()")
    assert "title:" in query and page.url != shared
    browser_page.assert_clean()


def test_sparql_editor_opens_query_from_address(browser_page: PageLog, live_server: str) -> None:
    page = browser_page.page
    page.goto(f"{live_server}/sparql-editor?query=ASK+%7B+%3Fs+%3Fp+%3Fo+%7D")
    page.wait_for_selector(".yasqe .CodeMirror", timeout=TIMEOUT_MS)
    assert page.evaluate("window.rahmengraphYasgui.getTab().getQuery()") == "ASK { ?s ?p ?o }"
    browser_page.assert_clean()


def test_fragen_form_returns_rows_and_csv_parses(
    browser_page: PageLog, live_server: str, tmp_path: Path
) -> None:
    page = browser_page.page
    page.goto(f"{live_server}/fragen/massnahmen-handlungsfeld")
    select = page.locator("select[name='field']")
    first = select.locator("option").nth(1).get_attribute("value")
    assert first
    select.select_option(first)
    page.click("form.question button[type='submit']")
    page.wait_for_selector("#answer tbody tr", timeout=TIMEOUT_MS)
    rows = page.locator("#answer tbody tr").count()
    header = [h.strip() for h in page.locator("#answer thead th").all_inner_texts()]
    # sorting by a column header keeps every row
    page.locator("#answer thead th button").first.click()
    assert page.locator("#answer thead th").first.get_attribute("aria-sort") == "ascending"
    assert page.locator("#answer tbody tr").count() == rows
    with page.expect_download() as info:
        page.click("#download-csv")
    target = tmp_path / "antwort.csv"
    info.value.save_as(target)
    table = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert [h.strip() for h in table[0]] == [h.replace(" ▲", "") for h in header]
    assert len(table) - 1 == rows
    browser_page.assert_clean()


def test_language_switch(browser_page: PageLog, live_server: str) -> None:
    page = browser_page.page
    page.goto(f"{live_server}/")
    assert page.locator("html").get_attribute("lang") == "de"
    german = page.locator("h1").inner_text()
    page.click("#lang-switch")
    page.wait_for_url("**lang=en**", timeout=TIMEOUT_MS)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() != german
    page.click("header nav a[href^='/fragen']")
    assert page.locator("html").get_attribute("lang") == "en"
    page.click("#lang-switch")
    assert page.locator("html").get_attribute("lang") == "de"
    browser_page.assert_clean()


def test_keyboard_reaches_skip_link_and_search(browser_page: PageLog, live_server: str) -> None:
    page = browser_page.page
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{live_server}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.focus("#start-q")
    page.keyboard.type("Ressort")
    page.keyboard.press("Enter")
    page.wait_for_url("**/suche?**", timeout=TIMEOUT_MS)
    assert page.locator("table tbody tr").count() > 0
    browser_page.assert_clean()
