"""The application's state as one typed object, and the ``Depends`` providers that hand it out.

:func:`rahmengraph.api.app.create_app` builds an :class:`AppState` at start-up (the store opened
and loaded, the query runner started) and keeps it on the application; handlers ask for what
they need by type (``store: Store``, ``settings: AppSettings``, ``state: State``), so a reader and
mypy can follow e.g. ``max_rows`` from :class:`~rahmengraph.config.Settings` to the engine.
"""

from __future__ import annotations

import asyncio
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

#: Attribute of ``app.state`` that holds the :class:`AppState` (the one untyped read, below).
_KEY = "rahmengraph"


@dataclass
class AppState:
    """Everything a request may use, built once at start-up."""

    settings: Settings
    store: GraphStore
    dataset: Dataset
    catalog: Catalog
    runner: Runner
    #: Export files already made (``/download/…``), emptied by an update.
    downloads: dict[str, bytes] = field(default_factory=dict)
    #: The latest background warm-up of the analyses (start or update); None: switched off.
    warming: asyncio.Future[Any] | None = None
    #: An update came while the warm-up ran: warm up once more after it.
    rewarm: bool = False
    #: Per-client limit of participation input (made on first use, in memory only).
    participation_limit: RateLimit | None = None


def after_write(state: AppState) -> None:
    """After the store was written (inside ``runner.writing()``, the change recorded for the
    workers): forget cached lists and downloads, recompute the analyses in the background."""
    state.catalog.invalidate()
    state.downloads.clear()
    rewarm(state)


def rewarm(state: AppState) -> None:
    """Recompute the analyses in the background after a change (/api/status shows it); while a
    run is going, once more after it (updates in a row cost one run, not one each)."""
    loop = asyncio.get_running_loop()
    if not state.settings.warm_analyses:
        loop.run_in_executor(None, shared_projection, state.store)
        return
    running = state.warming
    if running is not None and not running.done():
        state.rewarm = True
        return
    state.rewarm = False
    state.warming = loop.run_in_executor(None, warm, state.store)

    def again(_: object) -> None:
        if state.rewarm:
            loop.call_soon_threadsafe(rewarm, state)

    state.warming.add_done_callback(again)


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
