"""SPARQL 1.1 Protocol behaviour: methods, status codes, content types, every format parses."""

from __future__ import annotations

import io
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from fastapi.testclient import TestClient
from rdflib.query import Result

from rahmengraph.api.app import create_app
from rahmengraph.model.formats import GRAPH_FORMATS, RESULT_FORMATS
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.store import GraphStore
from tests.api.conftest import settings

SELECT = "PREFIX rg: <https://w3id.org/rahmengraph/ontology#> SELECT ?m WHERE { ?m a rg:Measure } ORDER BY ?m"
ASK = "PREFIX rg: <https://w3id.org/rahmengraph/ontology#> ASK { ?m a rg:Measure }"
RG = "PREFIX rg: <https://w3id.org/rahmengraph/ontology#> "
CONSTRUCT = RG + "CONSTRUCT { ?m a rg:Measure } WHERE { ?m a rg:Measure }"
MEASURES = 8


def count(body: bytes, fmt: ox.QueryResultsFormat) -> int:
    if fmt == ox.QueryResultsFormat.CSV:  # lossy format: Oxigraph does not parse it, rdflib does
        return len(Result.parse(io.BytesIO(body), format="csv").bindings)
    parsed = ox.parse_query_results(body, format=fmt)
    assert isinstance(parsed, ox.QuerySolutions)
    return sum(1 for _ in parsed)


@pytest.mark.parametrize("key", list(RESULT_FORMATS))
def test_select_in_every_results_format(client: TestClient, key: str) -> None:
    fmt = RESULT_FORMATS[key]
    response = client.get("/sparql", params={"query": SELECT}, headers={"accept": fmt.media_type})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == fmt.media_type
    assert count(response.content, fmt.oxigraph) == MEASURES


@pytest.mark.parametrize("key", ["json", "xml"])
def test_ask(client: TestClient, key: str) -> None:
    fmt = RESULT_FORMATS[key]
    response = client.post(
        "/sparql", content=ASK, headers={"content-type": "application/sparql-query", "accept": fmt.media_type}
    )
    assert response.status_code == 200
    assert bool(ox.parse_query_results(response.content, format=fmt.oxigraph)) is True


@pytest.mark.parametrize("key", ["ttl", "nt", "jsonld", "rdfxml"])
def test_construct_in_every_graph_format(client: TestClient, key: str) -> None:
    fmt = GRAPH_FORMATS[key]
    response = client.post("/sparql", data={"query": CONSTRUCT}, headers={"accept": fmt.media_type})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == fmt.media_type
    assert len(list(ox.parse(response.content, format=fmt.oxigraph))) == MEASURES
    assert len(rdflib.Graph().parse(data=response.content, format=fmt.rdflib)) == MEASURES


def test_three_ways_to_send_a_query_agree(client: TestClient) -> None:
    accept = {"accept": "text/tab-separated-values"}
    get = client.get("/sparql", params={"query": SELECT}, headers=accept)
    form = client.post("/sparql", data={"query": SELECT}, headers=accept)
    direct = client.post(
        "/sparql", content=SELECT.encode(), headers={**accept, "content-type": "application/sparql-query"}
    )
    assert get.status_code == form.status_code == direct.status_code == 200
    assert get.content == form.content == direct.content


@pytest.mark.parametrize(
    ("fmt", "media"),
    [("csv", "text/csv"), ("xml", "application/sparql-results+xml"), ("text/csv", "text/csv")],
)
def test_format_parameter_overrides_accept(client: TestClient, fmt: str, media: str) -> None:
    response = client.get(
        "/sparql",
        params={"query": SELECT, "format": fmt},
        headers={"accept": "application/sparql-results+json"},
    )
    assert response.headers["content-type"].split(";")[0] == media


def test_q_values_and_wildcards(client: TestClient) -> None:
    accept = "application/sparql-results+json;q=0.2, text/csv;q=0.9, */*;q=0.1"
    assert (
        client.get("/sparql", params={"query": SELECT}, headers={"accept": accept})
        .headers["content-type"]
        .startswith("text/csv")
    )
    wild = client.get("/sparql", params={"query": CONSTRUCT}, headers={"accept": "*/*"})
    assert wild.headers["content-type"].startswith("text/turtle")


def test_not_acceptable(client: TestClient) -> None:
    response = client.get(
        "/sparql", params={"query": CONSTRUCT}, headers={"accept": "application/sparql-results+json"}
    )
    assert response.status_code == 406
    assert response.json()["error"]["code"] == "not_acceptable"


def test_malformed_query_names_position(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT * WHERE {\n  ?s ?p \n}"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "malformed_query"
    assert error["problems"][0]["line"] == 3


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"data": {"default-graph-uri": "https://w3id.org/rahmengraph/musterland/"}},
        {"content": b"", "headers": {"content-type": "application/sparql-query"}},
        {"content": SELECT.encode(), "headers": {"content-type": "text/plain"}},
        {"data": {"query": SELECT, "update": "CLEAR ALL"}},
    ],
)
def test_bad_posts(client: TestClient, request_kwargs: dict[str, object]) -> None:
    response = client.post("/sparql", **request_kwargs)
    assert response.status_code == 400


def test_empty_query_parameter(client: TestClient) -> None:
    assert client.get("/sparql", params={"query": " "}).status_code == 400


def test_service_is_refused(client: TestClient) -> None:
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 403
    assert "SERVICE" in response.json()["error"]["message"]


def test_graphs_not_in_the_store_are_empty_store_graphs_answer(client: TestClient) -> None:
    remote = client.get(
        "/sparql", params={"query": "SELECT * FROM <http://evil.example/g> { ?s ?p ?o }", "format": "csv"}
    )
    assert remote.status_code == 200 and count(remote.content, ox.QueryResultsFormat.CSV) == 0
    bad_param = client.get("/sparql", params={"query": SELECT, "named-graph-uri": "http://evil.example/g"})
    assert bad_param.status_code == 200 and bad_param.json()["results"]["bindings"] == []
    not_an_iri = client.get("/sparql", params={"query": SELECT, "default-graph-uri": "kein iri"})
    assert not_an_iri.status_code == 400 and "default-graph-uri" in not_an_iri.json()["error"]["message"]
    own = client.get(
        "/sparql",
        params={
            "query": SELECT,
            "default-graph-uri": "https://w3id.org/rahmengraph/musterland/",
            "format": "csv",
        },
    )
    assert own.status_code == 200 and count(own.content, ox.QueryResultsFormat.CSV) == MEASURES
    onto = client.get(
        "/sparql",
        params={
            "query": SELECT,
            "default-graph-uri": "https://w3id.org/rahmengraph/ontology",
            "format": "csv",
        },
    )
    assert count(onto.content, ox.QueryResultsFormat.CSV) == 0


def test_service_description(client: TestClient) -> None:
    response = client.get("/sparql", headers={"accept": "text/turtle"})
    assert response.status_code == 200
    g = rdflib.Graph().parse(data=response.content, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    service = g.value(predicate=rdflib.RDF.type, object=sd.Service)
    assert service is not None and str(service).endswith("/sparql")
    names = {str(n) for n in g.objects(predicate=sd.name)}
    assert "https://w3id.org/rahmengraph/musterland/" in names
    assert (service, sd.supportedLanguage, sd.SPARQL11Update) not in g


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def test_browser_gets_the_editor(client: TestClient) -> None:
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = client.get("/sparql", headers={"accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    parser = _Tags()
    parser.feed(response.text)
    assert "html" in parser.tags and "body" in parser.tags


@pytest.fixture(scope="module")
def capped(musterland_loaded: tuple[GraphStore, Dataset], musterland_dir: Path) -> Iterator[TestClient]:
    store, ds = musterland_loaded
    with TestClient(create_app(settings(musterland_dir, max_rows=5, query_workers=1), store, ds)) as c:
        yield c


@pytest.mark.parametrize("key", list(RESULT_FORMATS))
def test_row_cap(capped: TestClient, key: str) -> None:
    fmt = RESULT_FORMATS[key]
    response = capped.get("/sparql", params={"query": SELECT, "format": key})
    assert response.headers["x-rahmengraph-truncated"] == "true"
    assert count(response.content, fmt.oxigraph) == 5
    limited = capped.get("/sparql", params={"query": SELECT + " LIMIT 3", "format": key})
    assert "x-rahmengraph-truncated" not in limited.headers
    assert count(limited.content, fmt.oxigraph) == 3
    own_limit = capped.get("/sparql", params={"query": SELECT + " LIMIT 7", "format": key})
    assert own_limit.headers["x-rahmengraph-truncated"] == "true"
    assert count(own_limit.content, fmt.oxigraph) == 5


def test_row_cap_on_graphs(capped: TestClient) -> None:
    response = capped.get("/sparql", params={"query": CONSTRUCT}, headers={"accept": "application/n-triples"})
    assert response.headers["x-rahmengraph-truncated"] == "true"
    assert len(rdflib.Graph().parse(io.BytesIO(response.content), format="nt")) == 5


def test_cors_preflight(client: TestClient) -> None:
    response = client.options(
        "/sparql",
        headers={
            "origin": "https://yasgui.example",
            "access-control-request-method": "POST",
            "access-control-request-headers": "content-type",
        },
    )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "https://yasgui.example"
    assert "POST" in response.headers["access-control-allow-methods"]
    simple = client.get("/sparql", params={"query": ASK}, headers={"origin": "https://yasgui.example"})
    assert simple.headers["access-control-allow-origin"] == "https://yasgui.example"
    other = client.options(
        "/sparql", headers={"origin": "https://evil.example", "access-control-request-method": "POST"}
    )
    assert other.status_code == 400


@pytest.mark.parametrize(
    ("method", "kwargs", "position"),
    [
        ("GET", {"url": "/sparql?query=ASK%20%7B%7D%20%23%20%FF"}, 10),
        (
            "POST",
            {
                "content": b"query=ASK%20%7B%7D%20%23%20%C3%28",
                "headers": {"content-type": "application/x-www-form-urlencoded"},
            },
            10,
        ),
        (
            "POST",
            {"content": b"ASK {} # \xe4", "headers": {"content-type": "application/sparql-query"}},
            10,
        ),
    ],
    ids=["get", "post-form", "post-direct"],
)
def test_invalid_utf8_is_refused_with_its_position(
    client: TestClient, method: str, kwargs: dict[str, object], position: int
) -> None:
    url = str(kwargs.pop("url", "/sparql"))
    response = client.request(method, url, **kwargs)  # type: ignore[arg-type]
    assert response.status_code == 400, response.text
    message = response.json()["error"]["message"]
    assert "UTF-8" in message and f"Byte {position}" in message
