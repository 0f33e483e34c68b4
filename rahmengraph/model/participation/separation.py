"""The separation rule, checked: official graphs hold no participation input, participation graphs
hold nothing official (SHACL: ``NoParticipationInputShape`` in ``shapes.ttl`` and
``participation-shapes.ttl``)."""

from __future__ import annotations

import rdflib

from rahmengraph.model.formats import GRAPH_FORMATS
from rahmengraph.model.graph_view import is_participation_graph
from rahmengraph.model.namespaces import SHAPES
from rahmengraph.model.ontology import participation_shapes_graph
from rahmengraph.model.shacl import validate_graph
from rahmengraph.model.store import GraphStore
from rahmengraph.model.validation import Finding

#: The shape of ``shapes.ttl`` that finds participation input in an official graph.
NO_INPUT_SHAPE = SHAPES + "NoParticipationInputShape"


def _graph(store: GraphStore, name: str) -> rdflib.Graph:
    data = rdflib.Graph()
    data.parse(data=store.dump(GRAPH_FORMATS["nt"], name), format="nt")
    return data


def violations(store: GraphStore, base: str) -> list[Finding]:
    """Every breach of the separation in the graphs of the framework with base IRI ``base``."""
    found: list[Finding] = []
    for name in store.graphs():
        if not name.startswith(base):
            continue
        if is_participation_graph(name):
            found += validate_graph(_graph(store, name), name, participation_shapes_graph()).findings
        else:
            report = validate_graph(_graph(store, name), name)
            found += [f for f in report.findings if f.shape == NO_INPUT_SHAPE]
    return found
