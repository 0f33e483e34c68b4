"""SPARQL for a remote store: queries go straight to the remote endpoint, not to worker copies.

With ``--store sparql:URL`` the data live on a SPARQL server (Virtuoso, Fuseki, GraphDB …) that
enforces its own limits; copying its content into local workers would defeat the point. The
same guard (no ``SERVICE``, no remote ``FROM``), row cap and time limit apply: the request waits
at most ``query_timeout`` seconds, then answers 503 (the remote server keeps its own time limit).
"""

from __future__ import annotations

import asyncio

from rahmengraph import errors
from rahmengraph.api.guard import check_graphs, check_query
from rahmengraph.api.worker import Answer, Job, cut_results, needs_cap, query_form
from rahmengraph.model.formats import GRAPH_FORMATS, RESULT_FORMATS
from rahmengraph.model.store import GraphStore, with_base


class DirectRunner:
    """Same interface as :class:`rahmengraph.api.pool.QueryPool`, answering from ``store`` itself."""

    #: Updates need no worker reload: the remote store is the only copy.
    copies_store = False

    def __init__(self, store: GraphStore, timeout: float) -> None:
        self.store = store
        self.timeout = timeout

    async def start(self) -> None:
        return None

    async def drain(self) -> None:
        return None

    async def reload(self, source: object) -> None:
        return None

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
        graphs = set(await asyncio.to_thread(self.store.graphs))
        check_query(job.query, graphs)
        check_graphs([*job.default_graphs, *job.named_graphs], graphs, "default-graph-uri/named-graph-uri")
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
