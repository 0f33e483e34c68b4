"""The HTTP answer to a SPARQL query: the one code path behind ``/sparql`` for every client.

Framework-light (Starlette's response, no FastAPI): the routes (:mod:`~rahmengraph.api.sparql`),
their fast path (:mod:`~rahmengraph.api.endpoint`) and the server while it starts
(:mod:`~rahmengraph.api.launch`) answer through :func:`run_query`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from starlette.requests import HTTPConnection
from starlette.responses import Response
from starlette.types import Scope

from rahmengraph.config import Settings
from rahmengraph.engine.guard import check_depth
from rahmengraph.engine.job import Formats, job_for
from rahmengraph.engine.runner import Runner

#: Header telling a client its results were cut to ``max_rows``.
TRUNCATED: Final = "X-Rahmengraph-Truncated"
MAX_ROWS: Final = "X-Rahmengraph-Max-Rows"


def endpoint_iri(settings: Settings, scope: Scope) -> str:
    """The endpoint's own IRI: ``/sparql`` under ``public_base``, else under the request's base URL.
    It is the base IRI of queries and updates (the protocol's service-defined base)."""
    return (settings.public_base or str(HTTPConnection(scope).base_url)).rstrip("/") + "/sparql"


async def run_query(
    settings: Settings,
    runner: Runner,
    query: str,
    default_graphs: Sequence[str],
    named_graphs: Sequence[str],
    formats: Formats,
    scope: Scope,
) -> Response:
    """Answer a query (not the editor, not the description)."""
    check_depth(query, settings.max_query_depth)
    job = job_for(
        query, formats, default_graphs, named_graphs, settings.max_rows, endpoint_iri(settings, scope)
    )
    result = await runner.run(job)
    headers = {"Vary": "Accept", MAX_ROWS: str(settings.max_rows)}
    if result.truncated:
        headers[TRUNCATED] = "true"
    return Response(result.body, media_type=result.media_type, headers=headers)
