"""The graph pages in headless Chromium: load cleanly and offline, controls work, payloads stay text."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from rahmengraph.model.filters import Filters
from rahmengraph.model.loader import load
from rahmengraph.model.store import GraphStore
from rahmengraph.model.stores.oxigraph import OxigraphStore
from rahmengraph.viz.graph_file import write_view
from rahmengraph.viz.views import VIEWS
from tests.browser.conftest import PageLog

pytestmark = pytest.mark.browser
XSS_DIR = Path(__file__).parent.parent / "viz" / "cases" / "xss"
XSS_NAME = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory, musterland_store: GraphStore) -> Callable[..., Path]:
    """Factory: a written standalone file of a view (cached per arguments)."""
    folder = tmp_path_factory.mktemp("graphs")
    xss = OxigraphStore()
    load(xss, XSS_DIR)
    stores = {"musterland": musterland_store, "xss": xss}
    cache: dict[tuple[str, str, str], Path] = {}

    def make(view: str, dataset: str = "musterland", **options: str) -> Path:
        key = (view, dataset, json.dumps(options, sort_keys=True))
        if key not in cache:
            path = folder / f"{dataset}-{view}-{len(cache)}.html"
            cache[key] = write_view(stores[dataset], view, Filters(), options, path)
        return cache[key]

    return make


def open_file(log: PageLog, path: Path, fragment: str = "") -> None:
    log.page.goto(path.as_uri() + fragment)
    log.page.wait_for_selector("body[data-ready='1']")


def visible(log: PageLog) -> int:
    return int(log.page.get_attribute("body", "data-visible") or "-1")


def data_of(log: PageLog) -> dict[str, Any]:
    result: dict[str, Any] = log.page.evaluate("window.RGPage.data")
    return result


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_view_loads_offline_without_errors(
    browser_page: PageLog, written: Callable[..., Path], view: str
) -> None:
    open_file(browser_page, written(view))
    assert browser_page.errors == []
    assert browser_page.foreign == []
    assert visible(browser_page) > 0
    assert browser_page.page.locator("#legend li").count() > 0


def test_table_twin_lists_the_same_nodes(browser_page: PageLog, written: Callable[..., Path]) -> None:
    open_file(browser_page, written("gesamtbild"))
    names = browser_page.page.locator("#twin-nodes tbody th").all_text_contents()
    assert sorted(names) == sorted(n["label"] for n in data_of(browser_page)["nodes"])
    header = browser_page.page.locator("#twin-nodes thead button").first
    header.focus()
    browser_page.page.keyboard.press("Enter")
    first = browser_page.page.locator("#twin-nodes tbody th").first.text_content()
    assert first == max(names, key=lambda s: s.casefold()) or first == sorted(names, key=str.casefold)[-1]


def test_filter_changes_what_is_shown_and_the_url(
    browser_page: PageLog, written: Callable[..., Path]
) -> None:
    path = written("gesamtbild")
    open_file(browser_page, path)
    before = visible(browser_page)
    browser_page.page.select_option("#filter-field", ["2"])
    after = visible(browser_page)
    assert 0 < after < before
    assert browser_page.page.locator("#twin-nodes tbody tr").count() == after
    fragment = browser_page.page.evaluate("location.hash")
    assert "field=2" in fragment
    browser_page.page.goto("about:blank")
    open_file(browser_page, path, fragment)
    assert visible(browser_page) == after
    assert browser_page.errors == []


def test_focus_shows_the_neighbourhood(browser_page: PageLog, written: Callable[..., Path]) -> None:
    open_file(browser_page, written("gesamtbild"))
    before = visible(browser_page)
    browser_page.page.fill("#search", "M-1-02")
    browser_page.page.press("#search", "Enter")
    one = visible(browser_page)
    assert 1 < one < before
    browser_page.page.fill("#hops", "2")
    browser_page.page.dispatch_event("#hops", "change")
    assert one < visible(browser_page) <= before
    assert "fokus=measure%3AM-1-02" in browser_page.page.evaluate("location.hash")
    browser_page.page.click("#unfocus")
    assert visible(browser_page) == before


def test_xss_payload_is_shown_as_text(browser_page: PageLog, written: Callable[..., Path]) -> None:
    for view in ("gesamtbild", "luecken", "ressort-netz"):
        open_file(browser_page, written(view, "xss"))
    open_file(browser_page, written("gesamtbild", "xss"))
    browser_page.page.fill("#search", "M-1-01")
    browser_page.page.press("#search", "Enter")
    assert browser_page.page.locator("#details h3").text_content() == XSS_NAME
    assert XSS_NAME in browser_page.page.locator("#twin-nodes").text_content()
    assert browser_page.page.locator("img, svg").count() == 0
    assert browser_page.dialogs == []
    assert browser_page.errors == []


def test_presentation_steps_with_the_keyboard(browser_page: PageLog, written: Callable[..., Path]) -> None:
    open_file(browser_page, written("gesamtbild"))
    browser_page.page.click("#present")
    title = browser_page.page.locator("#step-title")
    first = title.text_content()
    assert first and first.startswith("1/")
    browser_page.page.keyboard.press("ArrowRight")
    second = title.text_content()
    assert second and second.startswith("2/")
    browser_page.page.keyboard.press("ArrowLeft")
    assert title.text_content() == first
    browser_page.page.keyboard.press("Escape")
    assert browser_page.page.locator("#presentation").is_hidden()


def test_heatmap_cell_lists_its_measures(browser_page: PageLog, written: Callable[..., Path]) -> None:
    open_file(browser_page, written("luecken"))
    cells = browser_page.page.locator("#matrix-ebene td.heat-1 button, #matrix-ebene td.heat-2 button")
    count = int(cells.first.text_content() or "0")
    cells.first.click()
    assert browser_page.page.locator("#details .cell-measures li").count() == count
    assert browser_page.page.locator("#matrix-ebene td.heat-0").count() > 0


def test_png_export(browser_page: PageLog, written: Callable[..., Path]) -> None:
    open_file(browser_page, written("ressort-netz"))
    with browser_page.page.expect_download() as download:
        browser_page.page.click("#png")
    assert download.value.suggested_filename == "ressort-netz.png"


def test_served_view_keeps_filters_in_the_query(browser_page: PageLog, live_server: str) -> None:
    pytest.importorskip("rahmengraph.api.app")
    browser_page.page.goto(f"{live_server}/viz/gesamtbild?field=1")
    browser_page.page.wait_for_selector("body[data-ready='1']")
    assert data_of(browser_page)["applied"] == {"field": ["1"]}
    level = browser_page.page.eval_on_selector("#filter-level option", "o => o.value")
    browser_page.page.select_option("#filter-level", [level])
    assert f"level={level}" in browser_page.page.evaluate("location.search")
    assert browser_page.errors == [] and browser_page.foreign == []
