"""SPARQL for a remote store: queries go straight to the remote endpoint, not to worker copies.

With ``--store sparql:URL`` the data live on a SPARQL server (Virtuoso, Fuseki, GraphDB …) that
enforces its own limits; copying its content into local workers would defeat the point. The
same guard (no ``SERVICE``), row cap and time limit apply; since a remote server might fetch a graph
it does not hold, ``FROM`` / ``FROM NAMED`` and the protocol's graph parameters must name graphs of
the remote store (else 403): the request waits
at most ``query_timeout`` seconds, then answers 503 (the remote server keeps its own time limit).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from rahmengraph import errors
from rahmengraph.engine.changes import ChangeLog
from rahmengraph.engine.guard import check_query
from rahmengraph.engine.job import Answer, Job
from rahmengraph.engine.row_cap import cut_results, needs_cap
from rahmengraph.model.formats import GRAPH_FORMATS, RESULT_FORMATS
from rahmengraph.model.query_forms import query_form
from rahmengraph.model.store import GraphStore, with_base


def _from_graphs(text: str) -> list[str]:
    """The graphs of a query's ``FROM`` / ``FROM NAMED`` (rdflib's parse; none if it cannot parse)."""
    if "from" not in text.lower():
        return []
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        clauses = translateQuery(parseQuery(text)).algebra.get("datasetClause") or []
    except Exception:  # Oxigraph or the remote server reports the syntax error
        return []
    return [str(c["default"] if "default" in c else c["named"]) for c in clauses]


def check_graphs(names: list[str], graphs: list[str]) -> None:
    """Every graph in ``names`` must be a graph of the remote store (it might fetch others)."""
    unknown = sorted(set(names) - set(graphs))
    if unknown:
        raise errors.Forbidden(
            f"FROM/default-graph-uri/named-graph-uri: Graph {unknown[0]} ist nicht im entfernten Speicher; "
            f"entfernte Graphen werden nicht geladen (bekannt: {', '.join(sorted(graphs))})"
        )


class RemoteRunner:
    """Same interface as :class:`rahmengraph.engine.pool.QueryPool`, answering from ``store`` itself."""

    def __init__(self, store: GraphStore, timeout: float) -> None:
        self.store = store
        self.timeout = timeout
        self.changes = ChangeLog(replay=False, keep=0)  # the remote store is the only copy
        self.workers = self.busy = self.queued = 0
        self.error: str | None = None

    async def start(self) -> None:
        return None

    @asynccontextmanager
    async def writing(self) -> AsyncIterator[ChangeLog]:
        yield self.changes

    async def close(self) -> None:
        return None

    async def _serialize(self, text: str, job: Job) -> tuple[bytes, str]:
        rfmt = RESULT_FORMATS[job.results or "json"]
        gfmt = GRAPH_FORMATS[job.graph or "ttl"]
        call = asyncio.to_thread(self.store.serialize_query, text, rfmt, gfmt)
        try:
            return await asyncio.wait_for(call, self.timeout)
        except TimeoutError as exc:
            raise errors.QueryTimeout(
                f"Abfrage nach {self.timeout:g} s abgebrochen (Zeitlimit, Einstellung query_timeout)"
            ) from exc

    async def run(self, job: Job) -> Answer:
        check_query(job.query)
        named = [*_from_graphs(job.query), *job.default_graphs, *job.named_graphs]
        if named:
            check_graphs(named, await asyncio.to_thread(self.store.graphs))
        capped = query_form(job.query) == "SELECT" and needs_cap(job.query, job.max_rows)
        try:
            text = f"{job.query}\nLIMIT {job.max_rows + 1}" if capped else job.query
            body, media = await self._serialize(with_base(text, job.base_iri), job)
        except errors.QueryError:
            if not capped:
                raise
            body, media = await self._serialize(with_base(job.query, job.base_iri), job)
        if query_form(job.query) == "SELECT" and job.results is not None:
            body, truncated = cut_results(body, RESULT_FORMATS[job.results], job.max_rows)
            return Answer(body, media, truncated)
        return Answer(body, media)
