"""The SPARQL 1.1 Protocol endpoint ``/sparql``: queries in worker processes, updates only with a token.

* GET ``?query=``, POST form (``query=`` / ``update=``), POST ``application/sparql-query`` and
  ``application/sparql-update``; ``default-graph-uri`` / ``named-graph-uri`` (store graphs only);
  one ``query``/``update`` per request; relative IRIs resolve against the endpoint's IRI (Oxigraph's
  ``base_iri``); updates' ``using-graph-uri`` / ``using-named-graph-uri`` become ``USING`` clauses
  (see :mod:`rahmengraph.api.dataset`, which also says how graphs not in the store behave).
* Text must be UTF-8: anything else is refused (400) naming the parameter and the byte position.
* Result formats by ``Accept`` (q-values, wildcards) or ``format=`` (key or media type); a browser
  gets the editor page, a client without a query the service description.
* Limits: see :mod:`rahmengraph.api.pool` (time), :mod:`rahmengraph.api.worker` (rows),
  :mod:`rahmengraph.api.guard` (no SERVICE, LOAD or remote graphs).
"""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import State
from starlette.requests import HTTPConnection
from starlette.types import Scope

from rahmengraph.api.conneg import Range, choose, explicitly_accepts, parse_accept, quality
from rahmengraph.api.dataset import graph_iris, with_using
from rahmengraph.api.description import description
from rahmengraph.api.guard import check_update
from rahmengraph.api.pool import source_of
from rahmengraph.api.worker import Job, query_form
from rahmengraph.config import Settings
from rahmengraph.errors import Forbidden, NotAcceptable, ParameterError, Unauthorized
from rahmengraph.model.analysis import warm
from rahmengraph.model.formats import GRAPH_FORMATS, RESULT_FORMATS
from rahmengraph.model.projection import shared_projection

router = APIRouter(tags=["SPARQL"])

HTML = "text/html"
#: Media type → results format key, in the server's order of preference (aliases last).
RESULT_OFFERS: Final = {
    **{f.media_type: k for k, f in RESULT_FORMATS.items()},
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
}
#: Media type → graph format key (only graph formats: N-Quads/TriG are for whole datasets).
GRAPH_OFFERS: Final = {
    **{f.media_type: k for k, f in GRAPH_FORMATS.items() if k in ("ttl", "nt", "jsonld", "rdfxml")},
    "application/x-turtle": "ttl",
    "application/turtle": "ttl",
    "text/plain": "nt",
    "application/json": "jsonld",
    "application/xml": "rdfxml",
}
#: Header telling a client its results were cut to ``max_rows``.
TRUNCATED: Final = "X-Rahmengraph-Truncated"
MAX_ROWS: Final = "X-Rahmengraph-Max-Rows"


#: Other spellings of ``format=`` values that clients send (SPARQLWrapper: ``turtle`` …).
FORMAT_ALIASES: Final = {
    "turtle": "ttl",
    "ntriples": "nt",
    "n-triples": "nt",
    "json-ld": "jsonld",
    "rdf": "rdfxml",
    "rdf+xml": "rdfxml",
}


def endpoint_iri(settings: Settings, scope: Scope) -> str:
    """The endpoint's own IRI: ``/sparql`` under ``public_base``, else under the request's base URL.
    It is the base IRI of queries and updates (the protocol's service-defined base)."""
    return (settings.public_base or str(HTTPConnection(scope).base_url)).rstrip("/") + "/sparql"


def _by_format(value: str) -> tuple[str | None, str | None]:
    value = FORMAT_ALIASES.get(value.lower(), value)
    key = RESULT_OFFERS.get(value) or (value if value in RESULT_FORMATS else None)
    gkey = GRAPH_OFFERS.get(value) or (value if value in GRAPH_FORMATS else None)
    if key is None and gkey is None:
        known = ", ".join([*RESULT_FORMATS, *GRAPH_FORMATS])
        raise ParameterError(f"Parameter format: {value!r} unbekannt; bekannt: {known}")
    return key or "json", gkey or "ttl"


def negotiate(ranges: list[Range], fmt: str | None) -> tuple[str | None, str | None, bool]:
    """(results format key, graph format key, wants HTML) for a request."""
    if fmt:
        if fmt == "html":
            return None, None, True
        results, graph = _by_format(fmt)
        return results, graph, False
    rtype, rq = choose(ranges, list(RESULT_OFFERS))
    gtype, gq = choose(ranges, list(GRAPH_OFFERS))
    html = explicitly_accepts(ranges, HTML) and quality(ranges, HTML) >= max(rq, gq)
    return (RESULT_OFFERS[rtype] if rtype else None), (GRAPH_OFFERS[gtype] if gtype else None), html


#: Accept headers up to this length have their negotiation remembered (clients repeat theirs).
_CACHED_ACCEPT = 512


@lru_cache(maxsize=256)
def _negotiated(accept: str | None, fmt: str | None) -> tuple[str | None, str | None, bool]:
    return negotiate(parse_accept(accept), fmt)


def formats_for(accept: str | None, fmt: str | None) -> tuple[str | None, str | None, bool]:
    """:func:`negotiate` for an Accept header, remembered for the usual (short) headers."""
    if accept is not None and len(accept) > _CACHED_ACCEPT:
        return negotiate(parse_accept(accept), fmt)
    return _negotiated(accept, fmt)


def query_formats(query: str, accept: str | None, fmt: str | None) -> tuple[str | None, str | None, bool]:
    """:func:`formats_for` a query; none for an empty one (:func:`run_query` refuses that)."""
    return formats_for(accept, fmt) if query.strip() else (None, None, False)


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
    formats: tuple[str | None, str | None, bool],
    scope: Scope,
) -> Response:
    """Answer a query (not the editor, not the description): the one code path for every client."""
    if not query.strip():
        raise ParameterError("Parameter query ist leer")
    results, graph, _html = formats
    form = query_form(query)
    if (form in ("SELECT", "ASK") and results is None) or (
        form in ("CONSTRUCT", "DESCRIBE") and graph is None
    ):
        raise NotAcceptable(f"Kein Format im Accept-Header passt zu einer {form}-Abfrage")
    if results is None and graph is None:
        raise NotAcceptable("Kein Format im Accept-Header passt zu SPARQL-Ergebnissen")
    settings = state.settings
    job = Job(
        query,
        results,
        graph,
        tuple(default_graphs),
        tuple(named_graphs),
        settings.max_rows,
        endpoint_iri(settings, scope),
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
    if formats[2] and browser:
        return _editor(request, query)
    return await run_query(request.app.state, query, default_graphs, named_graphs, formats, request.scope)


@dataclass(frozen=True)
class Params:
    """The protocol parameters of one request (a POST's from its query string and body)."""

    query: str | None
    update: str | None
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]
    fmt: str | None
    using_graphs: tuple[str, ...] = ()
    using_named_graphs: tuple[str, ...] = ()


def _utf8(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParameterError(
            f"{where}: kein gültiges UTF-8 ab Byte {exc.start + 1} (0x{data[exc.start]:02X}); "
            "SPARQL-Anfragen müssen UTF-8-kodiert sein"
        ) from None


def _form(text: str, where: str) -> dict[str, list[str]]:
    """Form fields, their values strictly UTF-8 (an error names the parameter and the byte)."""
    try:
        return parse_qs(text, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        pass
    for name, value in parse_qs(text, keep_blank_values=True, encoding="latin-1").items():
        for v in value:
            _utf8(v.encode("latin-1"), f"Parameter {name} ({where})")
    raise AssertionError("unreachable: strict decoding failed, so one value is not UTF-8")


def _params(fields: dict[str, list[str]], query: str | None, update: str | None, fmt: str | None) -> Params:
    return Params(
        query,
        update,
        graph_iris(fields.get("default-graph-uri", []), "default-graph-uri"),
        graph_iris(fields.get("named-graph-uri", []), "named-graph-uri"),
        fmt,
        graph_iris(fields.get("using-graph-uri", []), "using-graph-uri"),
        graph_iris(fields.get("using-named-graph-uri", []), "using-named-graph-uri"),
    )


def get_params(query_string: str) -> Params:
    """The protocol parameters of a GET (``update`` is kept only to be refused)."""
    params = _form(query_string, "URL")
    return _params(params, _single(params, "query"), _single(params, "update"), _first(params, "format"))


def post_params(content_type: str, query_string: str, body: bytes) -> Params:
    """Parse a POST the SPARQL 1.1 Protocol way (form, ``application/sparql-query`` or ``-update``)."""
    ctype = content_type.split(";")[0].strip().lower()
    params = _form(query_string, "URL")
    fmt = _first(params, "format")
    if ctype == "application/x-www-form-urlencoded":
        form = _form(_utf8(body, "Formular"), "Formular")
        query, update = _single(form, "query"), _single(form, "update")
        for name, values in form.items():
            if name != "format":
                params[name] = params.get(name, []) + values
        fmt = fmt or _first(form, "format")
    elif ctype == "application/sparql-query":
        query, update = _utf8(body, "Abfrage (application/sparql-query)"), None
    elif ctype == "application/sparql-update":
        query, update = None, _utf8(body, "Update (application/sparql-update)")
    else:
        raise ParameterError(
            f"Content-Type {ctype or '(fehlt)'!r} nicht unterstützt: application/x-www-form-urlencoded, "
            "application/sparql-query oder application/sparql-update"
        )
    if query is not None and update is not None:
        raise ParameterError("query und update zugleich: bitte nur eines (Parameter query/update)")
    return _params(params, query, update, fmt)


def _first(form: dict[str, list[str]], name: str) -> str | None:
    values = form.get(name)
    return values[0] if values else None


def _single(form: dict[str, list[str]], name: str) -> str | None:
    """The one value of ``query`` or ``update``; more than one is an error (which would run?)."""
    values = form.get(name, [])
    if len(values) > 1:
        raise ParameterError(f"Parameter {name} mehrfach angegeben: bitte genau eine Anfrage je Aufruf")
    return values[0] if values else None


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
