"""Analysis pages in headless Chromium against a live server (Musterland, Bremen): every page loads
with no console error and no request leaving the server; sorting a numeric column orders its rows;
pages open collapsed and a summary number opens its section."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from rahmengraph.model.analysis import ANALYSES

if TYPE_CHECKING:
    from tests.browser.conftest import PageLog

pytestmark = pytest.mark.browser

TIMEOUT_MS = 20_000
#: Height of a Bremen analysis page with every section closed (it was 42,000–56,000 px open).
MAX_COLLAPSED_PX = 4_000


@pytest.fixture(scope="module")
def bremen_server(live_server_for: Callable[[Path], str], bremen_dir: Path) -> str:
    return live_server_for(bremen_dir)


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
        page.wait_for_selector("table.sortable thead th button.sort", state="attached", timeout=TIMEOUT_MS)
    browser_page.assert_clean()


def test_sorting_a_column(browser_page: PageLog, live_server: str) -> None:
    page = browser_page.page
    page.goto(f"{live_server}/analysen/gaps")
    page.locator("details#t-coverage > summary").click()
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
    page.locator("details#t-matrix > summary").click()
    first = page.locator("table.heat td.num:not(.empty) a").first
    target = (first.get_attribute("href") or "").lstrip("#")
    first.click()
    row = page.locator(f"tr[id='{target}']")
    assert row.is_visible()
    assert row.locator("a[href*='/massnahme/']").count() == int(first.inner_text())
    assert page.locator("table.heat td.empty").first.inner_text().startswith("—")
    browser_page.assert_clean()


@pytest.mark.parametrize("name", ["gaps", "matrix", "abhaengigkeiten"])
def test_page_opens_collapsed_and_a_number_opens_its_section(
    browser_page: PageLog, bremen_server: str, name: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Bremen at 1920×1080: summary first, filters and sections closed (the page is short), a
    summary number's link opens its section; a screenshot is kept beside the graph views'."""
    page = browser_page.page
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{bremen_server}/analysen/{name}")
    page.wait_for_load_state("load")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < MAX_COLLAPSED_PX, height
    assert page.locator("#summary").is_visible()
    assert not page.locator("#analysis-form").is_visible()
    folder = tmp_path_factory.getbasetemp() / "screens"
    folder.mkdir(exist_ok=True)
    page.screenshot(path=str(folder / f"analyse-{name}.png"), full_page=True)
    link = page.locator("#summary dt a").first
    section = (link.get_attribute("href") or "").lstrip("#")
    assert not page.locator(f"details#{section}").evaluate("d => d.open")
    link.click()
    page.wait_for_function(f"document.getElementById('{section}').open")
    assert page.locator(f"details#{section} table").first.is_visible()
    page.locator("details#filters > summary").click()
    assert page.locator("#analysis-form").is_visible()
    browser_page.assert_clean()
