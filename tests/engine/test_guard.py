"""The SSRF guard: SERVICE and LOAD are refused, FROM is left to the dataset; the cheap path stays cheap."""

from __future__ import annotations

import pytest

from rahmengraph.engine.guard import check_query, check_update, keywords, needs_check, unescape
from rahmengraph.errors import Forbidden

REFUSED = [
    "SELECT * WHERE { SERVICE <http://169.254.169.254/latest/> { ?s ?p ?o } }",
    "select * where { optional { service silent <http://localhost:9/> { ?s ?p ?o } } }",
    "PREFIX x: <http://evil/> SELECT * WHERE { SERVICE x:sparql { ?s ?p ?o } }",
    "SELECT * WHERE { SERVIC\\u0045 <http://evil/> { ?s ?p ?o } }",
    "SELECT * FROM <http://example.org/g> WHERE { SERVICE <http://evil/> { ?s ?p ?o } }",
]
ALLOWED = [
    "SELECT * WHERE { ?s ?p ?o }",
    'SELECT * WHERE { ?s ?p "SERVICE from LOAD" }',
    "SELECT * WHERE { ?s <http://example.org/service> ?o } # SERVICE <x>",
    "SELECT * FROM <https://w3id.org/rahmengraph/musterland/> WHERE { ?s ?p ?o }",
    # graphs the store does not hold are empty graphs (never fetched): tests/api/test_datasets.py
    "SELECT * FROM <http://evil.example/data.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "PREFIX rg: <https://w3id.org/rahmengraph/ontology#> SELECT * WHERE { ?a rg:validFrom ?d }",
]


@pytest.mark.parametrize("query", REFUSED)
def test_refused(query: str) -> None:
    with pytest.raises(Forbidden):
        check_query(query)


@pytest.mark.parametrize("query", ALLOWED)
def test_allowed(query: str) -> None:
    assert check_query(query) is None  # no Forbidden raised


def test_cheap_precheck_skips_plain_queries() -> None:
    assert not needs_check("PREFIX rg: <x#> SELECT ?a WHERE { ?a rg:validFrom ?b }")
    assert needs_check("SELECT * { SERVICE <x> {} }")
    assert not needs_check("SELECT * FROM <http://example.org/g> { ?s ?p ?o }")


def test_lexical_fallback_sees_keywords_outside_strings_and_iris() -> None:
    assert keywords('SELECT * { ?s ?p "SERVICE" . ?s <http://x/LOAD> ?o } # FROM') == set()
    assert keywords("SELECT * { service <x> {} }") == {"SERVICE"}
    assert unescape("\\u0053ERVICE") == "SERVICE"


@pytest.mark.parametrize(
    "update",
    ["LOAD <http://evil.example/x.ttl>", "INSERT { ?s ?p ?o } WHERE { SERVICE <http://evil/> { ?s ?p ?o } }"],
)
def test_updates_may_not_fetch(update: str) -> None:
    with pytest.raises(Forbidden):
        check_update(update)
