"""Fixtures for the ontology and shapes tests: fresh graphs and the case folders."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from rahmengraph.model.ontology import ontology_graph, shapes_graph

#: Hand-written instance data following docs/graph.md.
CASES = Path(__file__).parent / "cases"


@pytest.fixture
def ontology() -> Graph:
    """A fresh ontology graph (tests may add inferences)."""
    return ontology_graph()


@pytest.fixture
def shapes() -> Graph:
    """A fresh shapes graph."""
    return shapes_graph()


@pytest.fixture
def valid_data() -> Graph:
    """The valid example dataset (cases/valid.ttl)."""
    return Graph().parse(CASES / "valid.ttl", format="turtle")
