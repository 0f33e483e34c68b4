"""The graph pages' colours stay apart for the common colour-vision deficiencies.

Every pair of node-kind colours the scenes draw is simulated for protanopia, deuteranopia and
tritanopia (Machado, Oliveira & Fernandes 2009, full severity, via colorspacious) and must stay
at least ``LEAST_DELTA_E`` apart in CAM02-UCS (ΔE′), as it must for normal vision. Shapes differ per
kind as well (tested in the browser), so colour is never the only cue.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from colorspacious import cspace_convert, deltaE

from rahmengraph.viz.graph_styles import KINDS, MARKS

#: Node kinds the scenes draw (aggregates share their family's colour and differ by shape).
DRAWN = ("field", "measure", "actor", "dimension", "level")
DEFICIENCIES = ("protanomaly", "deuteranomaly", "tritanomaly")
LEAST_DELTA_E = 20.0


def rgb(colour: str) -> np.ndarray:
    return np.array([int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])


def seen(colour: str, deficiency: str | None) -> np.ndarray:
    """The colour as a person with ``deficiency`` (full severity) sees it, in sRGB 0…1."""
    if deficiency is None:
        return rgb(colour)
    space = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
    simulated: np.ndarray = np.clip(cspace_convert(rgb(colour), space, "sRGB1"), 0, 1)
    return simulated


def test_simulation_separates_what_it_should() -> None:
    red, green = "#d40000", "#00a000"
    assert deltaE(seen(red, None), seen(green, None), input_space="sRGB1") > 40
    assert deltaE(seen(red, "deuteranomaly"), seen(green, "deuteranomaly"), input_space="sRGB1") < 20


def test_drawn_kinds_have_distinct_colours() -> None:
    assert len({KINDS[k].color for k in DRAWN}) == len(DRAWN)


@pytest.mark.parametrize("deficiency", [None, *DEFICIENCIES])
def test_palette_stays_apart(deficiency: str | None) -> None:
    pairs = {
        (a, b): float(
            deltaE(seen(KINDS[a].color, deficiency), seen(KINDS[b].color, deficiency), input_space="sRGB1")
        )
        for a, b in itertools.combinations(DRAWN, 2)
    }
    close = {pair: round(d, 1) for pair, d in pairs.items() if d < LEAST_DELTA_E}
    assert close == {}


@pytest.mark.parametrize("deficiency", [None, *DEFICIENCIES])
def test_fill_marks_stay_apart(deficiency: str | None) -> None:
    """The change view colours measures by their change: those colours must stay apart as well."""
    fills = {m: look[1] for m, look in MARKS.items() if look[2] == "fill"}
    assert len(fills) >= 4
    close = {
        (a, b): round(float(deltaE(seen(x, deficiency), seen(y, deficiency), input_space="sRGB1")), 1)
        for (a, x), (b, y) in itertools.combinations(fills.items(), 2)
        if deltaE(seen(x, deficiency), seen(y, deficiency), input_space="sRGB1") < LEAST_DELTA_E
    }
    assert close == {}
