"""The data-quality view groups the SHACL findings by field and lead Ressort."""

from __future__ import annotations

from collections.abc import Callable

from rahmengraph.model.analysis import ANALYSES
from rahmengraph.model.filters import Filters
from rahmengraph.model.store import GraphStore


def test_missing_lead_is_grouped_under_its_field(load_case: Callable[[str], GraphStore]) -> None:
    store = load_case("reorganisation")
    report = ANALYSES["datenqualitaet"].run(store)
    by_field = {row[0]: row for row in report.table("by_field").rows}
    assert "M-3" in str(by_field["3"][5])
    assert report.summary["befunde"] == len(report.table("findings").rows) > 0
    only_1 = ANALYSES["datenqualitaet"].run(store, Filters(field=("1",)))
    assert all("M-3" not in str(row[1]) for row in only_1.table("findings").rows)
