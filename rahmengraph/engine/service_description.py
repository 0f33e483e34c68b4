"""The SPARQL 1.1 service description (answered at ``/sparql`` when no query is given)."""

from __future__ import annotations

from typing import Final

import pyoxigraph as ox

from rahmengraph.config import Settings
from rahmengraph.model import namespaces
from rahmengraph.model import vocab as v
from rahmengraph.model.formats import GraphFormat

#: Our format keys → W3C format IRIs (local names under ``vocab.FORMATS``).
FORMAT_IRIS: Final = {
    "json": "SPARQL_Results_JSON",
    "xml": "SPARQL_Results_XML",
    "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV",
    "ttl": "Turtle",
    "nt": "N-Triples",
    "jsonld": "JSON-LD",
    "rdfxml": "RDF_XML",
    "nq": "N-Quads",
    "trig": "TriG",
}


def description(endpoint: str, settings: Settings, graphs: list[str], fmt: GraphFormat) -> bytes:
    """The service description of ``endpoint`` in ``fmt``."""
    sd = namespaces.SD
    me = ox.NamedNode(endpoint)

    def t(s: ox.NamedNode | ox.BlankNode, p: str, o: ox.NamedNode | ox.BlankNode | ox.Literal) -> ox.Triple:
        return ox.Triple(s, ox.NamedNode(p), o)

    triples = [
        t(me, v.TYPE, ox.NamedNode(sd + "Service")),
        t(me, sd + "endpoint", me),
        t(me, sd + "supportedLanguage", ox.NamedNode(sd + "SPARQL11Query")),
        t(me, sd + "feature", ox.NamedNode(sd + "UnionDefaultGraph")),
        t(
            me,
            v.COMMENT,
            ox.Literal(
                f"Nur lesend{'' if not settings.allow_update else ' (Update mit Bearer-Token)'}; "
                f"Zeitlimit {settings.query_timeout:g} s, höchstens {settings.max_rows} Zeilen; "
                "SERVICE und entfernte FROM-Graphen sind nicht erlaubt.",
                language="de",
            ),
        ),
    ]
    if settings.allow_update:
        triples.append(t(me, sd + "supportedLanguage", ox.NamedNode(sd + "SPARQL11Update")))
    triples.extend(
        t(me, sd + "resultFormat", ox.NamedNode(namespaces.FORMATS + name)) for name in FORMAT_IRIS.values()
    )
    # fixed blank node labels: the same description twice is the same bytes (caches, diffs)
    dataset, default = ox.BlankNode("dataset"), ox.BlankNode("default")
    triples += [
        t(me, sd + "defaultDataset", dataset),
        t(dataset, v.TYPE, ox.NamedNode(sd + "Dataset")),
        t(dataset, sd + "defaultGraph", default),
        t(default, v.TYPE, ox.NamedNode(sd + "Graph")),
    ]
    for i, g in enumerate(sorted(graphs)):
        named = ox.BlankNode(f"graph{i}")
        triples += [
            t(dataset, sd + "namedGraph", named),
            t(named, v.TYPE, ox.NamedNode(sd + "NamedGraph")),
            t(named, sd + "name", ox.NamedNode(g)),
        ]
    return ox.serialize(triples, format=fmt.oxigraph, prefixes={"sd": sd, "rdfs": namespaces.RDFS}) or b""
