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
PROJECTOR: ViewportSize = {"width": 1920, "height": 1080}
#: Least on-screen height (px) of every label drawn at a view's default zoom.
READABLE = 18.0
#: Every label vis-network drew: its text, font size on screen and box (screen px: x0, y0, x1, y1).
LABELS = """() => {
  const net = RGPage.getNetwork(), scale = net.getScale(), out = [];
  for (const id of Object.keys(RGPage.getVisible())) {
    const node = net.body.nodes[id];
    if (!node || !node.options.label) continue;
    const s = node.labelModule.size;
    const a = net.canvasToDOM({x: s.left, y: s.top});
    const b = net.canvasToDOM({x: s.left + s.width, y: s.top + s.height});
    out.push({id: +id, kind: RGPage.byId[id].kind, text: node.options.label,
              px: node.options.font.size * scale, box: [a.x, a.y, b.x, b.y]});
  }
  return out;
}"""
#: Kinds, relations and marks drawn now, and the colour and shape of each drawn kind.
DRAWN = """() => {
  const v = RGPage.getVisible(), d = RGPage.data, net = RGPage.getNetwork();
  const out = {kinds: {}, rels: [], marks: []};
  for (const id of Object.keys(v)) {
    const n = RGPage.byId[id], o = net.body.nodes[id].options;
    out.kinds[n.kind] = [o.shape, d.kinds[n.kind].color];
    for (const m of RGPage.scene().marks[id] || []) if (!out.marks.includes(m)) out.marks.push(m);
  }
  for (const e of Object.values(net.body.edges)) {
    if (!e.options.hidden && v[e.fromId] && v[e.toId]) {
      const rel = d.edges[e.id].rel;
      if (!out.rels.includes(rel)) out.rels.push(rel);
    }
  }
  return out;
}"""


def overlapping(labels: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Pairs of labels whose boxes intersect on screen."""
    out = []
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = a["box"], b["box"]
            if ax0 < bx1 and bx0 < ax1 and ay0 < by1 and by0 < ay1:
                out.append((a["text"], b["text"]))
    return out


def assert_readable(log: PageLog, shot: Path) -> list[dict[str, Any]]:
    """Every label drawn is at least READABLE px high, on the canvas, overlapping no other label;
    a screenshot goes to ``shot``."""
    log.page.screenshot(path=str(shot))
    labels: list[dict[str, Any]] = log.page.evaluate(LABELS)
    canvas = log.page.locator("#graph canvas").bounding_box()
    assert labels and canvas is not None
    small = [(x["text"], round(x["px"], 1)) for x in labels if x["px"] < READABLE]
    assert small == [], shot.name
    assert overlapping(labels) == [], shot.name
    outside = [x["text"] for x in labels if x["box"][0] < 0 or x["box"][2] > canvas["width"] + 1]
    assert outside == [], shot.name
    return labels


@pytest.fixture(scope="module")
def written(
    tmp_path_factory: pytest.TempPathFactory, musterland_store: GraphStore, bremen_store: GraphStore
) -> Callable[..., Path]:
    """Factory: a written standalone file of a view (cached per arguments)."""
    folder = tmp_path_factory.mktemp("graphs")
    xss = OxigraphStore()
    load(xss, XSS_DIR)
    stores = {"musterland": musterland_store, "xss": xss, "bremen": bremen_store}
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
    start = str(data_of(browser_page)["start"])
    drawn = [n["label"] for n in data_of(browser_page)["nodes"] if start in n["at"]]
    assert sorted(names) == sorted(drawn)  # the nodes of the picture shown
    header = browser_page.page.locator("#twin-nodes thead button").first
    header.focus()
    browser_page.page.keyboard.press("Enter")
    first = browser_page.page.locator("#twin-nodes tbody th").first.text_content()
    assert first == max(names, key=lambda s: s.casefold()) or first == sorted(names, key=str.casefold)[-1]


def test_filter_chips_work_with_keyboard_and_mouse_and_stay_in_the_url(
    browser_page: PageLog, written: Callable[..., Path]
) -> None:
    path = written("gesamtbild")
    open_file(browser_page, path)
    before = visible(browser_page)
    open_twin(browser_page)
    open_panel(browser_page)
    chip = browser_page.page.locator("#filter-field input[value='2']")
    assert chip.is_visible()  # a visible chip, not a hidden list option
    chip.focus()
    browser_page.page.keyboard.press("Space")
    assert chip.is_checked()
    after = visible(browser_page)
    assert 0 < after < before
    assert browser_page.page.locator("#twin-nodes tbody tr").count() == after
    fragment = browser_page.page.evaluate("location.hash")
    assert "field=2" in fragment and "panel=1" in fragment
    browser_page.page.goto("about:blank")
    open_file(browser_page, path, fragment)
    assert visible(browser_page) == after
    assert browser_page.page.locator("#filter-field input[value='2']").is_checked()
    browser_page.page.locator("#filter-field label.chip", has_text="2 ").first.click()  # mouse: off again
    assert visible(browser_page) == before
    assert browser_page.errors == []


def test_search_opens_the_scene_of_the_hit_and_focuses(
    browser_page: PageLog, written: Callable[..., Path]
) -> None:
    open_file(browser_page, written("gesamtbild"))
    assert browser_page.page.get_attribute("body", "data-scene") == "ueberblick"
    assert browser_page.page.locator("#search-names option").count() == 0  # index built on first use
    browser_page.page.fill("#search", "M-1-02")
    browser_page.page.press("#search", "Enter")
    assert browser_page.page.get_attribute("body", "data-scene") == "feld:1"  # measures live there
    one = visible(browser_page)
    assert browser_page.page.locator("#side").is_visible()  # details of the hit opened the panel
    browser_page.page.fill("#hops", "2")
    browser_page.page.dispatch_event("#hops", "change")
    assert one < visible(browser_page)
    assert "fokus=measure%3AM-1-02" in browser_page.page.evaluate("location.hash")
    browser_page.page.click("#unfocus")
    browser_page.page.focus("#hops")
    browser_page.page.keyboard.press("Escape")  # closes the panel, focus back on its toggle
    assert browser_page.page.locator("#side").is_hidden()
    assert browser_page.page.evaluate("document.activeElement.id") == "panel-toggle"
    browser_page.page.click("#back")
    assert browser_page.page.get_attribute("body", "data-scene") == "ueberblick"


def test_clicking_a_field_opens_its_measures(browser_page: PageLog, written: Callable[..., Path]) -> None:
    browser_page.page.set_viewport_size(PROJECTOR)
    open_file(browser_page, written("gesamtbild", "bremen"))
    at = browser_page.page.evaluate(
        """() => { const n = RGPage.data.nodes.find(n => n.kind === 'field' && n.key === '3.6');
                   return RGPage.getNetwork().canvasToDOM(RGPage.getNetwork().getPosition(n.id)); }"""
    )
    box = browser_page.page.locator("#graph canvas").bounding_box()
    assert box is not None
    browser_page.page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])
    assert browser_page.page.get_attribute("body", "data-scene") == "feld:3.6"
    kinds = browser_page.page.evaluate(DRAWN)["kinds"]
    assert "measure" in kinds and "level" in kinds
    assert browser_page.page.locator("#page-title").text_content() == (
        "3.6 Erwerbsarbeit und Qualifizierungsmaßnahmen sowie Ausbildungsförderung"
    )
    browser_page.page.keyboard.press("Backspace")
    assert browser_page.page.get_attribute("body", "data-scene") == "ueberblick"
    assert browser_page.errors == []


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


def test_presentation_walks_the_scenes_with_the_keyboard(
    browser_page: PageLog, written: Callable[..., Path], screens: Path
) -> None:
    browser_page.page.set_viewport_size(PROJECTOR)
    open_file(browser_page, written("gesamtbild", "bremen"))
    browser_page.page.focus("#present")
    browser_page.page.keyboard.press("Enter")
    title = browser_page.page.locator("#step-title")
    first = title.text_content()
    assert first and first.startswith("1/17: Überblick")
    browser_page.page.keyboard.press("ArrowRight")
    assert (title.text_content() or "").startswith("2/17: 3.1 Erwerb der deutschen Sprache")
    assert browser_page.page.locator("header").is_hidden()
    labels = assert_readable(browser_page, screens / "praesentation-3.1.png")
    assert min(x["px"] for x in labels) >= 20  # Beamer type in presentation
    browser_page.page.keyboard.press("ArrowLeft")
    assert title.text_content() == first
    browser_page.page.keyboard.press("Escape")
    assert browser_page.page.locator("#presentation").is_hidden()
    assert browser_page.page.locator("header").is_visible()


@pytest.mark.parametrize("view", ["gesamtbild", "handlungsfeld", "ressort-netz", "abhaengigkeiten"])
def test_default_zoom_is_readable_from_the_back_row(
    browser_page: PageLog, written: Callable[..., Path], screens: Path, view: str
) -> None:
    """At 1920×1080 every label of the view's first picture is ≥ 18 px, none overlaps another,
    the graph fills the screen below a one-line header, and the legend lists what is drawn."""
    browser_page.page.set_viewport_size(PROJECTOR)
    open_file(browser_page, written(view, "bremen"))
    canvas = browser_page.page.locator("#graph canvas").bounding_box()
    assert canvas is not None
    assert canvas["y"] + canvas["height"] <= PROJECTOR["height"]
    assert canvas["height"] >= 0.8 * PROJECTOR["height"] and canvas["width"] >= 0.95 * PROJECTOR["width"]
    assert browser_page.page.locator("#filter-field").is_hidden()  # filters wait in the side panel
    labels = assert_readable(browser_page, screens / f"{view}.png")
    assert len(labels) <= 60
    assert_legend_matches(browser_page)
    assert browser_page.errors == []


def assert_legend_matches(log: PageLog) -> None:
    """The legend lists exactly the kinds (with their shape and colour), relations and marks drawn."""
    drawn = log.page.evaluate(DRAWN)
    legend = log.page.evaluate(
        """() => ({
      kinds: Object.fromEntries([...document.querySelectorAll('#legend li[data-kind]')].map(li => {
        const sw = li.querySelector('.swatch');
        const shape = sw.className.replace('swatch shape-', '');
        return [li.dataset.kind, [shape, getComputedStyle(sw).backgroundColor]];
      })),
      rels: [...document.querySelectorAll('#legend li[data-rel]')].map(li => li.dataset.rel),
      marks: [...document.querySelectorAll('#legend li[data-mark]')].map(li => li.dataset.mark)})"""
    )
    assert legend["kinds"].keys() == drawn["kinds"].keys()
    for kind, (shape, colour) in drawn["kinds"].items():
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert legend["kinds"][kind] == [shape, f"rgb({r}, {g}, {b})"], kind
    assert sorted(legend["rels"]) == sorted(drawn["rels"])
    assert sorted(legend["marks"]) == sorted(drawn["marks"])


def test_every_scene_of_the_deck_is_readable_in_both_modes(
    browser_page: PageLog, written: Callable[..., Path], screens: Path
) -> None:
    """Each scene (overview, 13 fields, cross-cutting, every opened Ressort), normal and Beamer."""
    browser_page.page.set_viewport_size(PROJECTOR)
    open_file(browser_page, written("gesamtbild", "bremen"))
    scenes: list[str] = browser_page.page.evaluate("RGPage.data.scenes.map(s => s.name)")
    assert len(scenes) > 17
    normal: dict[str, float] = {}
    for beamer in (False, True):
        if beamer:
            browser_page.page.click("#beamer")
            assert browser_page.page.get_attribute("#beamer", "aria-pressed") == "true"
        for i, name in enumerate(scenes):
            browser_page.page.evaluate(f"RGPage.go({i}, false)")
            slug = ("beamer-" if beamer else "") + name.replace(":", "-").replace("/", "-")
            labels = assert_readable(browser_page, screens / f"szene-{slug}.png")
            least = min(x["px"] for x in labels)
            if beamer:  # larger type than without (or at least 22 px where that picture was zoomed in)
                assert least >= 20 and (least > normal[name] or least >= 22), name
            normal[name] = least
            assert_legend_matches(browser_page)
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
    assert download.value.suggested_filename == "ressort-netz-netz.png"


def test_served_view_keeps_filters_in_the_query(browser_page: PageLog, live_server: str) -> None:
    pytest.importorskip("rahmengraph.api.app")
    browser_page.page.goto(f"{live_server}/viz/gesamtbild?field=1")
    browser_page.page.wait_for_selector("body[data-ready='1']")
    assert data_of(browser_page)["applied"] == {"field": ["1"]}
    open_panel(browser_page)
    chip = browser_page.page.locator("#filter-level input").first
    level = chip.get_attribute("value")
    chip.check()
    assert f"level={level}" in browser_page.page.evaluate("location.search")
    browser_page.page.click("#structure a")  # the 2019–23 structure on request
    browser_page.page.wait_for_selector("body[data-ready='1']")
    assert data_of(browser_page)["structure"] == "2019"
    assert "ressorts=2019" in browser_page.page.evaluate("location.search")
    assert browser_page.errors == [] and browser_page.foreign == []


def test_comparison_of_two_frameworks_offline_and_readable(
    browser_page: PageLog,
    tmp_path: Path,
    two_frameworks: tuple[GraphStore, list[Any]],
    screens: Path,
) -> None:
    """The written ``vergleich`` file of two frameworks: no request leaves the file, every label
    is readable at 1920×1080, and both frameworks' fields are drawn."""
    store, _datasets = two_frameworks
    path = write_view(store, "vergleich", Filters(), {}, tmp_path / "vergleich.html")
    browser_page.page.set_viewport_size(PROJECTOR)
    open_file(browser_page, path)
    assert browser_page.errors == [] and browser_page.foreign == []
    labels = assert_readable(browser_page, screens / "vergleich.png")
    texts = {x["text"] for x in labels}
    assert {"1 Sprache", "1 Sprache und Bildung"} <= texts
    assert_legend_matches(browser_page)
