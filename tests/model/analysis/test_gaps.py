"""The headline "Planungslücken" counts what a planner calls a gap: a field without a measure on a
level, or without a measure of an actor the framework holds responsible (a lead somewhere, or a
Senatsressort) — not every field × every partner (federal agencies, associations)."""

from __future__ import annotations

from rahmengraph.model.analysis import ANALYSES
from rahmengraph.model.analysis.coverage import matrix
from rahmengraph.model.analysis.gaps import planning_gaps, responsible
from rahmengraph.model.analysis.indexes import make_view
from rahmengraph.model.store import GraphStore


def _key_set(store: GraphStore, nodes: set[str]) -> set[str]:
    view = make_view(store)
    return {view.key(n) for n in nodes}


def test_responsible_actors_are_leads_and_ressorts(musterland_store: GraphStore) -> None:
    keys = _key_set(musterland_store, responsible(make_view(musterland_store)))
    assert {"MSI", "MJI", "MB", "MAS", "MW"} <= keys  # every Senatsressort, with or without a lead
    assert "VEREIN" in keys  # leads M-4-02
    assert "BAMF" not in keys  # only a partner (M-2-02): its absence from a field is no gap
    assert "REG" not in keys  # named, but responsible for nothing


def test_headline_counts_planning_gaps_only(musterland_store: GraphStore) -> None:
    view = make_view(musterland_store)
    wanted = responsible(view)
    expected = 0
    for cols, keep in (("level", None), ("actor", wanted)):
        mx = matrix(view, "field", cols)
        filled = mx.row_cells()
        for f in mx.row_values:
            expected += sum(
                1 for c in mx.columns_for(f) if (keep is None or c in keep) and c not in filled.get(f, {})
            )
    report = ANALYSES["gaps"].run(musterland_store)
    assert report.summary["leere_zellen"] == planning_gaps(view) == expected
    every_empty_cell = sum(int(r[3] or 0) for r in report.table("coverage").rows)
    assert 0 < report.summary["leere_zellen"] < every_empty_cell
