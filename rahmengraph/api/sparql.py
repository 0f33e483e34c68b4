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

import hmac
from collections.abc import Iterable, Sequence
from typing import Final
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from starlette.types import Scope

from rahmengraph.api import query_response
from rahmengraph.api.language import ReaderLang
from rahmengraph.api.openapi import errors, files
from rahmengraph.api.query_response import MAX_ROWS as MAX_ROWS
from rahmengraph.api.query_response import TRUNCATED as TRUNCATED
from rahmengraph.api.query_response import endpoint_iri
from rahmengraph.api.state import AppState, State, after_write, loaded_bases
from rahmengraph.config import Settings
from rahmengraph.engine.dataset import with_using
from rahmengraph.engine.guard import check_depth, check_update
from rahmengraph.engine.job import Formats
from rahmengraph.engine.negotiation import (
    GRAPH_OFFERS,
    HTML,
    RESULT_OFFERS,
    Range,
    negotiate,
    parse_accept,
    query_formats,
)
from rahmengraph.engine.protocol import Params, get_params, post_params
from rahmengraph.engine.service_description import description
from rahmengraph.engine.targets import check_participation_writes, check_writes
from rahmengraph.errors import Forbidden, NotAcceptable, ParameterError, Unauthorized
from rahmengraph.model import asof
from rahmengraph.model.formats import GRAPH_FORMATS
from rahmengraph.model.graph_view import GraphView, is_participation_graph
from rahmengraph.model.namespaces import ONTOLOGY_IRI, PREFIXES
from rahmengraph.viz.sparql_editor import sparql_editor

router = APIRouter(tags=["SPARQL"])

#: What ``/sparql`` answers with: results (SELECT, ASK), graphs (CONSTRUCT, DESCRIBE), the editor page.
MEDIA_TYPES: Final = sorted({*RESULT_OFFERS, *GRAPH_OFFERS, HTML})


def _parameter(name: str, help: str, many: bool = False) -> dict[str, object]:
    schema: dict[str, object] = {"type": "array", "items": {"type": "string"}} if many else {"type": "string"}
    return {"name": name, "in": "query", "required": False, "description": help, "schema": schema}


#: The protocol's parameters (query string of GET; the same names in a POST form).
QUERY_PARAMETERS: Final = [
    _parameter("query", "SPARQL-1.1-Abfrage (ohne: Dienstbeschreibung bzw. Editor)"),
    _parameter("default-graph-uri", "Graph(en) des Standardgraphen der Abfrage (statt FROM)", many=True),
    _parameter("named-graph-uri", "benannte Graphen der Abfrage (statt FROM NAMED)", many=True),
    _parameter("format", "Ergebnisformat als Kürzel oder Medientyp (statt Accept), z. B. json, csv, ttl"),
    _parameter("stand", "Ausgabe oder Datum: die Rahmenkonzepte in der damals geltenden Fassung"),
]
_FORM_FIELDS: Final = {
    **{p["name"]: p["schema"] for p in QUERY_PARAMETERS if p["name"] != "stand"},
    "update": {"type": "string"},
    "using-graph-uri": {"type": "array", "items": {"type": "string"}},
    "using-named-graph-uri": {"type": "array", "items": {"type": "string"}},
}
#: The three bodies of a POST: a form (query or update), or the text of a query or an update.
POST_BODY: Final = {
    "required": True,
    "content": {
        "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": _FORM_FIELDS}},
        "application/sparql-query": {"schema": {"type": "string"}},
        "application/sparql-update": {"schema": {"type": "string"}},
    },
}


def _editor(settings: Settings, query: str | None, lang: str, stand: str | None = None) -> HTMLResponse:
    return HTMLResponse(sparql_editor(settings, query, lang, stand))


async def stand_dataset(
    state: AppState, query_string: str, default_graphs: Sequence[str], named_graphs: Sequence[str]
) -> tuple[Sequence[str], Sequence[str]]:
    """The protocol's graphs, or for ``stand=`` (an edition or a date; not with explicit graphs)
    the editions in force then as the default graph, every graph as a named graph."""
    stand = parse_qs(query_string).get("stand", [""])[0]
    if not stand or default_graphs or named_graphs:
        return default_graphs, named_graphs
    view, _at = await run_in_threadpool(asof.resolve, state.store, stand)
    if not isinstance(view, GraphView):
        return default_graphs, named_graphs
    return view.default_graphs, await run_in_threadpool(state.store.graphs)


async def _describe_service(
    request: Request, state: AppState, lang: str, ranges: list[Range], fmt: str | None
) -> Response:
    _results, graph, html = negotiate(ranges, fmt)
    if html:
        return _editor(state.settings, None, lang)
    if graph is None:
        raise NotAcceptable(
            "Die Dienstbeschreibung gibt es als Turtle, N-Triples, JSON-LD oder RDF/XML (Accept)"
        )
    endpoint = endpoint_iri(state.settings, request.scope)
    graphs = await run_in_threadpool(state.store.graphs)
    gfmt = GRAPH_FORMATS[graph]
    body = description(endpoint, state.settings, graphs, gfmt)
    return Response(body, media_type=gfmt.media_type, headers={"Vary": "Accept"})


async def run_query(
    state: AppState,
    query: str,
    default_graphs: Sequence[str],
    named_graphs: Sequence[str],
    formats: Formats,
    scope: Scope,
) -> Response:
    """Answer a query (not the editor, not the description): the one code path for every client."""
    return await query_response.run_query(
        state.settings, state.runner, query, default_graphs, named_graphs, formats, scope
    )


async def answer(
    request: Request,
    state: AppState,
    lang: str,
    p: Params,
    *,
    browser: bool,
) -> Response:
    accept = request.headers.get("accept")
    if p.query is None:
        if not browser:
            raise ParameterError("Parameter query (oder update) fehlt")
        return await _describe_service(request, state, lang, parse_accept(accept), p.fmt)
    formats = query_formats(p.query, accept, p.fmt)
    if formats.html and browser:
        return _editor(state.settings, p.query, lang, request.query_params.get("stand"))
    defaults, named = await stand_dataset(state, request.url.query, p.default_graphs, p.named_graphs)
    return await run_query(state, p.query, defaults, named, formats, request.scope)


def authorize(settings: Settings, authorization: str, what: str = "SPARQL Update") -> None:
    """Writing needs ``allow_update`` and the update token (``Bearer …``), compared in constant time."""
    if not settings.allow_update:
        raise Forbidden(f"{what} ist auf diesem Server abgeschaltet (Einstellung allow_update)")
    token = settings.update_token
    scheme, _, given = authorization.partition(" ")
    expected = token.get_secret_value().encode() if token is not None else b""
    ok = bool(expected) and scheme.lower() == "bearer"
    # compare in constant time even when the scheme is wrong, so timing tells nothing
    if not hmac.compare_digest(given.strip().encode(), expected) or not ok:
        raise Unauthorized(f"{what} braucht den richtigen Bearer-Token (Header Authorization)")


async def update(request: Request, state: AppState, p: Params) -> Response:
    authorize(state.settings, request.headers.get("authorization", ""))
    if p.update is None or not p.update.strip():
        raise ParameterError("Parameter update ist leer")
    text = with_using(p.update, p.using_graphs, p.using_named_graphs)
    check_depth(text, state.settings.max_query_depth)
    await run_in_threadpool(check_update, text)
    base = endpoint_iri(state.settings, request.scope)
    stored = await run_in_threadpool(state.store.graphs)
    check_writes(text, base, PREFIXES, loaded_graphs(state, stored))
    check_participation_writes(text, base, PREFIXES, stored)
    # workers are not restarted: they replay the change before their next query (engine.changes)
    async with state.runner.writing() as changes:
        try:
            await run_in_threadpool(state.store.update, text, base)
        finally:  # a failed update changed nothing; recording it anyway costs one reopen at most
            changes.record(text, base)
    after_write(state)
    return Response(status_code=204)


def loaded_graphs(state: AppState, graphs: Iterable[str]) -> set[str]:
    """Those of ``graphs`` that start-up loads from files (read-only through SPARQL Update, see
    :mod:`rahmengraph.engine.targets`): every loaded dataset's, its editions' and the ontology's."""
    # editions too; participation graphs are refused by check_participation_writes
    bases = tuple(loaded_bases(state))
    stored_from_files = {g for g in graphs if g.startswith(bases) and not is_participation_graph(g)}
    return stored_from_files | ({ONTOLOGY_IRI} & set(graphs))


@router.get(
    "/sparql",
    summary="SPARQL-Abfrage (GET) oder Dienstbeschreibung",
    description="SPARQL 1.1 Protocol: `query`, `default-graph-uri`, `named-graph-uri`; Format per Accept "
    "oder `format`. Ohne `query`: Dienstbeschreibung (Turtle …) bzw. der Editor im Browser.",
    response_class=Response,
    responses={
        **files(MEDIA_TYPES, "Ergebnis, Graph, Dienstbeschreibung oder Editor"),
        **errors(400, 406, 503),
    },
    openapi_extra={"parameters": QUERY_PARAMETERS},
)
async def sparql_get(request: Request, state: State, lang: ReaderLang) -> Response:
    if "update" in request.query_params:
        raise ParameterError("SPARQL Update nur per POST (Parameter update)")
    return await answer(request, state, lang, get_params(request.url.query), browser=True)


@router.post(
    "/sparql",
    summary="SPARQL-Abfrage oder -Update (POST)",
    description="Formular (`query` bzw. `update`), `application/sparql-query` oder "
    "`application/sparql-update`. "
    "Update nur mit `allow_update` und Bearer-Token. Antwort auf ein Update: 204 ohne Inhalt.",
    response_class=Response,
    responses={
        **files(MEDIA_TYPES, "Ergebnis oder Graph"),
        204: {"description": "Update ausgeführt"},
        **errors(400, 401, 403, 406, 413, 503),
    },
    openapi_extra={
        "parameters": [p for p in QUERY_PARAMETERS if p["name"] in ("format", "stand")],
        "requestBody": POST_BODY,
    },
)
async def sparql_post(request: Request, state: State, lang: ReaderLang) -> Response:
    p = post_params(request.headers.get("content-type", ""), request.url.query, await request.body())
    if p.update is not None:
        return await update(request, state, p)
    return await answer(request, state, lang, p, browser=False)
