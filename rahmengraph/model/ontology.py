"""The rahmengraph ontology (OWL 2) and its SHACL shapes, read from package data.

Both files live in ``rahmengraph/ontology/`` as Turtle. Graphs are parsed afresh on every call:
pySHACL and OWL-RL add triples to the graphs they are given, so a shared graph would carry one
validation's inferences into the next. The shapes are self-sufficient: they need no ontology
beside the data (``pyshacl -s shapes.ttl data.ttl`` is what ``rahmengraph validate`` runs).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import pyoxigraph as ox

from rahmengraph.model.store import Triple

if TYPE_CHECKING:  # rdflib only when a graph is asked for: server start-up parses with Oxigraph
    from rdflib import Graph

#: Package that holds the Turtle files.
PACKAGE = "rahmengraph.ontology"
#: File names inside :data:`PACKAGE`.
ONTOLOGY_FILE = "rahmengraph.ttl"
SHAPES_FILE = "shapes.ttl"
#: SHACL shapes of the participation graphs (``{base}beteiligung/…``).
PARTICIPATION_SHAPES_FILE = "participation-shapes.ttl"


@cache
def _read(name: str) -> str:
    return resources.files(PACKAGE).joinpath(name).read_text(encoding="utf-8")


def ontology_turtle() -> str:
    """The ontology document (``rahmengraph.ttl``) as Turtle text."""
    return _read(ONTOLOGY_FILE)


@cache
def ontology_triples() -> tuple[Triple, ...]:
    """The ontology as triples (parsed once per process, with Oxigraph)."""
    return tuple(q.triple for q in ox.parse(ontology_turtle(), format=ox.RdfFormat.TURTLE))


def shapes_turtle() -> str:
    """The SHACL shapes (``shapes.ttl``) as Turtle text."""
    return _read(SHAPES_FILE)


def ontology_in(lang: str) -> str:
    """The ontology with the texts of one language only (``de`` or ``en``; untagged texts stay).

    Same axioms, one label and definition per term: documentation generators such as pyLODE print
    every label of a term side by side ("AkteurActor") and take the ontology's title as it is.
    """
    from rdflib import Literal

    graph = ontology_graph()
    for s, p, o in list(graph):
        if isinstance(o, Literal) and o.language not in (None, lang):
            graph.remove((s, p, o))
    return graph.serialize(format="turtle")


def _graph(text: str) -> Graph:
    from rdflib import Graph

    graph = Graph()
    graph.parse(data=text, format="turtle")
    return graph


def ontology_graph() -> Graph:
    """A fresh rdflib graph of the ontology (callers may add inferences to it)."""
    return _graph(ontology_turtle())


def shapes_graph() -> Graph:
    """A fresh rdflib graph of the SHACL shapes (pySHACL may add triples to the one it gets)."""
    return _graph(shapes_turtle())


def participation_shapes_graph() -> Graph:
    """A fresh rdflib graph of the participation graphs' SHACL shapes."""
    return _graph(_read(PARTICIPATION_SHAPES_FILE))
