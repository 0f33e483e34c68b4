"""A query's own dataset (FROM / FROM NAMED), read so a remote store can send it as protocol parameters."""

from rahmengraph.model.graph_view import dataset_clause


def test_from_and_from_named_with_prefixes() -> None:
    query = (
        "PREFIX a: <http://x/>\nSELECT (<http://x#y> AS ?z)\nFROM <http://g/1>\nFROM NAMED a:b\n"
        'WHERE { ?s ?p "FROM <http://no>" } # FROM <http://c>'
    )
    assert dataset_clause(query) == (["http://g/1"], ["http://x/b"])


def test_none_without_clause_or_when_unreadable() -> None:
    assert dataset_clause("SELECT * WHERE { ?s ?p ?o }") is None
    assert dataset_clause("SELECT * FROM <relative> WHERE { ?s ?p ?o }") is None
    assert dataset_clause("SELECT * FROM x:y WHERE { ?s ?p ?o }") is None
