"""Serialization formats: media types, file suffixes and the engine names behind them (one table)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import pyoxigraph as ox


@dataclass(frozen=True)
class ResultFormat:
    """A SPARQL results format (SELECT/ASK)."""

    key: str
    media_type: str
    suffix: str
    oxigraph: ox.QueryResultsFormat
    rdflib: str
    help: str


@dataclass(frozen=True)
class GraphFormat:
    """An RDF graph serialization (CONSTRUCT/DESCRIBE, downloads, linked data)."""

    key: str
    media_type: str
    suffix: str
    oxigraph: ox.RdfFormat
    rdflib: str
    help: str
    dataset: bool = False  # serializes named graphs (quads), not one graph


RESULT_FORMATS: Final[dict[str, ResultFormat]] = {
    f.key: f
    for f in (
        ResultFormat(
            "json",
            "application/sparql-results+json",
            "srj",
            ox.QueryResultsFormat.JSON,
            "json",
            "SPARQL 1.1 Query Results JSON",
        ),
        ResultFormat(
            "xml",
            "application/sparql-results+xml",
            "srx",
            ox.QueryResultsFormat.XML,
            "xml",
            "SPARQL Query Results XML",
        ),
        ResultFormat("csv", "text/csv", "csv", ox.QueryResultsFormat.CSV, "csv", "SPARQL 1.1 CSV"),
        ResultFormat(
            "tsv",
            "text/tab-separated-values",
            "tsv",
            ox.QueryResultsFormat.TSV,
            "tsv",
            "SPARQL 1.1 TSV",
        ),
    )
}

GRAPH_FORMATS: Final[dict[str, GraphFormat]] = {
    f.key: f
    for f in (
        GraphFormat("ttl", "text/turtle", "ttl", ox.RdfFormat.TURTLE, "turtle", "Turtle"),
        GraphFormat("nt", "application/n-triples", "nt", ox.RdfFormat.N_TRIPLES, "nt", "N-Triples"),
        GraphFormat("jsonld", "application/ld+json", "jsonld", ox.RdfFormat.JSON_LD, "json-ld", "JSON-LD"),
        GraphFormat("rdfxml", "application/rdf+xml", "rdf", ox.RdfFormat.RDF_XML, "xml", "RDF/XML"),
        GraphFormat(
            "nq", "application/n-quads", "nq", ox.RdfFormat.N_QUADS, "nquads", "N-Quads", dataset=True
        ),
        GraphFormat("trig", "application/trig", "trig", ox.RdfFormat.TRIG, "trig", "TriG", dataset=True),
    )
}

#: The RDF formats a resource, the dataset description and the alternates of an HTML page offer
#: (Turtle first: the answer to ``*/*``).
LINKED_DATA_FORMATS: Final = ("ttl", "jsonld", "nt", "rdfxml")
