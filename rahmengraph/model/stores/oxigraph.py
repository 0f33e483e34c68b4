"""The embedded Oxigraph engine (pyoxigraph), persistent in a folder or in memory."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from rahmengraph.errors import Problem, QueryError, StoreError
from rahmengraph.model.formats import GraphFormat, ResultFormat
from rahmengraph.model.graph_view import current_graphs, has_dataset_clause
from rahmengraph.model.namespaces import PREFIXES
from rahmengraph.model.store import GraphStore, Table, Term, Triple, boolean_answer, insert_data

#: Quads per call of Oxigraph's bulk loader (its memory grows with the batch).
BULK_BATCH = 50_000
_POSITION = re.compile(r"(\d+):(\d+)")
_LONG = 160


def query_error(exc: SyntaxError, query: str) -> QueryError:
    """A :class:`QueryError` with the parser's message, shortened, and its line and column as a problem."""
    text = str(exc)
    if "Prefix not found" in text:
        text = text.split(": expected", 1)[0] + ": unbekanntes Präfix – bitte mit PREFIX deklarieren"
    elif len(text) > _LONG:
        text = text[:_LONG].rstrip() + " …"
    m = _POSITION.search(text)
    where = [Problem(text, "query", int(m.group(1)), m.group(2))] if m else []
    return QueryError(f"SPARQL-Syntaxfehler: {text}", where)


#: File in a store folder while its first load runs (gone when the load has finished).
LOADING = "ERSTES-LADEN-LAEUFT"


class OxigraphStore(GraphStore):
    engine = "oxigraph"

    def __init__(self, path: Path | None = None, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only and path is not None
        if path is not None and (path / LOADING).exists():
            raise StoreError(
                f"Oxigraph-Speicher {path} ist unvollständig: das erste Laden wurde unterbrochen "
                f"(Datei {path / LOADING}). Bitte den Ordner löschen und neu laden, z. B. "
                f"rm -r {path} && rahmengraph load --store oxigraph:{path}"
            )
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
        except OSError as exc:
            raise StoreError(f"Oxigraph-Speicher {path} lässt sich nicht öffnen: {exc}") from exc
        self._current: tuple[int, list[str] | None] = (-1, None)

    @property
    def native(self) -> ox.Store:
        """The pyoxigraph store (for the benchmark and the query worker)."""
        return self._store

    def dataset(self, query: str, graphs: Sequence[str] | None) -> dict[str, Any]:
        """Oxigraph's dataset arguments: the query's own FROM, else ``graphs``, else the current state."""
        if has_dataset_clause(query):
            return {}  # Oxigraph would ignore FROM under use_default_graph_as_union (and default_graph)
        if graphs is None:
            if self._current[0] != self.generation:
                self._current = (self.generation, current_graphs(self.graphs()))
            graphs = self._current[1]
            if graphs is None:
                return {"use_default_graph_as_union": True}
        return {"default_graph": [ox.NamedNode(g) for g in graphs]}

    def _query(
        self,
        query: str,
        substitutions: dict[ox.Variable, Term] | None = None,
        graphs: Sequence[str] | None = None,
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        try:
            return self._store.query(
                query, substitutions=substitutions, prefixes=PREFIXES, **self.dataset(query, graphs)
            )
        except SyntaxError as exc:
            raise query_error(exc, query) from exc
        except OSError as exc:
            raise StoreError(f"Oxigraph-Lesefehler: {exc}") from exc

    def fingerprint(self) -> tuple[object, ...]:
        # every write goes through this object (and counting is O(n) here): the generation suffices
        return (self.official_generation,)

    def select(
        self, query: str, bindings: dict[str, Term] | None = None, *, graphs: Sequence[str] | None = None
    ) -> Table:
        subs = {ox.Variable(k): v for k, v in bindings.items()} if bindings else None
        res = self._query(query, subs, graphs)
        if not isinstance(res, ox.QuerySolutions):
            raise QueryError("Die Abfrage ist keine SELECT-Abfrage.")
        # Oxigraph's solutions are rows already (index, iterate, len): no copy into tuples
        return Table([v.value for v in res.variables], list(res))

    def ask(self, query: str, *, graphs: Sequence[str] | None = None) -> bool:
        return boolean_answer(self._query(query, graphs=graphs))

    def construct(self, query: str, *, graphs: Sequence[str] | None = None) -> list[Triple]:
        res = self._query(query, graphs=graphs)
        if not isinstance(res, ox.QueryTriples):
            raise QueryError("Die Abfrage ist keine CONSTRUCT- oder DESCRIBE-Abfrage.")
        return list(res)

    def serialize_query(
        self, query: str, results: ResultFormat, graph: GraphFormat, *, graphs: Sequence[str] | None = None
    ) -> tuple[bytes, str]:
        res = self._query(query, graphs=graphs)
        if isinstance(res, ox.QueryTriples):
            return res.serialize(format=graph.oxigraph) or b"", graph.media_type
        return res.serialize(format=results.oxigraph) or b"", results.media_type

    def update(self, update: str, base_iri: str | None = None) -> None:
        self.generation += 1
        try:
            self._store.update(update, prefixes=PREFIXES, base_iri=base_iri)
        except SyntaxError as exc:
            raise query_error(exc, update) from exc
        except OSError as exc:
            raise StoreError(f"Oxigraph-Schreibfehler: {exc}") from exc

    def replace_graph(self, graph: str, triples: Sequence[Triple]) -> None:
        self.generation += 1
        g = ox.NamedNode(graph)
        if not self._store.contains_named_graph(g):
            # A new graph: one transaction of quads, no update text to build and parse.
            try:
                self._store.extend(ox.Quad(t.subject, t.predicate, t.object, g) for t in triples)
            except OSError as exc:
                raise StoreError(f"Oxigraph-Schreibfehler: {exc}") from exc
            return
        self.update(insert_data(graph, triples))

    @contextmanager
    def first_load(self) -> Iterator[None]:
        """While an empty folder store is filled (Oxigraph's bulk loader is not transactional), a
        marker file says so; a store that still has it is refused when opened."""
        if self.path is None or len(self._store) != 0:
            yield
            return
        marker = self.path / LOADING
        marker.write_text(
            "Das erste Laden in diesen Speicher läuft oder wurde unterbrochen.\n", encoding="utf-8"
        )
        yield
        self._store.flush()
        marker.unlink()

    def add_graphs(self, graphs: Iterable[tuple[str, Sequence[Triple]]]) -> None:
        if len(self._store) != 0:
            for graph, triples in graphs:  # one transaction per graph
                self.replace_graph(graph, triples)
            return
        self.generation += 1

        def quads() -> Iterator[ox.Quad]:
            for graph, triples in graphs:
                g = ox.NamedNode(graph)
                yield from (ox.Quad(t.subject, t.predicate, t.object, g) for t in triples)

        try:
            # Empty store: Oxigraph's bulk loader. It is not transactional, but the data were fully
            # checked before; if the disk fails midway, delete the folder and load again.
            stream = quads()
            while batch := list(islice(stream, BULK_BATCH)):  # bounded memory per bulk write
                self._store.bulk_extend(batch)
        except OSError as exc:
            raise StoreError(f"Oxigraph-Schreibfehler beim ersten Laden: {exc}") from exc

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def count(self, graph: str | None = None) -> int:
        if graph is None:
            return len(self._store)
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))

    def dump(self, fmt: GraphFormat, graph: str | None = None) -> bytes:
        g = None if graph is None else ox.NamedNode(graph)
        quads = self._store.quads_for_pattern(None, None, None, g)
        if fmt.dataset:
            return ox.serialize(quads, format=fmt.oxigraph, prefixes=PREFIXES) or b""
        return ox.serialize((q.triple for q in quads), format=fmt.oxigraph, prefixes=PREFIXES) or b""

    def close(self) -> None:
        if self.path is not None and not self.read_only:
            self._store.flush()
