"""The web application: ``create_app(settings)`` wires store, query workers, routers and error shape.

At start-up (lifespan) the store named by ``settings.store`` is opened and ``settings.datasets``
(``serve -d A -d B``: all of them, each in its own graph) loaded into it — unless a loaded store
is handed in (tests, the benchmark). Then the query runner starts. Handlers get what they need
from the typed :class:`~rahmengraph.api.state.AppState`.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from starlette.middleware.cors import CORSMiddleware

from rahmengraph.api import (
    analysis,
    cors,
    downloads,
    editions,
    error_responses,
    graphs,
    openapi,
    pages,
    participation,
    participation_pages,
    planner,
    report,
    resources,
    sparql,
    status,
    void,
)
from rahmengraph.api.access_log import AccessLog
from rahmengraph.api.endpoint import Application, QueryEndpoint
from rahmengraph.api.head import HeadRequests
from rahmengraph.api.state import AppState, install, stop_warming
from rahmengraph.config import Settings
from rahmengraph.engine.runner import Runner, runner_for
from rahmengraph.model.analysis import warm
from rahmengraph.model.listing import Catalog
from rahmengraph.model.loading.checking import read_all
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.loading.writing import load, load_all
from rahmengraph.model.projection import shared_projection
from rahmengraph.model.store import GraphStore, open_store

DESCRIPTION = """Wissensgraph eines ressortübergreifenden Rahmenkonzepts.

* **/api/…** – Listen und Einträge für die Planung (JSON), benannte Fragen, Analysen
* **/sparql** – SPARQL-1.1-Endpunkt (nur lesend; Zeitlimit und Zeilenobergrenze je Abfrage)
* **/download/…** – der ganze Datensatz als Turtle, N-Triples, JSON-LD, GraphML, GEXF, CSV, XLSX
* jede IRI `https://w3id.org/rahmengraph/…` ist hier unter `/…` abrufbar (HTML oder RDF)
"""


def load_served(store: GraphStore, settings: Settings) -> list[Dataset]:
    """Load the datasets a server serves: one folder as before (not written again when the store
    holds it unchanged), several (``serve -d A -d B``) checked together, then written."""
    if len(settings.datasets) == 1:
        return [load(store, settings.dataset, reuse=True)]
    return load_all(store, settings.datasets)


def _open(settings: Settings) -> tuple[GraphStore, list[Dataset]]:
    store = open_store(settings.store)
    try:
        return store, load_served(store, settings)
    except BaseException:
        store.close()
        raise


def create_app(
    settings: Settings,
    store: GraphStore | None = None,
    dataset: Dataset | list[Dataset] | None = None,
    runner: Runner | None = None,
) -> FastAPI:
    """The application. With ``store`` given (already loaded), nothing is loaded at start-up;
    the datasets are then read (not loaded) from ``settings.datasets`` unless given too. A
    ``runner`` already started for ``store`` (:mod:`~rahmengraph.api.launch`) is taken over and
    closed at shutdown."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        own = store is None
        if store is None:
            opened, ds = await run_in_threadpool(_open, settings)
        else:
            opened = store
            if dataset is None:
                ds = await run_in_threadpool(read_all, settings.datasets)
            else:
                ds = dataset if isinstance(dataset, list) else [dataset]
        started = runner is not None
        queries = runner if runner is not None else await run_in_threadpool(runner_for, opened, settings)
        state = AppState(settings, opened, ds[0], Catalog(opened), queries, datasets=ds)
        install(app, state)
        try:
            if not started:
                await queries.start()  # SPARQL answers first; the projection and analyses follow
            # what start-up made lives as long as the server: out of the collector's full passes,
            # which otherwise stop every request for 0.1-0.6 s now and then (docs/engine.md)
            gc.freeze()
            if opened.engine != "sparql":
                # the networkx projection (and with warm_analyses every analysis, SHACL: ~0.4 s for
                # Bremen) in the background while the server already answers
                loop = asyncio.get_running_loop()
                if settings.warm_analyses:
                    state.warming = state.running = loop.run_in_executor(None, warm, opened)
                else:
                    loop.run_in_executor(None, shared_projection, opened)
            yield
        finally:
            gc.unfreeze()
            await stop_warming(state)
            await queries.close()
            if own:
                opened.close()

    app = Application(
        title="rahmengraph",
        description=DESCRIPTION,
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,  # /docs: Swagger UI from node_modules (openapi.install)
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
        openapi_tags=[
            {"name": "Planung", "description": "Listen, Einträge, Partner, Zuständigkeit heute, Fragen"},
            {"name": "Ausgaben", "description": "Ausgaben eines Rahmenkonzepts und was sich geändert hat"},
            {"name": "SPARQL", "description": "SPARQL 1.1 Protocol"},
            {"name": "Downloads", "description": "der ganze Datensatz in einem Format"},
            {"name": "Linked Data", "description": "jede IRI des Datensatzes und der Ontologie"},
            {
                "name": "Beteiligung",
                "description": "Veranstaltungen und Beiträge (getrennt vom amtlichen Graphen)",
            },
            {"name": "Betrieb", "description": "Zustand des Servers"},
        ],
    )
    error_responses.install(app)
    openapi.install(app)
    app.include_router(sparql.router)
    app.include_router(status.router)
    app.include_router(planner.router)
    app.include_router(analysis.router)
    app.include_router(graphs.router)
    app.include_router(downloads.router)
    app.include_router(editions.router)
    app.include_router(editions.pages)
    app.include_router(pages.router)
    app.include_router(void.router)
    app.include_router(report.router)
    app.include_router(participation.router)
    app.include_router(participation_pages.router)
    app.include_router(resources.router)  # catch-all: last
    app.add_middleware(QueryEndpoint, state=app.state)  # innermost: CORS and the log still apply
    app.add_middleware(CORSMiddleware, **cors.options(settings))
    app.add_middleware(HeadRequests)  # HEAD everywhere, answered as GET without the body
    app.add_middleware(AccessLog)
    app.open_endpoint()  # queries without Origin: ahead of all of the above
    return app
