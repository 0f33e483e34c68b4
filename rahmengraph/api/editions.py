"""Editions and changes over HTTP: ``/api/ausgaben`` and ``/api/aenderungen`` (JSON or CSV).

Thin adapters over :mod:`rahmengraph.model.asof` and :mod:`rahmengraph.model.change_list`.
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse
from starlette.datastructures import UploadFile

from rahmengraph.api.error_responses import PageRoute
from rahmengraph.api.language import PageLang
from rahmengraph.api.openapi import errors, files
from rahmengraph.api.sparql import authorize
from rahmengraph.api.state import AppState, State, Store, after_write
from rahmengraph.errors import ParameterError, RahmengraphError
from rahmengraph.model.asof import editions
from rahmengraph.model.change_list import COLUMNS, Filters, between
from rahmengraph.model.edition_build import read_with_editions
from rahmengraph.model.edition_update import NewEdition, apply, plan
from rahmengraph.model.loading.csv_text import write_csv
from rahmengraph.model.loading.writing import write
from rahmengraph.viz.changes_page import changes_page, upload_preview

router = APIRouter(prefix="/api", tags=["Ausgaben"])
pages = APIRouter(tags=["Webseiten"], route_class=PageRoute)
CSV: Final = "text/csv; charset=utf-8"


@pages.get("/aenderungen", response_class=HTMLResponse, summary="Änderungen zwischen Ausgaben (Webseite)")
def changes_html(request: Request, store: Store, lang: PageLang) -> HTMLResponse:
    params = {k: v for k, v in request.query_params.items() if k != "lang"}
    return HTMLResponse(changes_page(store, params, lang))


UPLOAD: Final = "Eine neue Ausgabe hochladen (Formularfeld token)"
#: Fields of the upload form (besides the file and the token) → NewEdition argument.
_UPLOAD_FIELDS = ("id", "titel", "datum", "gremium", "quelle", "anmerkung")


def _new_edition(form: Mapping[str, str]) -> NewEdition:
    values = {k: str(form.get(k) or "").strip() for k in _UPLOAD_FIELDS}
    version = values["id"] or values["datum"]
    return NewEdition(
        version, values["titel"] or f"Ausgabe {version}", values["datum"], values["gremium"],
        values["quelle"], values["anmerkung"],
    )  # fmt: skip


def _upload_dir(state: AppState, upload: str) -> Path:
    """The folder of one upload (a random id: nothing else can be named)."""
    if not re.fullmatch(r"[0-9a-f]{32}", upload):
        raise ParameterError(f"Parameter upload: {upload!r} ist keine Kennung eines Hochladens")
    folder = Path(tempfile.gettempdir()) / "rahmengraph-ausgaben" / upload
    if not folder.is_dir():
        raise ParameterError("Parameter upload: dieses Hochladen gibt es nicht (mehr); bitte neu hochladen")
    return folder


def _form(*fields: str, file: str | None = None) -> dict[str, Any]:
    """The request body of an upload form (read by hand, so declared here for the API description)."""
    properties: dict[str, Any] = {f: {"type": "string"} for f in ("token", *fields)}
    if file:
        properties[file] = {"type": "string", "format": "binary"}
    media = "multipart/form-data" if file else "application/x-www-form-urlencoded"
    return {
        "requestBody": {
            "required": True,
            "content": {media: {"schema": {"type": "object", "properties": properties}}},
        }
    }


#: A form that writes: wrong token 401 (403 with uploads switched off), a refused workbook 422.
WRITE_ERRORS: Final = errors(400, 401, 403, 413, 422)


@pages.post(
    "/aenderungen/neu",
    response_class=HTMLResponse,
    summary="Neue Ausgabe hochladen: Prüfung und Änderungen",
    responses=WRITE_ERRORS,
    openapi_extra=_form(*_UPLOAD_FIELDS, file="datei"),
)
async def upload_edition(request: Request, state: State, lang: PageLang) -> HTMLResponse:
    async with request.form() as form:  # closes the uploaded file's spool
        authorize(state.settings, f"Bearer {form.get('token') or ''}", UPLOAD)
        file = form.get("datei")
        if not isinstance(file, UploadFile) or not file.filename:
            raise ParameterError("Parameter datei fehlt: eine Arbeitsmappe (.xlsx oder .ods) hochladen")
        suffix = Path(file.filename).suffix.lower()
        if suffix not in (".xlsx", ".ods"):
            raise ParameterError(f"Parameter datei: {file.filename!r} ist keine Arbeitsmappe (.xlsx, .ods)")
        data = await file.read()
        fields = {k: str(form.get(k) or "") for k in _UPLOAD_FIELDS}
    upload = secrets.token_hex(16)
    folder = Path(tempfile.gettempdir()) / "rahmengraph-ausgaben" / upload
    folder.mkdir(parents=True)
    path = folder / f"ausgabe{suffix}"
    path.write_bytes(data)
    try:
        found = await run_in_threadpool(plan, state.settings.dataset, path, _new_edition(fields))
    except RahmengraphError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    (folder / "felder.json").write_text(json.dumps(fields), encoding="utf-8")
    return HTMLResponse(upload_preview(found, upload, lang))


@pages.post(
    "/aenderungen/bestaetigen",
    response_class=HTMLResponse,
    summary="Neue Ausgabe schreiben",
    responses=WRITE_ERRORS,
    openapi_extra=_form("upload"),
)
async def confirm_edition(request: Request, state: State, lang: PageLang) -> HTMLResponse:
    async with request.form() as form:
        authorize(state.settings, f"Bearer {form.get('token') or ''}", UPLOAD)
        folder = _upload_dir(state, str(form.get("upload") or ""))
    fields = json.loads((folder / "felder.json").read_text(encoding="utf-8"))
    path = next(folder.glob("ausgabe.*"))
    edition = _new_edition(fields)
    async with state.runner.writing() as changes:
        found = await run_in_threadpool(plan, state.settings.dataset, path, edition)  # checked again
        await run_in_threadpool(apply, found)
        try:
            ds = await run_in_threadpool(read_with_editions, state.settings.dataset)
            await run_in_threadpool(write, state.store, [ds])
            state.datasets = [ds, *state.datasets[1:]]
            state.dataset = ds
        finally:  # the workers open the store again before their next query
            changes.reopen()
    after_write(state)
    shutil.rmtree(folder, ignore_errors=True)
    return HTMLResponse(changes_page(state.store, {"von": found.previous[0], "bis": edition.version}, lang))


@router.get("/ausgaben", summary="Ausgaben (Fassungen) der Rahmenkonzepte, älteste zuerst")
def edition_list(store: Store) -> list[dict[str, Any]]:
    return [
        {
            "ausgabe": e.version,
            "titel": e.title,
            "datum": e.date,
            "aktuell": e.current,
            "rahmenkonzept": e.framework,
            "graph": e.iri,
            "aenderungen": f"/api/aenderungen?von={e.version}",
        }
        for e in editions(store)
    ]


@router.get(
    "/aenderungen",
    summary="Was sich zwischen zwei Ausgaben geändert hat (berechnet, mit belegten Gründen)",
    description="`von` die ältere Ausgabe, `bis` die neuere (leer: die aktuelle); filtern nach "
    "Handlungsfeld (`field`), Akteur (`actor`), Ebene (`level`) und Art (`art`); `format=csv` für CSV.",
    response_model=None,
    responses=files(["application/json", CSV], "die Änderungen (Parameter format)"),
)
def change_report(
    store: Store,
    von: str = Query(..., description="ältere Ausgabe, z. B. 2021-10"),
    bis: str = Query("", description="neuere Ausgabe; leer: die aktuelle"),
    field: str = Query("", description="Handlungsfeld (Nummer)"),
    actor: str = Query("", description="Akteur (Kürzel)"),
    level: str = Query("", description="Ebene (Name)"),
    art: str = Query("", description="Änderungsart, z. B. neu, eingestellt, Zuständigkeit übertragen"),
    format: str = Query("json", description="json oder csv"),
) -> Response | dict[str, Any]:
    if format not in ("json", "csv"):
        raise ParameterError(f"Parameter format: {format!r} unbekannt; erlaubt: json, csv")
    report = between(store, von, bis, Filters(field, actor, level, art))
    rows = report.rows()
    if format == "csv":
        name = f"aenderungen-{report.before.version}-{report.after.version}.csv"
        return Response(
            write_csv(COLUMNS, [[r[c] for c in COLUMNS] for r in rows]),
            media_type=CSV,
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
    return {
        "von": report.before.version,
        "bis": report.after.version,
        "rahmenkonzept": report.framework,
        "anzahl": len(rows),
        "aenderungen": rows,
    }
