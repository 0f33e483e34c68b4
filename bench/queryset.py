"""The reference query set: every named question with representative parameters, plus gap queries.

All peers (our store, bare pyoxigraph, rdflib, the endpoints, Virtuoso) get exactly these texts.
Representative parameter values are read from the first dataset's tables: field ``3.1``, the actor
leading the most measures, the broader target group with the most sub-groups, level ``Land`` and
the first measure from the framework itself. Only required parameters are bound (optional ones
left open make the query answer for everything, the heavier case). Gap queries are written with
``MINUS`` (the ``FILTER NOT EXISTS`` form is 100x slower in Oxigraph 0.5 on the cross products).
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Final

from rahmengraph.model import namespaces
from rahmengraph.model.questions import bind, questions
from rahmengraph.model.store import GraphStore

_P: Final = f"PREFIX rg: <{namespaces.RG}>\nPREFIX skos: <{namespaces.SKOS}>\n"

#: Gap query name → (help, SPARQL). Cross products per dataset (GRAPH ?d), holes found with MINUS.
GAP_QUERIES: Final[dict[str, tuple[str, str]]] = {
    "luecke-feld-zielgruppe": (
        "Handlungsfeld × Zielgruppe ohne Maßnahme (Kreuzprodukt je Rahmen)",
        _P + "SELECT ?d ?f ?g WHERE {\n  GRAPH ?d { ?f a rg:ActionField . ?g a rg:TargetGroup }\n"
        "  MINUS { ?m rg:field ?f ; rg:targetGroup ?g }\n}",
    ),
    "luecke-feld-ebene": (
        "Handlungsfeld × Ebene ohne Maßnahme",
        _P + "SELECT ?d ?f ?l WHERE {\n  GRAPH ?d { ?f a rg:ActionField . ?l a rg:Level }\n"
        "  MINUS { ?m rg:field ?f ; rg:level ?l }\n}",
    ),
    "luecke-intersektional": (
        "Intersektionale Zielgruppen ohne Maßnahme",
        _P + "SELECT ?g ?label WHERE {\n  ?g a rg:IntersectionalGroup ; skos:prefLabel ?label .\n"
        '  FILTER(LANG(?label) = "de")\n  MINUS { ?m rg:targetGroup ?g }\n}',
    ),
}


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def representative(folder: Path) -> dict[str, str]:
    """Parameter type → a representative value from the dataset in ``folder``."""
    measures = _rows(folder, "massnahmen.csv")
    leads = Counter(a for m in measures for a in m["federfuehrend"].split(";") if a)
    broader = Counter(g["oberbegriff"] for g in _rows(folder, "zielgruppen.csv") if g["oberbegriff"])
    framework = [m["id"] for m in measures if m["beleg"] == "rahmenkonzept"] or [measures[0]["id"]]
    return {
        "field": "3.1",
        "actor": leads.most_common(1)[0][0],
        "target_group": broader.most_common(1)[0][0],
        "level": "Land",
        "measure": framework[0],
        "role": "federfuehrend",
        "evidence": "rahmenkonzept",
        "goal": "Z-2.1",
        "text": "Sprache",
    }


def reference_set(store: GraphStore, folder: Path) -> dict[str, str]:
    """Name → SPARQL of the reference set, parameters bound against ``store``."""
    values = representative(folder)
    out: dict[str, str] = {}
    for name, q in questions().items():
        params = {p.name: values[p.type.name] for p in q.params if p.required}
        out[name] = bind(store, q, params)
    for name, (_help, sparql) in GAP_QUERIES.items():
        out[name] = sparql
    return out


def is_gap(name: str) -> bool:
    return name in GAP_QUERIES or "ohne" in name
