"""Each named question returns the expected rows on the small test framework, on every engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rahmengraph.errors import NotFound, ParameterError
from rahmengraph.model import questions
from rahmengraph.model.loading.writing import load
from rahmengraph.model.store import GraphStore, open_store

CASES = sorted((Path(__file__).parent / "questions").glob("*.json"))


def _norm(cell: str | None) -> str:
    """GROUP_CONCAT order is engine-specific: compare list cells as sorted lists."""
    return ";".join(sorted((cell or "").split(";")))


def _rows(store: GraphStore, case: dict[str, object]) -> list[list[str]]:
    table, _sparql = questions.run(store, str(case["question"]), dict(case["params"]))  # type: ignore[arg-type]
    values = table.values()
    return sorted([_norm(r[c]) for c in case["columns"]] for r in values)  # type: ignore[attr-defined]


@pytest.fixture(scope="module", params=["oxigraph:memory", "memory"])
def engine_store(request: pytest.FixtureRequest, musterland_dir: Path) -> GraphStore:
    store = open_store(request.param)
    load(store, musterland_dir)
    return store


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_question_rows(path: Path, engine_store: GraphStore) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    want = sorted([_norm(c) for c in row] for row in case["rows"])
    assert _rows(engine_store, case) == want


def test_every_question_has_a_case() -> None:
    covered = {json.loads(p.read_text(encoding="utf-8"))["question"] for p in CASES}
    assert covered == set(questions.questions())


def test_every_question_is_documented() -> None:
    for q in questions.questions().values():
        assert q.title and q.title != q.name
        assert q.description
        for p in q.params:
            assert p.help


def test_bound_sparql_is_the_sparql_that_ran(musterland_store: GraphStore) -> None:
    table, sparql = questions.run(musterland_store, "massnahmen-handlungsfeld", {"field": "2"})
    assert "VALUES ?field { <https://w3id.org/rahmengraph/musterland/handlungsfeld/2> }" in sparql
    assert musterland_store.select(sparql).rows == table.rows


@pytest.mark.parametrize(
    ("name", "params", "error", "text"),
    [
        ("gibt-es-nicht", {}, NotFound, "Unbekannte Frage"),
        ("massnahmen-handlungsfeld", {}, ParameterError, "Parameter field fehlt"),
        ("massnahmen-handlungsfeld", {"field": "99"}, ParameterError, "Handlungsfeld '99'"),
        ("massnahmen-handlungsfeld", {"field": "1", "foo": "x"}, ParameterError, "unbekannte"),
        ("zustaendigkeit-ebene", {"role": "chef"}, ParameterError, "erlaubt: federfuehrend"),
    ],
)
def test_bad_parameters_name_the_parameter(
    musterland_store: GraphStore, name: str, params: dict[str, str], error: type[Exception], text: str
) -> None:
    with pytest.raises(error, match=text):
        questions.run(musterland_store, name, params)
