"""OWL 2 RL closure of the ontology plus data: consistent for valid data, and clashes are detected."""

from __future__ import annotations

from pathlib import Path

import owlrl
import pytest
from owlrl.Namespaces import ERRNS
from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from rahmengraph.model import namespaces, vocab
from rahmengraph.model.ontology import ontology_graph

CASES = Path(__file__).parent / "cases"
INCONSISTENT = Path(__file__).parent / "inconsistent"
BREMEN = Path(__file__).parents[2] / "data" / "bremen"
INCONSISTENT_FILES = sorted(INCONSISTENT.glob("*.ttl"))


def closure(ontology: Graph, data: Path) -> Graph:
    ontology.parse(data, format="turtle")
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(ontology)
    return ontology


def clashes(graph: Graph) -> list[str]:
    """Every inconsistency in a closed graph.

    owlrl records clashes as ``err:ErrorMessage`` nodes; members of owl:Nothing and sameAs/differentFrom
    pairs are checked directly as well. owl:AllDifferent is checked here too because owlrl's rules
    eq-diff2/eq-diff3 never compare the last member of the list.
    """
    found = [str(graph.value(m, ERRNS.error)) for m in graph.subjects(RDF.type, ERRNS.ErrorMessage)]
    found += [f"owl:Nothing: {s}" for s in graph.subjects(RDF.type, OWL.Nothing)]
    found += [
        f"sameAs and differentFrom: {a} {b}"
        for a, b in graph.subject_objects(OWL.differentFrom)
        if (a, OWL.sameAs, b) in graph
    ]
    for node in graph.subjects(RDF.type, OWL.AllDifferent):
        for head in [*graph.objects(node, OWL.distinctMembers), *graph.objects(node, OWL.members)]:
            members = list(Collection(graph, head))
            found += [
                f"sameAs within AllDifferent: {a} {b}"
                for a in members
                for b in members
                if a != b and (a, OWL.sameAs, b) in graph
            ]
    return found


def test_ontology_alone_is_consistent(ontology: Graph) -> None:
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(ontology)
    assert clashes(ontology) == []


def test_valid_dataset_is_consistent(ontology: Graph) -> None:
    closed = closure(ontology, CASES / "valid.ttl")
    assert clashes(closed) == []
    sames = [(s, o) for s, o in closed.subject_objects(OWL.sameAs) if s != o]
    assert sames == []


@pytest.mark.parametrize("case", INCONSISTENT_FILES, ids=[p.stem for p in INCONSISTENT_FILES])
def test_inconsistent_data_is_detected(ontology: Graph, case: Path) -> None:
    assert clashes(closure(ontology, case)) != []


def test_closure_types_follow_the_alignments(ontology: Graph) -> None:
    closed = closure(ontology, CASES / "valid.ttl")
    base = namespaces.ROOT + "test/"

    def is_a(local: str, cls: str) -> bool:
        return (URIRef(base + local), RDF.type, URIRef(cls)) in closed

    assert is_a("massnahme/M-3.1-01", namespaces.PROV + "Activity")
    assert is_a("zustaendigkeit/M-3.1-01/beteiligt/ZGF", namespaces.PROV + "Association")
    assert is_a("akteur/SJIS", vocab.ACTOR)
    assert is_a("akteur/SJIS", namespaces.ORG + "Organization")
    assert is_a("akteur/SJIS", namespaces.PROV + "Agent")
    assert is_a("ebene/land", namespaces.SKOS + "Concept")
    assert is_a("zielgruppe/gefluechtete-frauen", namespaces.SKOS + "Concept")
    assert is_a("ereignis/0123456789", namespaces.TIME + "Instant")
    assert is_a("gremium/G-STR", namespaces.ORG + "Organization")
    # A reporting format is a procedure, not an organisation.
    assert not is_a("gremium/G-BER", namespaces.ORG + "Organization")
    # rg:level on a responsibility and on an actor must not turn them into measures.
    assert not is_a("zustaendigkeit/M-3.1-01/beteiligt/ZGF", vocab.MEASURE)
    assert not is_a("akteur/SJIS", vocab.MEASURE)
    # rg:successor and rg:predecessor are inverse.
    successor = (URIRef(base + "akteur/SJIS"), URIRef(vocab.SUCCESSOR), URIRef(base + "akteur/SASJI"))
    predecessor = (URIRef(base + "akteur/SASJI"), URIRef(vocab.PREDECESSOR), URIRef(base + "akteur/SJIS"))
    assert predecessor not in Graph().parse(CASES / "valid.ttl", format="turtle")
    assert successor in closed and predecessor in closed


def test_bremen_dataset_is_consistent_and_keeps_its_types(ontology: Graph) -> None:
    """Domains and ranges hold on the real data: no clash, and no entity gains an unasserted rg: type
    other than a superclass of one it has (a wrong rdfs:domain would add e.g. rg:Responsibility)."""
    from rahmengraph.model.formats import GRAPH_FORMATS
    from rahmengraph.model.loading.writing import load
    from rahmengraph.model.stores.oxigraph import OxigraphStore

    store = OxigraphStore()
    dataset = load(store, BREMEN)
    data = Graph().parse(data=store.dump(GRAPH_FORMATS["nt"], dataset.graph), format="nt")
    assert len(data) > 1000
    schema = ontology_graph()
    for triple in data:
        ontology.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(ontology)
    assert clashes(ontology) == []
    unexpected = []
    for node, cls in ontology.subject_objects(RDF.type):
        if not str(node).startswith(dataset.base) or not str(cls).startswith(namespaces.RG):
            continue
        asserted = set(data.objects(node, RDF.type))
        supers = {s for a in asserted for s in schema.transitive_objects(a, RDFS.subClassOf)}
        if cls not in supers:
            unexpected.append((str(node), str(cls)))
    assert unexpected == []
