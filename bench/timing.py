"""Timing helpers of the benchmark: repeat a call within a budget, summarise with medians and percentiles.

The machine is shared and noisy, so every figure is a median (or p50/p99) over several runs and
the report compares peers by ratios measured in the same run.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from typing import Any


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0–100) by nearest rank; NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else math.nan


def repeat(fn: Callable[[], Any], *, reps: int, budget: float, warmup: int = 1) -> tuple[list[float], Any]:
    """Run ``fn`` ``warmup`` times untimed, then up to ``reps`` times while ``budget`` seconds last.

    At least one timed run always happens. Returns the times in seconds and the last result.
    """
    result: Any = None
    for _ in range(warmup):
        result = fn()
    times: list[float] = []
    deadline = time.perf_counter() + budget
    while len(times) < reps and (not times or time.perf_counter() < deadline):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return times, result


def ms(seconds: float) -> float:
    """Seconds → milliseconds, rounded for the report."""
    return round(seconds * 1000, 3) if not math.isnan(seconds) else math.nan


def ratio(a: float, b: float) -> float:
    """``a / b`` rounded, NaN when either side is missing."""
    if math.isnan(a) or math.isnan(b) or b == 0:
        return math.nan
    return round(a / b, 2)
