"""``rahmengraph serve``: check the port, load the dataset, run uvicorn with one log line per request.

The dataset is loaded *before* the server starts, so an invalid dataset ends with the loader's
German problem list (an :class:`~rahmengraph.errors.InputError`) instead of a start-up traceback.
A store that holds the dataset as loaded before from the same files
(:func:`~rahmengraph.model.loading.digest.loaded_graph`) is not loaded again: the server answers
SPARQL queries at once and builds the web application meanwhile (:mod:`~rahmengraph.api.launch`).
This module imports neither FastAPI nor the model's loading, analyses or pages: that is the start-up.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import socket
from functools import partial
from typing import TYPE_CHECKING, Any

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from rahmengraph.api.connection import OneWrite
from rahmengraph.api.launch import Launch
from rahmengraph.config import Settings
from rahmengraph.engine.runner import Runner
from rahmengraph.errors import ParameterError
from rahmengraph.model.loading import digest
from rahmengraph.model.store import GraphStore, open_store

if TYPE_CHECKING:  # the loader is imported only when a dataset is to be loaded
    from rahmengraph.model.loading.dataset import Dataset

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def check_port(host: str, port: int) -> None:
    """Raise a clear error when ``host:port`` cannot be bound (taken, or not allowed)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ParameterError(
                    f"Port {port} auf {host} ist schon belegt (Parameter --port): läuft der Server schon? "
                    f"Anderen Port wählen, z. B. --port {port + 1}"
                ) from exc
            raise ParameterError(
                f"Adresse {host}:{port} lässt sich nicht nutzen (Parameter --host/--port): {exc}"
            ) from exc


def http_protocol(seconds: float) -> type[HttpToolsProtocol]:
    """uvicorn's HTTP protocol, closing a connection whose request headers are not complete within
    ``seconds`` of its start (a client that connects and sends nothing, or too slowly), and writing
    each answer at once (:class:`~rahmengraph.api.connection.OneWrite`)."""

    class Connection(HttpToolsProtocol):
        _timer: asyncio.TimerHandle | None = None

        def _arm(self) -> None:
            if self._timer is None:
                self._timer = self.loop.call_later(seconds, self._late)

        def _disarm(self) -> None:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None

        def _late(self) -> None:
            self._timer = None
            if not self.transport.is_closing():
                self.transport.close()

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(OneWrite(transport, self.loop))  # type: ignore[arg-type]
            self._arm()

        def on_message_begin(self) -> None:
            super().on_message_begin()
            self._arm()

        def on_headers_complete(self) -> None:
            self._disarm()
            super().on_headers_complete()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

    return Connection


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """How ``rahmengraph serve`` runs uvicorn besides host and port (the benchmark runs it so too)."""
    return {
        "http": http_protocol(settings.header_timeout),
        "access_log": False,  # rahmengraph.api.access_log writes one line per request
        "log_level": settings.log_level.lower(),
    }


def serve(settings: Settings) -> None:
    """Serve the API, the SPARQL endpoint and the web pages until interrupted."""
    logging.basicConfig(level=settings.log_level.upper(), format=LOG_FORMAT)
    check_port(settings.host, settings.port)
    store = open_store(settings.store)
    try:
        datasets = None if _loaded(store, settings) else _load(store, settings)
        launch = Launch(settings, store, partial(_application, settings, store, datasets))
        uvicorn.run(launch, host=settings.host, port=settings.port, **uvicorn_options(settings))
        if launch.failure is not None:
            raise launch.failure
    finally:
        store.close()


def _loaded(store: GraphStore, settings: Settings) -> bool:
    """Whether ``store`` holds the one dataset served as loaded before from the same files."""
    return len(settings.datasets) == 1 and digest.loaded_graph(store, settings.dataset) is not None


def _load(store: GraphStore, settings: Settings) -> list[Dataset]:
    from rahmengraph.api.app import load_served

    return load_served(store, settings)


def _application(
    settings: Settings, store: GraphStore, datasets: list[Dataset] | None, runner: Runner
) -> Any:
    """The web application over the loaded ``store`` (in a thread, while queries are answered); it
    reads the datasets' files itself when they were not loaded just now."""
    from rahmengraph.api.app import create_app

    return create_app(settings, store, datasets, runner)
