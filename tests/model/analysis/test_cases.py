"""Each case folder: a small framework in, the expected findings (expected.json) out."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from rahmengraph.model.analysis import ANALYSES
from rahmengraph.model.filters import Filters
from rahmengraph.model.store import GraphStore

CASES = Path(__file__).resolve().parents[2] / "analysis_cases"


def case_names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if (p / "expected.json").exists())


@pytest.mark.parametrize("case", case_names())
def test_case(case: str, load_case: Callable[[str], GraphStore]) -> None:
    store = load_case(case)
    expected = json.loads((CASES / case / "expected.json").read_text(encoding="utf-8"))
    for run in expected["runs"]:
        report = ANALYSES[run["analysis"]].run(store, Filters.from_mapping(run["filters"]), **run["options"])
        where = f"{case}: {run['analysis']} {run['filters']} {run['options']}"
        assert report.summary == run["summary"], where
        for name, rows in run["tables"].items():
            width = len(rows[0]) if rows else 0
            actual = [list(row[:width]) for row in report.table(name).rows]
            assert actual == rows, f"{where}: table {name}"


def test_every_finding_names_its_sources(load_case: Callable[[str], GraphStore]) -> None:
    """Rows of finding tables that carry a Quellen column name at least one source."""
    store = load_case("overlaps")
    for name in ("overlaps", "gaps"):
        for table in ANALYSES[name].run(store).tables:
            if "Quellen" in table.columns:
                i = table.columns.index("Quellen")
                assert all(row[i] for row in table.rows), f"{name}/{table.name}"


def test_cases_cover_every_finding_type() -> None:
    """Every table of overlaps, gaps and abhaengigkeiten has a non-empty expectation in some case."""
    covered: set[tuple[str, str]] = set()
    for case in case_names():
        for run in json.loads((CASES / case / "expected.json").read_text(encoding="utf-8"))["runs"]:
            covered |= {(run["analysis"], t) for t, rows in run["tables"].items() if rows}
    wanted = (
        {
            ("overlaps", t)
            for t in (
                "multi_field",
                "field_network",
                "collaboration",
                "collaboration_network",
                "broad_actors",
                "duplicates",
            )
        }
        | {
            ("gaps", t)
            for t in (
                "intersectional",
                "intersectional_by_field",
                "municipal_fields",
                "municipal_groups",
                "land_without_municipal",
                "measures_without_indicator",
                "goals_without_measures",
                "fields_without_indicator",
                "measures_without_lead",
                "dissolved_leads",
                "derived_only",
                "fields_without_participation",
                "bodies_without_members",
            )
        }
        | {("abhaengigkeiten", t) for t in ("articulation_points", "bridges", "chains", "communities")}
    )
    assert wanted <= covered, sorted(wanted - covered)
