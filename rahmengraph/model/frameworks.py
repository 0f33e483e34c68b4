"""The frameworks in a store, and a store seen through one of them (parameter ``rahmen``).

A store may hold several frameworks (``serve -d A -d B``), each in the named graphs under its base
IRI. Ids in the tables (``MB``, ``1``, ``Land``, ``frauen``) are unique only within a framework, so
a question asked of such a store is answered per framework: its parameters are resolved within
the framework, the query runs over the framework's graphs (``FROM`` clauses, so the SPARQL shown is
the one that ran), and each row says which framework it is from.
"""

from __future__ import annotations

from dataclasses import dataclass

from rahmengraph.errors import ParameterError
from rahmengraph.model import vocab
from rahmengraph.model.graph_view import GraphView, current_graphs
from rahmengraph.model.state_cache import once_per_state
from rahmengraph.model.store import GraphStore, text

#: The parameter that chooses a framework (questions, comparison analysis, CLI ``--rahmen``).
PARAM = "rahmen"


@dataclass(frozen=True)
class Framework:
    """A framework as the store describes it."""

    iri: str
    ident: str  # ``rahmen.csv`` id, e.g. ``bremen-2021``
    title: str
    short: str

    @property
    def base(self) -> str:
        """Its base IRI: the name of its graph and the start of its other graphs' names."""
        return self.iri.rsplit("/", 1)[0] + "/"

    @property
    def name(self) -> str:
        """A short name for answers and forms: the short title, else the id."""
        return self.short or self.ident


def frameworks(store: GraphStore) -> list[Framework]:
    """Every framework in the store's default graph, ordered by id."""

    def compute() -> list[Framework]:
        rows = store.select(
            f"SELECT ?f ?id ?t ?s WHERE {{ ?f a <{vocab.FRAMEWORK}> ; <{vocab.NOTATION}> ?id . "
            f"OPTIONAL {{ ?f <{vocab.TITLE}> ?t }} OPTIONAL {{ ?f <{vocab.SHORT_TITLE}> ?s }} }}"
        )
        found = {
            text(f) or "": Framework(text(f) or "", text(i) or "", text(t) or "", text(s) or "")
            for f, i, t, s in rows
        }
        return sorted(found.values(), key=lambda fw: fw.ident)

    return once_per_state(store, ("frameworks",), compute)


def chosen(store: GraphStore, value: str) -> Framework:
    """The framework a ``rahmen`` value names (its id or IRI); otherwise a :class:`ParameterError`."""
    known = frameworks(store)
    for fw in known:
        if value.strip() in (fw.ident, fw.iri, fw.base):
            return fw
    names = ", ".join(fw.ident for fw in known) or "keines"
    raise ParameterError(f"Parameter {PARAM}: Rahmenkonzept {value!r} gibt es nicht; im Speicher: {names}")


def graphs_of(store: GraphStore, fw: Framework) -> list[str]:
    """The graphs a query about ``fw`` reads: the store's default graph (also of an as-of view)
    without the other frameworks' graphs (the ontology and shared graphs stay)."""
    if isinstance(store, GraphView):
        shown = store.default_graphs
    else:
        names = store.graphs()
        shown = current_graphs(names) or names
    others = tuple(f.base for f in frameworks(store) if f.base != fw.base)
    return [g for g in shown if not (others and g.startswith(others))]


def scoped(store: GraphStore, fw: Framework) -> GraphStore:
    """The store seen through ``fw``: queries naming no graph read only :func:`graphs_of`."""
    graphs = graphs_of(store, fw)
    inner = store.store if isinstance(store, GraphView) else store
    label = f"{store.label}, {fw.name}" if isinstance(store, GraphView) else fw.name
    return once_per_state(inner, ("rahmen", *graphs), lambda: GraphView(inner, graphs, label))


def with_from(sparql: str, graphs: list[str]) -> str:
    """``sparql`` with one ``FROM`` per graph before its first ``WHERE {`` (the outer query's)."""
    head, sep, tail = sparql.partition("WHERE {")
    if not sep:
        raise ParameterError("Abfrage ohne 'WHERE {' lässt sich keinem Rahmenkonzept zuordnen")
    froms = "".join(f"FROM <{g}>\n" for g in graphs)
    return f"{head.rstrip()}\n{froms}{sep}{tail}"


def owner(store: GraphStore, iri: str) -> Framework | None:
    """The framework whose base the IRI starts with (None: no framework's, e.g. the ontology's)."""
    return next((fw for fw in frameworks(store) if iri.startswith(fw.base)), None)
