"""``/bericht`` in headless Chromium: the page loads clean, a new period updates the downloads, and
the PDF and DOCX links download files."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.browser.conftest import PageLog

pytestmark = pytest.mark.browser


def test_report_page_period_and_downloads(browser_page: PageLog, live_server: str) -> None:
    page = browser_page.page
    page.goto(f"{live_server}/bericht?von=2020&bis=2026&stand=2026-01-15")
    assert page.locator("h1").inner_text() == "Umsetzungsbericht (Entwurf)"
    assert page.locator("#status-counts th").count() >= 3
    page.fill("#b-von", "2024")
    page.click("#bericht-form button[type=submit]")
    page.wait_for_url("**/bericht?von=2024*")
    link = page.locator("#downloads a[href*='format=pdf']").first
    assert "von=2024" in (link.get_attribute("href") or "")
    with page.expect_download() as info:
        page.locator("#downloads a[href*='format=docx']").first.click()
    download = info.value
    assert download.suggested_filename == "umsetzungsbericht-2024-2026.docx"
    browser_page.assert_clean()
