"""A selection of the W3C SPARQL 1.1 evaluation tests, run through the HTTP endpoint.

The manifests in ``w3c/`` are read with rdflib; every query evaluation test whose files were
copied runs with its data in a named graph given as ``default-graph-uri``. Results are compared
as multisets of solutions (rdflib parses both sides).
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
import rdflib
from fastapi.testclient import TestClient
from rdflib.query import Result, ResultRow

from rahmengraph.api.app import create_app
from rahmengraph.model.loading.checking import read_dataset
from rahmengraph.model.stores.oxigraph import OxigraphStore
from tests.api.conftest import W3C, settings

MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
QT = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-query#")


def _path(term: Any) -> Path:
    return Path(str(term).removeprefix("file://"))


def evaluation_tests() -> list[tuple[str, Path, Path, Path]]:
    found = []
    for manifest in sorted(W3C.glob("*/manifest.ttl")):
        g = rdflib.Graph().parse(manifest, format="turtle", publicID=manifest.as_uri())
        for test in g.subjects(rdflib.RDF.type, MF.QueryEvaluationTest):
            action = g.value(test, MF.action)
            query, data, result = (
                g.value(action, QT.query),
                g.value(action, QT.data),
                g.value(test, MF.result),
            )
            files = [_path(x) for x in (query, data, result) if x is not None]
            if len(files) == 3 and all(f.exists() for f in files):
                name = f"{manifest.parent.name}/{str(test).rsplit('#', 1)[-1]}"
                found.append((name, files[0], files[1], files[2]))
    return found


TESTS = evaluation_tests()


def graph_name(data: Path) -> str:
    return f"http://w3c.example/{data.parent.name}/{data.name}"


@pytest.fixture(scope="module")
def w3c_client(musterland_dir: Path) -> Iterator[TestClient]:
    store = OxigraphStore()
    for _name, _q, data, _r in TESTS:
        triples = [
            q.triple for q in ox.parse(path=str(data), format=ox.RdfFormat.TURTLE, base_iri=data.as_uri())
        ]
        store.replace_graph(graph_name(data), triples)
    app = create_app(settings(musterland_dir, query_workers=1), store, read_dataset(musterland_dir))
    with TestClient(app) as client:
        yield client


NUMERIC = {rdflib.XSD.integer, rdflib.XSD.decimal, rdflib.XSD.double, rdflib.XSD.float}


def term(value: Any) -> Any:
    """Numbers compare by value (``2`` = ``2.0`` as xsd:decimal), blank nodes as "some blank node"."""
    if isinstance(value, rdflib.BNode):
        return ("bnode",)
    if isinstance(value, rdflib.Literal) and value.datatype in NUMERIC:
        return ("number", value.toPython())
    return value


def solutions(result: Result) -> Counter[frozenset[tuple[str, Any]]]:
    rows = [row for row in result if isinstance(row, ResultRow)]
    return Counter(frozenset((str(k), term(v)) for k, v in row.asdict().items()) for row in rows)


def test_manifest_selection_is_not_empty() -> None:
    assert len(TESTS) >= 8


@pytest.mark.parametrize(("name", "query", "data", "expected"), TESTS, ids=[t[0] for t in TESTS])
def test_evaluation(w3c_client: TestClient, name: str, query: Path, data: Path, expected: Path) -> None:
    fmt = {"srx": "xml", "srj": "json", "csv": "csv", "tsv": "tsv"}[expected.suffix.lstrip(".")]
    response = w3c_client.get(
        "/sparql",
        params={
            "query": query.read_text(encoding="utf-8"),
            "default-graph-uri": graph_name(data),
            "format": fmt,
        },
    )
    assert response.status_code == 200, response.text
    got = Result.parse(io.BytesIO(response.content), format=fmt)
    with expected.open("rb") as fh:
        want = Result.parse(fh, format=fmt)
    if want.type == "ASK":
        assert got.askAnswer == want.askAnswer
    else:
        assert solutions(got) == solutions(want)
