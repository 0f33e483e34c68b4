"""The engine's test world: result documents counted independently of the engine, tricky data."""

from __future__ import annotations

import asyncio
import csv
import io
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pyoxigraph as ox

from rahmengraph.model.formats import RESULT_FORMATS

CASES = Path(__file__).resolve().parent / "cases"
T = TypeVar("T")


def run(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` to the end in an event loop of its own thread (the browser tests' Playwright keeps
    a loop running in the main thread for the whole session)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def count(body: bytes, key: str) -> int:
    """Rows of a results document (CSV with the csv module: Oxigraph does not parse lossy CSV)."""
    if key == "csv":
        return len(list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))) - 1
    parsed = ox.parse_query_results(body, format=RESULT_FORMATS[key].oxigraph)
    assert isinstance(parsed, ox.QuerySolutions)
    return sum(1 for _ in parsed)
