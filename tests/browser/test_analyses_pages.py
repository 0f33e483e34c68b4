"""Analysis pages in headless Chromium against a live server (Musterland): every page loads with no
console error and no request leaving the server; sorting a numeric column orders its rows."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from rahmengraph.model.analysis import ANALYSES

if TYPE_CHECKING:
    from tests.browser.conftest import PageLog

pytestmark = pytest.mark.browser

TIMEOUT_MS = 20_000


@pytest.mark.parametrize(
    "path", ["/analysen", *(f"/analysen/{n}" for n in ANALYSES), "/analysen/gaps?lang=en"]
)
def test_page_loads_clean(browser_page: PageLog, live_server: str, path: str) -> None:
    page = browser_page.page
    page.goto(f"{live_server}{path}")
    page.wait_for_load_state("load")
    assert page.locator("h1").count() == 1
    if path != "/analysen":
        # tables.js turned every header of the sortable tables into a button
        page.wait_for_selector("table.sortable thead th button.sort", timeout=TIMEOUT_MS)
    browser_page.assert_clean()


def test_sorting_a_column(browser_page: PageLog, live_server: str) -> None:
    page = browser_page.page
    page.goto(f"{live_server}/analysen/gaps")
    table = page.locator("table.sortable[data-table='coverage']")
    headers = [h.strip() for h in table.locator("thead th").all_inner_texts()]
    column = headers.index("leer")
    cells = table.locator(f"tbody tr td:nth-child({column + 1})")
    before = [int(x) for x in cells.all_inner_texts()]
    assert len(set(before)) > 1, "the test needs different weights"
    button = table.locator("thead th button.sort").nth(column)
    button.click()
    assert table.locator("thead th").nth(column).get_attribute("aria-sort") == "ascending"
    ascending = [int(x) for x in cells.all_inner_texts()]
    assert ascending == sorted(before)
    button.click()
    assert table.locator("thead th").nth(column).get_attribute("aria-sort") == "descending"
    assert [int(x) for x in cells.all_inner_texts()] == sorted(before, reverse=True)
    browser_page.assert_clean()


def test_heatmap_cell_leads_to_its_measures(browser_page: PageLog, live_server: str) -> None:
    page = browser_page.page
    page.goto(f"{live_server}/analysen/matrix")
    first = page.locator("table.heat td.num:not(.empty) a").first
    target = (first.get_attribute("href") or "").lstrip("#")
    first.click()
    row = page.locator(f"tr[id='{target}']")
    assert row.is_visible()
    assert row.locator("a[href*='/massnahme/']").count() == int(first.inner_text())
    assert page.locator("table.heat td.empty").first.inner_text().startswith("—")
    browser_page.assert_clean()
