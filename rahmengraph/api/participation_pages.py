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
from rahmengraph.api.state import State
from rahmengraph.model.participation import register
from rahmengraph.model.participation.annotations import now
from rahmengraph.model.participation.listing import entry_json, event_json
from rahmengraph.viz.participation_pages import event_page, events_page, take_part_page

router = APIRouter(tags=["Webseiten"], route_class=PageRoute)


@router.get("/beteiligung", response_class=HTMLResponse, summary="Beteiligung: Veranstaltungen")
async def events_html(state: State, lang: PageLang) -> HTMLResponse:
    base = state.dataset.base
    found = await run_in_threadpool(register.events, state.store, base)
    entries = await run_in_threadpool(register.all_entries, state.store, base)
    moment = now()
    counts = Counter(e.event for e in entries)
    return HTMLResponse(events_page(state.store, [event_json(e, moment) for e in found], counts, lang))


@router.get("/beteiligung/{event_id}", response_class=HTMLResponse, summary="Eine Veranstaltung: Beiträge")
async def event_html(event_id: str, state: State, lang: PageLang) -> HTMLResponse:
    base = state.dataset.base
    ev = await run_in_threadpool(register.event, state.store, base, event_id)
    found = await run_in_threadpool(register.entries, state.store, base, event_id)
    shown = [entry_json(e, names=False) for e in found]
    return HTMLResponse(event_page(state.store, event_json(ev, now()), shown, lang))


@router.get(
    "/beteiligung/{event_id}/mitmachen",
    response_class=HTMLResponse,
    summary="Mitmachen (Handy): Beitrag senden, QR-Code",
)
async def take_part_html(
    event_id: str, request: Request, state: State, lang: PageLang, token: str = ""
) -> HTMLResponse:
    ev = await run_in_threadpool(register.event, state.store, state.dataset.base, event_id)
    root = (state.settings.public_base or str(request.base_url)).rstrip("/")
    link = f"{root}/beteiligung/{quote(event_id)}/mitmachen?token={quote(token)}"
    page = take_part_page(state.store, event_json(ev, now()), token, link, lang)
    return HTMLResponse(page, headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"})
