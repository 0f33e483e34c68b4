"""Golden answers of every test framework in ``tests/cases/<case>/``: questions and analyses.

Each case folder is a dataset; beside its tables, ``expected/questions/*.json`` holds a named
question with its parameters and the expected rows, ``expected/analyses.json`` the expected summary
and rows (up to the ``Quellen`` column) of each analysis run. A framework of another shape (a
city-state with districts, joint leads, Teilziele) must give answers that make sense for it.

If the data or a rule changes on purpose, regenerate with ``python -m tests.model.test_case_folders``
and review the diff before keeping it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from rahmengraph.model import questions
from rahmengraph.model.analysis import ANALYSES
from rahmengraph.model.analysis.report import Report
from rahmengraph.model.filters import Filters
from rahmengraph.model.loading.writing import load
from rahmengraph.model.store import GraphStore, open_store

CASES = Path(__file__).resolve().parents[1] / "cases"
QUESTION_FILES = sorted(CASES.glob("*/expected/questions/*.json"))
ANALYSIS_FILES = sorted(CASES.glob("*/expected/analyses.json"))
_STORES: dict[tuple[str, Path], GraphStore] = {}


def _store(folder: Path, engine: str = "oxigraph:memory") -> GraphStore:
    if (engine, folder) not in _STORES:
        store = open_store(engine)
        load(store, folder)
        _STORES[(engine, folder)] = store
    return _STORES[(engine, folder)]


def _folder(path: Path) -> Path:
    return path.parents[2] if path.parent.name == "questions" else path.parents[1]


def _norm(cell: str | None) -> str:
    """GROUP_CONCAT order is engine-specific: compare list cells as sorted lists."""
    return ";".join(sorted((cell or "").split(";")))


def question_rows(store: GraphStore, case: dict[str, Any]) -> list[list[str]]:
    table, _sparql = questions.run(store, case["question"], dict(case["params"]))
    return [[r[c] or "" for c in case["columns"]] for r in table.values()]


def _until_sources(columns: list[str]) -> int:
    return columns.index("Quellen") if "Quellen" in columns else len(columns)


def analysis_run(report: Report) -> dict[str, Any]:
    """A report as the golden file keeps it: summary, and every table's rows up to ``Quellen``."""
    tables = {}
    for t in report.tables:
        width = _until_sources(t.columns)
        tables[t.name] = {"explain": t.explain or "", "rows": [list(r[:width]) for r in t.rows]}
    return {"summary": report.summary, "tables": tables}


def _ids(paths: list[Path]) -> list[str]:
    return [f"{_folder(p).name}/{p.stem}" for p in paths]


@pytest.mark.parametrize("engine", ["oxigraph:memory", "memory"])
@pytest.mark.parametrize("path", QUESTION_FILES, ids=_ids(QUESTION_FILES))
def test_question_answers(path: Path, engine: str) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    got = sorted([_norm(c) for c in row] for row in question_rows(_store(_folder(path), engine), case))
    assert got == sorted([_norm(c) for c in row] for row in case["rows"])


@pytest.mark.parametrize("path", ANALYSIS_FILES, ids=_ids(ANALYSIS_FILES))
def test_analysis_answers(path: Path) -> None:
    store = _store(_folder(path))
    for run in json.loads(path.read_text(encoding="utf-8"))["runs"]:
        report = ANALYSES[run["analysis"]].run(store, Filters.from_mapping(run["filters"]), **run["options"])
        got = json.loads(json.dumps(analysis_run(report), ensure_ascii=False))
        where = f"{run['analysis']} {run['filters']} {run['options']}"
        assert got["summary"] == run["summary"], where
        for name, table in run["tables"].items():
            assert got["tables"][name] == table, f"{where}: {name}"


def test_every_expected_folder_is_checked() -> None:
    """Every ``expected/`` beside a case folder's tables holds questions and analyses that run."""
    folders = {p for p in CASES.iterdir() if (p / "expected").is_dir()}
    assert CASES / "hansestadt" in folders
    assert folders <= {_folder(p) for p in QUESTION_FILES} & {_folder(p) for p in ANALYSIS_FILES}


def regenerate() -> None:
    for path in QUESTION_FILES:
        case = json.loads(path.read_text(encoding="utf-8"))
        case["rows"] = question_rows(_store(_folder(path)), case)
        path.write_text(json.dumps(case, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for path in ANALYSIS_FILES:
        data = json.loads(path.read_text(encoding="utf-8"))
        for run in data["runs"]:
            report = ANALYSES[run["analysis"]].run(
                _store(_folder(path)), Filters.from_mapping(run["filters"]), **run["options"]
            )
            run.update(analysis_run(report))
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    regenerate()
    sys.exit(0)
