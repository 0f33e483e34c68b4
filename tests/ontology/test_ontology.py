"""The OWL ontology: parses everywhere, declares every term of vocab.py and value_lists.py, in de and en."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from rahmengraph.model import namespaces, value_lists, vocab
from rahmengraph.model.ontology import (
    ontology_graph,
    ontology_turtle,
    shapes_graph,
    shapes_turtle,
)

DECLARATION_TYPES = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
)
DCT_TITLE = URIRef(vocab.TITLE)
DCT_DESCRIPTION = URIRef(vocab.DESCRIPTION)
DCT_LICENSE = URIRef(namespaces.DCT + "license")


def vocab_terms() -> list[value_lists.Term]:
    """Every controlled value in the module-level tables of value_lists.py."""
    return [
        term
        for value in vars(value_lists).values()
        if isinstance(value, dict)
        for term in value.values()
        if isinstance(term, value_lists.Term)
    ]


def vocab_iris() -> set[str]:
    """Every rg: IRI vocab.py spells (module-level string constants) and the value lists' Term.iri values."""
    constants = {
        value
        for value in vars(vocab).values()
        if isinstance(value, str) and value.startswith(namespaces.RG) and value != namespaces.RG
    }
    return constants | {term.iri for term in vocab_terms()}


def declared(graph: Graph) -> set[URIRef]:
    """rg: terms typed as an OWL class, property or named individual."""
    return {
        subject
        for kind in DECLARATION_TYPES
        for subject in graph.subjects(RDF.type, kind)
        if isinstance(subject, URIRef) and str(subject).startswith(namespaces.RG)
    }


def texts(graph: Graph, subject: URIRef, predicate: URIRef, lang: str) -> list[str]:
    return [
        str(o) for o in graph.objects(subject, predicate) if isinstance(o, Literal) and o.language == lang
    ]


@pytest.mark.parametrize("turtle", [ontology_turtle, shapes_turtle], ids=["ontology", "shapes"])
def test_turtle_parses_with_rdflib_and_pyoxigraph(turtle: object) -> None:
    assert callable(turtle)
    text = turtle()
    rdflib_count = len(Graph().parse(data=text, format="turtle"))
    oxigraph_count = len(list(pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.TURTLE)))
    assert rdflib_count > 0
    assert oxigraph_count == rdflib_count


def test_ontology_header(ontology: Graph) -> None:
    iri = URIRef(namespaces.ONTOLOGY_IRI)
    assert list(ontology.subjects(RDF.type, OWL.Ontology)) == [iri]
    assert ontology.value(iri, OWL.versionInfo) == Literal("0.1.0")
    assert ontology.value(iri, DCT_LICENSE) is not None
    for lang in ("de", "en"):
        assert texts(ontology, iri, DCT_TITLE, lang), lang
        description = " ".join(texts(ontology, iri, DCT_DESCRIPTION, lang))
        for reused in ("ORG", "SKOS", "PROV-O", "DCTERMS", "OWL-Time", "FOAF"):
            assert reused in description, (lang, reused)


def test_every_vocab_iri_is_declared(ontology: Graph) -> None:
    missing = sorted(vocab_iris() - {str(t) for t in declared(ontology)})
    assert missing == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_declared_term_has_one_label_and_a_definition(ontology: Graph, lang: str) -> None:
    terms = declared(ontology)
    assert len(terms) >= len(vocab_iris())
    unlabelled = sorted(str(t) for t in terms if len(texts(ontology, t, RDFS.label, lang)) != 1)
    undefined = sorted(str(t) for t in terms if not texts(ontology, t, SKOS.definition, lang))
    assert unlabelled == []
    assert undefined == []


@pytest.mark.parametrize("term", vocab_terms(), ids=lambda t: t.iri.removeprefix(namespaces.RG))
def test_labels_match_vocab(ontology: Graph, term: value_lists.Term) -> None:
    iri = URIRef(term.iri)
    assert texts(ontology, iri, RDFS.label, "de") == [term.label_de]
    assert texts(ontology, iri, RDFS.label, "en") == [term.label_en]
    if (iri, RDF.type, OWL.NamedIndividual) in ontology:
        assert texts(ontology, iri, SKOS.prefLabel, "de") == [term.label_de]
        assert texts(ontology, iri, SKOS.prefLabel, "en") == [term.label_en]
        assert ontology.value(iri, SKOS.notation) == Literal(term.cell)


CONCEPT_TABLES = {
    "EVIDENCE": vocab.EVIDENCE_LEVEL,
    "CERTAINTY": vocab.CERTAINTY_LEVEL,
    "LEVEL_BASES": vocab.LEVEL_BASIS,
    "DIMENSIONS": vocab.DIMENSION,
    # rg:LevelKind is declared by the ontology only (value_lists.py has no constant for it).
    "LEVEL_KINDS": namespaces.rg("LevelKind"),
}


@pytest.mark.parametrize("table", sorted(CONCEPT_TABLES))
def test_controlled_lists_are_skos_schemes(ontology: Graph, table: str) -> None:
    terms: dict[str, value_lists.Term] = getattr(value_lists, table)
    schemes = {ontology.value(URIRef(t.iri), SKOS.inScheme) for t in terms.values()}
    assert len(schemes) == 1
    scheme = schemes.pop()
    assert scheme is not None
    # a value list: a skos:ConceptScheme by rg:ValueList (the ontology stays the file's one document)
    assert (scheme, RDF.type, URIRef(namespaces.rg("ValueList"))) in ontology
    assert (URIRef(namespaces.rg("ValueList")), RDFS.subClassOf, SKOS.ConceptScheme) in ontology
    members = set(ontology.subjects(SKOS.inScheme, scheme))
    assert members == {URIRef(t.iri) for t in terms.values()}
    expected_class: str = CONCEPT_TABLES[table]
    for term in terms.values():
        classes = set(ontology.objects(URIRef(term.iri), RDF.type)) - {OWL.NamedIndividual}
        assert len(classes) == 1
        (cls,) = classes
        assert cls == URIRef(expected_class)
        assert (cls, RDFS.subClassOf, SKOS.Concept) in ontology


@pytest.mark.parametrize(
    ("table", "parent"),
    [("ACTOR_TYPES", vocab.ACTOR), ("INITIATIVE_TYPES", vocab.INITIATIVE), ("BODY_TYPES", vocab.BODY)],
)
def test_kind_tables_are_subclasses(ontology: Graph, table: str, parent: str) -> None:
    terms: dict[str, value_lists.Term] = getattr(value_lists, table)
    for term in terms.values():
        assert (URIRef(term.iri), RDFS.subClassOf, URIRef(parent)) in ontology, term.iri


def test_roles_are_prov_roles(ontology: Graph) -> None:
    assert (URIRef(vocab.ROLE), RDFS.subClassOf, URIRef(namespaces.PROV + "Role")) in ontology
    for term in value_lists.ROLES.values():
        assert (URIRef(term.iri), RDF.type, URIRef(vocab.ROLE)) in ontology


def test_successor_and_predecessor_are_inverse(ontology: Graph) -> None:
    assert (URIRef(vocab.SUCCESSOR), OWL.inverseOf, URIRef(vocab.PREDECESSOR)) in ontology


def test_ontology_graph_is_fresh_each_call() -> None:
    first = ontology_graph()
    first.remove((None, None, None))
    assert len(ontology_graph()) > 0


def test_shapes_graph_is_fresh_each_call() -> None:
    first = shapes_graph()
    second = shapes_graph()
    assert first is not second
    size = len(second)
    first.add((URIRef(namespaces.SHAPES + "Extra"), RDFS.label, Literal("nur im ersten Graphen")))
    first.remove((None, RDFS.label, None))
    assert len(second) == size
    assert len(shapes_graph()) == size
