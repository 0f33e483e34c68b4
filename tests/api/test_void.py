"""``/.well-known/void``: a DCAT-AP.de/VoID description a portal can harvest, valid against the
DCAT-AP.de mandatory properties (pySHACL), with every download, the SPARQL endpoint and each
edition as a version; linked from the start page."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pytest
import rdflib
from fastapi.testclient import TestClient
from lxml import html
from rdflib.namespace import DCTERMS, FOAF, RDF, VOID

from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.store import GraphStore
from rahmengraph.viz.dataset_description import describe
from rahmengraph.viz.distribution import DISTRIBUTIONS

SHAPES = Path(__file__).parent / "dcat" / "dcat-ap-de-pflicht.ttl"
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")  # open: rdflib's DCAT lacks the DCAT 3 terms


@pytest.fixture(scope="module")
def described(client: TestClient) -> rdflib.Graph:
    response = client.get("/.well-known/void", headers={"accept": "text/turtle"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    return rdflib.Graph().parse(data=response.content, format="turtle")


def test_description_is_valid_dcat_ap_de(described: rdflib.Graph) -> None:
    conforms, _report, text = pyshacl.validate(described, shacl_graph=rdflib.Graph().parse(SHAPES))
    assert conforms, text


def test_dataset_has_title_publisher_licence_coverage(described: rdflib.Graph) -> None:
    (ds,) = set(described.subjects(RDF.type, DCAT.Dataset))
    assert str(ds) == "https://w3id.org/rahmengraph/musterland/"
    assert (ds, RDF.type, VOID.Dataset) in described
    publisher = described.value(ds, DCTERMS.publisher)
    assert described.value(publisher, FOAF.name) is not None
    assert described.value(described.value(ds, DCTERMS.temporal), DCAT.startDate) is not None
    assert list(described.objects(ds, DCTERMS.spatial))
    assert int(described.value(ds, VOID.triples)) > 100


def test_every_download_and_the_endpoint_are_distributions(
    client: TestClient, described: rdflib.Graph
) -> None:
    (ds,) = set(described.subjects(RDF.type, DCAT.Dataset))
    urls = {str(described.value(d, DCAT.accessURL)) for d in described.objects(ds, DCAT.distribution)}
    downloads = {
        f"http://testserver/download/rahmengraph-musterland.{d.suffix}" for d in DISTRIBUTIONS.values()
    }
    assert downloads | {"http://testserver/sparql"} == urls
    for url in downloads:  # every listed file is there
        assert client.head(url).status_code == 200 or client.get(url).status_code == 200
    (service,) = set(described.subjects(RDF.type, DCAT.DataService))
    assert str(described.value(service, DCAT.endpointURL)) == "http://testserver/sparql"
    assert str(described.value(ds, VOID.sparqlEndpoint)) == "http://testserver/sparql"


def test_each_edition_is_a_version(own_store: tuple[GraphStore, Dataset]) -> None:
    """Editions in the store (``dcat:hasVersion`` of the framework) are versions of the dataset."""
    store, ds = own_store
    editions = [ds.base + "ausgabe/2021", ds.base + "ausgabe/2023"]
    triples = [
        ox.Triple(ox.NamedNode(ds.framework), ox.NamedNode(str(DCAT.hasVersion)), ox.NamedNode(e))
        for e in editions
    ]
    triples += [
        ox.Triple(ox.NamedNode(e), ox.NamedNode(str(DCAT.version)), ox.Literal(e[-4:])) for e in editions
    ]
    store.replace_graph(ds.base + "ausgaben", triples)
    described = rdflib.Graph().parse(
        data=ox.serialize(
            describe(store, [(ds.graph, ds.framework)], "http://host"), format=ox.RdfFormat.N_TRIPLES
        ),
        format="nt",
    )
    ds_node = rdflib.URIRef(ds.graph)
    assert {str(e) for e in described.objects(ds_node, DCAT.hasVersion)} == set(editions)
    assert {str(v) for v in described.objects(None, DCAT.version)} == {"2021", "2023"}


@pytest.mark.parametrize("accept", ["application/ld+json", "application/n-triples", "application/rdf+xml"])
def test_other_rdf_formats(client: TestClient, described: rdflib.Graph, accept: str) -> None:
    response = client.get("/.well-known/void", headers={"accept": accept})
    assert response.status_code == 200
    fmt = {"application/ld+json": "json-ld", "application/n-triples": "nt", "application/rdf+xml": "xml"}[
        accept
    ]
    assert len(rdflib.Graph().parse(data=response.content, format=fmt)) == len(described)


def test_start_page_links_the_description(client: TestClient) -> None:
    page = html.document_fromstring(client.get("/", headers={"accept": "text/html"}).text)
    assert "/.well-known/void" in {a.get("href") for a in page.iter("a")}
