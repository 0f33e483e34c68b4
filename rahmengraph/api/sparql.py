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

from collections.abc import Sequence
from typing import Final
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from rahmengraph.api import query_response, updates
from rahmengraph.api.language import ReaderLang
from rahmengraph.api.openapi import errors, files
from rahmengraph.api.query_response import MAX_ROWS as MAX_ROWS
from rahmengraph.api.query_response import TRUNCATED as TRUNCATED
from rahmengraph.api.query_response import endpoint_iri
from rahmengraph.api.state import AppState, State
from rahmengraph.api.updates import authorize as authorize  # where editions and participation get it
from rahmengraph.config import Settings
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
from rahmengraph.errors import NotAcceptable, ParameterError
from rahmengraph.model import asof
from rahmengraph.model.formats import GRAPH_FORMATS
from rahmengraph.model.graph_view import GraphView
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
    return await query_response.run_query(
        state.settings, state.runner, p.query, defaults, named, formats, request.scope
    )


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
        authorization = request.headers.get("authorization", "")
        return await updates.update(state, p, authorization, endpoint_iri(state.settings, request.scope))
    return await answer(request, state, lang, p, browser=False)
