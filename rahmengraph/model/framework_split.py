"""One query for every framework at once, its rows split by framework afterwards.

Asked of a store with several frameworks, a named question answers per framework (see
:mod:`rahmengraph.model.questions`). Asking each framework in turn costs one query per framework —
416 queries at national scale. A question whose rows each rest on one entity of one framework
declares that entity's variable in its header (``# anchor: measure``); it then runs **once** over
the whole default graph with the parameter ids resolved in every framework, the anchor added to
the projection (and to ``GROUP BY``, so no group spans two frameworks), and each row goes to the
framework whose base IRI its anchor starts with. The rows are the same as the framework-by-framework
answer: the frameworks' graphs share only the ontology, so no solution joins two frameworks.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from rahmengraph.model.frameworks import Framework
from rahmengraph.model.store import GraphStore, Table, Term

#: The outer SELECT (the first one in the text): keyword and an optional DISTINCT/REDUCED.
_SELECT = re.compile(r"\bSELECT(\s+(?:DISTINCT|REDUCED))?\s", re.IGNORECASE)
_GROUP_BY = re.compile(r"\bGROUP\s+BY\s", re.IGNORECASE)
#: The added column: the anchor entity of each row.
COLUMN = "rahmenAnker"


def with_anchor(sparql: str, anchor: str) -> str:
    """``sparql`` projecting ``?anchor`` first (and grouping by it when the outer query groups)."""
    m = _SELECT.search(sparql)
    if m is None:
        raise ValueError("Abfrage ohne SELECT")
    sparql = f"{sparql[: m.end()]}(?{anchor} AS ?{COLUMN}) {sparql[m.end() :]}"
    group = _GROUP_BY.search(sparql, sparql.rfind("}"))
    if group is not None:
        sparql = f"{sparql[: group.end()]}?{anchor} {sparql[group.end() :]}"
    return sparql


def split(table: Table, known: list[Framework]) -> dict[str, Table] | None:
    """The rows of a :func:`with_anchor` answer per framework id, the anchor column dropped;
    ``None`` when a row's anchor belongs to no framework (the caller then asks framework by framework)."""
    by_base = {fw.base: fw.ident for fw in known}
    rows: dict[str, list[list[Term | None]]] = {fw.ident: [] for fw in known}
    for row in table.rows:
        ident = _owner(row[0], by_base)
        if ident is None:
            return None
        rows[ident].append(list(row)[1:])
    variables = table.variables[1:]
    return {ident: Table(variables, found) for ident, found in rows.items()}


def _owner(term: Term | None, by_base: dict[str, str]) -> str | None:
    """The id of the framework whose base IRI starts ``term`` (bases end with ``/``)."""
    if not isinstance(term, ox.NamedNode):
        return None
    iri = term.value
    at = iri.find("/", iri.find("//") + 2)
    while at != -1:
        ident = by_base.get(iri[: at + 1])
        if ident is not None:
            return ident
        at = iri.find("/", at + 1)
    return None


def ask_all(
    view: GraphStore, sparql: str, anchor: str, known: list[Framework]
) -> tuple[dict[str, Table], str] | None:
    """Run the bound question once with its anchor; rows per framework and the SPARQL that ran."""
    ran = with_anchor(sparql, anchor)
    parts = split(view.select(ran), known)
    return None if parts is None else (parts, ran)
