"""Standard clients unchanged against a real server: SPARQLWrapper and rdflib's SPARQLStore."""

from __future__ import annotations

from typing import Any

import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, TURTLE, XML, SPARQLWrapper

from tests.api.conftest import LiveServer

SELECT = "PREFIX rg: <https://w3id.org/rahmengraph/ontology#> SELECT ?m WHERE { ?m a rg:Measure }"


def test_sparqlwrapper(live: LiveServer) -> None:
    client = SPARQLWrapper(f"{live.url}/sparql")
    client.setQuery(SELECT)
    client.setReturnFormat(JSON)
    converted: Any = client.queryAndConvert()
    rows = converted["results"]["bindings"]
    assert len(rows) == 8
    client.setReturnFormat(XML)
    client.setMethod("POST")
    assert len(client.queryAndConvert().getElementsByTagName("result")) == 8  # type: ignore[union-attr]
    client.setQuery("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5")
    client.setReturnFormat(TURTLE)
    body = client.queryAndConvert()
    assert len(rdflib.Graph().parse(data=body, format="turtle")) == 5  # type: ignore[arg-type]


def test_rdflib_sparqlstore(live: LiveServer) -> None:
    graph = rdflib.Graph(SPARQLStore(f"{live.url}/sparql"))
    rows = list(graph.query(SELECT))
    assert len(rows) == 8
    measure = rdflib.URIRef("https://w3id.org/rahmengraph/musterland/massnahme/M-1-01")
    assert graph.value(measure, rdflib.RDFS.label) is not None
    assert graph.query("ASK { ?s ?p ?o }").askAnswer is True
