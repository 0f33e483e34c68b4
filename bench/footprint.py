"""Start-up and memory of the whole server (``make bench``): ``rahmengraph serve`` as a user starts it.

From an existing store (loaded before) to the first SPARQL answer (``ASK {}`` with 200), then to
the analyses computed in the background (``/api/status``); afterwards the resident memory of the
server's whole process tree (the server and its query workers), as the sum of RSS (what ``ps``
shows; pages shared between processes count once per process) and of PSS (shared pages split
between the processes sharing them: what the server really costs). Beside it the native Oxigraph
server on the same folder. Targets (issue 21): first answer < 0.5 s and RSS ≤ 150 MB at "bremen";
with the real Bremen data and its four editions (issue 14): first answer < 1.5 s. Each store is
started once untimed first (:func:`prime`), so every timed start finds the dataset loaded.

``python -m bench.footprint --store FOLDER --dataset FOLDER [--workers 1,2,4]`` measures one store.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.report import Table, markdown
from bench.scale import ROOT, Scale
from bench.servers import NATIVE, free_port, ping

#: Seconds to wait for a first answer, and for the analyses.
READY, WARM = 120.0, 900.0
#: Workers measured for "ours" (the default is 2).
WORKERS = (1, 2, 4)
#: The real Bremen dataset (four editions) and its row's name.
BREMEN, ECHT = ROOT / "data" / "bremen", "bremen echt (4 Ausgaben)"


@dataclass(frozen=True)
class Footprint:
    first_answer: float  # seconds from the start command to the first 200
    warm: float  # seconds until the analyses are computed (NaN: no analyses)
    rss_mb: float
    pss_mb: float
    processes: int


def _answers(port: int, path: str) -> bool:
    return ping(f"http://127.0.0.1:{port}{path}", 2.0)


def _warm(port: int) -> bool:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", "/api/status")
        return bool(json.loads(conn.getresponse().read()).get("analysen") != "laufen")
    except (OSError, ValueError):
        return False
    finally:
        conn.close()


def _tree(pid: int) -> list[int]:
    """``pid`` and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(stat[1]), []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def memory(pid: int) -> tuple[float, float, int]:
    """Sum of RSS and of PSS (MB) over ``pid``'s process tree, and the number of processes."""
    rss = pss = 0
    procs = _tree(pid)
    for p in procs:
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                key, _, rest = line.partition(":")
                if key == "Rss":
                    rss += int(rest.split()[0])
                elif key == "Pss":
                    pss += int(rest.split()[0])
        except OSError:
            continue
    return rss / 1024, pss / 1024, len(procs)


@contextmanager
def _started(cmd: list[str], env: dict[str, str]) -> Iterator[subprocess.Popen[bytes]]:
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def _command(store: Path, dataset: Path, port: int) -> list[str]:
    cmd = [sys.executable, "-m", "rahmengraph", "serve", "--store", f"oxigraph:{store}"]
    return [*cmd, "-d", str(dataset), "--port", str(port)]


def prime(store: Path, dataset: Path) -> None:
    """One untimed start: a store loaded otherwise (``bench.loading``) or not at all is written and its
    digest noted, so the timed starts begin from a store that holds the dataset as ``serve`` left it."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RAHMENGRAPH_WARM_ANALYSES": "false"}
    start = time.perf_counter()
    with _started(_command(store, dataset, port), env) as proc:
        while not _answers(port, "/sparql"):
            if proc.poll() is not None or time.perf_counter() - start > READY + WARM:
                raise RuntimeError(f"rahmengraph serve startet nicht auf {store}")
            time.sleep(0.05)


def measure(kind: str, store: Path, dataset: Path, workers: int = 2) -> Footprint:
    """Start ``ours`` (``rahmengraph serve``) or ``native`` on ``store``; time and memory."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RAHMENGRAPH_QUERY_WORKERS": str(workers)}
    if kind == "ours":
        cmd = _command(store, dataset, port)
        path = "/sparql"
    else:
        cmd = [NATIVE, "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{port}"]
        path = "/query"
    start = time.perf_counter()
    with _started(cmd, env) as proc:
        while not _answers(port, path):
            if proc.poll() is not None or time.perf_counter() - start > READY:
                raise RuntimeError(f"{kind} antwortet nicht ({' '.join(cmd)})")
            time.sleep(0.005)
        first = time.perf_counter() - start
        warm = float("nan")
        if kind == "ours":
            while not _warm(port):
                if time.perf_counter() - start > WARM:
                    raise RuntimeError("Analysen nicht fertig")
                time.sleep(0.1)
            warm = time.perf_counter() - start
        for _ in range(20):  # every worker has answered and made its copy
            _answers(port, path)
        time.sleep(1.0)
        rss, pss, procs = memory(proc.pid)
    return Footprint(first, warm, rss, pss, procs)


def table(runs: list[tuple[str, str, int, Footprint]]) -> Table:
    out = Table(
        "footprint",
        "Start und Speicher des ganzen Servers (Ziel bremen: erste Antwort < 0,5 s, RSS ≤ 150 MB)",
        ["Größe", "Server", "Worker", "erste Antwort s", "Analysen fertig s", "RSS MB", "PSS MB", "Prozesse"],
    )
    for scale, kind, workers, f in runs:
        out.rows.append([scale, kind, workers, f.first_answer, f.warm, f.rss_mb, f.pss_mb, f.processes])
    out.notes.append(
        "ours = `rahmengraph serve` aus dem schon geladenen Speicher (ein ungezählter Start vorab); "
        "native = `oxigraph serve-read-only` auf demselben Ordner. RSS zählt geteilte Seiten je Prozess, "
        "PSS teilt sie auf. Speicher gemessen nach den Analysen und 20 Anfragen. "
        f"{ECHT}: `data/bremen` mit seinen Ausgaben (Ziel erste Antwort < 1,5 s)."
    )
    return out


def tables(scales: list[Scale]) -> list[Table]:
    runs = []
    for scale in scales:
        prime(scale.store, scale.folders[0])
        for workers in WORKERS:
            runs.append(
                (scale.name, "ours", workers, measure("ours", scale.store, scale.folders[0], workers))
            )
        runs.append((scale.name, "native", 0, measure("native", scale.store, scale.folders[0])))
        if scale.name == "bremen":  # the real Bremen data with its four editions (issue 14: < 1.5 s)
            store = scale.work / "echt-store"
            prime(store, BREMEN)
            runs.append((ECHT, "ours", 2, measure("ours", store, BREMEN)))
    return [table(runs)]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--dataset", type=Path, required=True)
    parser.add_argument("--workers", default=",".join(map(str, WORKERS)))
    parser.add_argument("--name", default="", help="Name der Größe in der Tabelle")
    args = parser.parse_args(argv)
    prime(args.store, args.dataset)
    runs = [
        (args.name, "ours", int(w), measure("ours", args.store, args.dataset, int(w)))
        for w in args.workers.split(",")
    ]
    runs.append((args.name, "native", 0, measure("native", args.store, args.dataset)))
    print(markdown(table(runs)))


if __name__ == "__main__":
    main()
