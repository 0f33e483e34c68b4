"""One error shape for every HTTP error: ``{"error": {"code", "message", "problems"}}``.

:class:`~rahmengraph.errors.RahmengraphError` carries its own ``code`` and ``status``; FastAPI's
parameter validation and Starlette's routing errors (404, 405) are mapped to the same shape.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from rahmengraph.errors import Problem, RahmengraphError, Unauthorized

log = logging.getLogger("rahmengraph.api")

#: HTTP status → error code for errors raised by the framework itself.
HTTP_CODES = {404: "not_found", 405: "method_not_allowed", 400: "bad_request", 413: "too_large"}


def error_body(code: str, message: str, problems: list[Problem] | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "problems": [p.as_dict() for p in problems or []]}}


def problem_response(exc: RahmengraphError) -> JSONResponse:
    """The response for one of our errors (also used outside the framework's handlers)."""
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, Unauthorized) else None
    return JSONResponse(
        error_body(exc.code, exc.message, exc.problems), status_code=exc.status, headers=headers
    )


async def rahmengraph_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RahmengraphError)
    return problem_response(exc)


async def validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [
        Problem(str(e.get("msg", "")), None, None, ".".join(str(x) for x in e.get("loc", ())), _value(e))
        for e in exc.errors()
    ]
    names = ", ".join(p.column or "" for p in problems)
    return JSONResponse(
        error_body("bad_parameter", f"Ungültige Parameter: {names}", problems), status_code=400
    )


def _value(err: Any) -> str | None:
    value = err.get("input")
    return None if value is None or isinstance(value, dict) else str(value)


async def http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    code = HTTP_CODES.get(exc.status_code, "http_error")
    message = str(exc.detail)
    if exc.status_code == 404:
        message = f"Nicht gefunden: {request.url.path}"
    elif exc.status_code == 405:
        message = f"Methode {request.method} ist für {request.url.path} nicht erlaubt"
    return JSONResponse(error_body(code, message), status_code=exc.status_code, headers=exc.headers)


async def internal_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("Interner Fehler bei %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse(error_body("internal_error", "Interner Serverfehler"), status_code=500)


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(RahmengraphError, rahmengraph_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(Exception, internal_error)
