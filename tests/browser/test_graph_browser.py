"""The graph pages in headless Chromium: load cleanly and offline, controls work, payloads stay text."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import ViewportSize

from rahmengraph.model.filters import Filters
from rahmengraph.model.loading.writing import load
from rahmengraph.model.store import GraphStore
from rahmengraph.model.stores.oxigraph import OxigraphStore
from rahmengraph.viz.graph_file import write_view
from rahmengraph.viz.views import VIEWS
from tests.browser.conftest import PageLog

pytestmark = pytest.mark.browser
XSS_DIR = Path(__file__).parent.parent / "viz" / "cases" / "xss"
XSS_NAME = "<img src=x onerror=alert(1)>"
PROJECTOR: ViewportSize = {"width": 1280, "height": 720}
#: Least on-screen label size (px) at the default zoom for the kinds a room must read.
READABLE = {"field": 14.0, "actor": 14.0}
LABEL_PX = """() => {
  const net = RGPage.getNetwork(), scale = net.getScale(), out = {};
  for (const n of RGPage.data.nodes) {
    const px = net.body.nodes[n.id].options.font.size * scale;
    out[n.kind] = Math.min(out[n.kind] ?? Infinity, px);
  }
  return out;
}"""


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


def open_panel(log: PageLog) -> None:
    """Open the side panel with the keyboard (filters and tools live there)."""
    log.page.focus("#panel-toggle")
    log.page.keyboard.press("Enter")
    log.page.wait_for_selector("#side:not([hidden])")


def open_twin(log: PageLog) -> None:
    log.page.click("#twin summary")
    log.page.wait_for_selector("#twin-nodes tbody")


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
    assert browser_page.page.locator("#twin-nodes tbody").count() == 0  # built on first use
    open_twin(browser_page)
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
    open_twin(browser_page)
    open_panel(browser_page)
    browser_page.page.select_option("#filter-field", ["2"])
    after = visible(browser_page)
    assert 0 < after < before
    assert browser_page.page.locator("#twin-nodes tbody tr").count() == after
    fragment = browser_page.page.evaluate("location.hash")
    assert "field=2" in fragment and "panel=1" in fragment
    browser_page.page.goto("about:blank")
    open_file(browser_page, path, fragment)
    assert visible(browser_page) == after
    assert browser_page.page.locator("#side").is_visible()
    assert browser_page.page.get_attribute("#panel-toggle", "aria-expanded") == "true"
    assert browser_page.errors == []


def test_focus_shows_the_neighbourhood(browser_page: PageLog, written: Callable[..., Path]) -> None:
    open_file(browser_page, written("gesamtbild"))
    before = visible(browser_page)
    assert browser_page.page.locator("#search-names option").count() == 0  # index built on first use
    browser_page.page.fill("#search", "M-1-02")
    browser_page.page.press("#search", "Enter")
    assert browser_page.page.locator("#search-names option").count() == before
    one = visible(browser_page)
    assert 1 < one < before
    assert browser_page.page.locator("#side").is_visible()  # details of the hit opened the panel
    browser_page.page.fill("#hops", "2")
    browser_page.page.dispatch_event("#hops", "change")
    assert one < visible(browser_page) <= before
    assert "fokus=measure%3AM-1-02" in browser_page.page.evaluate("location.hash")
    browser_page.page.click("#unfocus")
    assert visible(browser_page) == before
    browser_page.page.focus("#hops")
    browser_page.page.keyboard.press("Escape")  # closes the panel, focus back on its toggle
    assert browser_page.page.locator("#side").is_hidden()
    assert browser_page.page.evaluate("document.activeElement.id") == "panel-toggle"
    assert "panel=1" not in browser_page.page.evaluate("location.hash")


def test_xss_payload_is_shown_as_text(browser_page: PageLog, written: Callable[..., Path]) -> None:
    for view in ("gesamtbild", "luecken", "ressort-netz"):
        open_file(browser_page, written(view, "xss"))
    open_file(browser_page, written("gesamtbild", "xss"))
    browser_page.page.fill("#search", "M-1-01")
    browser_page.page.press("#search", "Enter")
    assert browser_page.page.locator("#details h3").text_content() == XSS_NAME
    open_twin(browser_page)
    assert XSS_NAME in (browser_page.page.locator("#twin-nodes").text_content() or "")
    assert browser_page.page.locator("img, svg").count() == 0
    assert browser_page.dialogs == []
    assert browser_page.errors == []


def test_presentation_steps_with_the_keyboard(browser_page: PageLog, written: Callable[..., Path]) -> None:
    browser_page.page.set_viewport_size(PROJECTOR)
    open_file(browser_page, written("gesamtbild"))
    browser_page.page.focus("#present")
    browser_page.page.keyboard.press("Enter")
    title = browser_page.page.locator("#step-title")
    first = title.text_content()
    assert first and first.startswith("1/")
    browser_page.page.keyboard.press("ArrowRight")
    second = title.text_content()
    assert second and second.startswith("2/")
    assert browser_page.page.locator("header").is_hidden()
    step = data_of(browser_page)["steps"][1]
    assert visible(browser_page) < len(data_of(browser_page)["nodes"])
    sizes = browser_page.page.evaluate(
        LABEL_PX.replace("RGPage.data.nodes", "[RGPage.byId[" + str(step) + "]]")
    )
    assert min(sizes.values()) >= 20  # large type for the room
    browser_page.page.keyboard.press("ArrowLeft")
    assert title.text_content() == first
    browser_page.page.keyboard.press("Escape")
    assert browser_page.page.locator("#presentation").is_hidden()
    assert browser_page.page.locator("header").is_visible()


@pytest.mark.parametrize("view", ["gesamtbild", "handlungsfeld", "ressort-netz", "abhaengigkeiten"])
def test_graph_fills_the_first_screen_of_a_projector(
    browser_page: PageLog, written: Callable[..., Path], view: str
) -> None:
    browser_page.page.set_viewport_size(PROJECTOR)
    open_file(browser_page, written(view))
    canvas = browser_page.page.locator("#graph canvas").bounding_box()
    assert canvas is not None
    assert canvas["y"] + canvas["height"] <= PROJECTOR["height"]
    assert canvas["height"] >= 0.75 * PROJECTOR["height"] and canvas["width"] >= 0.95 * PROJECTOR["width"]
    header = browser_page.page.locator("header").bounding_box()
    assert header is not None and header["height"] <= 60  # one line
    legend = browser_page.page.locator("#legend").bounding_box()
    assert legend is not None and legend["y"] + legend["height"] <= PROJECTOR["height"]
    assert browser_page.page.locator("#filter-field").is_hidden()  # filters wait in the side panel
    sizes = browser_page.page.evaluate(LABEL_PX)
    for kind, least in READABLE.items():
        if kind in sizes:
            assert sizes[kind] >= least, (kind, sizes[kind])
    assert browser_page.errors == []


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
    open_panel(browser_page)
    level = browser_page.page.eval_on_selector("#filter-level option", "o => o.value")
    browser_page.page.select_option("#filter-level", [level])
    assert f"level={level}" in browser_page.page.evaluate("location.search")
    assert browser_page.errors == [] and browser_page.foreign == []
