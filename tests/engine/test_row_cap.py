"""The row cap: the cheap row bound over Oxigraph's output is never below the rows; exact cuts."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from rahmengraph.engine.row_cap import count_rows, cut_oxigraph, cut_results, needs_cap, rows_at_most
from rahmengraph.model.formats import RESULT_FORMATS
from tests.engine.conftest import CASES, count

#: Solutions with literals that look like row separators in every format, plus unbound variables.
TRICKY = "SELECT ?s ?o ?t WHERE { ?s ?p ?o OPTIONAL { ?t ?q ?s } }"


@pytest.fixture(scope="module")
def tricky() -> ox.Store:
    store = ox.Store()
    store.load(path=str(CASES / "tricky-literals.ttl"), format=ox.RdfFormat.TURTLE)
    return store


def _body(store: ox.Store, key: str, query: str = TRICKY) -> bytes:
    result = store.query(query)
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


@pytest.mark.parametrize("key", list(RESULT_FORMATS))
@pytest.mark.parametrize("max_rows", [1, 2, 3, 4, 5, 6, 9])
@pytest.mark.parametrize("query", [TRICKY, "SELECT ?s ?p WHERE { ?s ?p ?o }"])
def test_oxigraph_cut_keeps_the_rows_of_limit(tricky: ox.Store, key: str, max_rows: int, query: str) -> None:
    """Cut in Oxigraph's own output, the rows kept are byte for byte those of ``LIMIT max_rows``
    (literals that look like row separators included), without running the query again."""
    fmt = RESULT_FORMATS[key]
    ordered = f"{query} ORDER BY ?s ?o ?t" if query == TRICKY else f"{query} ORDER BY ?s ?p"
    limited = tricky.query(f"{ordered} LIMIT {max_rows}")
    assert isinstance(limited, ox.QuerySolutions)
    body, cut = cut_oxigraph(_body(tricky, key, ordered), fmt, max_rows)
    assert cut is (max_rows < 6)
    assert body == limited.serialize(format=fmt.oxigraph)


@pytest.mark.parametrize("key", ["json", "xml"])
def test_oxigraph_cut_with_rows_binding_nothing(key: str) -> None:
    """Rows binding no variable (``{}`` in JSON) are counted and cut like any other."""
    store = ox.Store()
    query = "SELECT ?a WHERE { VALUES ?a { UNDEF <http://example.org/x> UNDEF UNDEF } }"
    fmt = RESULT_FORMATS[key]
    whole = store.query(query)
    limited = store.query(f"{query} LIMIT 2")
    assert isinstance(whole, ox.QuerySolutions) and isinstance(limited, ox.QuerySolutions)
    body, cut = cut_oxigraph(whole.serialize(format=fmt.oxigraph) or b"", fmt, 2)
    assert cut is True
    assert count(body, key) == 2
