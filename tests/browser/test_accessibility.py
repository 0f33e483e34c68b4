"""Every page of the web interface passes axe-core's WCAG 2.1 A/AA rules (BITV 2.0) in Chromium.

axe-core is the npm package of ``package.json`` (``npm ci``), injected into the page from
``node_modules`` through the DevTools protocol (the pages' CSP forbids inline scripts): no CDN, no
request leaves the server.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from rahmengraph.viz.views import VIEWS

if TYPE_CHECKING:
    from tests.browser.conftest import PageLog

pytestmark = pytest.mark.browser

TIMEOUT_MS = 20_000
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: Page → the selector that shows it is drawn (scripts done).
PAGES: dict[str, str] = {
    "/": "main",
    "/fragen": "main",
    "/fragen/massnahmen-handlungsfeld": "form.question",
    "/browse": "main",
    "/analysen": "main",
    "/analysen/gaps": "main",
    "/ontologie": "main",
    "/suche?q=Bildung": "main",
    "/graphen": "main",
    "/beteiligung": "main",
    **{f"/viz/{name}": "body[data-ready='1']" for name in VIEWS},
    "/sparql-editor": ".yasqe .CodeMirror",
}


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.skip(f"{AXE} fehlt (npm ci im Projektordner ausführen)")
    return AXE.read_text(encoding="utf-8")


def axe_violations(log: PageLog, axe_source: str) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.1 A/AA violations of the page as it is now (rule id, impact, nodes)."""
    if not log.page.evaluate("typeof window.axe !== 'undefined'"):
        log.page.evaluate("() => {\n" + axe_source + "\n}")  # CDP: no script tag, so CSP allows it
    result: dict[str, Any] = log.page.evaluate(
        "tags => axe.run(document, { runOnly: { type: 'tag', values: tags } })", WCAG_TAGS
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in result["violations"]
    ]


@pytest.mark.parametrize("path", list(PAGES))
def test_page_has_no_wcag_violations(
    browser_page: PageLog, live_server: str, axe_source: str, path: str
) -> None:
    page = browser_page.page
    page.goto(f"{live_server}{path}")
    page.wait_for_selector(PAGES[path], timeout=TIMEOUT_MS)
    assert axe_violations(browser_page, axe_source) == []
    browser_page.assert_clean()


def test_editor_with_answer_and_error_has_no_wcag_violations(
    browser_page: PageLog, live_server: str, axe_source: str
) -> None:
    """The editor after a query (result table and its controls) and after a refused one."""
    page = browser_page.page
    page.goto(f"{live_server}/sparql-editor")
    page.wait_for_selector(".yasqe .CodeMirror", timeout=TIMEOUT_MS)
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table tbody tr", timeout=TIMEOUT_MS)
    assert axe_violations(browser_page, axe_source) == []
    page.evaluate("void window.rahmengraphYasgui.getTab().setQuery('SELECT * WHERE { ?s ?p }')")
    page.click(".yasqe_queryButton")
    page.wait_for_selector("#sparql-error", timeout=TIMEOUT_MS)
    assert axe_violations(browser_page, axe_source) == []
