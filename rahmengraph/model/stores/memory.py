"""rdflib's in-memory dataset behind the store interface (slow: for comparison and tiny data).

rdflib graphs are not thread-safe, so every call holds one lock; rdflib's habit of fetching
``FROM <http…>`` graphs from the web is switched off.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import pyoxigraph as ox
import rdflib
import rdflib.plugins.sparql as rdflib_sparql
from rdflib.query import Result

from rahmengraph.errors import QueryError
from rahmengraph.model.formats import GraphFormat, ResultFormat
from rahmengraph.model.graph_view import current_graphs, has_dataset_clause
from rahmengraph.model.namespaces import PREFIXES
from rahmengraph.model.store import GraphStore, Table, Triple, with_base


def _to_ox(graph: rdflib.Graph) -> list[Triple]:
    data = graph.serialize(format="nt", encoding="utf-8")
    return [q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]


class RdflibStore(GraphStore):
    engine = "rdflib"

    def __init__(self) -> None:
        rdflib_sparql.SPARQL_LOAD_GRAPHS = False
        self._ds = rdflib.Dataset(default_union=True)
        for prefix, ns in PREFIXES.items():
            self._ds.bind(prefix, ns)
        self._lock = threading.Lock()
        self._views: dict[tuple[int, tuple[str, ...]], rdflib.Dataset] = {}

    def _source(self, query: str, graphs: Sequence[str] | None) -> rdflib.Graph:
        """What the query runs on: the dataset (union) or an aggregate of the default graphs (then
        GRAPH sees only those)."""
        if graphs is None and not has_dataset_clause(query):
            graphs = current_graphs(self.graphs_unlocked())
        if graphs is None or has_dataset_clause(query):
            return self._ds
        key = (self.generation, tuple(graphs))
        if key not in self._views:  # a copy: rdflib's graph aggregates still query the whole store
            view = rdflib.Dataset(default_union=False)
            for g in self._ds.graphs():
                if isinstance(g.identifier, rdflib.URIRef) and len(g):
                    named = view.graph(g.identifier)
                    for t in g:
                        named.add(t)
                        if str(g.identifier) in graphs:
                            view.default_context.add(t)
            self._views = {key: view}
        return self._views[key]

    def _query(self, query: str, graphs: Sequence[str] | None = None) -> Result:
        try:
            with self._lock:
                res = self._source(query, graphs).query(query, initNs=PREFIXES)
                # Materialize while holding the lock (rdflib evaluates lazily).
                res.bindings  # noqa: B018
                return res
        except Exception as exc:  # rdflib raises pyparsing errors and plain exceptions
            raise QueryError(f"SPARQL-Fehler: {exc}") from exc

    def fingerprint(self) -> tuple[object, ...]:
        # every write goes through this object: the generation suffices
        return (self.official_generation,)

    def select(
        self,
        query: str,
        bindings: dict[str, ox.NamedNode | ox.BlankNode | ox.Literal | Triple] | None = None,
        *,
        graphs: Sequence[str] | None = None,
    ) -> Table:
        if bindings:
            values = " ".join(f"{v}" for v in bindings.values())
            names = " ".join(f"?{k}" for k in bindings)
            query = query.replace("WHERE {", f"WHERE {{ VALUES ({names}) {{ ({values}) }}", 1)
        res = self._query(query, graphs)
        if res.type != "SELECT":
            raise QueryError("Die Abfrage ist keine SELECT-Abfrage.")
        data = res.serialize(format="json") or b""
        parsed = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        assert isinstance(parsed, ox.QuerySolutions)
        variables = [v.value for v in parsed.variables]
        return Table(variables, [tuple(sol[i] for i in range(len(variables))) for sol in parsed])

    def ask(self, query: str, *, graphs: Sequence[str] | None = None) -> bool:
        res = self._query(query, graphs)
        if res.type != "ASK":
            raise QueryError("Die Abfrage ist keine ASK-Abfrage.")
        return bool(res.askAnswer)

    def construct(self, query: str, *, graphs: Sequence[str] | None = None) -> list[Triple]:
        res = self._query(query, graphs)
        if res.graph is None:
            raise QueryError("Die Abfrage ist keine CONSTRUCT- oder DESCRIBE-Abfrage.")
        return _to_ox(res.graph)

    def serialize_query(
        self, query: str, results: ResultFormat, graph: GraphFormat, *, graphs: Sequence[str] | None = None
    ) -> tuple[bytes, str]:
        res = self._query(query, graphs)
        if res.graph is not None:
            return res.graph.serialize(format=graph.rdflib, encoding="utf-8"), graph.media_type
        # rdflib lacks some result serializers (TSV): go through SPARQL JSON and pyoxigraph.
        parsed = ox.parse_query_results(
            res.serialize(format="json") or b"", format=ox.QueryResultsFormat.JSON
        )
        return parsed.serialize(format=results.oxigraph) or b"", results.media_type

    def update(self, update: str, base_iri: str | None = None) -> None:
        self.generation += 1
        try:
            with self._lock:
                self._ds.update(with_base(update, base_iri), initNs=PREFIXES)
        except Exception as exc:
            raise QueryError(f"SPARQL-Update-Fehler: {exc}") from exc

    def replace_graph(self, graph: str, triples: Sequence[Triple]) -> None:
        self.generation += 1
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        fresh = rdflib.Graph()
        fresh.parse(data=data, format="nt")  # parse fully before touching the dataset
        with self._lock:
            g = self._ds.graph(rdflib.URIRef(graph))
            g.remove((None, None, None))
            for t in fresh:
                g.add(t)

    def graphs_unlocked(self) -> list[str]:
        return sorted(
            str(g.identifier)
            for g in self._ds.graphs()
            if isinstance(g.identifier, rdflib.URIRef)
            and len(g)
            and g.identifier != rdflib.graph.DATASET_DEFAULT_GRAPH_ID
        )

    def graphs(self) -> list[str]:
        with self._lock:
            return self.graphs_unlocked()

    def count(self, graph: str | None = None) -> int:
        with self._lock:
            if graph is None:
                return sum(len(g) for g in self._ds.graphs())
            return len(self._ds.graph(rdflib.URIRef(graph)))

    def dump(self, fmt: GraphFormat, graph: str | None = None) -> bytes:
        with self._lock:
            if fmt.dataset:
                return self._ds.serialize(format=fmt.rdflib, encoding="utf-8")
            out = rdflib.Graph()
            for prefix, ns in PREFIXES.items():
                out.bind(prefix, ns)
            sources = [self._ds.graph(rdflib.URIRef(graph))] if graph else list(self._ds.graphs())
            for g in sources:
                for t in g:
                    out.add(t)
            return out.serialize(format=fmt.rdflib, encoding="utf-8")
