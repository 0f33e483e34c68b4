"""The W3C SPARQL 1.1 Protocol tests (``w3c/protocol/manifest.ttl``), run against the app.

Every ``mf:ProtocolTest`` sends its ``ht:Request``\\ s in order (``/sparql/`` becomes ``/sparql``) to
an app with updates enabled; each request carries the update token (``Authorization: Bearer``),
which the manifest cannot know. The ``ut:graphData`` files are loaded into named graphs with the
``rdfs:label`` IRIs, so the dataset tests run for real. A graph that a request names in
``default-graph-uri``/``named-graph-uri`` without data in the manifest (``data0.rdf``) is not in
the store: it is evaluated as an empty graph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from fastapi.testclient import TestClient
from rdflib.collection import Collection

from rahmengraph.api.app import create_app
from rahmengraph.model.loading.checking import read_dataset
from rahmengraph.model.stores.oxigraph import OxigraphStore
from tests.api.conftest import TOKEN, W3C, settings

MANIFEST = W3C / "protocol" / "manifest.ttl"
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = rdflib.Namespace("http://www.w3.org/2011/http#")
CNT = rdflib.Namespace("http://www.w3.org/2011/content#")
UT = rdflib.Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
STATUS = re.compile(r"http://www\.w3\.org/2011/http-statusCodes#StatusCode(\d)xx")

#: mf:expectedFormat → acceptable media types (the manifest's test names list them).
MEDIA_TYPES: dict[str, set[str]] = {
    "boolean": {"application/sparql-results+xml", "application/sparql-results+json"},
    "tabular": {
        "application/sparql-results+xml",
        "application/sparql-results+json",
        "text/csv",
        "text/tab-separated-values",
    },
    "RDF": {"application/rdf+xml", "text/turtle", "application/n-triples", "text/html"},
}


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    status_classes: frozenset[int]
    fmt: str | None
    boolean: bool | None


@dataclass(frozen=True)
class Case:
    name: str
    graphs: dict[str, Path]
    requests: list[Request]


def _items(g: rdflib.Graph, node: Any) -> list[Any]:
    return list(Collection(g, node)) if node is not None else []


def _request(g: rdflib.Graph, node: Any) -> Request:
    fields = _items(g, g.value(node, HT.headers))
    headers = {str(g.value(h, HT.fieldName)): str(g.value(h, HT.fieldValue)) for h in fields}
    body = g.value(node, HT.body)
    data = None
    if body is not None:
        data = str(g.value(body, CNT.chars)).encode(str(g.value(body, CNT.characterEncoding) or "UTF-8"))
    resp = g.value(node, HT.resp)
    statuses = [STATUS.fullmatch(str(s)) for s in g.objects(resp, MF.expectedStatus)]
    assert statuses and all(statuses), f"unbekannter Status in {node}"
    fmt, boolean = g.value(resp, MF.expectedFormat), g.value(resp, MF.expectedBoolean)
    path = str(g.value(node, HT.absolutePath))
    assert path.startswith("/sparql/")
    return Request(
        str(g.value(node, HT.methodName)),
        "/sparql" + path.removeprefix("/sparql/"),
        headers,
        data,
        frozenset(int(m.group(1)) for m in statuses if m),
        None if fmt is None else str(fmt),
        None if boolean is None else bool(boolean.toPython()),
    )


def protocol_tests() -> list[Case]:
    g = rdflib.Graph().parse(MANIFEST, format="turtle", publicID=MANIFEST.as_uri())
    cases = []
    for test in _items(g, g.value(rdflib.URIRef(MANIFEST.as_uri()), MF.entries)):
        if (test, rdflib.RDF.type, MF.ProtocolTest) not in g:
            continue
        graphs = {
            str(g.value(d, rdflib.RDFS.label)): Path(str(g.value(d, UT.graph)).removeprefix("file://"))
            for d in g.objects(test, UT.graphData)
        }
        requests = [_request(g, r) for r in _items(g, g.value(g.value(test, MF.action), HT.requests))]
        cases.append(Case(str(test).rsplit("#", 1)[-1], graphs, requests))
    return cases


CASES = protocol_tests()


def store_for(case: Case) -> OxigraphStore:
    """The manifest's graph data."""
    store = OxigraphStore()
    store.add_graphs(
        (iri, [q.triple for q in ox.parse(path=str(path), format=ox.RdfFormat.N_TRIPLES)])
        for iri, path in case.graphs.items()
    )
    return store


def check(response: httpx.Response, request: Request) -> None:
    """The response as the manifest expects it: status class, format, boolean."""
    assert response.status_code // 100 in request.status_classes, response.text
    if request.fmt is None:
        return
    media_type = response.headers["content-type"].split(";")[0].strip()
    assert media_type in MEDIA_TYPES[request.fmt]
    if request.fmt == "RDF":
        list(ox.parse(response.content, format=ox.RdfFormat.from_media_type(media_type)))
        return
    fmt = ox.QueryResultsFormat.from_media_type(media_type)
    assert fmt is not None
    results = ox.parse_query_results(response.content, format=fmt)
    if request.fmt == "boolean":
        assert isinstance(results, ox.QueryBoolean)
        if request.boolean is not None:
            assert bool(results) is request.boolean
    else:
        assert isinstance(results, ox.QuerySolutions)
        list(results)


def test_manifest_is_read() -> None:
    names = [c.name for c in CASES]
    assert names and len(set(names)) == len(names) and all(c.requests for c in CASES)
    assert any(c.graphs for c in CASES)  # the dataset tests get their data


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_protocol(case: Case, musterland_dir: Path) -> None:
    opts = settings(musterland_dir, allow_update=True, update_token=TOKEN, query_workers=1)
    app = create_app(opts, store_for(case), read_dataset(musterland_dir))
    with TestClient(app) as client:
        for request in case.requests:
            headers = {**request.headers, "authorization": f"Bearer {TOKEN}"}
            response = client.request(request.method, request.path, headers=headers, content=request.body)
            check(response, request)
