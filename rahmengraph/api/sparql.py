"""The SPARQL 1.1 Protocol endpoint ``/sparql``: queries in worker processes, updates only with a token.

* Parameters: :mod:`rahmengraph.engine.protocol` (text must be UTF-8); relative IRIs resolve against
  the endpoint's IRI (Oxigraph's ``base_iri``); updates' ``using-graph-uri`` /
  ``using-named-graph-uri`` become ``USING`` clauses (see :mod:`rahmengraph.engine.dataset`, which
  also says how graphs not in the store behave).
* Result formats by ``Accept`` (q-values, wildcards) or ``format=`` (key or media type,
  :mod:`rahmengraph.engine.negotiation`); a browser gets the editor page, a client without a query
  the service description.
* Limits: see :mod:`rahmengraph.engine.pool` (time), :mod:`rahmengraph.engine.row_cap` (rows),
  :mod:`rahmengraph.engine.guard` (no SERVICE, LOAD).
"""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Sequence
from typing import Final

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import State
from starlette.requests import HTTPConnection
from starlette.types import Scope

from rahmengraph.config import Settings
from rahmengraph.engine.dataset import with_using
from rahmengraph.engine.guard import check_update
from rahmengraph.engine.job import Formats, job_for
from rahmengraph.engine.negotiation import Range, negotiate, parse_accept, query_formats
from rahmengraph.engine.pool import source_of
from rahmengraph.engine.protocol import Params, get_params, post_params
from rahmengraph.engine.service_description import description
from rahmengraph.errors import Forbidden, NotAcceptable, ParameterError, Unauthorized
from rahmengraph.model.analysis import warm
from rahmengraph.model.formats import GRAPH_FORMATS
from rahmengraph.model.projection import shared_projection

router = APIRouter(tags=["SPARQL"])

#: Header telling a client its results were cut to ``max_rows``.
TRUNCATED: Final = "X-Rahmengraph-Truncated"
MAX_ROWS: Final = "X-Rahmengraph-Max-Rows"


def endpoint_iri(settings: Settings, scope: Scope) -> str:
    """The endpoint's own IRI: ``/sparql`` under ``public_base``, else under the request's base URL.
    It is the base IRI of queries and updates (the protocol's service-defined base)."""
    return (settings.public_base or str(HTTPConnection(scope).base_url)).rstrip("/") + "/sparql"


def _lang(request: Request) -> str:
    lang = request.query_params.get("lang")
    if lang in ("de", "en"):
        return lang
    return "en" if request.headers.get("accept-language", "").lower().startswith("en") else "de"


def _editor(request: Request, query: str | None) -> HTMLResponse:
    from rahmengraph.viz.pages import sparql_editor

    return HTMLResponse(sparql_editor(request.app.state.settings, query, _lang(request)))


async def _describe_service(request: Request, ranges: list[Range], fmt: str | None) -> Response:
    _results, graph, html = negotiate(ranges, fmt)
    if html:
        return _editor(request, None)
    if graph is None:
        raise NotAcceptable(
            "Die Dienstbeschreibung gibt es als Turtle, N-Triples, JSON-LD oder RDF/XML (Accept)"
        )
    settings = request.app.state.settings
    endpoint = endpoint_iri(settings, request.scope)
    graphs = await run_in_threadpool(request.app.state.store.graphs)
    gfmt = GRAPH_FORMATS[graph]
    body = description(endpoint, settings, graphs, gfmt)
    return Response(body, media_type=gfmt.media_type, headers={"Vary": "Accept"})


async def run_query(
    state: State,
    query: str,
    default_graphs: Sequence[str],
    named_graphs: Sequence[str],
    formats: Formats,
    scope: Scope,
) -> Response:
    """Answer a query (not the editor, not the description): the one code path for every client."""
    settings = state.settings
    job = job_for(
        query, formats, default_graphs, named_graphs, settings.max_rows, endpoint_iri(settings, scope)
    )
    result = await state.pool.run(job)
    headers = {"Vary": "Accept", MAX_ROWS: str(settings.max_rows)}
    if result.truncated:
        headers[TRUNCATED] = "true"
    return Response(result.body, media_type=result.media_type, headers=headers)


async def answer(
    request: Request,
    query: str | None,
    default_graphs: Sequence[str],
    named_graphs: Sequence[str],
    fmt: str | None,
    *,
    browser: bool,
) -> Response:
    accept = request.headers.get("accept")
    if query is None:
        if not browser:
            raise ParameterError("Parameter query (oder update) fehlt")
        return await _describe_service(request, parse_accept(accept), fmt)
    formats = query_formats(query, accept, fmt)
    if formats.html and browser:
        return _editor(request, query)
    return await run_query(request.app.state, query, default_graphs, named_graphs, formats, request.scope)


def _authorize(request: Request) -> None:
    settings = request.app.state.settings
    if not settings.allow_update:
        raise Forbidden("SPARQL Update ist auf diesem Server abgeschaltet (Einstellung allow_update)")
    token = settings.update_token
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    expected = token.get_secret_value().encode() if token is not None else b""
    ok = bool(expected) and scheme.lower() == "bearer"
    # compare in constant time even when the scheme is wrong, so timing tells nothing
    if not hmac.compare_digest(given.strip().encode(), expected) or not ok:
        raise Unauthorized("SPARQL Update braucht den richtigen Bearer-Token (Header Authorization)")


async def update(request: Request, p: Params) -> Response:
    _authorize(request)
    if p.update is None or not p.update.strip():
        raise ParameterError("Parameter update ist leer")
    text = with_using(p.update, p.using_graphs, p.using_named_graphs)
    await run_in_threadpool(check_update, text)
    state = request.app.state
    lock: asyncio.Lock = state.update_lock
    async with lock:
        await state.pool.drain()
        try:
            await run_in_threadpool(state.store.update, text, endpoint_iri(state.settings, request.scope))
        finally:
            if state.pool.copies_store:
                source = await run_in_threadpool(source_of, state.store, state.settings.worker_memory_triples)
                await state.pool.reload(source)
            state.catalog.invalidate()
            state.downloads.clear()
    # Recompute now rather than on the next planner's first request (/api/status shows it).
    loop = asyncio.get_running_loop()
    if state.settings.warm_analyses:
        state.warming = loop.run_in_executor(None, warm, state.store)
    else:
        loop.run_in_executor(None, shared_projection, state.store)
    return Response(status_code=204)


@router.get(
    "/sparql",
    summary="SPARQL-Abfrage (GET) oder Dienstbeschreibung",
    description="SPARQL 1.1 Protocol: `query`, `default-graph-uri`, `named-graph-uri`; Format per Accept "
    "oder `format`. Ohne `query`: Dienstbeschreibung (Turtle …) bzw. der Editor im Browser.",
    response_class=Response,
)
async def sparql_get(request: Request) -> Response:
    if "update" in request.query_params:
        raise ParameterError("SPARQL Update nur per POST (Parameter update)")
    p = get_params(request.url.query)
    return await answer(request, p.query, p.default_graphs, p.named_graphs, p.fmt, browser=True)


@router.post(
    "/sparql",
    summary="SPARQL-Abfrage oder -Update (POST)",
    description="Formular (`query` bzw. `update`), `application/sparql-query` oder "
    "`application/sparql-update`. "
    "Update nur mit `allow_update` und Bearer-Token.",
    response_class=Response,
)
async def sparql_post(request: Request) -> Response:
    p = post_params(request.headers.get("content-type", ""), request.url.query, await request.body())
    if p.update is not None:
        return await update(request, p)
    return await answer(request, p.query, p.default_graphs, p.named_graphs, p.fmt, browser=False)
