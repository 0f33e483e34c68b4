"""HTTP as linked-data clients and caches expect it: ``HEAD`` everywhere, HTML pages that name their
RDF versions (``Link`` header and ``<link rel="alternate">``), ``Vary`` on what the answer depends
on, and compacted JSON-LD against a published context that PyLD expands to the Turtle triples."""

from __future__ import annotations

import json
from typing import Any

import pytest
import rdflib
from fastapi.testclient import TestClient
from lxml import html
from pyld import jsonld
from rdflib.compare import isomorphic

from rahmengraph.model.formats import GRAPH_FORMATS, LINKED_DATA_FORMATS
from rahmengraph.model.iri_paths import local_path
from rahmengraph.model.jsonld import CONTEXT_IRI

MEASURE = "https://w3id.org/rahmengraph/musterland/massnahme/M-1-01"
PATH = local_path(MEASURE) or ""


@pytest.mark.parametrize(
    ("path", "accept"),
    [
        ("/", "text/html"),
        ("/ontologie", "text/html"),
        ("/api/massnahmen", "application/json"),
        (PATH, "text/html"),
        (PATH, "text/turtle"),
        ("/ontology", "text/turtle"),
        ("/download/rahmengraph-musterland.ttl", "*/*"),
        ("/.well-known/void", "text/turtle"),
        ("/context.jsonld", "application/ld+json"),
        ("/sparql", "text/turtle"),
    ],
)
def test_head_answers_like_get_without_body(client: TestClient, path: str, accept: str) -> None:
    got = client.get(path, headers={"accept": accept})
    head = client.head(path, headers={"accept": accept})
    assert got.status_code == 200, got.text[:200]
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]


def test_html_page_names_its_rdf_versions(client: TestClient) -> None:
    response = client.get(PATH, headers={"accept": "text/html"})
    links = {
        (m.group(2), m.group(1))
        for m in __import__("re").finditer(
            r'<([^>]+)>; rel="alternate"; type="([^"]+)"', response.headers["link"]
        )
    }
    page = html.document_fromstring(response.text)
    in_head = {(e.get("type"), e.get("href")) for e in page.iter("link") if e.get("rel") == "alternate"}
    expected = {(GRAPH_FORMATS[k].media_type, f"{PATH}?format={k}") for k in LINKED_DATA_FORMATS}
    assert links == in_head == expected
    for media, href in expected:  # each names what it gives
        assert client.get(href).headers["content-type"].startswith(media)


def _vary(response: Any) -> set[str]:
    return {v.strip().lower() for v in response.headers.get("vary", "").split(",")}


def test_vary_names_what_the_answer_depends_on(client: TestClient) -> None:
    page = client.get(PATH, headers={"accept": "text/html", "accept-language": "en"})
    assert {"accept", "accept-language"} <= _vary(page)
    see_other = client.get("/musterland/", headers={"accept": "text/html"}, follow_redirects=False)
    assert see_other.status_code == 303 and "accept" in _vary(see_other)
    refused = client.get(PATH, headers={"accept": "image/png"})
    assert refused.status_code == 406 and "accept" in _vary(refused)


def test_compacted_jsonld_expands_to_the_turtle_triples_in_pyld(client: TestClient) -> None:
    published = client.get("/context.jsonld")
    assert published.headers["link"] == f'<{CONTEXT_IRI}>; rel="canonical"'
    context = published.json()
    assert context["@context"]["rg"] == "https://w3id.org/rahmengraph/ontology#"

    def loader(url: str, options: Any = None) -> dict[str, Any]:
        raise AssertionError(f"PyLD wanted to fetch {url}: the document must be self-contained")

    doc = json.loads(client.get(PATH, headers={"accept": "application/ld+json"}).content)
    assert doc["@context"] == context["@context"]  # the published context, inline
    assert "rdfs:label" in json.dumps(doc)  # compact: prefixed names, not full IRIs
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads", "documentLoader": loader})
    from_pyld = rdflib.Graph().parse(data=nquads, format="nt")
    turtle = rdflib.Graph().parse(
        data=client.get(PATH, headers={"accept": "text/turtle"}).content, format="turtle"
    )
    assert len(turtle) > 10 and isomorphic(from_pyld, turtle)
