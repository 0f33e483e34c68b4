"""HTML routes of participation: ``/beteiligung``, ``/beteiligung/{id}``, ``/beteiligung/{id}/mitmachen``.

Thin adapters: events and contributions come from :mod:`rahmengraph.model.participation` as the API
shows them (public view: no names, no hidden input); the pages are rendered by
:mod:`rahmengraph.viz.participation_pages`. Every write goes through ``/api/beteiligung/…``.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from rahmengraph.api.error_responses import PageRoute
from rahmengraph.api.language import PageLang
from rahmengraph.api.participation import frameworks, home
from rahmengraph.api.state import AppState, State
from rahmengraph.model import frameworks as fw
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.participation import register, scope
from rahmengraph.model.participation.annotations import now
from rahmengraph.model.participation.listing import entry_json, event_json
from rahmengraph.model.store import GraphStore
from rahmengraph.viz.participation_pages import Choice, event_page, events_page, take_part_page

router = APIRouter(tags=["Webseiten"], route_class=PageRoute)


def seen_by(state: AppState, ds: Dataset) -> GraphStore:
    """The store as a page about ``ds``'s participation sees it: with several frameworks only this
    one's graphs (names, Handlungsfelder and the phone form's targets are its own)."""
    if len(frameworks(state)) == 1:
        return state.store
    found = fw.owner(state.store, ds.framework)
    return fw.scoped(state.store, found) if found is not None else state.store


@router.get("/beteiligung", response_class=HTMLResponse, summary="Beteiligung: Veranstaltungen")
async def events_html(state: State, lang: PageLang) -> HTMLResponse:
    every = frameworks(state)
    found = await run_in_threadpool(scope.all_events, state.store, every)
    counts: Counter[str] = Counter()
    for ds in every:
        entries = await run_in_threadpool(register.all_entries, state.store, ds.base)
        counts.update(e.event for e in entries)
    moment = now()
    shown = [event_json(e, moment, scope.ident(ds)) for ds, e in found]
    choices = [Choice(scope.ident(ds), seen_by(state, ds)) for ds in every]
    page = await run_in_threadpool(events_page, choices, shown, counts, lang)
    return HTMLResponse(page)


@router.get("/beteiligung/{event_id}", response_class=HTMLResponse, summary="Eine Veranstaltung: Beiträge")
async def event_html(event_id: str, state: State, lang: PageLang) -> HTMLResponse:
    ds, ev = await home(state, event_id)
    found = await run_in_threadpool(register.entries, state.store, ds.base, event_id)
    shown = [entry_json(e, names=False) for e in found]
    page = event_page(seen_by(state, ds), event_json(ev, now(), scope.ident(ds)), shown, lang)
    return HTMLResponse(page)


@router.get(
    "/beteiligung/{event_id}/mitmachen",
    response_class=HTMLResponse,
    summary="Mitmachen (Handy): Beitrag senden, QR-Code",
)
async def take_part_html(
    event_id: str, request: Request, state: State, lang: PageLang, token: str = ""
) -> HTMLResponse:
    ds, ev = await home(state, event_id)
    root = (state.settings.public_base or str(request.base_url)).rstrip("/")
    link = f"{root}/beteiligung/{quote(event_id)}/mitmachen?token={quote(token)}"
    page = take_part_page(seen_by(state, ds), event_json(ev, now(), scope.ident(ds)), token, link, lang)
    return HTMLResponse(page, headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"})
