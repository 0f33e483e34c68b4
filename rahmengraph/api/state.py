"""The application's state as one typed object, and the ``Depends`` providers that hand it out.

:func:`rahmengraph.api.app.create_app` builds an :class:`AppState` at start-up (the store opened
and loaded, the query runner started) and keeps it on the application; handlers ask for what
they need by type (``store: Store``, ``settings: AppSettings``, ``state: State``), so a reader and
mypy can follow e.g. ``max_rows`` from :class:`~rahmengraph.config.Settings` to the engine.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, Request
from starlette.applications import Starlette
from starlette.datastructures import State as StarletteState

from rahmengraph.api.rate_limit import RateLimit
from rahmengraph.config import Settings
from rahmengraph.engine.runner import Runner
from rahmengraph.model.analysis import warm
from rahmengraph.model.listing import Catalog
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.projection import shared_projection
from rahmengraph.model.store import GraphStore

log = logging.getLogger("rahmengraph.api")
#: Seconds without a further write before the analyses are computed again.
QUIET = 1.0
#: Attribute of ``app.state`` that holds the :class:`AppState` (the one untyped read, below).
_KEY = "rahmengraph"


@dataclass
class AppState:
    """Everything a request may use, built once at start-up."""

    settings: Settings
    store: GraphStore
    #: The first dataset (``-d``): the one downloads, the dataset description and new editions use.
    dataset: Dataset
    catalog: Catalog
    runner: Runner
    #: Every dataset loaded from files (``serve -d A -d B``), the first one first.
    datasets: list[Dataset] = field(default_factory=list)
    #: Export files already made (``/download/…``), emptied by an update.
    downloads: dict[str, bytes] = field(default_factory=dict)
    #: Ends when the analyses are computed for the latest state (start or update); None: switched off.
    warming: asyncio.Future[Any] | None = None
    #: The run of the analyses going on (or the last one).
    running: asyncio.Future[Any] | None = None
    #: The run waiting for the writes to pause (see :func:`rewarm`).
    quiet: asyncio.TimerHandle | None = None
    #: Writes seen (a run ends ``warming`` only if no write came after its start).
    writes: int = 0
    #: Per-client limit of participation input (made on first use, in memory only).
    participation_limit: RateLimit | None = None


def loaded_bases(state: AppState) -> list[str]:
    """Base IRIs of the datasets loaded from files (their graphs and edition graphs start so)."""
    return [ds.graph for ds in state.datasets or [state.dataset]]


def after_write(state: AppState) -> None:
    """After the store was written (inside ``runner.writing()``, the change recorded for the
    workers): forget cached lists and downloads, recompute the analyses in the background."""
    state.catalog.invalidate()
    state.downloads.clear()
    rewarm(state)


def rewarm(state: AppState) -> None:
    """Recompute the analyses in the background after a change (/api/status shows it), once the
    writes have paused for :data:`QUIET` seconds: a burst of updates costs one run after it, and no
    run competes with the queries while the writes go on. ``state.warming`` ends when the analyses
    are computed for the latest write."""
    loop = asyncio.get_running_loop()
    if not state.settings.warm_analyses:
        loop.run_in_executor(None, shared_projection, state.store)
        return
    state.writes += 1
    if state.warming is None or state.warming.done():
        state.warming = loop.create_future()
    if state.quiet is not None:
        state.quiet.cancel()
    state.quiet = loop.call_later(QUIET, _warm_after_writes, state)


def _warm_after_writes(state: AppState) -> None:
    state.quiet = None
    running = state.running
    if running is not None and not running.done():  # a run over older data: again after it
        running.add_done_callback(lambda _: _warm_after_writes(state) if state.quiet is None else None)
        return
    writes, done = state.writes, state.warming
    state.running = asyncio.get_running_loop().run_in_executor(None, warm, state.store)

    def finished(run: asyncio.Future[Any]) -> None:
        if not run.cancelled() and run.exception() is not None:  # shows again on the analysis's request
            log.warning("Analysen nicht vorberechnet: %s", run.exception())
        if writes == state.writes and done is not None and not done.done():
            done.set_result(None)

    state.running.add_done_callback(finished)


async def stop_warming(state: AppState) -> None:
    """At shutdown: no further run of the analyses; wait for the one going on."""
    if state.quiet is not None:
        state.quiet.cancel()
        state.quiet = None
    if state.running is not None:
        with suppress(Exception):  # a failure shows again on the analysis's own request
            await state.running


def install(app: Starlette, state: AppState) -> None:
    setattr(app.state, _KEY, state)


def state_in(holder: StarletteState) -> AppState:
    """The :class:`AppState` kept in ``app.state`` (for code outside handlers: the fast path)."""
    state: AppState = getattr(holder, _KEY)
    return state


def state_of(app: Starlette) -> AppState:
    return state_in(app.state)


async def get_state(request: Request) -> AppState:
    return state_of(request.app)


async def get_store(request: Request) -> GraphStore:
    return state_of(request.app).store


async def get_settings(request: Request) -> Settings:
    return state_of(request.app).settings


# The providers are coroutines: FastAPI runs them on the event loop, not in a worker thread.
State = Annotated[AppState, Depends(get_state)]
Store = Annotated[GraphStore, Depends(get_store)]
AppSettings = Annotated[Settings, Depends(get_settings)]
