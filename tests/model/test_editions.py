"""Editions: the computed diff with its documented reasons, the default graph, "as of" (``stand``)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from rahmengraph.errors import ParameterError
from rahmengraph.model import asof, questions, value_lists
from rahmengraph.model.change_list import Filters, between
from rahmengraph.model.edition_build import read_with_editions as read_dataset
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.loading.writing import load
from rahmengraph.model.responsibility import responsible_today
from rahmengraph.model.store import GraphStore, open_store

EXPECTED = Path(__file__).parent / "editions"
PAIRS = sorted(EXPECTED.glob("musterland-*.csv"))
MUSTER = "https://w3id.org/rahmengraph/musterland/"


def _pair(path: Path) -> tuple[str, str]:
    """``musterland-2019-2021-03.csv`` → (``2019``, ``2021-03``): versions are known, split there."""
    stem = path.stem.removeprefix("musterland-")
    for version in ("2019", "2021-03", "2023-06-30"):
        if stem.startswith(version + "-"):
            return version, stem[len(version) + 1 :]
    raise AssertionError(stem)


@pytest.fixture(scope="module", params=["oxigraph:memory", "memory"])
def engine(request: pytest.FixtureRequest, musterland_dir: Path) -> GraphStore:
    store = open_store(request.param)
    load(store, musterland_dir)
    return store


@pytest.mark.parametrize("path", PAIRS, ids=[p.stem for p in PAIRS])
def test_diff_matches_expected_file(path: Path, engine: GraphStore) -> None:
    before, after = _pair(path)
    expected = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows = between(engine, before, after).rows()
    assert [{k: r[k] for k in expected[0]} for r in rows] == expected


def test_musterland_editions_exercise_every_change_type(
    musterland_loaded: tuple[GraphStore, Dataset],
) -> None:
    editions = musterland_loaded[1].editions
    assert editions is not None
    assert {c.type for c in editions.changes} == set(value_lists.CHANGE_TYPES)
    assert {c.transfer for c in editions.changes} >= set(value_lists.TRANSFER_KINDS)


def test_cross_check_warns_both_ways_with_locations(musterland_loaded: tuple[GraphStore, Dataset]) -> None:
    editions = musterland_loaded[1].editions
    assert editions is not None
    texts = [str(w) for w in editions.warnings]
    # a computed change no record explains: located at the newer edition's row
    assert any(
        t.startswith("ausgaben.csv:3, Spalte id: neu: M-3-02") and "ohne belegten Grund" in t for t in texts
    )
    # a documented change the editions do not show: located at the record's row
    assert any(t.startswith("aenderungen.csv:15, Spalte massnahme") and "nicht zeigt" in t for t in texts)
    assert len(texts) == 4


def test_default_graph_shows_the_current_edition_once(engine: GraphStore) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?m a rg:Measure }"
    assert engine.select(count).values() == [{"n": "8"}]
    # the editions stay reachable: by GRAPH and by FROM (Oxigraph's union mode would ignore FROM)
    by_graph = engine.select(f"SELECT ?m WHERE {{ GRAPH <{MUSTER}ausgabe/2019> {{ ?m a rg:Measure }} }}")
    assert len(by_graph) == 9
    by_from = engine.select(f"SELECT ?m FROM <{MUSTER}ausgabe/2019> WHERE {{ ?m a rg:Measure }}")
    assert len(by_from) == 9
    # editions and changes are described in the default graph
    assert engine.ask("ASK { ?a a rg:Edition ; dcat:version '2019' ; rg:decidedBy ?who }")
    assert engine.ask("ASK { ?c a rg:Change ; rg:changeType rg:changeSplit ; dcterms:isReplacedBy ?n }")


@pytest.mark.parametrize(
    ("stand", "field", "ids"),
    [
        ("2019", "4", ["M-4-01", "M-4-03"]),
        ("2020-06-30", "4", ["M-4-01", "M-4-03"]),
        ("2021-03", "4", ["M-4-01", "M-4-02"]),
        (None, "4", ["M-1-02", "M-4-01", "M-4-02"]),
    ],
)
def test_questions_as_of_an_edition_or_a_date(
    engine: GraphStore, stand: str | None, field: str, ids: list[str]
) -> None:
    table, _sparql = questions.run(engine, "massnahmen-handlungsfeld", {"field": field}, stand)
    assert sorted({r["id"] or "" for r in table.values()}) == ids


@pytest.mark.parametrize(
    ("stand", "named", "today"),
    [
        ("2021-03", "MSI", ["MSI"]),
        ("2021-12-31", "MSI", ["MSI"]),
        # the edition in force (2021-03) names MSI, dissolved on 2022-01-01: its successors
        ("2022-06-30", "MSI", ["MAS", "MJI"]),
        # today's edition names the chain MSI;MJI: the measure's own history decides
        (None, "MJI", ["MJI"]),
    ],
)
def test_lead_as_of_respects_the_measures_own_history(
    engine: GraphStore, stand: str | None, named: str, today: list[str]
) -> None:
    table, _sparql = questions.run(engine, "zustaendig-heute", {"measure": "M-1-01"}, stand)
    assert [(r["genannt"], r["heute"]) for r in table.values()] == [(named, t) for t in today]
    view, at = asof.resolve(engine, stand)
    leads = [s for s in responsible_today(view, "M-1-01", at.date) if s.role == "federfuehrend"]
    assert [(s.named.id, [t.actor.id for t in s.today]) for s in leads] == [(named, today)]


def test_bad_stand_and_bad_editions_name_the_parameter(engine: GraphStore) -> None:
    with pytest.raises(ParameterError, match="Parameter stand: 'gestern'"):
        asof.resolve(engine, "gestern")
    with pytest.raises(ParameterError, match="Ausgabe '1999' gibt es nicht; bekannt: 2019, 2021-03"):
        between(engine, "1999", "")
    with pytest.raises(ParameterError, match="nicht jünger"):
        between(engine, "2023-06-30", "2019")


def test_filters(engine: GraphStore) -> None:
    report = between(engine, "2019", "2021-03", Filters(field="4"))
    assert {r["id"] for r in report.rows()} == {"M-4-01", "M-4-02", "M-4-03", "4", "5"}
    report = between(engine, "2021-03", "", Filters(actor="MJI", type="Zuständigkeit übertragen"))
    assert [r["id"] for r in report.rows()] == ["M-1-01", "M-4-02"]  # MJI leads one, takes part in the other
    report = between(engine, "2021-03", "", Filters(level="Kreis Süd"))
    assert [r["id"] for r in report.rows()] == ["M-3-01"]


def test_bremen_k_3_6_01_lead_today_and_in_2020(bremen_store: GraphStore) -> None:
    today, _sparql = questions.run(bremen_store, "zustaendig-heute", {"measure": "K-3.6-01"})
    assert [r["heute"] for r in today.values()] == ["SASJI"]
    then, _sparql = questions.run(
        bremen_store, "zustaendig-heute", {"measure": "K-3.6-01", "stichtag": "2020-06-30"}
    )
    assert [r["heute"] for r in then.values()] == ["SWAE"]


def test_bremen_editions_rest_on_dated_sources(bremen_dir: Path) -> None:
    ds = read_dataset(bremen_dir)
    assert ds.editions is not None
    assert [e.version for e in ds.editions.editions] == ["2021-10", "2023-07-05", "2025-04-29", "2025-12-31"]
    added = {c.id for c in ds.editions.changes if c.type == "neu" and c.computed}
    # every computed addition is a measure whose start a change record dates ...
    assert all(c.records for c in ds.editions.changes if c.type == "neu" and c.computed)
    # ... and no context measure is "new" because research found it later
    assert "K-3.6-01" not in added and "K-3.9-05" not in added


def test_the_example_queries_of_docs_graph_md_answer_on_bremen(bremen_store: GraphStore) -> None:
    import re

    text = (Path(__file__).resolve().parents[2] / "docs" / "graph.md").read_text(encoding="utf-8")
    section = text.split("## Editions, changes and the default graph", 1)[1]
    queries = [q for block in re.findall(r"```sparql\n(.*?)```", section, re.S) for q in block.split("\n\n")]
    assert len(queries) == 3
    for query in queries:
        assert len(bremen_store.select(query)) > 0, query
