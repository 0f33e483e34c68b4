"""The row cap: the cheap row bound over Oxigraph's output is never below the rows; exact cuts."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from rahmengraph.engine.row_cap import count_rows, cut_results, needs_cap, rows_at_most
from rahmengraph.model.formats import RESULT_FORMATS
from tests.engine.conftest import CASES, count

#: Solutions with literals that look like row separators in every format, plus unbound variables.
TRICKY = "SELECT ?s ?o ?t WHERE { ?s ?p ?o OPTIONAL { ?t ?q ?s } }"


@pytest.fixture(scope="module")
def tricky() -> ox.Store:
    store = ox.Store()
    store.load(path=str(CASES / "tricky-literals.ttl"), format=ox.RdfFormat.TURTLE)
    return store


def _body(store: ox.Store, key: str) -> bytes:
    result = store.query(TRICKY)
    assert isinstance(result, ox.QuerySolutions)
    return result.serialize(format=RESULT_FORMATS[key].oxigraph) or b""


@pytest.mark.parametrize("key", list(RESULT_FORMATS))
def test_row_bound_is_never_below_the_rows(tricky: ox.Store, key: str) -> None:
    fmt = RESULT_FORMATS[key]
    result = tricky.query(TRICKY)
    assert isinstance(result, ox.QuerySolutions)
    rows = len(list(result))
    again = tricky.query(TRICKY)
    assert isinstance(again, ox.QuerySolutions)
    body = again.serialize(format=fmt.oxigraph) or b""
    assert count(body, key) == rows == 6
    assert rows_at_most(body, fmt) >= rows
    if key in ("xml", "tsv"):  # markers that cannot occur inside values: exact
        assert rows_at_most(body, fmt) == rows


@pytest.mark.parametrize("key", list(RESULT_FORMATS))
@pytest.mark.parametrize(("max_rows", "rows", "truncated"), [(6, 6, False), (10, 6, False), (4, 4, True)])
def test_cut_keeps_at_most_max_rows(
    tricky: ox.Store, key: str, max_rows: int, rows: int, truncated: bool
) -> None:
    fmt = RESULT_FORMATS[key]
    body, cut = cut_results(_body(tricky, key), fmt, max_rows)
    assert cut is truncated
    assert count(body, key) == count_rows(body, fmt) == rows


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", True),
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 5", False),
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 11", True),
        ("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 10 OFFSET 3", False),
    ],
)
def test_needs_cap_reads_the_own_limit(query: str, expected: bool) -> None:
    assert needs_cap(query, 10) is expected
