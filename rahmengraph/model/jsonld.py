"""Compacted JSON-LD: one published context, and documents written against it.

The context (``https://w3id.org/rahmengraph/context.jsonld``, served at ``/context.jsonld``) maps
the prefixes every query and Turtle file uses (:data:`rahmengraph.model.namespaces.PREFIXES`), so
``"rg:field": {"@id": "…"}`` reads like Turtle. Documents carry the same context inline, so a
JSON-LD processor (PyLD, rdflib, jsonld.js) expands them to exactly the triples of the Turtle
version without fetching anything (offline, and no remote fetch for every document); clients that
write their own JSON-LD reuse the published context by its IRI.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, Final

import pyoxigraph as ox

from rahmengraph.model import namespaces

CONTEXT_IRI: Final = namespaces.ROOT + "context.jsonld"
MEDIA_TYPE: Final = "application/ld+json"


def context() -> dict[str, Any]:
    """The context document (``{"@context": {prefix: namespace, …}}``)."""
    return {"@context": dict(sorted(namespaces.PREFIXES.items()))}


def context_bytes() -> bytes:
    return json.dumps(context(), ensure_ascii=False, indent=2).encode("utf-8")


def compact(triples: Iterable[ox.Triple]) -> bytes:
    """``triples`` as compacted JSON-LD with the published context inline."""
    import rdflib  # only when JSON-LD is asked for: it keeps rdflib (~15 MB) out of the server

    nt = ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES) or b""
    graph = rdflib.Graph().parse(data=nt, format="nt")
    doc = json.loads(graph.serialize(format="json-ld", context=context()["@context"], auto_compact=True))
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")
