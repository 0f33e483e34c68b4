"""SPARQL endpoint workload: throughput and p50/p99 per query at concurrency 1 and 8, peers side by side.

All peers' servers run at once on 127.0.0.1 over the same data and take turns (:data:`ROUNDS`
rounds per query and concurrency); the load generator (:mod:`bench.traffic`) sends a fixed number
of requests per query and concurrency, with a time cap. Ratios: ours/rdflib-endpoint (target
≥ 20x) and ours/bare pyoxigraph (target ≥ 0.8x), both on throughput.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass
from typing import Any

from bench.queryset import is_gap
from bench.report import Table
from bench.scale import Scale
from bench.servers import running
from bench.timing import ms, percentile, ratio
from bench.traffic import Traffic, burst

#: Minimum throughput ratios of ours against a peer (issue 6).
TARGETS = {"rdflib": 20.0, "bare": 0.8}


@dataclass(frozen=True)
class Peer:
    name: str
    server: Callable[[], AbstractContextManager[str]]
    concurrencies: tuple[int, ...]
    requests: int
    cap: float


def local_peers(scale: Scale, *, requests: int, cap: float, rdflib_c8: bool) -> list[Peer]:
    """ours, bare pyoxigraph and rdflib-endpoint over the prepared ``scale``."""
    return [
        Peer(
            "ours",
            lambda: running("ours", store=scale.store, dataset=scale.folders[0]),
            (1, 8),
            requests,
            cap,
        ),
        Peer("bare", lambda: running("bare", store=scale.store), (1, 8), requests, cap),
        Peer("rdflib", lambda: running("rdflib", nq=scale.nq), (1, 8) if rdflib_c8 else (1,), requests, cap),
    ]


#: Each measurement is split into this many rounds, the peers taking turns (ours, bare, …), so that
#: the noise of a shared machine falls on all peers alike instead of on whoever ran last.
ROUNDS = 3


def merged(parts: list[Traffic]) -> Traffic:
    """One Traffic from several bursts: all latencies and errors, the summed wall-clock time."""
    out = Traffic()
    for t in parts:
        out.latencies += t.latencies
        out.errors += t.errors
        out.wall += t.wall
    return out


def measure(scale: Scale, peers: list[Peer]) -> dict[str, dict[tuple[str, int], Traffic]]:
    """All peers' servers up at once (idle ones cost nothing); per query and concurrency the peers
    take turns for :data:`ROUNDS` rounds of ``requests / ROUNDS`` requests each."""
    parts: dict[tuple[str, str, int], list[Traffic]] = {}
    with ExitStack() as stack:
        urls = {p.name: stack.enter_context(p.server()) for p in peers}
        for name, query in scale.queries.items():
            for p in peers:
                burst(urls[p.name], query, concurrency=1, requests=1, cap=p.cap)  # warm-up
            for c in (1, 8):
                for _round in range(ROUNDS):
                    for p in peers:
                        if c in p.concurrencies:
                            t = burst(
                                urls[p.name],
                                query,
                                concurrency=c,
                                requests=max(1, p.requests // ROUNDS),
                                cap=p.cap / ROUNDS,
                            )
                            parts.setdefault((p.name, name, c), []).append(t)
    results: dict[str, dict[tuple[str, int], Traffic]] = {p.name: {} for p in peers}
    for (peer, name, c), bursts in parts.items():
        results[peer][(name, c)] = merged(bursts)
    return results


def _qps(t: Traffic | None) -> float:
    return t.throughput if t and t.latencies else math.nan


def tables(
    scale: Scale, peers: list[Peer], results: dict[str, dict[tuple[str, int], Traffic]]
) -> list[Table]:
    names = [p.name for p in peers]
    out = []
    for c in (1, 8):
        cols = ["Abfrage"]
        for n in names:
            cols += [f"{n} q/s", f"{n} p50 ms"] + (["ours p99 ms"] if n == "ours" else [])
        cols += [
            f"ours/{n}" + (f" (Ziel ≥ {TARGETS[n]:g})" if n in TARGETS else "") for n in names if n != "ours"
        ]
        table = Table(
            f"endpoint-{scale.name}-c{c}", f"SPARQL-Endpunkt, {c} gleichzeitige Clients ({scale.name})", cols
        )
        met = {n: 0 for n in names if n in TARGETS}
        total = {n: 0 for n in met}
        for name in scale.queries:
            row: list[Any] = [name + (" (Lücke)" if is_gap(name) else "")]
            for n in names:
                t = results.get(n, {}).get((name, c))
                row += [round(_qps(t), 1), ms(percentile(t.latencies, 50)) if t else math.nan]
                if n == "ours":
                    row.append(ms(percentile(t.latencies, 99)) if t else math.nan)
            ours = _qps(results["ours"].get((name, c)))
            for n in names:
                if n == "ours":
                    continue
                r = ratio(ours, _qps(results.get(n, {}).get((name, c))))
                row.append(r)
                if n in met and not math.isnan(r):
                    total[n] += 1
                    met[n] += r >= TARGETS[n]
            table.rows.append(row)
        for n in met:
            if total[n]:
                table.notes.append(
                    f"ours/{n}: Ziel ≥ {TARGETS[n]:g}x bei {met[n]} von {total[n]} Abfragen erreicht."
                )
        errors = {
            (n, q): len(t.errors)
            for n, r in results.items()
            for (q, cc), t in r.items()
            if cc == c and t.errors
        }
        if errors:
            table.notes.append(f"Fehlerhafte Antworten (nicht gezählt): {errors}")
        if any(p.concurrencies == (1,) for p in peers) and c == 8:
            table.notes.append("rdflib-endpoint bei dieser Größe nur mit 1 Client gemessen (Zeitbudget).")
        peer = peers[0]
        table.notes.append(
            f"Je Abfrage bis zu {peer.requests} Anfragen oder {peer.cap:g} s in {ROUNDS} Runden, "
            "die Peers abwechselnd (alle Server laufen zugleich); POST-Formular, SPARQL-JSON."
        )
        out.append(table)
    return out
