"""The web interface in headless Chromium against a live server (Musterland): the SPARQL editor
runs a query and shows the table, a Fragen form returns rows and its CSV download parses, the
language switch works; no request leaves the server and the console stays free of errors."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode

import httpx
import pyoxigraph as ox
import pytest

from rahmengraph.model import namespaces

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.browser.conftest import PageLog

pytestmark = pytest.mark.browser

TIMEOUT_MS = 20_000
#: The graph view draws at most this many nodes (sparql-graph.js).
MAX_GRAPH_NODES = 500
FIELD_QUERY = f"CONSTRUCT {{ ?m <{namespaces.rg('field')}> ?f }} WHERE {{ ?m <{namespaces.rg('field')}> ?f }}"
ALL_QUERY = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
XSS = "<img src=x onerror=alert(1)>"
XSS_QUERY = f'CONSTRUCT {{ <urn:x> <urn:p> ?o }} WHERE {{ BIND("{XSS}" AS ?o) }}'


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


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SELECT * WHERE { ?s ?p }", ["SPARQL-Syntaxfehler", "1:25"]),
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", ["SERVICE"]),
    ],
)
def test_sparql_editor_shows_server_error_in_german(
    browser_page: PageLog, live_server: str, query: str, expected: list[str]
) -> None:
    """A refused query shows the server's German message (with line:column), not an empty table."""
    page = browser_page.page
    page.goto(f"{live_server}/sparql-editor?{urlencode({'query': query})}")
    page.wait_for_selector(".yasqe .CodeMirror", timeout=TIMEOUT_MS)
    page.click(".yasqe_queryButton")
    page.wait_for_selector("#sparql-error", timeout=TIMEOUT_MS)
    shown = page.locator("#sparql-error").inner_text()
    assert shown.startswith("Der Server hat die Abfrage abgelehnt")
    assert all(part in shown for part in expected), shown
    assert page.locator(".yasr table tbody tr").count() == 0
    assert page.locator(".yasr_response_chip").inner_text() == ""  # no "Response in 0.02 seconds"
    # the only console entry is the browser's own note about the refused request
    assert all("status of 4" in e for e in browser_page.errors), browser_page.errors
    assert browser_page.foreign == []


def test_sparql_editor_controls_are_german(browser_page: PageLog, live_server: str) -> None:
    page = browser_page.page
    page.goto(f"{live_server}/sparql-editor")
    page.wait_for_selector(".yasqe .CodeMirror", timeout=TIMEOUT_MS)
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table tbody tr", timeout=TIMEOUT_MS)
    assert page.locator(".yasr .select_table").inner_text().strip() == "Tabelle"
    assert page.locator(".yasr .select_response").inner_text().strip() == "Antwort"
    assert "Ergebnisse in" in page.locator(".yasr_response_chip").inner_text()
    assert page.locator(".tableSizer").get_attribute("aria-label") == "Zeilen je Seite"
    assert page.locator(".dt-info").first.inner_text().startswith("Zeilen 1 bis")
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
    table = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig")), delimiter=";"))
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


def _expected_graph(live_server: str, query: str) -> tuple[int, int]:
    """(nodes, statements) of a CONSTRUCT answer fetched as N-Triples: one node per IRI or blank
    node, one per literal object (a literal is its own node for each statement)."""
    response = httpx.post(
        f"{live_server}/sparql", data={"query": query}, headers={"Accept": "application/n-triples"}
    )
    assert response.status_code == 200, response.text[:300]
    triples = list(ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES))
    resources = {t.subject for t in triples} | {
        t.object for t in triples if not isinstance(t.object, ox.Literal)
    }
    literals = sum(isinstance(t.object, ox.Literal) for t in triples)
    return len(resources) + literals, len(triples)


def _run_and_show_graph(page: Page, live_server: str, query: str) -> None:
    page.goto(f"{live_server}/sparql-editor?{urlencode({'query': query})}")
    page.wait_for_selector(".yasqe .CodeMirror", timeout=TIMEOUT_MS)
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr .select_graph:not(.disabled)", timeout=TIMEOUT_MS)
    page.focus(".yasr .select_graph")  # keyboard: the view switch is a button
    page.keyboard.press("Enter")
    page.wait_for_selector("#sparql-graph-canvas canvas", timeout=TIMEOUT_MS)


@pytest.mark.parametrize("query", [FIELD_QUERY, ALL_QUERY], ids=["fields", "everything"])
def test_sparql_editor_shows_construct_as_graph(browser_page: PageLog, live_server: str, query: str) -> None:
    nodes, statements = _expected_graph(live_server, query)
    assert statements > 0
    page = browser_page.page
    _run_and_show_graph(page, live_server, query)
    box = page.locator("#sparql-graph-canvas")
    assert box.get_attribute("data-total-nodes") == str(nodes)
    assert box.get_attribute("data-nodes") == str(min(nodes, MAX_GRAPH_NODES))
    note = page.locator("#sparql-graph-note")
    if nodes > MAX_GRAPH_NODES:
        assert note.is_visible() and str(MAX_GRAPH_NODES) in note.inner_text()
    else:
        assert note.count() == 0
        assert box.get_attribute("data-edges") == str(statements)
    assert (
        page.locator("#sparql-graph-summary").inner_text().startswith(box.get_attribute("data-nodes") or "-")
    )
    browser_page.assert_clean()


def test_sparql_editor_graph_off_for_plain_select(browser_page: PageLog, live_server: str) -> None:
    page = browser_page.page
    page.goto(f"{live_server}/sparql-editor")
    page.wait_for_selector(".yasqe .CodeMirror", timeout=TIMEOUT_MS)
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table tbody tr", timeout=TIMEOUT_MS)
    assert "disabled" in (page.locator(".yasr .select_graph").get_attribute("class") or "")
    # ?s ?p ?o bindings of a SELECT are a graph
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 20"
    page.evaluate("q => { window.rahmengraphYasgui.getTab().setQuery(q); }", query)
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr .select_graph:not(.disabled)", timeout=TIMEOUT_MS)
    page.click(".yasr .select_graph")
    page.wait_for_selector("#sparql-graph-canvas canvas", timeout=TIMEOUT_MS)
    assert page.locator("#sparql-graph-canvas").get_attribute("data-edges") == "20"
    browser_page.assert_clean()


def test_sparql_editor_graph_shows_markup_as_text(browser_page: PageLog, live_server: str) -> None:
    page = browser_page.page
    _run_and_show_graph(page, live_server, XSS_QUERY)
    assert page.locator("#sparql-graph-canvas").get_attribute("data-nodes") == "2"
    labels = page.evaluate(
        "window.rahmengraphYasgui.getTab().getYasr().plugins.graph.network.body.data.nodes.get()"
        ".map(n => n.label)"
    )
    assert sorted(labels) == sorted(["x", XSS])
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("#sparql-graph img").count() == 0
    browser_page.assert_clean()  # no alert dialog, no console error, nothing fetched from elsewhere
