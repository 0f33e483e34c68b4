"""``rahmengraph serve``: check the port, load the dataset, run uvicorn with one log line per request.

The dataset is loaded *before* the server starts, so an invalid dataset ends with the loader's
German problem list (an :class:`~rahmengraph.errors.InputError`) instead of a start-up traceback.
"""

from __future__ import annotations

import errno
import logging
import socket

import uvicorn

from rahmengraph.api.app import create_app
from rahmengraph.config import Settings
from rahmengraph.errors import ParameterError
from rahmengraph.model.loading.writing import load
from rahmengraph.model.store import open_store

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


def serve(settings: Settings) -> None:
    """Serve the API, the SPARQL endpoint and the web pages until interrupted."""
    logging.basicConfig(level=settings.log_level.upper(), format=LOG_FORMAT)
    check_port(settings.host, settings.port)
    store = open_store(settings.store)
    try:
        dataset = load(store, settings.dataset)
        app = create_app(settings, store, dataset)
        uvicorn.run(
            app,
            host=settings.host,
            port=settings.port,
            access_log=False,  # rahmengraph.api.access_log writes one line per request
            log_level=settings.log_level.lower(),
        )
    finally:
        store.close()
