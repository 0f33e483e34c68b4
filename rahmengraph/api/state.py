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
from fastapi.concurrency import run_in_threadpool
from starlette.applications import Starlette
from starlette.datastructures import State as StarletteState

from rahmengraph.config import Settings
from rahmengraph.engine.pool import source_of
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
    #: One update at a time (workers are drained, the store written, workers reloaded).
    update_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    #: The latest background warm-up of the analyses (start or update); None: switched off.
    warming: asyncio.Future[Any] | None = None


async def after_write(state: AppState) -> None:
    """After the store was written (inside ``update_lock``, workers drained): reload the query
    workers' copies, forget cached lists and downloads, recompute the analyses in the background."""
    if state.runner.copies_store:
        source = await run_in_threadpool(source_of, state.store, state.settings.worker_memory_triples)
        await state.runner.reload(source)
    state.catalog.invalidate()
    state.downloads.clear()
    loop = asyncio.get_running_loop()
    if state.settings.warm_analyses:  # /api/status shows it
        state.warming = loop.run_in_executor(None, warm, state.store)
    else:
        loop.run_in_executor(None, shared_projection, state.store)


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
