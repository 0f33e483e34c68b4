"""SPARQL endpoint workload: throughput and p50/p99 per query at concurrency 1 and 8, peers side by side.

All peers' servers run at once on 127.0.0.1 over the same data and take turns (:data:`ROUNDS`
rounds per query and concurrency); the load generator (:mod:`bench.traffic`) sends a fixed number
of requests per query and concurrency, with a time cap. The reference set plus ``ASK {}``
(:data:`EMPTY`: the per-request overhead, nothing to evaluate).

Targets (issue 21), ratios of throughput: ours ≥ 0.8x the native Oxigraph server in memory in the
median over the queries, ours ≥ 1.0x the native server on the store folder on every query; the
per-request overhead (``ASK {}`` p50 at one client) at most 0.2 ms over the native server.
rdflib-endpoint and the bare pyoxigraph endpoint are reference rows without a target.
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

#: Minimum throughput ratios of ours against a peer (issue 21): (ratio, "median" or "every" query).
TARGETS = {"native-memory": (0.8, "median"), "native-folder": (1.0, "every")}
#: The per-request overhead query, and the most ours may add to the native server's p50 (ms).
EMPTY = ("ASK {}", "ASK {}")
OVERHEAD_TARGET_MS = 0.2


@dataclass(frozen=True)
class Peer:
    name: str
    server: Callable[[], AbstractContextManager[str]]
    concurrencies: tuple[int, ...]
    requests: int
    cap: float


def local_peers(scale: Scale, *, requests: int, cap: float, rdflib_c8: bool) -> list[Peer]:
    """ours, the native Oxigraph server (memory, folder), bare pyoxigraph and rdflib-endpoint over
    the prepared ``scale``."""
    return [
        Peer(
            "ours",
            lambda: running("ours", store=scale.store, dataset=scale.folders[0]),
            (1, 8),
            requests,
            cap,
        ),
        Peer("native-memory", lambda: running("native-memory", nq=scale.nq), (1, 8), requests, cap),
        Peer("native-folder", lambda: running("native-folder", store=scale.store), (1, 8), requests, cap),
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
        for name, query in queries(scale).items():
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


def queries(scale: Scale) -> dict[str, str]:
    """The reference set of ``scale`` and ``ASK {}``."""
    return {**scale.queries, EMPTY[0]: EMPTY[1]}


def _qps(t: Traffic | None) -> float:
    return t.throughput if t and t.latencies else math.nan


def _target_note(name: str, ratios: list[float]) -> str:
    goal, how = TARGETS[name]
    if how == "median":
        mid = sorted(ratios)[len(ratios) // 2]
        return f"ours/{name}: Median {mid:.2f} über {len(ratios)} Abfragen (Ziel ≥ {goal:g}x im Median)."
    met = sum(r >= goal for r in ratios)
    return f"ours/{name}: Ziel ≥ {goal:g}x bei {met} von {len(ratios)} Abfragen erreicht (Ziel: jede)."


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
            f"ours/{n}" + (f" (Ziel ≥ {TARGETS[n][0]:g})" if n in TARGETS else "")
            for n in names
            if n != "ours"
        ]
        table = Table(
            f"endpoint-{scale.name}-c{c}", f"SPARQL-Endpunkt, {c} gleichzeitige Clients ({scale.name})", cols
        )
        ratios: dict[str, list[float]] = {n: [] for n in names if n in TARGETS}
        for name in queries(scale):
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
                if n in ratios and not math.isnan(r) and name != EMPTY[0]:
                    ratios[n].append(r)
            table.rows.append(row)
        table.notes += [_target_note(n, r) for n, r in ratios.items() if r]
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
            "die Peers abwechselnd (alle Server laufen zugleich); POST-Formular, SPARQL-JSON. "
            f"Die Ziele zählen den Referenzsatz ohne {EMPTY[0]}; "
            "rdflib und bare sind Referenzzeilen ohne Ziel."
        )
        out.append(table)
    out.append(overhead(scale, names, results))
    return out


def overhead(scale: Scale, names: list[str], results: dict[str, dict[tuple[str, int], Traffic]]) -> Table:
    """Per-request overhead: ``ASK {}`` p50 at one client, each peer and its difference to native."""
    table = Table(
        f"overhead-{scale.name}",
        f"Kosten je Anfrage: {EMPTY[0]} p50 bei 1 Client ({scale.name}; Ziel ours ≤ native + "
        f"{OVERHEAD_TARGET_MS:g} ms)",
        ["Peer", "p50 ms", "p99 ms", "über native-memory ms"],
    )
    native = results.get("native-memory", {}).get((EMPTY[0], 1))
    base = percentile(native.latencies, 50) if native else math.nan
    for n in names:
        t = results.get(n, {}).get((EMPTY[0], 1))
        if t is None:
            continue
        p50 = percentile(t.latencies, 50)
        table.rows.append([n, ms(p50), ms(percentile(t.latencies, 99)), ms(p50 - base)])
    table.notes.append(
        "ours bezahlt je Anfrage: HTTP-Schicht (uvicorn; ein konstant antwortendes uvicorn-Programm ist "
        "hier so schnell wie native-memory), den Schnellweg vor der Middleware (Aushandlung, "
        "Tiefenprüfung), den Weg zum Worker-Prozess und zurück (zwei Prozesswechsel, die unter Last je "
        "auf einen freien Kern warten); im Worker SSRF-Prüfung, Datensatz, Zeilengrenze (je Abfragetext "
        "einmal geplant) und pyoxigraph selbst (ASK {} 45–80 µs). Der Worker-Prozess ist der Preis für "
        "Zeitlimit, Speichergrenze und Isolation: pyoxigraph kann eine laufende Abfrage nicht abbrechen, "
        "also läuft sie in einem Prozess, den der Server töten kann (docs/engine.md)."
    )
    return table
