"""The documents among the project IRIs dereference: the ontology under its IRI and its version IRI,
the shapes under the IRI the ontology cites; the ontology's one-language renditions download."""

from __future__ import annotations

import pyoxigraph as ox
import rdflib
from fastapi.testclient import TestClient
from rdflib.namespace import OWL, RDF, RDFS, SH

from rahmengraph.model import namespaces
from rahmengraph.model.ontology import ontology_graph, shapes_graph

TURTLE = {"accept": "text/turtle"}


def _graph(body: bytes) -> rdflib.Graph:
    return rdflib.Graph().parse(data=body, format="turtle")


def test_the_ontology_cites_what_is_served() -> None:
    onto = ontology_graph()
    iri = rdflib.URIRef(namespaces.ONTOLOGY_IRI)
    assert onto.value(iri, OWL.versionIRI) == rdflib.URIRef(namespaces.ONTOLOGY_VERSION_IRI)
    assert rdflib.URIRef(namespaces.SHAPES_IRI) in set(onto.objects(iri, RDFS.seeAlso))
    assert (rdflib.URIRef(namespaces.SHAPES_IRI), RDF.type, OWL.Ontology) in shapes_graph()


def test_version_iri_answers_with_the_whole_ontology(client: TestClient) -> None:
    response = client.get("/ontology/0.1.0", headers=TURTLE)
    assert response.status_code == 200
    g = _graph(response.content)
    assert len(g) == len(ontology_graph())
    assert (
        rdflib.URIRef(namespaces.ONTOLOGY_IRI),
        OWL.versionIRI,
        rdflib.URIRef(namespaces.ONTOLOGY_VERSION_IRI),
    ) in g


def test_shapes_iri_answers_with_the_shapes(client: TestClient) -> None:
    response = client.get("/shapes", headers={"accept": "application/n-triples"})
    assert response.status_code == 200
    triples = list(ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES))
    assert len(triples) == len(shapes_graph())
    g = _graph(client.get("/shapes", headers=TURTLE).content)
    assert len(set(g.subjects(RDF.type, SH.NodeShape))) > 10


def test_documents_in_a_browser_lead_to_the_documentation(client: TestClient) -> None:
    for path in ("/shapes", "/ontology/0.1.0"):
        response = client.get(path, headers={"accept": "text/html"}, follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"] == "/ontologie"


def test_one_language_renditions(client: TestClient) -> None:
    for lang in ("de", "en"):
        response = client.get(f"/ontologie/rahmengraph.{lang}.ttl")
        assert response.status_code == 200
        g = _graph(response.content)
        langs = {o.language for o in g.objects() if isinstance(o, rdflib.Literal)}
        assert langs == {lang, None}
        assert len(set(g.subjects(RDF.type, OWL.Class))) == len(
            set(ontology_graph().subjects(RDF.type, OWL.Class))
        )
