"""The Accept parser: q-values, wildcards, specificity, malformed items."""

from __future__ import annotations

import pytest

from rahmengraph.engine.negotiation import choose, explicitly_accepts, parse_accept, quality

OFFERS = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/html"]

CASES = [
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("text/csv", "text/csv"),
    ("text/*", "text/csv"),
    ("application/sparql-results+xml;q=0.9, text/csv;q=0.5", "application/sparql-results+xml"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
    ("*/*;q=0.1, text/csv;q=0", "application/sparql-results+json"),
    ("text/*;q=1, text/csv;q=0", "text/html"),
    ("image/png", None),
    ("garbage, text/csv;q=notanumber, application/sparql-results+xml", "application/sparql-results+xml"),
    ("APPLICATION/SPARQL-RESULTS+XML", "application/sparql-results+xml"),
]


@pytest.mark.parametrize(("accept", "expected"), CASES)
def test_choose(accept: str | None, expected: str | None) -> None:
    assert choose(parse_accept(accept), OFFERS)[0] == expected


def test_most_specific_range_decides() -> None:
    ranges = parse_accept("text/*;q=0.3, text/csv;q=0.7, */*;q=0.1")
    assert quality(ranges, "text/csv") == 0.7
    assert quality(ranges, "text/html") == 0.3
    assert quality(ranges, "application/json") == 0.1


def test_explicit_acceptance_ignores_wildcards() -> None:
    assert explicitly_accepts(parse_accept("text/html;q=0.5"), "text/html")
    assert not explicitly_accepts(parse_accept("*/*"), "text/html")
    assert not explicitly_accepts(parse_accept("text/html;q=0"), "text/html")
