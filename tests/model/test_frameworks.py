"""Named questions in a store with two frameworks that share ids (issue #20, item 9).

Each case in ``frameworks/`` asks a question of musterland + nachbarland (both have ``MB``, fields
``1``–``3``, level ``Land``, target group ``frauen``, each with its own meaning) with or without
``rahmen``, and gives the expected rows or the words the error must contain.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from rahmengraph.errors import ParameterError
from rahmengraph.model import frameworks, questions
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.loading.writing import load_all
from rahmengraph.model.store import GraphStore
from rahmengraph.model.stores.oxigraph import OxigraphStore

CASES = sorted((Path(__file__).parent / "frameworks").glob("*.json"))
TwoFrameworks = tuple[GraphStore, list[Dataset]]


def _norm(cell: str | None) -> str:
    return ";".join(sorted((cell or "").split(";")))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_question_over_two_frameworks(path: Path, two_frameworks: TwoFrameworks) -> None:
    store, _datasets = two_frameworks
    case: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    ask = (store, case["question"], case["params"], None, case.get("rahmen"))
    if "error" in case:
        with pytest.raises(ParameterError) as caught:
            questions.run(*ask)
        assert all(word in str(caught.value) for word in case["error"])
        return
    table, _sparql = questions.run(*ask)
    got = sorted([_norm(r[c]) for c in case["columns"]] for r in table.values())
    assert got == sorted([_norm(c) for c in row] for row in case["rows"])
    assert ("rahmen" in table.variables) == ("rahmen" not in case)  # the column when not chosen


def test_the_sparql_shown_names_the_framework_graphs_and_ran(two_frameworks: TwoFrameworks) -> None:
    store, _datasets = two_frameworks
    table, sparql = questions.run(store, "ressort-partner", {"actor": "MB"}, rahmen="nachbarland-2023")
    assert "FROM <https://w3id.org/rahmengraph/nachbarland/>" in sparql
    assert "musterland" not in sparql
    assert "VALUES ?actor { <https://w3id.org/rahmengraph/nachbarland/akteur/MB> }" in sparql
    assert sorted(map(str, store.select(sparql).rows)) == sorted(map(str, table.rows))


def test_frameworks_are_listed_with_id_and_base(two_frameworks: TwoFrameworks) -> None:
    store, datasets = two_frameworks
    found = frameworks.frameworks(store)
    assert [fw.ident for fw in found] == ["musterland-2021", "nachbarland-2023"]
    assert [fw.base for fw in found] == [ds.graph for ds in datasets]


def test_a_single_framework_store_answers_as_before(musterland_store: GraphStore) -> None:
    table, sparql = questions.run(musterland_store, "ressort-partner", {"actor": "MB"})
    assert "rahmen" not in table.variables and "FROM" not in sparql


ANCHORED = [q for q in questions.questions().values() if q.anchor]


@pytest.fixture(scope="module")
def without_editions(
    musterland_dir: Path, nachbarland_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> GraphStore:
    """Both frameworks without their editions: the default graph is the union of all graphs."""
    root = tmp_path_factory.mktemp("ohne-ausgaben")
    copies = [
        Path(shutil.copytree(d, root / d.name, ignore=shutil.ignore_patterns("ausgaben*", "aenderungen.csv")))
        for d in (musterland_dir, nachbarland_dir)
    ]
    store = OxigraphStore()
    load_all(store, copies)
    return store


@pytest.mark.parametrize("q", ANCHORED, ids=[q.name for q in ANCHORED])
def test_one_query_for_all_frameworks_gives_the_per_framework_rows(
    q: questions.Question, without_editions: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = without_editions
    params = {"field": "1", "actor": "MB", "target_group": "frauen", "measure": "M-1-01"}
    values = {p.name: params[p.type.name] for p in q.params if p.required}
    table, sparql = questions.run(store, q.name, values)
    assert "rahmenAnker" in sparql  # one query ran
    monkeypatch.setitem(questions.questions(), q.name, dataclasses.replace(q, anchor=None))
    one_by_one, texts = questions.run(store, q.name, values)
    assert "# Rahmenkonzept" in texts
    assert table.variables == one_by_one.variables
    assert [list(map(str, r)) for r in table.rows] == [list(map(str, r)) for r in one_by_one.rows]


def test_with_editions_each_framework_is_asked_on_its_own(two_frameworks: TwoFrameworks) -> None:
    """A default graph of many graphs is read graph by graph: one query would be slower there."""
    store, _datasets = two_frameworks
    _table, sparql = questions.run(store, "zustaendig-heute", {"measure": "M-1-01"})
    assert "rahmenAnker" not in sparql and "# Rahmenkonzept" in sparql
