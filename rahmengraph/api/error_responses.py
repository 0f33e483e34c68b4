"""The one translation of errors to HTTP: the error tree of :mod:`rahmengraph.errors`, the framework's
parameter and routing errors, and unexpected failures.

Each error becomes a status, a code and a German message, then one of two shapes, chosen by
``Accept``: the JSON body ``{"error": {"code", "message", "problems"}}`` for API clients, the HTML
error page for browsers. A client that prefers neither (``*/*``, no header) gets the shape of the
route it asked: HTML for the web pages (:class:`PageRoute`), JSON for everything else.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, Final

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException

from rahmengraph.engine.negotiation import choose, parse_accept
from rahmengraph.errors import (
    NotAcceptable,
    Overloaded,
    Problem,
    RahmengraphError,
    TooManyRequests,
    Unauthorized,
)
from rahmengraph.model.labels import lang_of
from rahmengraph.viz.templating import render

log = logging.getLogger("rahmengraph.api")

#: HTTP status → error code for errors raised by the framework itself.
HTTP_CODES: Final = {404: "not_found", 405: "method_not_allowed", 400: "bad_request", 413: "too_large"}
HTML: Final = "text/html"
JSON: Final = "application/json"


class PageRoute(APIRoute):
    """A route of the web pages: its errors are HTML pages unless the client prefers JSON."""


def error_body(code: str, message: str, problems: list[Problem] | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "problems": [p.as_dict() for p in problems or []]}}


def wants_html(request: Request) -> bool:
    """HTML if the client prefers it to JSON; for a tie the route's own kind decides."""
    page = isinstance(request.scope.get("route"), PageRoute)
    offers = [HTML, JSON] if page else [JSON, HTML]
    best, _q = choose(parse_accept(request.headers.get("accept")), offers)
    return (best or offers[0]) == HTML


def respond(
    request: Request,
    status: int,
    code: str,
    message: str,
    problems: list[Problem] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """The error as JSON or as the HTML page (see the module)."""
    if wants_html(request):
        lang = lang_of(request.query_params.get("lang"))
        page = render("error.html", lang, request.url.path, message_text=message, code=code)
        return HTMLResponse(page, status_code=status, headers=headers)
    return JSONResponse(error_body(code, message, problems), status_code=status, headers=headers)


def error_response(request: Request, exc: RahmengraphError) -> Response:
    """The response for one of our errors (also used outside the framework's handlers: the fast path)."""
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, Unauthorized) else None
    if isinstance(exc, NotAcceptable):
        headers = {"Vary": "Accept"}  # the answer depends on Accept: caches must not reuse it
    if isinstance(exc, Overloaded | TooManyRequests):
        headers = {"Retry-After": str(exc.retry_after)}
    return respond(request, exc.status, exc.code, exc.message, exc.problems, headers)


async def rahmengraph_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RahmengraphError)
    return error_response(request, exc)


#: pydantic's error types → German messages (``{…}`` from the error's context); others keep pydantic's text.
GERMAN_VALIDATION: dict[str, str] = {
    "missing": "Pflichtangabe fehlt",
    "int_parsing": "keine ganze Zahl",
    "int_type": "keine ganze Zahl",
    "float_parsing": "keine Zahl",
    "bool_parsing": "kein Wahrheitswert (true oder false)",
    "greater_than_equal": "muss mindestens {ge} sein",
    "greater_than": "muss größer als {gt} sein",
    "less_than_equal": "darf höchstens {le} sein",
    "less_than": "muss kleiner als {lt} sein",
    "string_too_short": "zu kurz (mindestens {min_length} Zeichen)",
    "string_too_long": "zu lang (höchstens {max_length} Zeichen)",
    "literal_error": "nicht erlaubt; erlaubt: {expected}",
    "enum": "nicht erlaubt; erlaubt: {expected}",
    "date_from_datetime_parsing": "kein Datum (JJJJ-MM-TT)",
    "date_parsing": "kein Datum (JJJJ-MM-TT)",
    "json_invalid": "kein gültiges JSON",
}


def german_message(err: Any) -> str:
    """The German text of one pydantic validation error."""
    template = GERMAN_VALIDATION.get(str(err.get("type", "")))
    if template is None:
        return str(err.get("msg", ""))
    try:
        return template.format(**(err.get("ctx") or {}))
    except (KeyError, IndexError):
        return str(err.get("msg", ""))


async def validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = [
        Problem(german_message(e), None, None, ".".join(str(x) for x in e.get("loc", ())), _value(e))
        for e in exc.errors()
    ]
    names = ", ".join(p.column or "" for p in problems)
    return respond(request, 400, "bad_parameter", f"Ungültige Parameter: {names}", problems)


def _value(err: Any) -> str | None:
    value = err.get("input")
    return None if value is None or isinstance(value, dict) else str(value)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = HTTP_CODES.get(exc.status_code, "http_error")
    message = str(exc.detail)
    if exc.status_code == 404:
        message = f"Nicht gefunden: {request.url.path}"
    elif exc.status_code == 405:
        message = f"Methode {request.method} ist für {request.url.path} nicht erlaubt"
    return respond(request, exc.status_code, code, message, headers=exc.headers)


async def internal_error(request: Request, exc: Exception) -> Response:
    log.exception("Interner Fehler bei %s %s", request.method, request.url.path, exc_info=exc)
    return respond(request, 500, "internal_error", "Interner Serverfehler")


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(RahmengraphError, rahmengraph_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(Exception, internal_error)
