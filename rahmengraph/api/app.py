"""The web application: ``create_app(settings)`` wires store, query workers, routers and error shape.

At start-up (lifespan) the store named by ``settings.store`` is opened and ``settings.dataset``
loaded into it — unless a loaded store is handed in (tests, the benchmark). Then the query worker
pool starts. State for handlers: ``app.state.settings``, ``.store``, ``.dataset``, ``.catalog``,
``.pool``, ``.downloads`` (export cache), ``.update_lock``.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from starlette.middleware.cors import CORSMiddleware

from rahmengraph.api import analysis, linked, planner, problems, sparql, status
from rahmengraph.api.access_log import AccessLog
from rahmengraph.api.endpoint import QueryEndpoint
from rahmengraph.config import Settings
from rahmengraph.engine.runner import runner_for
from rahmengraph.model.analysis import warm
from rahmengraph.model.listing import Catalog
from rahmengraph.model.loading.checking import read_dataset
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.loading.writing import load
from rahmengraph.model.projection import shared_projection
from rahmengraph.model.store import GraphStore, open_store
from rahmengraph.viz import analyses, graph_routes, pages

DESCRIPTION = """Wissensgraph eines ressortübergreifenden Rahmenkonzepts.

* **/api/…** – Listen und Einträge für die Planung (JSON), benannte Fragen, Analysen
* **/sparql** – SPARQL-1.1-Endpunkt (nur lesend; Zeitlimit und Zeilenobergrenze je Abfrage)
* **/download/…** – der ganze Datensatz als Turtle, N-Triples, JSON-LD, GraphML, GEXF, CSV, XLSX
* jede IRI `https://w3id.org/rahmengraph/…` ist hier unter `/…` abrufbar (HTML oder RDF)
"""


def _open(settings: Settings) -> tuple[GraphStore, Dataset]:
    store = open_store(settings.store)
    try:
        return store, load(store, settings.dataset)
    except BaseException:
        store.close()
        raise


def create_app(
    settings: Settings, store: GraphStore | None = None, dataset: Dataset | None = None
) -> FastAPI:
    """The application. With ``store`` given (already loaded), nothing is loaded at start-up;
    ``dataset`` is then read (not loaded) from ``settings.dataset`` unless given too."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        own = store is None
        if store is None:
            app.state.store, app.state.dataset = await run_in_threadpool(_open, settings)
        else:
            app.state.store = store
            app.state.dataset = dataset or await run_in_threadpool(read_dataset, settings.dataset)
        app.state.catalog = Catalog(app.state.store)
        if app.state.store.engine != "sparql":
            # Build the networkx projection once now, so no planner waits for it on a first analysis.
            await run_in_threadpool(shared_projection, app.state.store)
        pool = await run_in_threadpool(runner_for, app.state.store, settings)
        app.state.pool = pool
        app.state.warming = None  # the latest background warm-up (start or update), see /api/status
        try:
            await pool.start()
            if settings.warm_analyses and app.state.store.engine != "sparql":
                # the remaining analyses (SHACL: ~0.4 s for Bremen) while the server already answers
                app.state.warming = asyncio.get_running_loop().run_in_executor(None, warm, app.state.store)
            yield
        finally:
            if app.state.warming is not None:
                with suppress(Exception):  # a failure shows again on the analysis's own request
                    await app.state.warming
            await pool.close()
            if own:
                app.state.store.close()

    app = FastAPI(
        title="rahmengraph",
        description=DESCRIPTION,
        version="0.1.0",
        lifespan=lifespan,
        openapi_tags=[
            {"name": "Planung", "description": "Listen, Einträge, Partner, Zuständigkeit heute, Fragen"},
            {"name": "SPARQL", "description": "SPARQL 1.1 Protocol"},
            {"name": "Downloads", "description": "der ganze Datensatz in einem Format"},
            {"name": "Linked Data", "description": "jede IRI des Datensatzes und der Ontologie"},
            {"name": "Betrieb", "description": "Zustand des Servers"},
        ],
    )
    app.state.settings = settings
    app.state.downloads = {}
    app.state.update_lock = asyncio.Lock()
    problems.install(app)
    app.include_router(sparql.router)
    app.include_router(status.router)
    app.include_router(planner.router)
    app.include_router(analysis.router)
    app.include_router(graph_routes.router)
    app.include_router(linked.downloads)
    app.include_router(pages.router)
    app.include_router(analyses.router)
    app.include_router(linked.resources)  # catch-all: last
    app.add_middleware(QueryEndpoint, state=app.state)  # innermost: CORS and the log still apply
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["*"],
        expose_headers=[sparql.TRUNCATED, sparql.MAX_ROWS],
        max_age=600,
    )
    app.add_middleware(AccessLog)
    return app
