"""Contention workloads against our server on 127.0.0.1 (``make bench``, "bremen" scale).

* **fairness** – four clients send a heavy query (a four-fold cross product that runs into the time
  limit) again and again while one client sends cheap queries (``ASK {}``, a small SELECT) one after
  the other: the cheap queries' p50/p99/max, and what the heavy ones got (503s by code).
* **stress** – four writers (small ``INSERT DATA``, each into its own graph) and four readers
  (``COUNT`` over a writer's graph) for :data:`STRESS_SECONDS`: updates/s, read p50/p99, 5xx,
  hangs (no answer within :data:`HANG`), and acknowledged writes missing afterwards.

``python -m bench.contention --store FOLDER --dataset FOLDER`` runs both on a prepared store.
"""

from __future__ import annotations

import argparse
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import httpx

from bench.report import Table
from bench.scale import Scale
from bench.servers import running
from bench.timing import percentile

HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
CHEAP = ("ASK {}", "SELECT ?g WHERE { GRAPH ?g { } } LIMIT 5")
FAIRNESS_SECONDS = 30.0
STRESS_SECONDS = 60.0
WRITERS = READERS = 4
#: Seconds after which a request counts as hanging.
HANG = 30.0
TOKEN = "bench-token"


def _loop(until: float, step: Callable[[int], None]) -> threading.Thread:
    def body() -> None:
        i = 0
        while time.monotonic() < until:
            step(i)
            i += 1

    thread = threading.Thread(target=body, daemon=True)
    thread.start()
    return thread


def fairness(url: str, seconds: float = FAIRNESS_SECONDS) -> Table:
    """Cheap queries' latency while four heavy queries run into the limit."""
    until = time.monotonic() + seconds
    heavy: Counter[str] = Counter()
    cheap: list[float] = []
    cheap_codes: Counter[int] = Counter()
    lock = threading.Lock()

    def send_heavy(_: int) -> None:
        with httpx.Client(timeout=HANG) as client:
            try:
                r = client.get(url, params={"query": HEAVY})
                code = r.json()["error"]["code"] if r.status_code >= 400 else str(r.status_code)
            except httpx.TimeoutException:
                code = "hang"
            with lock:
                heavy[code] += 1

    heavies = [_loop(until, send_heavy) for _ in range(4)]
    time.sleep(1.0)  # the heavy ones are running
    with httpx.Client(timeout=HANG) as client:
        i = 0
        while time.monotonic() < until:
            start = time.perf_counter()
            r = client.get(url, params={"query": CHEAP[i % len(CHEAP)]})
            cheap.append(time.perf_counter() - start)
            cheap_codes[r.status_code] += 1
            i += 1
            time.sleep(0.05)
    for t in heavies:
        t.join(HANG + 5)
    table = Table(
        "contention-fairness",
        "Fairness: billige Abfragen, während 4 schwere ins Zeitlimit laufen (Ziel: p99 < 1 s)",
        ["Abfragen", "p50 ms", "p99 ms", "max ms", "Status", "schwere Abfragen"],
    )
    table.rows.append(
        [
            len(cheap),
            percentile(cheap, 50) * 1000,
            percentile(cheap, 99) * 1000,
            max(cheap) * 1000,
            ", ".join(f"{k}: {v}" for k, v in sorted(cheap_codes.items())),
            ", ".join(f"{k}: {v}" for k, v in sorted(heavy.items())),
        ]
    )
    table.notes.append(
        f"{seconds:g} s; vier Clients senden {HEAVY!r} immer wieder, "
        f"ein Client abwechselnd {CHEAP} mit 50 ms Pause."
    )
    return table


def stress(url: str, seconds: float = STRESS_SECONDS) -> Table:
    """Four writers and four readers: updates/s, read latency, 5xx, hangs, lost acknowledged writes."""
    until = time.monotonic() + seconds
    acked = [0] * WRITERS
    update_times: list[float] = []
    reads: list[float] = []
    errors: Counter[str] = Counter()
    lock = threading.Lock()
    auth = {"authorization": f"Bearer {TOKEN}"}

    def writer(w: int) -> Callable[[int], None]:
        client = httpx.Client(timeout=HANG)

        def step(i: int) -> None:
            text = f"INSERT DATA {{ GRAPH <urn:bench:w{w}> {{ <urn:bench:w{w}:{i}> <urn:bench:n> {i} }} }}"
            start = time.perf_counter()
            try:
                r = client.post(url, data={"update": text}, headers=auth)
            except httpx.TimeoutException:
                with lock:
                    errors["hang"] += 1
                return
            with lock:
                update_times.append(time.perf_counter() - start)
                if r.status_code == 204:
                    acked[w] += 1
                else:
                    errors[f"Update {r.status_code}"] += 1

        return step

    def reader(w: int) -> Callable[[int], None]:
        client = httpx.Client(timeout=HANG)
        query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <urn:bench:w{w % WRITERS}> {{ ?s ?p ?o }} }}"

        def step(_: int) -> None:
            start = time.perf_counter()
            try:
                r = client.get(url, params={"query": query})
            except httpx.TimeoutException:
                with lock:
                    errors["hang"] += 1
                return
            with lock:
                reads.append(time.perf_counter() - start)
                if r.status_code != 200:
                    errors[f"Lesen {r.status_code}"] += 1

        return step

    threads = [_loop(until, writer(w)) for w in range(WRITERS)] + [
        _loop(until, reader(r)) for r in range(READERS)
    ]
    for t in threads:
        t.join(HANG + 5)
    lost = 0
    with httpx.Client(timeout=HANG) as client:
        for w in range(WRITERS):
            query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <urn:bench:w{w}> {{ ?s ?p ?o }} }}"
            r = client.get(url, params={"query": query, "format": "csv"})
            lost += max(0, acked[w] - int(r.text.split()[1]))
    fives = sum(v for k, v in errors.items() if k.split()[-1].startswith("5"))
    table = Table(
        "contention-stress",
        f"Stress: {WRITERS} Schreiber + {READERS} Leser, {seconds:g} s "
        "(Ziel: ≥ 20 Updates/s, Lese-p99 < 100 ms)",
        [
            "Updates/s",
            "Update p50 ms",
            "Lesen/s",
            "Lesen p50 ms",
            "Lesen p99 ms",
            "5xx",
            "hängend",
            "verlorene bestätigte Updates",
        ],
    )
    table.rows.append(
        [
            sum(acked) / seconds,
            percentile(update_times, 50) * 1000,
            len(reads) / seconds,
            percentile(reads, 50) * 1000,
            percentile(reads, 99) * 1000,
            fives,
            errors["hang"],
            lost,
        ]
    )
    if errors:
        table.notes.append("Fehler: " + ", ".join(f"{k}: {v}" for k, v in sorted(errors.items())))
    return table


def tables(scale: Scale) -> list[Table]:
    """Both workloads against our server over the prepared ``scale``."""
    with running("ours", store=scale.store, dataset=scale.folders[0], update_token=TOKEN) as url:
        return [fairness(url), stress(url)]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--dataset", type=Path, required=True)
    parser.add_argument("--seconds", type=float, default=None, help="Dauer je Workload (sonst 30 s / 60 s)")
    args = parser.parse_args(argv)
    with running("ours", store=args.store, dataset=args.dataset, update_token=TOKEN) as url:
        for table in (
            fairness(url, args.seconds or FAIRNESS_SECONDS),
            stress(url, args.seconds or STRESS_SECONDS),
        ):
            from bench.report import markdown

            print(markdown(table))


if __name__ == "__main__":
    main()
