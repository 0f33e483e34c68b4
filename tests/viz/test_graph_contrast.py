"""WCAG 2.1 AA contrast of the graph pages' colours, computed from the CSS and the style tables.

Text/background pairs come from ``graph.css`` (every rule that sets a text colour, against the
backgrounds the same rule sets, else the page's white); canvas pairs from ``graph_styles`` (label
text on white, white captions inside box/ellipse nodes, node colours as graphics on white).
"""

from __future__ import annotations

import re
from importlib import resources

import pytest

from rahmengraph.viz.graph_styles import KINDS, MARKS, RELS

PAGE_BACKGROUND = "#ffffff"
CANVAS_TEXT = "#111111"  # graph.js: label colour outside nodes (white halo)
INSIDE_TEXT = "#ffffff"  # graph.js: caption colour inside box and ellipse nodes
INSIDE_SHAPES = {"box", "ellipse"}
TEXT_AA = 4.5
GRAPHICS_AA = 3.0
HEX = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of a ``#rgb``/``#rrggbb`` colour."""
    h = colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    channels = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def css_pairs() -> list[tuple[str, str, str]]:
    """(selector, text colour, background) for every CSS rule that sets a text colour."""
    css = resources.files("rahmengraph.viz").joinpath("static/graph.css").read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    pairs = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        decls = dict(
            (k.strip(), v.strip()) for k, _, v in (d.partition(":") for d in body.split(";")) if v.strip()
        )
        text = HEX.findall(decls.get("color", ""))
        if not text:
            continue
        backgrounds = HEX.findall(decls.get("background", "") + " " + decls.get("background-color", ""))
        for bg in backgrounds or [PAGE_BACKGROUND]:
            pairs.append((selector.strip(), text[0], bg))
    return pairs


def test_the_contrast_function_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast("#777777", "#ffffff") < TEXT_AA
    assert contrast("#123456", "#123456") == pytest.approx(1.0)


def test_css_has_text_pairs_to_check() -> None:
    selectors = {s for s, _, _ in css_pairs()}
    assert {"body", "#presentation", ".heat-4", "button[aria-expanded=true]"} <= selectors


@pytest.mark.parametrize(("selector", "text", "background"), css_pairs())
def test_css_text_reaches_aa(selector: str, text: str, background: str) -> None:
    assert contrast(text, background) >= TEXT_AA, (selector, text, background)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_canvas_labels_and_nodes_reach_aa(kind: str) -> None:
    style = KINDS[kind]
    assert contrast(CANVAS_TEXT, PAGE_BACKGROUND) >= TEXT_AA
    assert contrast(style.color, PAGE_BACKGROUND) >= GRAPHICS_AA, kind
    if style.shape in INSIDE_SHAPES:
        assert contrast(INSIDE_TEXT, style.color) >= TEXT_AA, kind


def test_edges_and_marks_reach_graphics_aa() -> None:
    colours = {r.color for r in RELS.values()} | {look[1] for look in MARKS.values()}
    low = {
        c: round(contrast(c, PAGE_BACKGROUND), 2)
        for c in colours
        if contrast(c, PAGE_BACKGROUND) < GRAPHICS_AA
    }
    assert low == {}
