"""Participation over HTTP: ``/api/beteiligung/…`` (events, contributions, workflow, exports, import).

Thin adapters over :mod:`rahmengraph.model.participation`. Facilitators' writes need the update
token (``Authorization: Bearer …``, as SPARQL Update); participants' contributions need the event's
token (``X-Beteiligung-Token`` or form field ``token``) while the event is open. Every write is
checked and then run as one update inside the query runner's write lock, so the SPARQL workers
see it too. Input never reaches the official graphs (see ``docs/beteiligung.md``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any, Final, TypeVar
from uuid import uuid4

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.datastructures import FormData, UploadFile

from rahmengraph.api.openapi import errors, files
from rahmengraph.api.rate_limit import RateLimit
from rahmengraph.api.sparql import authorize
from rahmengraph.api.state import AppState, State
from rahmengraph.errors import InputError, NotFound, ParameterError, TooLarge
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.participation import intake, register, scope, sheets, workflow
from rahmengraph.model.participation.annotations import now
from rahmengraph.model.participation.entries import (
    MAX_TEXT,
    Contribution,
    EventEnd,
    NewEvent,
    StatusChange,
    problems,
)
from rahmengraph.model.participation.listing import counts, entry_json, event_json

router = APIRouter(prefix="/api/beteiligung", tags=["Beteiligung"])

TOKEN_HEADER: Final = "x-beteiligung-token"
T = TypeVar("T")
CLIENT_HEADER: Final = "x-beteiligung-client"
FACILITATOR: Final = "Beteiligung verwalten"


async def _checked_write(state: AppState, plan: Callable[[], T], update_of: Callable[[T], str]) -> T:
    """Check and plan (``plan``, in a thread) and write its update in one hold of the runner's write
    lock (so two requests never both pass a check that only one may pass), recorded for the workers."""
    async with state.runner.writing() as changes:
        result = await run_in_threadpool(plan)
        update = update_of(result)
        if update:
            try:
                await run_in_threadpool(state.store.update_participation, update)
            finally:  # a failed update changed nothing; recording it anyway costs one reopen at most
                changes.record(update, None)
    return result


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise TooLarge(f"Beitrag zu groß: mehr als {limit} Bytes (Einstellung beteiligung_max_bytes)")
    body = await request.body()
    if len(body) > limit:
        raise TooLarge(f"Beitrag zu groß: mehr als {limit} Bytes (Einstellung beteiligung_max_bytes)")
    return body


def _json(body: bytes, what: str) -> Any:
    try:
        return json.loads(body.decode("utf-8") or "null")
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ParameterError(f"{what}: kein gültiges JSON (UTF-8): {exc}") from exc


def _model(cls: type[Any], data: object, what: str) -> Any:
    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        raise InputError(f"{what} fehlerhaft, nichts gespeichert", problems(exc, None)) from exc


def _authorized(state: AppState, request: Request) -> bool:
    """Does the request carry the update token (facilitators: hidden entries and names)?"""
    if not request.headers.get("authorization"):
        return False
    authorize(state.settings, request.headers.get("authorization", ""), FACILITATOR)
    return True


def _from_form(form: FormData) -> dict[str, Any]:
    """A contribution from flat form fields (a page without JavaScript)."""
    get = {k: str(v) for k, v in form.items() if isinstance(v, str)}
    if get.get("beitrag"):
        parsed: dict[str, Any] = _json(get["beitrag"].encode(), "Formularfeld beitrag")
        return parsed
    if get.get("ziel"):
        target: dict[str, Any] = {"iri": get["ziel"]}
    elif get.get("ziel_zeile"):
        target = {"luecke": {"zeile": get["ziel_zeile"], "spalte": get.get("ziel_spalte", ""),
                             "ansicht": get.get("ziel_ansicht", "")}}  # fmt: skip
    else:
        target = {"rahmen": True}
    out: dict[str, Any] = {
        "id": get.get("id") or str(uuid4()),
        "art": get.get("art", ""),
        "ziel": target,
        "text": get.get("text", ""),
        **{k: get[k] for k in ("gruppe", "name", "erstellt") if get.get(k)},
    }
    if get.get("art") == "vorschlag":
        out["vorschlag"] = {
            "titel": get.get("vorschlag_titel", ""),
            "zielgruppen": [str(v) for v in form.getlist("vorschlag_zielgruppen") if str(v)],
            "ebene": get.get("vorschlag_ebene") or None,
            "federfuehrung": get.get("vorschlag_federfuehrung", ""),
        }
    return out


def _limiter(state: AppState) -> RateLimit:
    if state.participation_limit is None:
        s = state.settings
        state.participation_limit = RateLimit(s.beteiligung_rate, s.beteiligung_rate_address)
    return state.participation_limit


def frameworks(state: AppState) -> list[Dataset]:
    """The datasets whose frameworks take participation (``serve -d A -d B``: each of them)."""
    return state.datasets or [state.dataset]


def _link(state: AppState, request: Request, event_id: str, token: str) -> str:
    root = (state.settings.public_base or str(request.base_url)).rstrip("/")
    return f"{root}/beteiligung/{event_id}/mitmachen?token={token}"


@router.post(
    "/veranstaltungen",
    status_code=201,
    summary="Beteiligungsveranstaltung eröffnen (Update-Token)",
    responses=errors(400, 401, 403, 413, 422),
)
async def open_event(request: Request, state: State) -> JSONResponse:
    authorize(state.settings, request.headers.get("authorization", ""), FACILITATOR)
    body = await _body(request, state.settings.beteiligung_max_bytes)
    spec: NewEvent = _model(NewEvent, _json(body, "Rumpf"), "Veranstaltung")
    every = frameworks(state)
    ds = scope.chosen(every, spec.rahmen)

    def plan() -> intake.Opened:  # ids unique over every framework, taken inside the write lock
        return intake.open_event(state.store, ds, spec, scope.taken(state.store, every))

    opened = await _checked_write(state, plan, lambda o: o.update)
    answer = {
        "id": opened.id,
        "rahmen": scope.ident(ds),
        "token": opened.token,
        "link": _link(state, request, opened.id, opened.token),
    }
    return JSONResponse(answer, status_code=201, headers={"Cache-Control": "no-store"})


@router.get("/veranstaltungen", summary="Beteiligungsveranstaltungen (aller oder eines Rahmenkonzepts)")
async def list_events(state: State, rahmen: str = "") -> list[dict[str, Any]]:
    every = frameworks(state)
    chosen = [scope.chosen(every, rahmen)] if rahmen else every
    found = await run_in_threadpool(scope.all_events, state.store, chosen)
    moment = now()
    return [event_json(e, moment, scope.ident(ds)) for ds, e in found]


async def home(state: AppState, event_id: str) -> tuple[Dataset, register.Event]:
    """The framework of an event and the event (404 naming the id)."""
    return await run_in_threadpool(scope.home_of_event, state.store, frameworks(state), event_id)


@router.get("/veranstaltungen/{event_id}", summary="Eine Veranstaltung mit ihren sichtbaren Beiträgen")
async def show_event(event_id: str, request: Request, state: State) -> dict[str, Any]:
    full = _authorized(state, request)
    ds, ev = await home(state, event_id)
    found = await run_in_threadpool(register.entries, state.store, ds.base, event_id, hidden=full)
    return {**event_json(ev, now(), scope.ident(ds)), "beitraege": [entry_json(e, names=full) for e in found]}


@router.patch(
    "/veranstaltungen/{event_id}",
    summary="Veranstaltung früher schließen (Update-Token)",
    responses=errors(400, 401, 403, 404, 413, 422),
)
async def close_event(event_id: str, request: Request, state: State) -> dict[str, Any]:
    """Body ``{"ende": "<ISO datetime>"}`` (e.g. now): the window ends then; later ends are ignored."""
    authorize(state.settings, request.headers.get("authorization", ""), FACILITATOR)
    body = await _body(request, state.settings.beteiligung_max_bytes)
    spec: EventEnd = _model(EventEnd, _json(body, "Rumpf"), "Veranstaltung")
    ds, _ev = await home(state, event_id)
    plan = partial(workflow.close, state.store, ds, event_id, spec.ende)
    await _checked_write(state, plan, lambda update: update)
    ev = await run_in_threadpool(register.event, state.store, ds.base, event_id)
    return event_json(ev, now(), scope.ident(ds))


@router.post(
    "/veranstaltungen/{event_id}/beitraege",
    status_code=201,
    summary="Einen Beitrag senden (Token der Veranstaltung)",
    responses=errors(400, 403, 404, 413, 422, 429),
)
async def contribute(event_id: str, request: Request, state: State) -> JSONResponse:
    client = request.headers.get(CLIENT_HEADER, "")[:100]
    address = request.client.host if request.client else ""
    _limiter(state).admit(client, address)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    token = request.headers.get(TOKEN_HEADER, "")
    if kind in ("application/x-www-form-urlencoded", "multipart/form-data"):
        await _body(request, state.settings.beteiligung_max_bytes)
        async with request.form() as form:
            token = token or str(form.get("token") or "")
            data: Any = _from_form(form)
    else:
        data = _json(await _body(request, state.settings.beteiligung_max_bytes), "Rumpf")
    if isinstance(data, Mapping) and isinstance(data.get("text"), str) and len(data["text"]) > MAX_TEXT:
        raise TooLarge(f"Feld text: höchstens {MAX_TEXT} Zeichen (hier {len(data['text'])})")
    contribution: Contribution = _model(Contribution, data, "Beitrag")
    ds, _ev = await home(state, event_id)  # targets: nodes of this event's framework only
    plan = partial(intake.accept, state.store, ds, event_id, token, contribution, now())
    await _checked_write(state, plan, lambda accepted: accepted[1])
    return JSONResponse({"id": str(contribution.id)}, status_code=201)


@router.patch(
    "/beitraege/{contribution_id}",
    summary="Status eines Beitrags ändern (Update-Token)",
    responses=errors(400, 401, 403, 404, 413, 422),
)
async def change_status(contribution_id: str, request: Request, state: State) -> dict[str, Any]:
    authorize(state.settings, request.headers.get("authorization", ""), FACILITATOR)
    new: StatusChange = _model(StatusChange, _json(await _body(request, state.settings.beteiligung_max_bytes),
                                                   "Rumpf"), "Statusänderung")  # fmt: skip
    ds = await run_in_threadpool(scope.home_of_contribution, state.store, frameworks(state), contribution_id)
    plan = partial(workflow.change, state.store, ds, contribution_id, new)
    await _checked_write(state, plan, lambda update: update)
    entry = await run_in_threadpool(workflow.stored, state.store, ds, contribution_id)
    return entry_json(entry, names=True)


@router.get(
    "/zaehlung",
    summary="Beiträge je Ziel-IRI und Art (sichtbare, nicht verborgene)",
    responses=errors(404),
)
async def count(state: State, veranstaltung: str = "", rahmen: str = "") -> dict[str, dict[str, int]]:
    """One event's input, else every event's (of one framework with ``rahmen``)."""
    if veranstaltung:
        ds, _ev = await home(state, veranstaltung)
        found = await run_in_threadpool(register.entries, state.store, ds.base, veranstaltung)
        return counts(found)
    every = frameworks(state)
    chosen = [scope.chosen(every, rahmen)] if rahmen else every
    found = [e for ds in chosen for e in await run_in_threadpool(register.all_entries, state.store, ds.base)]
    return counts(found)


@router.post(
    "/import",
    summary="Beteiligungsdatei importieren (Update-Token als Bearer oder Formularfeld token; Feld datei; "
    "Feld rahmen bei mehreren Rahmenkonzepten)",
    responses=errors(400, 401, 403, 413, 422),
)
async def import_file(request: Request, state: State) -> dict[str, Any]:
    async with request.form() as form:  # closes the uploaded file's spool
        given = request.headers.get("authorization") or f"Bearer {form.get('token') or ''}"
        authorize(state.settings, given, FACILITATOR)
        upload = form.get("datei")
        if not isinstance(upload, UploadFile):
            raise ParameterError("Formularfeld datei fehlt (eine *.beteiligung.json)")
        data, name = await upload.read(), upload.filename or "datei"
        rahmen = str(form.get("rahmen") or "")

    def plan() -> intake.Imported:
        doc = intake.read_file(data, name)
        every = frameworks(state)
        ds = scope.home_of_file(state.store, every, doc.veranstaltung.id, intake.file_targets(doc), rahmen)
        return intake.import_file(state.store, ds, data, name, now())

    done = await _checked_write(state, plan, lambda imported: imported.update)
    return {"veranstaltung": done.event, "neu": done.new, "schon_da": done.already}


#: Export suffix → media type.
EXPORTS: Final = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@router.get(
    "/veranstaltungen/{event_id}/beitraege.{suffix}",
    summary="Beiträge einer Veranstaltung als CSV (deutsches Excel) oder XLSX",
    response_class=Response,
    responses=files(EXPORTS.values(), "Beiträge als Tabelle"),
)
async def export(event_id: str, suffix: str, request: Request, state: State) -> Response:
    if suffix not in EXPORTS:
        raise NotFound(f"Format {suffix!r} gibt es nicht; möglich: {', '.join(EXPORTS)}")
    full = _authorized(state, request)
    ds, _ev = await home(state, event_id)
    body, _count = await run_in_threadpool(
        sheets.event_table, state.store, ds.base, event_id, suffix, names=full
    )
    name = f"beteiligung-{event_id}.{suffix}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"}
    return Response(body, media_type=EXPORTS[suffix], headers=headers)
