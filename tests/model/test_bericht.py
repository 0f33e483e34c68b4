"""The report's content: chapters, status, indicators and sources from the graph, for a period."""

from __future__ import annotations

import datetime as dt

import pytest

from rahmengraph.errors import ParameterError
from rahmengraph.model.bericht import NO_EDITIONS, build, default_period
from rahmengraph.model.change_list import report_changes
from rahmengraph.model.store import GraphStore


def test_overview_status_and_fields(musterland_store: GraphStore) -> None:
    b = build(musterland_store, "2023", "2025", "2026-01-15")
    assert b.period_from == "2023" and b.period_to == "2025" and b.created == "2026-01-15"
    assert "8 Maßnahmen" in b.overview[0].text
    # latest record wins: M-1-01 laufend (2022) → dauerhaft verankert (2024); no record: unbekannt
    assert b.status_counts == {
        "geplant": 1,
        "laufend": 1,
        "dauerhaft verankert": 1,
        "eingestellt": 1,
        "unbekannt": 4,
    }
    assert [f.key for f in b.fields] == ["1", "2", "3", "4"]
    m = b.fields[0].measures[0]
    assert (m.key, m.status) == ("M-1-01", "dauerhaft verankert")
    assert "2024" in m.status_note and "gesetzlich verankert" in m.status_note


def test_status_changes_only_in_period(musterland_store: GraphStore) -> None:
    b = build(musterland_store, "2024", "2024-06", "2026-01-15")
    texts = [c.text for c in b.status_changes]
    assert any(t.startswith("2024-03: M-4-01") for t in texts)
    assert not any(t.startswith("2022") for t in texts)
    ended = next(t for t in texts if "M-2-01" in t)
    assert "Grund: Förderung ausgelaufen" in ended and "Nachfolge: M-2-02" in ended


def test_every_reference_points_into_the_source_list(musterland_store: GraphStore) -> None:
    b = build(musterland_store, "2020", "2026", "2026-01-15")
    refs = [n for f in b.fields for m in f.measures for n in m.refs]
    refs += [n for e in b.indicators for v in e.values for n in [*e.refs, *v.refs]]
    assert refs and all(1 <= n <= len(b.sources) for n in refs)
    assert len(set(b.sources)) == len(b.sources)
    assert "https://musterland.example/bericht-2024.pdf" in b.sources


def test_indicators_carry_level_and_series(musterland_store: GraphStore) -> None:
    b = build(musterland_store, "2020", "2026", "2026-01-15")
    by_key = {e.key: e for e in b.indicators}
    assert by_key["I-2"].context and not by_key["I-1"].context
    land = next(s for s in by_key["I-1"].series if s.label.startswith("Land"))
    assert [p[2] for p in land.points] == [48.0, 55.0]
    assert land.targets == [(2026.0, "2026", 60.0)]
    assert by_key["I-1"].latest == "55 % (2024, Land)"


def test_without_editions_the_changes_chapter_says_so(musterland_store: GraphStore) -> None:
    b = build(musterland_store, "2023", "2025", "2026-01-15")
    assert [c.text for c in b.changes] == [NO_EDITIONS]


def test_changes_come_from_the_editions_source(musterland_store: GraphStore) -> None:
    def editions(store: GraphStore, start: str, end: str) -> list[tuple[str, list[str]]]:
        return [("M-2-01 eingestellt (Ausgabe 2024)", ["https://musterland.example/bericht-2024.pdf"])]

    b = build(musterland_store, "2023", "2025", "2026-01-15", changes=editions)
    (change,) = b.changes
    assert change.text == "M-2-01 eingestellt (Ausgabe 2024)"
    assert b.sources[change.refs[0] - 1] == "https://musterland.example/bericht-2024.pdf"


def test_changes_chapter_from_the_editions(musterland_store: GraphStore) -> None:
    """Musterland's editions 2021-03 → 2023-06-30 fall in 2023–2025: ended measures with reason and source."""
    b = build(musterland_store, "2023", "2025", "2026-01-15", changes=report_changes)
    texts = [c.text for c in b.changes]
    ended = next(c for c in b.changes if c.text.startswith("Maßnahme eingestellt: M-2-01 "))
    assert (
        "(2021-03 → 2023-06-30)" in ended.text and "Grund: Das Programm endet planmäßig 2023." in ended.text
    )
    assert b.sources[ended.refs[0] - 1] == "https://musterland.example/fortschreibung-2023.pdf"
    assert NO_EDITIONS not in texts
    assert report_changes(musterland_store, "2030", "2031") == []  # no edition within the period


def test_decisions_name_discontinued_measures_without_successor(bremen_store: GraphStore) -> None:
    b = build(bremen_store, "2023", "2025", "2026-01-15")
    first = b.decisions[0].text
    assert "K-3.4-05" in first and "M-3.3-02" not in first  # M-3.3-02 has its successor M-3.3-03


@pytest.mark.parametrize(
    ("von", "bis", "stand", "message"),
    [
        ("2023-13", "2025", "2026", "von='2023-13'"),
        ("2023", "bald", "2026", "bis='bald'"),
        ("2025", "2023", "2026", "liegt vor"),
        ("2023", "2025", "15.01.2026", "stand='15.01.2026'"),
    ],
)
def test_bad_period_names_the_parameter(
    musterland_store: GraphStore, von: str, bis: str, stand: str, message: str
) -> None:
    with pytest.raises(ParameterError, match=message):
        build(musterland_store, von, bis, stand)


def test_default_period_is_two_years_back() -> None:
    assert default_period(dt.date(2026, 3, 1)) == ("2024", "2026")
