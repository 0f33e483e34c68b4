"""Which graphs a query sees: each framework's current state unless it names an edition or a date.

A store holds, per framework, the current state in the framework's graph (its base IRI), every
edition in a graph of its own (``{base}ausgabe/<version>``; the newest edition's graph is a copy
of the current state) and the edition catalogue with the changes (``{base}ausgaben``). A query
that names no graph sees the **default graph** = every named graph except the edition graphs, so
each framework's current state counts once; the graphs of participation input
(``{base}beteiligung/…``, see :mod:`rahmengraph.model.participation.terms`) are not part of it
either, so official answers never mix with what participants wrote. Edition graphs (and
participation graphs) are reached with ``GRAPH``, ``FROM`` (a query with its own ``FROM``/``FROM
NAMED`` always gets exactly that dataset) or by running the query on a :class:`GraphView` whose
default graph is the chosen editions (``stand``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rahmengraph.errors import StoreError
from rahmengraph.model.formats import GraphFormat, ResultFormat
from rahmengraph.model.kinds import SEGMENTS
from rahmengraph.model.store import GraphStore, Table, Term, Triple

#: Path segment that marks an edition graph: ``{base}ausgabe/<version>``.
EDITION_MARK = "/" + SEGMENTS["edition"] + "/"
#: Path segment that marks a graph of participation input (events, contributions).
PARTICIPATION_MARK = "/beteiligung/"

#: Strings, IRIs and comments: removed before looking for the FROM keyword.
_OPAQUE = re.compile(
    r"'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|<[^<>\"{}|^`\\\x00-\x20]*>|#[^\n]*",
    re.DOTALL,
)
_FROM = re.compile(r"(?<![\w:?$])FROM(?![\w:])", re.IGNORECASE)


#: Strings, IRIs and comments (skipped), the query's PREFIX declarations and its FROM / FROM NAMED clauses.
_CLAUSE = re.compile(
    _OPAQUE.pattern
    + r"|(?<![\w:?$])PREFIX\s+(?P<prefix>[\w.-]*):\s*<(?P<ns>[^<>\s]*)>"
    + r"|(?<![\w:?$])FROM\s+(?P<named>NAMED\s+)?"
    + r"(?:<(?P<iri>[^<>\s]*)>|(?P<pname>[\w.-]*):(?P<local>[\w.-]*))",
    re.DOTALL | re.IGNORECASE,
)


def is_edition_graph(name: str) -> bool:
    """Is ``name`` the graph of one edition (not part of the default graph)?"""
    return EDITION_MARK in name


def is_participation_graph(name: str) -> bool:
    """Is ``name`` a graph of participation input (never part of the default graph, never official)?"""
    return PARTICIPATION_MARK in name


def in_default_graph(name: str) -> bool:
    """Does a query naming no graph see graph ``name`` (not an earlier edition, not participation)?"""
    return not is_edition_graph(name) and not is_participation_graph(name)


def current_graphs(graphs: Iterable[str]) -> list[str] | None:
    """The named graphs that make up the default graph, or ``None`` when every graph belongs to it
    (then the default graph is simply the union of all graphs, the engines' fast path)."""
    names = list(graphs)
    if all(in_default_graph(g) for g in names):
        return None
    return [g for g in names if in_default_graph(g)]


def has_dataset_clause(query: str) -> bool:
    """Does the query choose its own dataset (``FROM`` / ``FROM NAMED`` outside strings and IRIs)?"""
    if "from" not in query.lower():
        return False
    return _FROM.search(_OPAQUE.sub(" ", query)) is not None


def dataset_clause(query: str) -> tuple[list[str], list[str]] | None:
    """The graphs of the query's ``FROM`` and ``FROM NAMED`` clauses (absolute IRIs, or prefixed
    names declared in the query), or ``None`` when it has none or one cannot be read this way (an
    IRI relative to a BASE, an undeclared prefix): then only the server can read it."""
    if not has_dataset_clause(query):
        return None
    prefixes: dict[str, str] = {}
    default: list[str] = []
    named: list[str] = []
    for m in _CLAUSE.finditer(query):
        if m.group("prefix") is not None:
            prefixes[m.group("prefix")] = m.group("ns")
            continue
        iri = m.group("iri")
        if iri is None and m.group("pname") is not None:
            if m.group("pname") not in prefixes:
                return None
            iri = prefixes[m.group("pname")] + m.group("local")
        if iri is None:
            continue  # a string or a comment
        if ":" not in iri:
            return None
        (named if m.group("named") else default).append(iri)
    return (default, named) if default or named else None


class GraphView(GraphStore):
    """A store seen through a fixed default graph (an edition, or the editions in force at a date).

    Queries (select, ask, construct, serialize_query) run over ``graphs`` as their default graph;
    the named graphs stay reachable with ``GRAPH``. A view is read-only.
    """

    def __init__(self, store: GraphStore, graphs: Sequence[str], label: str) -> None:
        self.store = store
        self.default_graphs = list(graphs)
        self.label = label  # what the view shows, for answers ("Ausgabe 2021-10", "Stand 2020-06-30")
        self.engine = store.engine

    def fingerprint(self) -> tuple[object, ...]:
        return (*self.store.fingerprint(), *self.default_graphs)

    def select(
        self, query: str, bindings: dict[str, Term] | None = None, *, graphs: Sequence[str] | None = None
    ) -> Table:
        return self.store.select(query, bindings, graphs=self.default_graphs if graphs is None else graphs)

    def ask(self, query: str, *, graphs: Sequence[str] | None = None) -> bool:
        return self.store.ask(query, graphs=self.default_graphs if graphs is None else graphs)

    def construct(self, query: str, *, graphs: Sequence[str] | None = None) -> list[Triple]:
        return self.store.construct(query, graphs=self.default_graphs if graphs is None else graphs)

    def serialize_query(
        self, query: str, results: ResultFormat, graph: GraphFormat, *, graphs: Sequence[str] | None = None
    ) -> tuple[bytes, str]:
        chosen = self.default_graphs if graphs is None else graphs
        return self.store.serialize_query(query, results, graph, graphs=chosen)

    def update(self, update: str, base_iri: str | None = None) -> None:
        raise StoreError(f"{self.label}: eine Ansicht früherer Ausgaben ist nur lesbar")

    def replace_graph(self, graph: str, triples: Sequence[Triple]) -> None:
        raise StoreError(f"{self.label}: eine Ansicht früherer Ausgaben ist nur lesbar")

    def graphs(self) -> list[str]:
        return self.store.graphs()

    def count(self, graph: str | None = None) -> int:
        return self.store.count(graph)

    def dump(self, fmt: GraphFormat, graph: str | None = None) -> bytes:
        return self.store.dump(fmt, graph)
