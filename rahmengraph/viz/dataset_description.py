"""The dataset described for portals and linked-data clients: DCAT-AP.de and VoID in one graph.

Served at ``/.well-known/void`` (RFC 5785, VoID §7.2). A Land registers its framework on GovData
with it: a ``dcat:Catalog`` with the dataset (title, description, publisher = the body that adopted
the framework, licence, temporal and spatial coverage, themes), one ``dcat:Distribution`` per
download of :data:`~rahmengraph.viz.distribution.DISTRIBUTIONS` and one for the SPARQL endpoint
(a ``dcat:DataService``), each edition as a version (``dcat:hasVersion``, once the store holds
editions). VoID adds the endpoint, the dumps, the size, the URI space and the vocabularies.

Download and endpoint URLs are absolute on the server that answers (``base_url``); the dataset is
named by its graph IRI, which dereferences.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Final

import pyoxigraph as ox

from rahmengraph.model import namespaces, vocab
from rahmengraph.model.store import GraphStore
from rahmengraph.viz.distribution import DISTRIBUTIONS

DCAT: Final = "http://www.w3.org/ns/dcat#"
VOID: Final = "http://rdfs.org/ns/void#"
FOAF_NS: Final = namespaces.FOAF
EU: Final = "http://publications.europa.eu/resource/authority/"
IANA: Final = "https://www.iana.org/assignments/media-types/"

#: Prefixes of the served document.
PREFIXES: Final = {
    **namespaces.PREFIXES,
    "dcat": DCAT,
    "void": VOID,
    "foaf": FOAF_NS,
}

#: Licence of the data unless the framework names its own (``dct:license`` on the framework):
#: Creative Commons BY 4.0 in the DCAT-AP.de licence vocabulary.
DEFAULT_LICENSE: Final = "http://dcat-ap.de/def/licenses/cc-by/4.0"
#: EU file types (DCAT-AP ``dct:format``) of the downloads that have one.
FILE_TYPES: Final = {
    "ttl": "RDF_TURTLE",
    "nt": "RDF_N_TRIPLES",
    "jsonld": "JSON_LD",
    "rdfxml": "RDF_XML",
    "nq": "RDF_N_QUADS",
    "trig": "RDF_TRIG",
    "xlsx": "XLSX",
    "csv": "ZIP",
    "pruefpaket": "ZIP",
    "graphml": "XML",
    "gexf": "XML",
}
#: Media types registered at IANA (``dcat:mediaType`` must name one); GraphML and GEXF are not.
UNREGISTERED: Final = {"application/graphml+xml", "application/gexf+xml"}
#: Vocabularies the data use (``void:vocabulary``).
VOCABULARIES: Final = (
    namespaces.ONTOLOGY_IRI,
    namespaces.SKOS,
    namespaces.PROV,
    namespaces.ORG,
    namespaces.DCT,
    namespaces.TIME,
    namespaces.FOAF,
)
#: Data themes of the EU vocabulary: government and public sector, population and society.
THEMES: Final = ("GOVE", "SOCI")

_FRAMEWORK_QUERY: Final = """
SELECT ?title ?description ?issued ?publisher ?name ?license WHERE {{
  GRAPH <{graph}> {{
    <{fw}> <http://purl.org/dc/terms/title> ?title .
    OPTIONAL {{ <{fw}> <http://purl.org/dc/terms/description> ?description }}
    OPTIONAL {{ <{fw}> <http://purl.org/dc/terms/issued> ?issued }}
    OPTIONAL {{ <{fw}> <{adopted}> ?publisher . OPTIONAL {{ ?publisher <{label}> ?name }} }}
    OPTIONAL {{ <{fw}> <http://purl.org/dc/terms/license> ?license }}
  }}
}} LIMIT 1
"""
_LEVELS_QUERY: Final = """
SELECT DISTINCT ?level WHERE {{ GRAPH <{graph}> {{
  ?level <{kind}> ?k . VALUES ?k {{ <{state}> <{municipal}> }} }} }}
"""
_EDITIONS_QUERY: Final = """
SELECT ?e ?p ?o WHERE {{
  <{fw}> <{has_version}> ?e . ?e ?p ?o .
  VALUES ?p {{ <{version}> <http://purl.org/dc/terms/title> <http://purl.org/dc/terms/issued>
              <{previous}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> }}
}}
"""


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _de(text: str) -> ox.Literal:
    return ox.Literal(text, language="de")


class _Out:
    def __init__(self) -> None:
        self.triples: list[ox.Triple] = []

    def add(
        self, s: ox.NamedNode | ox.BlankNode, p: str, o: ox.NamedNode | ox.BlankNode | ox.Literal
    ) -> None:
        self.triples.append(ox.Triple(s, _n(p), o))

    def iri(self, s: ox.NamedNode | ox.BlankNode, p: str, o: str) -> None:
        self.add(s, p, _n(o))


def _framework(store: GraphStore, graph: str, fw: str) -> dict[str, ox.NamedNode | ox.Literal | None]:
    query = _FRAMEWORK_QUERY.format(
        graph=graph, fw=fw, adopted=namespaces.RG + "adoptedBy", label=vocab.LABEL
    )
    rows = list(store.select(query))
    names = ("title", "description", "issued", "publisher", "name", "license")
    if not rows:
        return dict.fromkeys(names)
    return {n: v for n, v in zip(names, rows[0], strict=True)}  # type: ignore[misc]


def _distributions(out: _Out, ds: ox.NamedNode, ident: str, base_url: str, license_iri: str) -> Iterator[str]:
    for key, d in DISTRIBUTIONS.items():
        url = f"{base_url}/download/rahmengraph-{ident}.{d.suffix}"
        dist = _n(url)
        out.iri(ds, DCAT + "distribution", url)
        out.iri(dist, vocab.TYPE, DCAT + "Distribution")
        out.add(dist, vocab.TITLE, _de(d.help))
        out.iri(dist, DCAT + "accessURL", url)
        out.iri(dist, DCAT + "downloadURL", url)
        out.iri(dist, namespaces.DCT + "license", license_iri)
        if d.media_type not in UNREGISTERED:
            out.iri(dist, DCAT + "mediaType", IANA + d.media_type)
        if key in FILE_TYPES:
            out.iri(dist, namespaces.DCT + "format", EU + "file-type/" + FILE_TYPES[key])
        yield url


def describe(store: GraphStore, datasets: Sequence[tuple[str, str]], base_url: str) -> list[ox.Triple]:
    """The catalogue of the datasets served from ``base_url``: per (graph, framework IRI) one
    ``dcat:Dataset`` with its distributions (downloads of that framework), one SPARQL service for all."""
    base_url = base_url.rstrip("/")
    out = _Out()
    catalog, endpoint = _n(f"{base_url}/.well-known/void"), f"{base_url}/sparql"
    out.iri(catalog, vocab.TYPE, DCAT + "Catalog")
    out.add(catalog, vocab.TITLE, _de("rahmengraph: Rahmenkonzepte als Wissensgraph"))
    out.add(
        catalog,
        vocab.DESCRIPTION,
        _de(
            "Ressortübergreifende Rahmenkonzepte als RDF-Wissensgraph mit Quellen zu jedem Fakt, "
            "SPARQL-Endpunkt und Downloads."
        ),
    )
    out.iri(catalog, FOAF_NS + "homepage", base_url + "/")
    out.iri(catalog, namespaces.DCT + "language", EU + "language/DEU")
    service = _n(endpoint)
    out.iri(service, vocab.TYPE, DCAT + "DataService")
    out.add(service, vocab.TITLE, _de("SPARQL-Endpunkt von rahmengraph"))
    out.iri(service, DCAT + "endpointURL", endpoint)
    out.iri(service, DCAT + "endpointDescription", endpoint)
    out.iri(service, namespaces.DCT + "conformsTo", "https://www.w3.org/TR/sparql11-protocol/")
    out.iri(catalog, DCAT + "service", endpoint)
    licenses = []
    for i, (graph, framework) in enumerate(datasets):
        agent, license_iri = _dataset(out, store, graph, framework, base_url)
        out.iri(catalog, DCAT + "dataset", graph)
        out.iri(service, DCAT + "servesDataset", graph)
        licenses.append(license_iri)
        if i == 0:  # the catalogue is published by whoever publishes the first dataset
            out.add(catalog, namespaces.DCT + "publisher", agent)
    for license_iri in dict.fromkeys(licenses or [DEFAULT_LICENSE]):
        out.iri(service, namespaces.DCT + "license", license_iri)
    unique = list(dict.fromkeys(out.triples))
    return sorted(unique, key=lambda t: str(t.subject))  # grouped by subject: readable Turtle


def _dataset(
    out: _Out, store: GraphStore, graph: str, framework: str, base_url: str
) -> tuple[ox.NamedNode | ox.BlankNode, str]:
    """One dataset (``graph``, framework IRI ``framework``): its ``dcat:Dataset`` with downloads and
    the SPARQL distribution; returns (its publisher, its licence)."""
    ident = graph.rstrip("/").rsplit("/", 1)[-1]
    fw = _framework(store, graph, framework)
    ds, endpoint = _n(graph), f"{base_url}/sparql"
    title = fw["title"] if isinstance(fw["title"], ox.Literal) else _de(f"Rahmenkonzept {ident}")
    description = fw["description"] if isinstance(fw["description"], ox.Literal) else None
    license_iri = fw["license"].value if isinstance(fw["license"], ox.NamedNode) else DEFAULT_LICENSE

    out.iri(ds, vocab.TYPE, DCAT + "Dataset")
    out.iri(ds, vocab.TYPE, VOID + "Dataset")
    out.add(ds, vocab.TITLE, title)
    out.add(
        ds,
        vocab.DESCRIPTION,
        description
        or _de(
            f"{title.value}: Ziele, Handlungsfelder, Maßnahmen, Zuständigkeiten (federführend, "
            "beteiligt, auf welcher Ebene), Zielgruppen, Gremien und Kennzahlen als Wissensgraph; "
            "jede Angabe mit Quelle."
        ),
    )
    out.iri(ds, namespaces.DCT + "language", EU + "language/DEU")
    out.iri(ds, DCAT + "landingPage", base_url + "/")
    out.iri(ds, namespaces.DCT + "conformsTo", namespaces.ONTOLOGY_IRI)
    for theme in THEMES:
        out.iri(ds, DCAT + "theme", EU + "data-theme/" + theme)
    out.add(ds, DCAT + "keyword", _de("Rahmenkonzept"))
    out.add(ds, DCAT + "keyword", _de("Teilhabe"))
    out.add(ds, DCAT + "keyword", _de("Zuständigkeit"))

    publisher = fw["publisher"]
    agent: ox.NamedNode | ox.BlankNode = (
        publisher if isinstance(publisher, ox.NamedNode) else ox.BlankNode(f"herausgeber-{ident}")
    )
    name = fw["name"] if isinstance(fw["name"], ox.Literal) else _de("rahmengraph-Projekt")
    out.add(ds, namespaces.DCT + "publisher", agent)
    out.iri(agent, vocab.TYPE, FOAF_NS + "Agent")
    out.add(agent, FOAF_NS + "name", name)

    if isinstance(fw["issued"], ox.Literal):
        period = ox.BlankNode(f"zeitraum-{ident}")
        out.add(ds, namespaces.DCT + "temporal", period)
        out.iri(period, vocab.TYPE, namespaces.DCT + "PeriodOfTime")
        out.add(period, DCAT + "startDate", fw["issued"])
        out.add(ds, namespaces.DCT + "issued", fw["issued"])
    levels = store.select(
        _LEVELS_QUERY.format(
            graph=graph,
            kind=vocab.LEVEL_KIND,
            state=namespaces.rg("levelKindState"),
            municipal=namespaces.rg("levelKindMunicipal"),
        )
    )
    for (level,) in levels:
        if isinstance(level, ox.NamedNode):
            out.add(ds, namespaces.DCT + "spatial", level)

    dumps = list(_distributions(out, ds, ident, base_url, license_iri))
    sparql_dist = ox.BlankNode(f"sparql-{ident}")
    out.add(ds, DCAT + "distribution", sparql_dist)
    out.iri(sparql_dist, vocab.TYPE, DCAT + "Distribution")
    out.add(sparql_dist, vocab.TITLE, _de("SPARQL-1.1-Endpunkt (nur lesend)"))
    out.iri(sparql_dist, DCAT + "accessURL", endpoint)
    out.add(sparql_dist, DCAT + "accessService", _n(endpoint))
    out.iri(sparql_dist, namespaces.DCT + "license", license_iri)

    out.iri(ds, VOID + "sparqlEndpoint", endpoint)
    for url in dumps[:2]:  # Turtle and N-Triples
        out.iri(ds, VOID + "dataDump", url)
    out.add(
        ds, VOID + "triples", ox.Literal(str(store.count(graph)), datatype=_n(namespaces.XSD + "integer"))
    )
    out.add(ds, VOID + "uriSpace", ox.Literal(graph))
    for v in VOCABULARIES:
        out.iri(ds, VOID + "vocabulary", v)

    for e, p, o in store.select(
        _EDITIONS_QUERY.format(
            fw=framework,
            has_version=DCAT + "hasVersion",
            version=DCAT + "version",
            previous=DCAT + "previousVersion",
        )
    ):
        if isinstance(e, ox.NamedNode) and isinstance(p, ox.NamedNode) and o is not None:
            out.add(ds, DCAT + "hasVersion", e)
            out.triples.append(ox.Triple(e, p, o))
    return agent, license_iri
