"""The HTTP answer to a SPARQL query: the one code path behind ``/sparql`` for every client.

Framework-light (Starlette's response, no FastAPI): the routes (:mod:`~rahmengraph.api.sparql`),
their fast path (:mod:`~rahmengraph.api.endpoint`) and the server while it starts
(:mod:`~rahmengraph.api.launch`) answer through :func:`run_query`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from starlette.requests import HTTPConnection
from starlette.responses import Response
from starlette.types import Scope

from rahmengraph.config import Settings
from rahmengraph.engine.guard import check_depth
from rahmengraph.engine.job import Answer, Formats, job_for
from rahmengraph.engine.runner import Runner

#: Header telling a client its results were cut to ``max_rows``.
TRUNCATED: Final = "X-Rahmengraph-Truncated"
MAX_ROWS: Final = "X-Rahmengraph-Max-Rows"


_TRUNCATED_KEY, _MAX_ROWS_KEY = TRUNCATED.lower().encode(), MAX_ROWS.lower().encode()


def endpoint_iri(settings: Settings, scope: Scope) -> str:
    """The endpoint's own IRI: ``/sparql`` under ``public_base``, else under the request's base URL.
    It is the base IRI of queries and updates (the protocol's service-defined base)."""
    if settings.public_base:
        return settings.public_base.rstrip("/") + "/sparql"
    host = next((value for key, value in scope["headers"] if key == b"host"), None)
    server = scope.get("server")
    root = scope.get("app_root_path", scope.get("root_path", ""))
    return _endpoint_under(scope["scheme"], host, tuple(server) if server else None, root)


@lru_cache(maxsize=64)
def _endpoint_under(scheme: str, host: bytes | None, server: tuple[str, int] | None, root: str) -> str:
    """``/sparql`` under the base URL of a request with this scheme, Host header, server and root
    path (clients repeat theirs: worked out once)."""
    scope = {
        "type": "http",
        "scheme": scheme,
        "server": server,
        "root_path": root,
        "path": "/",
        "query_string": b"",
        "headers": [] if host is None else [(b"host", host)],
    }
    return str(HTTPConnection(scope).base_url).rstrip("/") + "/sparql"


class ResultResponse(Response):
    """An answer of the engine: its bytes as they are, the headers made once (no parsing)."""

    def __init__(self, answer: Answer, max_rows: int) -> None:
        self.status_code = 200
        self.background = None
        self.body = answer.body
        self.media_type = answer.media_type
        headers = [
            (b"content-length", b"%d" % len(answer.body)),
            (b"content-type", _content_type(answer.media_type)),
            (b"vary", b"Accept"),
            (_MAX_ROWS_KEY, b"%d" % max_rows),
        ]
        if answer.truncated:
            headers.append((_TRUNCATED_KEY, b"true"))
        self.raw_headers = headers


@lru_cache(maxsize=32)
def _content_type(media_type: str) -> bytes:
    """The Content-Type header of ``media_type`` as Starlette writes it (text with its charset)."""
    if media_type.startswith("text/") and "charset=" not in media_type.lower():
        media_type += "; charset=utf-8"
    return media_type.encode("latin-1")


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
    return ResultResponse(await runner.run(job), settings.max_rows)
