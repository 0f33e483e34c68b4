"""The API's own description: an OpenAPI document that says what each operation really answers, and
``/docs`` showing it with Swagger UI served from ``node_modules`` (works with no network).

Routes declare their own answers with :func:`errors` (error statuses, the error body of
:mod:`rahmengraph.api.error_responses`) and :func:`files` (a body that is not JSON: CSV, XLSX, Turtle,
PDF …). :func:`describe` then adds what holds for every operation alike — 400 for parameters the
framework refuses (the validation handler answers 400, never 422), 404 where a path names something,
413 for bodies over ``max_body_bytes`` — and the HTML error page beside the JSON body (a browser asking
for HTML gets every error as a page).
"""

from __future__ import annotations

from collections.abc import Iterable
from types import MethodType
from typing import Any, Final

from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from rahmengraph.api.error_responses import HTML, JSON

#: Error status → what it means here (German, shown in /docs).
ERRORS: Final[dict[int, str]] = {
    400: "Ungültiger Parameter oder ungültige Abfrage; die Meldung nennt Parameter und Wert",
    401: "Token fehlt oder ist falsch (Header Authorization: Bearer …)",
    403: "Nicht erlaubt (z. B. Update abgeschaltet oder ein aus Dateien geladener Graph)",
    404: "Nicht gefunden; die Meldung nennt, was es gibt",
    406: "Keines der angebotenen Formate passt zu Accept",
    413: "Anfrage zu groß (Einstellung max_body_bytes)",
    422: "Eingabe geprüft und abgelehnt; nichts wurde geschrieben",
    429: "Zu viele Anfragen; später erneut versuchen (Retry-After)",
    503: "Zeitlimit, Speicherlimit oder Überlast; später erneut versuchen (Retry-After)",
}
#: Statuses every operation with parameters or a body can answer, and those with a body only.
WITH_PARAMETERS: Final = (400,)
WITH_BODY: Final = (400, 413)
#: What an operation with a path parameter answers when nothing has that name.
WITH_PATH_PARAMETERS: Final = 404
#: What FastAPI adds on its own and this API never answers (its validation errors are 400).
FRAMEWORK_422: Final = "#/components/schemas/HTTPValidationError"


class ProblemOut(BaseModel):
    message: str = Field(description="was nicht stimmt (deutsch)")
    file: str | None = Field(None, description="Datei, wenn die Eingabe eine Datei war")
    line: int | None = Field(None, description="Zeile in der Datei oder Abfrage")
    column: str | None = Field(None, description="Spalte, Parameter oder Feld")
    value: str | None = Field(None, description="der abgelehnte Wert")


class ErrorDetailOut(BaseModel):
    code: str = Field(description="stabiler Name des Fehlers, z. B. not_found, bad_parameter")
    message: str = Field(description="deutsche Meldung: nennt den Wert und woher er kam")
    problems: list[ProblemOut] = Field(description="einzelne Fundstellen (leer, wenn es keine gibt)")


class ErrorOut(BaseModel):
    """Every error of the JSON API (browsers get the same as an HTML page)."""

    error: ErrorDetailOut


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route: these error statuses with the error body."""
    return {s: {"model": ErrorOut, "description": ERRORS[s]} for s in statuses}


def files(media_types: Iterable[str], description: str = "Datei") -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route whose 200 body is one of ``media_types`` (JSON only if listed)."""
    types = {m.split(";")[0].strip() for m in media_types}  # parameters (charset) are not media types
    content = {m: {"schema": {} if m == JSON else {"type": "string"}} for m in sorted(types)}
    return {200: {"description": description, "content": content}}


def _error_content() -> dict[str, Any]:
    return {"schema": {"$ref": "#/components/schemas/ErrorOut"}}


def _complete(path: str, op: dict[str, Any]) -> None:
    responses: dict[str, Any] = op.setdefault("responses", {})
    schema = responses.get("422", {}).get("content", {}).get(JSON, {}).get("schema", {})
    if schema.get("$ref") == FRAMEWORK_422:
        del responses["422"]
    added = [*(WITH_BODY if "requestBody" in op else WITH_PARAMETERS if op.get("parameters") else ())]
    if "{" in path:
        added.append(WITH_PATH_PARAMETERS)
    for status in added:
        responses.setdefault(
            str(status), {"description": ERRORS[status], "content": {JSON: _error_content()}}
        )
    for status, answer in responses.items():
        if int(status) in ERRORS:  # a browser (Accept: text/html) gets the error as a page
            answer.setdefault("content", {}).setdefault(HTML, {"schema": {"type": "string"}})


def describe(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document of ``app`` (made once, then kept), completed as the module says."""
    if app.openapi_schema is not None:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
        tags=app.openapi_tags,
    )
    for path, operations in schema.get("paths", {}).items():
        for op in operations.values():
            _complete(path, op)
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        components.pop(unused, None)
    app.openapi_schema = schema
    return schema


def docs_page(app: FastAPI) -> HTMLResponse:
    """Swagger UI for the API, its script and style from ``/static/vendor/`` (no CDN)."""
    return get_swagger_ui_html(
        openapi_url=app.openapi_url or "/openapi.json",
        title=f"{app.title} – API",
        swagger_js_url="/static/vendor/swagger-ui-bundle.js",
        swagger_css_url="/static/vendor/swagger-ui.css",
        swagger_favicon_url="/static/vendor/swagger-favicon.png",
        oauth2_redirect_url=None,
        swagger_ui_parameters={"validatorUrl": None, "defaultModelsExpandDepth": 0},
    )


#: ``/docs``: Swagger UI (not part of the document it shows).
router = APIRouter(include_in_schema=False)


@router.get("/docs")
def docs(request: Request) -> HTMLResponse:
    return docs_page(request.app)


def install(app: FastAPI) -> None:
    """The completed OpenAPI document at ``/openapi.json`` and Swagger UI at ``/docs`` (no closure over
    ``app``: the framework caches endpoints, and an app kept alive keeps its store's folder locked)."""
    app.openapi = MethodType(describe, app)  # type: ignore[method-assign]
    app.include_router(router)
