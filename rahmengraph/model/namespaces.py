"""Namespaces: the one place where the project's and the reused vocabularies' IRI roots are spelled.

The prefixes every query and Turtle file declares, and :func:`rg` to spell an ontology term.
"""

from __future__ import annotations

from typing import Final

#: Root of every IRI the project mints.
ROOT: Final = "https://w3id.org/rahmengraph/"
#: The ontology namespace (classes, properties, individuals of controlled vocabularies).
RG: Final = ROOT + "ontology#"
#: The ontology document itself (``owl:Ontology`` subject and named graph of the ontology).
ONTOLOGY_IRI: Final = ROOT + "ontology"
#: Version of the ontology and the IRI of that version (``owl:versionIRI``; served like the ontology).
ONTOLOGY_VERSION: Final = "0.1.0"
ONTOLOGY_VERSION_IRI: Final = f"{ONTOLOGY_IRI}/{ONTOLOGY_VERSION}"
#: Namespace of the SHACL shapes, and the shapes document (``shapes.ttl``, served at ``/shapes``).
SHAPES: Final = ROOT + "shapes#"
SHAPES_IRI: Final = ROOT + "shapes"
#: Default data base of the Bremen dataset (every dataset declares its own in ``rahmen.csv``).
BREMEN_BASE: Final = ROOT + "bremen/"

RDF: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS: Final = "http://www.w3.org/2000/01/rdf-schema#"
OWL: Final = "http://www.w3.org/2002/07/owl#"
XSD: Final = "http://www.w3.org/2001/XMLSchema#"
SKOS: Final = "http://www.w3.org/2004/02/skos/core#"
DCT: Final = "http://purl.org/dc/terms/"
PROV: Final = "http://www.w3.org/ns/prov#"
ORG: Final = "http://www.w3.org/ns/org#"
TIME: Final = "http://www.w3.org/2006/time#"
FOAF: Final = "http://xmlns.com/foaf/0.1/"
DCAT: Final = "http://www.w3.org/ns/dcat#"
SH: Final = "http://www.w3.org/ns/shacl#"
SD: Final = "http://www.w3.org/ns/sparql-service-description#"
QB: Final = "http://purl.org/linked-data/cube#"
#: W3C unique URIs for file formats (SPARQL service descriptions name result formats with them).
FORMATS: Final = "http://www.w3.org/ns/formats/"

#: Prefixes declared for every query (named questions, SPARQL editor, CLI) and for Turtle output.
PREFIXES: Final[dict[str, str]] = {
    "rg": RG,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "skos": SKOS,
    "dcterms": DCT,
    "prov": PROV,
    "org": ORG,
    "time": TIME,
    "foaf": FOAF,
    "dcat": DCAT,
    "qb": QB,
}


def sparql_prologue() -> str:
    """PREFIX lines for every namespace in :data:`PREFIXES`."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def rg(local: str) -> str:
    """Full IRI of an ontology term."""
    return RG + local
