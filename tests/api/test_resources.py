"""Linked data: every dataset and ontology IRI resolves, by Accept."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
import rdflib
from fastapi.testclient import TestClient

from rahmengraph.model.formats import GRAPH_FORMATS
from rahmengraph.model.iri_paths import local_path

MEASURE = "https://w3id.org/rahmengraph/musterland/massnahme/M-1-01"


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hrefs.extend(v for k, v in attrs if tag == "a" and k == "href" and v)


@pytest.mark.parametrize("key", ["ttl", "nt", "jsonld", "rdfxml"])
def test_resource_by_accept(client: TestClient, key: str) -> None:
    fmt = GRAPH_FORMATS[key]
    response = client.get(local_path(MEASURE) or "", headers={"accept": fmt.media_type})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == fmt.media_type
    g = rdflib.Graph().parse(data=response.content, format=fmt.rdflib)
    assert (
        rdflib.URIRef(MEASURE),
        rdflib.RDF.type,
        rdflib.URIRef("https://w3id.org/rahmengraph/ontology#Measure"),
    ) in g


def test_resource_html_for_browsers(client: TestClient) -> None:
    response = client.get(local_path(MEASURE) or "", headers={"accept": "text/html,*/*;q=0.8"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    parser = Links()
    parser.feed(response.text)
    assert parser.hrefs


def test_ontology_resolves(client: TestClient) -> None:
    response = client.get("/ontology", headers={"accept": "text/turtle"})
    g = rdflib.Graph().parse(data=response.content, format="turtle")
    assert (rdflib.URIRef("https://w3id.org/rahmengraph/ontology"), rdflib.RDF.type, rdflib.OWL.Ontology) in g


def test_every_measure_resolves(client: TestClient) -> None:
    for item in client.get("/api/massnahmen").json()["eintraege"]:
        assert client.get(item["seite"], headers={"accept": "application/n-triples"}).status_code == 200


def test_unknown_and_unacceptable(client: TestClient) -> None:
    assert client.get("/musterland/massnahme/NIX", headers={"accept": "text/turtle"}).status_code == 404
    assert client.get("/musterland/massnahme/NIX", headers={"accept": "text/html"}).status_code == 404
    assert client.get(local_path(MEASURE) or "", headers={"accept": "image/png"}).status_code == 406


@pytest.mark.parametrize(
    ("query", "browser", "heading"), [("", "en-GB,en", "Aussagen"), ("?lang=en", "de", "Statements")]
)
def test_entity_page_follows_the_site_language(
    client: TestClient, query: str, browser: str, heading: str
) -> None:
    """The site's switch (``?lang=``) decides, not the browser's Accept-Language."""
    path = (local_path(MEASURE) or "") + query
    response = client.get(path, headers={"accept": "text/html", "accept-language": browser})
    assert response.status_code == 200
    assert f'<h2 id="h-facts">{heading}</h2>' in response.text
