"""SPARQL servers of the benchmark, each in its own process on 127.0.0.1.

``python -m bench.servers KIND --port P ...`` runs one server (the child side); :func:`running`
starts one as a subprocess, waits until it answers and stops it (the parent side). Kinds
(:data:`SERVERS`):

* ``ours``   – ``rahmengraph.api.app.create_app`` over the prepared persistent Oxigraph folder
  (query worker processes, time limit, row cap, SSRF guard: everything the product does)
* ``rdflib`` – ``rdflib_endpoint.SparqlEndpoint`` (FastAPI + rdflib) over the same data
* ``bare``   – :mod:`bench.bare`: pyoxigraph behind a raw ASGI app, nothing else; the data copied
  into memory or read from the folder by the same rule as our query workers (``worker_memory_triples``)

and the native Oxigraph server (Rust, ``oxigraph`` from PyPI, :data:`NATIVE`), started directly:

* ``native-folder`` – ``oxigraph serve-read-only`` on the prepared store folder
* ``native-memory`` – ``oxigraph serve`` in memory, the N-Quads copy posted to ``/store`` first

both with ``--union-default-graph`` (our default graph is the union of the frameworks' graphs, so the
same queries give the same answers) and the same time limit as ours (``--timeout-s``).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final

import uvicorn

READY_TIMEOUT = 180.0
#: The native Oxigraph server's command (installed with the ``oxigraph`` package, dev extra).
NATIVE = (
    shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph") or "oxigraph"
)
#: Native kinds → ``oxigraph`` sub-command; their SPARQL path is ``/query``.
NATIVE_KINDS: Final = {"native-folder": "serve-read-only", "native-memory": "serve"}
#: The native server's time limit (ours: ``query_timeout``, 10 s).
NATIVE_TIMEOUT = 10
#: Seconds to wait for our server's analyses to be computed (``/api/status``) before measuring.
WARM_TIMEOUT = 900.0


def _ours(args: argparse.Namespace) -> Any:
    from rahmengraph.api.app import create_app
    from rahmengraph.config import Settings
    from rahmengraph.model.loading.checking import read_dataset
    from rahmengraph.model.stores.oxigraph import OxigraphStore

    settings = Settings(
        dataset=args.dataset,
        store=f"oxigraph:{args.store}",
        query_workers=args.workers,
        log_level="warning",
        max_rows=100_000,
        allow_update=args.update_token is not None,
        update_token=args.update_token,
    )
    return create_app(settings, OxigraphStore(args.store), read_dataset(args.dataset))


def _rdflib(args: argparse.Namespace) -> Any:
    import rdflib
    import rdflib.plugins.sparql as rdflib_sparql
    from rdflib_endpoint import SparqlEndpoint

    rdflib_sparql.SPARQL_LOAD_GRAPHS = False
    ds = rdflib.Dataset(default_union=True)
    ds.parse(data=args.nq.read_bytes(), format="nquads")
    return SparqlEndpoint(graph=ds, path="/sparql", cors_enabled=False)


def _bare(args: argparse.Namespace) -> Any:
    import pyoxigraph as ox

    from bench.bare import app_for
    from rahmengraph.config import Settings

    # the same storage as our query workers: a copy in memory up to worker_memory_triples, else
    # the Oxigraph folder read in place
    folder = ox.Store.read_only(str(args.store))
    if len(folder) > Settings().worker_memory_triples:
        return app_for(folder)
    store = ox.Store()
    store.bulk_extend(folder.quads_for_pattern(None, None, None, None))
    return app_for(store)


#: Kind → (help, app factory from the parsed arguments).
SERVERS: Final[dict[str, tuple[str, Callable[[argparse.Namespace], Any]]]] = {
    "ours": ("rahmengraph (create_app, Worker-Prozesse)", _ours),
    "rdflib": ("rdflib-endpoint (FastAPI + rdflib)", _rdflib),
    "bare": ("pyoxigraph ohne alles (ASGI)", _bare),
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def ping(url: str, timeout: float = 5.0) -> bool:
    """True when ``url`` answers a tiny SPARQL query with 200."""
    parts = urllib.parse.urlsplit(url)
    body = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port or 80, timeout=timeout)
    try:
        conn.request(
            "POST",
            parts.path,
            body,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json",
            },
        )
        return conn.getresponse().status == 200
    except OSError:
        return False
    finally:
        conn.close()


def _native_command(kind: str, port: int, store: Path | None) -> list[str]:
    cmd = [NATIVE, NATIVE_KINDS[kind], "--bind", f"127.0.0.1:{port}", "--union-default-graph"]
    cmd += ["--timeout-s", str(NATIVE_TIMEOUT)]
    if kind == "native-folder":
        if store is None:
            raise ValueError("native-folder braucht --store")
        cmd += ["--location", str(store)]
    return cmd


def _post_nquads(port: int, nq: Path) -> None:
    """Load the N-Quads copy into a native in-memory server (Graph Store Protocol, ``/store``)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=READY_TIMEOUT)
    try:
        conn.request("POST", "/store", nq.read_bytes(), {"Content-Type": "application/n-quads"})
        resp = conn.getresponse()
        resp.read()
        if resp.status >= 300:
            raise RuntimeError(f"oxigraph serve: Laden über /store gab HTTP {resp.status}")
    finally:
        conn.close()


def warmed(base: str, deadline: float) -> None:
    """Wait until our server reports its analyses computed: measure the steady state, not the
    background warm-up after a start (minutes at "kreise" scale, competing for the CPU)."""
    parts = urllib.parse.urlsplit(base)
    while time.monotonic() < deadline:
        conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port or 80, timeout=5)
        try:
            conn.request("GET", "/api/status")
            if json.loads(conn.getresponse().read()).get("analysen") != "laufen":
                return
        except (OSError, ValueError):
            pass
        finally:
            conn.close()
        time.sleep(0.5)
    raise RuntimeError(f"Analysen nach {WARM_TIMEOUT:g} s noch nicht vorberechnet ({base}/api/status)")


@contextmanager
def running(
    kind: str,
    *,
    store: Path | None = None,
    nq: Path | None = None,
    dataset: Path | None = None,
    workers: int = 2,
    update_token: str | None = None,
) -> Iterator[str]:
    """Start a server of ``kind`` on a free port, yield its SPARQL URL, stop it afterwards."""
    port = free_port()
    if kind in NATIVE_KINDS:
        native = _native_command(kind, port, store)
    cmd = [sys.executable, "-m", "bench.servers", kind, "--port", str(port), "--workers", str(workers)]
    for flag, value in (
        ("--store", store),
        ("--nq", nq),
        ("--dataset", dataset),
        ("--update-token", update_token),
    ):
        if value is not None:
            cmd += [flag, str(value)]
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    if kind in NATIVE_KINDS:
        cmd = native
    proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/" + ("query" if kind in NATIVE_KINDS else "sparql")
    try:
        deadline = time.monotonic() + READY_TIMEOUT
        while not ping(url, 2.0):
            if proc.poll() is not None:
                err = proc.stderr.read().decode(errors="replace")[-2000:] if proc.stderr else ""
                raise RuntimeError(f"Server {kind} endete beim Start (Code {proc.returncode}): {err}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Server {kind} antwortet nicht nach {READY_TIMEOUT:g} s")
            time.sleep(0.2)
        if kind == "native-memory" and nq is not None:
            _post_nquads(port, nq)
        if kind == "ours":
            warmed(url.removesuffix("/sparql"), deadline=time.monotonic() + WARM_TIMEOUT)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        if proc.stderr is not None:
            proc.stderr.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("kind", choices=list(SERVERS))  # native kinds run oxigraph itself
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--store", type=Path)
    parser.add_argument("--nq", type=Path)
    parser.add_argument("--dataset", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--update-token", default=None, help="SPARQL Update mit diesem Token erlauben")
    args = parser.parse_args(argv)
    app = SERVERS[args.kind][1](args)
    options: dict[str, Any] = {"log_level": "warning", "access_log": False}
    if args.kind == "ours":  # as `rahmengraph serve` runs it (header timeout, one write per answer)
        from rahmengraph.api.server import uvicorn_options
        from rahmengraph.config import Settings

        options = uvicorn_options(Settings(log_level="warning"))
    uvicorn.run(app, host="127.0.0.1", port=args.port, **options)


if __name__ == "__main__":
    main()
