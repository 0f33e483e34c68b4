"""/docs in Chromium with every request to another host refused: Swagger UI loads from this server
and lists the API's operations."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Route

    from tests.browser.conftest import PageLog

pytestmark = pytest.mark.browser

TIMEOUT_MS = 20_000


def test_docs_show_operations_offline(browser_page: PageLog, live_server: str) -> None:
    page = browser_page.page
    blocked: list[str] = []

    def only_local(route: Route) -> None:
        if route.request.url.startswith(live_server):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.goto(f"{live_server}/docs")
    page.wait_for_selector(".opblock", timeout=TIMEOUT_MS)
    summaries = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/sparql" in summaries and "/api/massnahmen" in summaries
    assert len(summaries) >= 40
    page.locator(".opblock-summary", has_text="/download/{name}").first.click()
    page.wait_for_selector(".responses-table", timeout=TIMEOUT_MS)
    assert "text/turtle" in page.locator(".opblock.is-open").first.inner_text()
    assert blocked == []
    browser_page.assert_clean()
