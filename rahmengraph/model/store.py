"""The one store interface: every piece of model code talks to a :class:`GraphStore`.

Which engine is behind it is chosen by one setting, the *store spec*:

==========================  ================================================================
``oxigraph:PATH``            embedded Oxigraph, persistent in folder PATH (the default)
``oxigraph:memory``          embedded Oxigraph in memory
``memory``                   rdflib's in-memory dataset (slow; for comparison and tiny data)
``sparql:QUERY_URL``         a remote SPARQL 1.1 endpoint (update URL = query URL)
``sparql:QUERY_URL|UPD_URL`` a remote endpoint with a separate update URL
==========================  ================================================================

Results use pyoxigraph terms (``NamedNode``, ``Literal``, ``BlankNode``) whatever the engine.
Queries see the union of the named graphs as their default graph, except the graphs of editions
(see :mod:`rahmengraph.model.graph_view`); each dataset's current state lives in its own named
graph (its base IRI), the ontology in :data:`rahmengraph.model.vocab.ONTOLOGY_IRI`.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, TypeAlias

import pyoxigraph as ox

from rahmengraph.errors import ParameterError, QueryError
from rahmengraph.model.formats import GraphFormat, ResultFormat

Term: TypeAlias = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Triple: TypeAlias = ox.Triple


def text(term: Term | None) -> str | None:
    """The plain text of a term: IRI, literal lexical form, blank node id; ``None`` if unbound."""
    if term is None:
        return None
    return str(term) if isinstance(term, ox.Triple) else term.value


@dataclass
class Table:
    """The answer of a SELECT query: variable names and rows of terms (``None`` = unbound)."""

    variables: list[str]
    rows: Sequence[Sequence[Term | None]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[Sequence[Term | None]]:
        return iter(self.rows)

    def dicts(self) -> list[dict[str, Term | None]]:
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]

    def values(self) -> list[dict[str, str | None]]:
        """Rows as plain strings (IRI text, literal lexical form), for tables and JSON."""
        return [{v: text(t) for v, t in zip(self.variables, row, strict=True)} for row in self.rows]


def boolean_answer(result: object) -> bool:
    """The answer of an ASK query from pyoxigraph's result object; anything else is a QueryError."""
    if not isinstance(result, ox.QueryBoolean):
        raise QueryError("Die Abfrage ist keine ASK-Abfrage.")
    return bool(result)


#: The store whose participation write runs in this thread (:meth:`GraphStore.update_participation`).
_PARTICIPATION_WRITE = threading.local()


class GraphStore(ABC):
    """A quad store queried with SPARQL 1.1 over the union of its named graphs."""

    #: Short engine name, shown in logs, the service description and the benchmark.
    engine: str = "abstract"
    _generation: int = 0
    _official: int = 0

    @property
    def generation(self) -> int:
        """Incremented by every write (the store's own view of its graphs follows it)."""
        return self._generation

    @generation.setter
    def generation(self, value: int) -> None:
        if getattr(_PARTICIPATION_WRITE, "store", None) is not self:
            self._official += value - self._generation
        self._generation = value

    @property
    def official_generation(self) -> int:
        """Writes that may have changed the official data: participation input
        (:meth:`update_participation`) does not count, so the analyses' caches (keyed by
        :meth:`fingerprint`) survive a workshop's contributions. Never goes back."""
        return self._official

    def fingerprint(self) -> tuple[object, ...]:
        """Changes whenever the official data may have changed (caches compare it). Here: our own
        writes and the triple count, for stores that others can write to as well (a remote server)."""
        return (self.official_generation, self.count())

    def update_participation(self, update: str) -> None:
        """Run an update that writes participation graphs only (``…/beteiligung/…``, never read by a
        query that names no graph, see :mod:`rahmengraph.model.graph_view`): it advances
        :attr:`generation` but not :meth:`fingerprint`. The caller vouches for the graphs (the
        participation model builds these updates; SPARQL Update may not write them at all)."""
        _PARTICIPATION_WRITE.store = self
        try:
            self.update(update)
        finally:
            _PARTICIPATION_WRITE.store = None

    # Every query method takes ``graphs``: the named graphs that form the default graph. ``None``
    # means the current state (every graph but the edition graphs, see model/graph_view.py); a query
    # with its own FROM / FROM NAMED always gets exactly that dataset.

    @abstractmethod
    def select(
        self, query: str, bindings: dict[str, Term] | None = None, *, graphs: Sequence[str] | None = None
    ) -> Table:
        """Run a SELECT query. ``bindings`` pre-bind variables (values are terms)."""

    @abstractmethod
    def ask(self, query: str, *, graphs: Sequence[str] | None = None) -> bool:
        """Run an ASK query."""

    @abstractmethod
    def construct(self, query: str, *, graphs: Sequence[str] | None = None) -> list[Triple]:
        """Run a CONSTRUCT or DESCRIBE query."""

    @abstractmethod
    def serialize_query(
        self, query: str, results: ResultFormat, graph: GraphFormat, *, graphs: Sequence[str] | None = None
    ) -> tuple[bytes, str]:
        """Run any query and serialize its answer natively; returns (body, media type).

        SELECT/ASK use ``results``, CONSTRUCT/DESCRIBE use ``graph``.
        """

    @abstractmethod
    def update(self, update: str, base_iri: str | None = None) -> None:
        """Run a SPARQL 1.1 Update (only the endpoint calls this, when updates are enabled);
        relative IRIs resolve against ``base_iri``."""

    @abstractmethod
    def replace_graph(self, graph: str, triples: Sequence[Triple]) -> None:
        """Replace the content of named graph ``graph`` with ``triples`` in one transaction."""

    def first_load(self) -> AbstractContextManager[None]:
        """Hold while the first load fills an empty store (a persistent store notes it, so a load
        that is interrupted leaves a store that is refused instead of silently incomplete)."""
        return nullcontext()

    def add_graphs(self, graphs: Iterable[tuple[str, Sequence[Triple]]]) -> None:
        """Write several graphs that are not in the store yet (one transaction where the engine can)."""
        for graph, triples in graphs:
            self.replace_graph(graph, triples)

    @abstractmethod
    def graphs(self) -> list[str]:
        """Names of the named graphs."""

    @abstractmethod
    def count(self, graph: str | None = None) -> int:
        """Number of triples in ``graph`` (or in all graphs)."""

    @abstractmethod
    def dump(self, fmt: GraphFormat, graph: str | None = None) -> bytes:
        """Serialize ``graph`` (or the union of all graphs as one graph)."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release files or connections."""


def insert_data(graph: str, triples: Iterable[Triple]) -> str:
    """A transactional ``DROP … INSERT DATA`` update replacing ``graph`` (N-Triples syntax inside)."""
    body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
    g = ox.NamedNode(graph)
    return f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}"


def _oxigraph(arg: str, read_only: bool) -> GraphStore:
    from rahmengraph.model.stores.oxigraph import OxigraphStore

    return OxigraphStore(None if arg in ("", "memory") else Path(arg), read_only=read_only and bool(arg))


def _memory(arg: str, read_only: bool) -> GraphStore:
    from rahmengraph.model.stores.memory import RdflibStore

    return RdflibStore()


def _sparql(arg: str, read_only: bool) -> GraphStore:
    from rahmengraph.model.stores.remote import RemoteStore

    query_url, _, update_url = arg.partition("|")
    return RemoteStore(query_url, update_url or query_url)


#: Store spec prefix → (factory, help text).
STORE_KINDS: Final = {
    "oxigraph": (_oxigraph, "eingebettetes Oxigraph; oxigraph:ORDNER (persistent) oder oxigraph:memory"),
    "memory": (_memory, "rdflib im Arbeitsspeicher (langsam; zum Vergleich)"),
    "sparql": (_sparql, "entfernter SPARQL-1.1-Endpunkt: sparql:ABFRAGE-URL[|UPDATE-URL]"),
}


def open_store(spec: str, *, read_only: bool = False) -> GraphStore:
    """Open the store a spec names (see the module docstring). ``read_only`` opens a persistent
    Oxigraph folder for reading only, which works while another process (a server) holds it;
    the other engines ignore it."""
    kind, _, arg = spec.partition(":")
    if kind not in STORE_KINDS:
        known = ", ".join(STORE_KINDS)
        raise ParameterError(f"Unbekannter Speicher {spec!r} (Parameter store); bekannt: {known}")
    factory, _help = STORE_KINDS[kind]
    return factory(arg, read_only)


def with_base(text: str, base_iri: str | None) -> str:
    """``text`` with ``BASE <base_iri>`` in front, for engines without a base-IRI parameter (its own
    line: error positions on later lines keep their columns, line numbers move by one)."""
    return f"BASE <{base_iri}>\n{text}" if base_iri else text
