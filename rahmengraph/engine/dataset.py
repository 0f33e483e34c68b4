"""Which graphs a query or an update reads: the RDF dataset (SPARQL 1.1 Query §13, Protocol §2.1.4, §2.2.3).

* The protocol's ``default-graph-uri`` / ``named-graph-uri`` make the dataset when given (and take
  precedence over ``FROM`` / ``FROM NAMED``): the default graph is the merge of the
  ``default-graph-uri`` graphs — **empty** when only ``named-graph-uri`` is given — and only the
  ``named-graph-uri`` graphs can be named with ``GRAPH``.
* Else a query's own ``FROM`` / ``FROM NAMED`` make it (``FROM NAMED`` alone: empty default graph).
* Else the default graph is the current state: the union of all graphs of the store except the
  graphs of earlier editions (:mod:`rahmengraph.model.graph_view`); ``GRAPH`` reaches every named
  graph, editions included.

A graph the store does not hold is an empty graph; nothing is ever fetched from elsewhere
(Oxigraph resolves dataset IRIs only against its store). For updates, ``using-graph-uri`` /
``using-named-graph-uri`` are written into the update as ``USING`` / ``USING NAMED`` before the
``WHERE`` of every ``DELETE``/``INSERT`` operation (``DELETE WHERE`` is spelled out first); an
update that has its own ``USING`` or ``WITH`` may not get them as well (400, as the protocol says).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import pyoxigraph as ox

from rahmengraph.engine.guard import keywords, masked
from rahmengraph.errors import ParameterError

#: Keywords and braces that matter for finding the WHERE of an update operation.
_UPDATE_TOKENS = re.compile(
    r"[{}]|(?<![\w:?$])(DELETE|INSERT|WHERE|USING|WITH|DATA)(?![\w:-])", re.IGNORECASE
)


def graph_iris(values: Sequence[str], parameter: str) -> tuple[str, ...]:
    """The IRIs of a protocol parameter, checked (400 naming the parameter and the value)."""
    for value in values:
        try:
            ox.NamedNode(value)
        except ValueError as exc:
            raise ParameterError(
                f"Parameter {parameter}: {value!r} ist keine gültige absolute IRI ({exc})"
            ) from exc
    return tuple(values)


def has_dataset_clause(query: str) -> bool:
    """Does the query say ``FROM`` / ``FROM NAMED`` (as a keyword, not in a string, IRI or comment)?"""
    return "from" in query.lower() and "FROM" in keywords(query)


def query_dataset(
    query: str,
    default_graphs: Sequence[str],
    named_graphs: Sequence[str],
    current: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Keyword arguments of :meth:`pyoxigraph.Store.query` that set the dataset (see the module).
    ``current``: the graphs of the current state when the store holds editions (else the union)."""
    if default_graphs or named_graphs:
        return {
            "default_graph": [ox.NamedNode(g) for g in default_graphs],
            "named_graphs": [ox.NamedNode(g) for g in named_graphs],
        }
    if has_dataset_clause(query):
        return {}
    if current is not None:
        return {"default_graph": [ox.NamedNode(g) for g in current]}
    return {"use_default_graph_as_union": True}


def _group_end(code: str, start: int) -> int:
    """The index after the ``}`` closing the group that opens at or after ``start``."""
    depth = 0
    for i in range(code.index("{", start), len(code)):
        if code[i] == "{":
            depth += 1
        elif code[i] == "}":
            depth -= 1
            if depth == 0:
                return i + 1
    raise ParameterError("Update: DELETE WHERE ohne schließende Klammer")


def with_using(update: str, default_graphs: Sequence[str], named_graphs: Sequence[str]) -> str:
    """``update`` with ``USING`` / ``USING NAMED`` clauses for the protocol's using-graph parameters."""
    if not default_graphs and not named_graphs:
        return update
    clause = " ".join(
        [*(f"USING <{g}>" for g in default_graphs), *(f"USING NAMED <{g}>" for g in named_graphs)]
    )
    code = masked(update)
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement), in order
    depth = 0
    previous = ""
    for m in _UPDATE_TOKENS.finditer(code):
        token = m.group().upper()
        if token == "{":
            previous = "{" if depth == 0 else previous
            depth += 1
            continue
        if token == "}":
            depth -= 1
            continue
        if depth != 0:
            continue
        if token in ("USING", "WITH"):
            raise ParameterError(
                "using-graph-uri/using-named-graph-uri und USING/WITH in der Update-Anfrage zugleich: "
                "bitte nur eines (SPARQL 1.1 Protocol 2.2.3)"
            )
        if token == "WHERE" and previous == "DELETE":  # DELETE WHERE { P } → DELETE { P } USING … WHERE { P }
            end = _group_end(code, m.end())
            pattern = update[m.end() : end]
            edits.append((m.start(), end, f"{pattern} {clause} WHERE {pattern}"))
        elif token == "WHERE":
            edits.append((m.start(), m.start(), f"{clause} "))
        previous = token
    out, last = [], 0
    for start, end, text in edits:
        out += [update[last:start], text]
        last = end
    return "".join([*out, update[last:]])
