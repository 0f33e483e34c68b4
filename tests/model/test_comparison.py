"""The ``vergleich`` analysis over case folders (issue #20, comparing frameworks).

Each folder under ``comparison/`` names the frameworks it loads (``rahmen.txt``: folders of
``tests/cases``, one a line; ``../../data/bremen`` for the Bremen dataset) and holds the expected
report (``expected.json``: summary and rows of every table, one column per framework).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rahmengraph.model.analysis import ANALYSES
from rahmengraph.model.filters import Filters
from rahmengraph.model.loading.writing import load_all
from rahmengraph.model.stores.oxigraph import OxigraphStore

HERE = Path(__file__).parent / "comparison"
CASES = sorted(p for p in HERE.iterdir() if (p / "rahmen.txt").exists())
FRAMEWORKS = Path(__file__).resolve().parents[1] / "cases"


def _report(case: Path, filters: Filters | None = None) -> dict[str, object]:
    store = OxigraphStore()
    folders = [
        FRAMEWORKS / line.strip() for line in (case / "rahmen.txt").read_text().splitlines() if line.strip()
    ]
    load_all(store, folders)
    report = ANALYSES["vergleich"].run(store, filters)
    return {"summary": report.summary, "tables": {t.name: [list(r) for r in t.rows] for t in report.tables}}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_comparison_report(case: Path) -> None:
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    assert _report(case) == expected


def test_filters_narrow_the_measures_compared() -> None:
    report = _report(HERE / "musterland-nachbarland", Filters(evidence=("kontext",)))
    counts = {row[0]: row[2] for row in report["tables"]["frameworks"]}  # type: ignore[index]
    assert counts == {"musterland-2021": 4, "nachbarland-2023": 1}
