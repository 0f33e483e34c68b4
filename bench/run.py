"""``python -m bench.run``: the benchmark harness (``make bench``). Peers side by side in one run.

Workloads per scale (tables in bench/out/results.{json,md} and on stdout):

* load time and peak memory (a fresh process per load, persistent Oxigraph as in production)
* latency of every query of the reference set (:mod:`bench.queryset`) in-process: our store
  interface, bare pyoxigraph, plain rdflib — and every analysis over our store
* planner API calls (lists, items, partners, "zuständig heute", named questions, a filtered
  analysis) against the application itself
* SPARQL endpoint throughput and p50/p99 at 1 and 8 clients, ``ASK {}`` for the per-request
  overhead: ours, the native Oxigraph server in memory and on the store folder (the targets),
  bare pyoxigraph endpoint and rdflib-endpoint (reference rows; skipped with ``--quick``)
* footprint (:mod:`bench.footprint`): start-up of ``rahmengraph serve`` from an existing store to the
  first SPARQL answer and resident memory, by workers and data, beside the native server
* contention (:mod:`bench.contention`, "bremen"): cheap queries while four heavy ones run into the
  time limit; four writers and four readers for 60 s (updates/s, read p99, 5xx, lost writes)
* graph pages: generation in Python and time-to-interactive in headless Chromium
* ``--with-virtuoso``: the "laender" data in a running Virtuoso (``scripts/virtuoso.sh start``)
  through our remote store: same answers as the embedded store, latency, endpoint throughput

``--quick`` is the smoke run of the test suite: bremen scale, one load, few repetitions, no servers,
no browser.
"""

from __future__ import annotations

import argparse
import math
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Final, Self

from bench import contention, editions, footprint, throughput, workloads
from bench.generate import SCALES
from bench.report import Table, markdown, write
from bench.scale import ROOT, Scale, finish, prepare


@dataclass(frozen=True)
class Plan:
    """How hard to measure one scale (so that bremen + laender stay under 10 minutes on 2 cores)."""

    load_repeats: int
    engines: tuple[str, ...]
    reps: int
    budget: float
    limit: float  # seconds before an in-process query is given up
    endpoint: bool
    requests: int
    cap: float
    rdflib_server: bool
    rdflib_c8: bool


PLANS: Final[dict[str, Plan]] = {
    "bremen": Plan(3, ("ours", "bare", "rdflib"), 30, 0.6, 60, True, 900, 1.5, True, True),
    "laender": Plan(2, ("ours", "bare", "rdflib"), 20, 0.6, 60, True, 450, 1.2, True, False),
    "kreise": Plan(1, ("ours", "bare"), 5, 2.0, 120, True, 50, 2.0, False, False),
}
QUICK: Final = Plan(1, ("ours", "bare"), 3, 0.2, 30, False, 0, 0.0, False, False)
PAGE_SIZES: Final = (100, 1000, 5000)


def _column(table: Table, name: str) -> list[float]:
    i = table.columns.index(name) if name in table.columns else -1
    vals = [r[i] for r in table.rows] if i >= 0 else []
    return [v for v in vals if isinstance(v, int | float) and not math.isnan(v)]


def _span(values: list[float]) -> str:
    if not values:
        return "–"
    ordered = sorted(values)
    return f"{ordered[len(ordered) // 2]:.2f} ({ordered[0]:.2f}–{ordered[-1]:.2f})"


def headline(tables: list[Table]) -> Table:
    """Median (min–max) over the query set of every ratio the issue sets a target for."""
    head = Table(
        "headline",
        "Überblick: Verhältnisse über den Abfragesatz, Median (Min–Max)",
        ["Vergleich", "Größe", "Verhältnis", "Ziel"],
    )
    for t in tables:
        scale = t.key.split("-")[1] if "-" in t.key else ""
        if t.key.startswith("latency-"):
            head.rows.append(
                [
                    "Schnittstelle/bare pyoxigraph (Latenz)",
                    scale,
                    _span(_column(t, "ours/bare (Ziel ≤ 1,3)")),
                    "≤ 1,3",
                ]
            )
            head.rows.append(
                ["rdflib/ours (Latenz, Faktor langsamer)", scale, _span(_column(t, "rdflib/ours")), "–"]
            )
        if t.key.startswith("overhead-"):
            over = [r[3] for r in t.rows if r[0] == "ours" and isinstance(r[3], float)]
            head.rows.append(["ours − native-memory je Anfrage (ASK {}, ms)", scale, _span(over), "≤ 0,2 ms"])
        if t.key.startswith("endpoint-"):
            c = t.key.rsplit("-c", 1)[1]
            for col, goal in (
                ("ours/native-memory (Ziel ≥ 0.8)", "≥ 0,8 im Median"),
                ("ours/native-folder (Ziel ≥ 1)", "≥ 1,0 jede Abfrage"),
                ("ours/bare", "–"),
                ("ours/rdflib", "–"),
                ("ours/virtuoso", "–"),
            ):
                if col in t.columns:
                    label = col.split(" ")[0]
                    head.rows.append(
                        [f"{label} Durchsatz, {c} Client(s)", scale, _span(_column(t, col)), goal]
                    )
    return head


class Tables(list[Table]):
    """The tables measured so far; each is printed as soon as it is measured, so a run that
    fails late has still shown (and, through ``main``, written) everything before the failure."""

    def append(self, table: Table) -> None:
        super().append(table)
        sys.stdout.write(markdown(table) + "\n")
        sys.stdout.flush()

    def __iadd__(self, more: Iterable[Table]) -> Self:  # type: ignore[override,misc]
        for table in more:
            self.append(table)
        return self


def run(args: argparse.Namespace, tables: Tables) -> list[Table]:
    work = Path(tempfile.mkdtemp(prefix="rahmengraph-bench-"))
    scales: list[Scale] = []
    try:
        for name in args.scales:
            plan = QUICK if args.quick else PLANS[name]
            scale = prepare(name, work / name)
            tables.append(workloads.load([scale], plan.load_repeats))
            finish(scale)
            scales.append(scale)
            tables += workloads.latency(
                scale, list(plan.engines), reps=plan.reps, budget=plan.budget, limit=plan.limit
            )
            tables.append(workloads.planner(scale, plan.reps))
            if name == "bremen":
                tables.append(editions.workload(plan.reps))
            if name == "kreise" and not args.quick:  # the editions issue at national scale (~4 M triples)
                tables.append(editions.scale_workload(name, work / "kreise-ausgaben", 5))
            if plan.endpoint and not args.no_servers:
                peers = throughput.local_peers(
                    scale, requests=plan.requests, cap=plan.cap, rdflib_c8=plan.rdflib_c8
                )
                if not plan.rdflib_server:
                    peers = [p for p in peers if p.name != "rdflib"]
                if args.with_virtuoso and name == "laender":
                    from bench import virtuoso

                    tables += virtuoso.workload(scale, args.virtuoso_url)
                    peers.append(virtuoso.peer(args.virtuoso_url, plan.requests, plan.cap))
                tables += throughput.tables(scale, peers, throughput.measure(scale, peers))
                tables += footprint.tables([scale])
                if name == "bremen":
                    tables += contention.tables(scale)
            shutil.rmtree(scale.work / "data", ignore_errors=True)
        if "bremen" in args.scales:
            tables.append(workloads.bericht(1 if args.quick else 3))
        sizes = [100] if args.quick else list(PAGE_SIZES)
        tables.append(workloads.pages(sizes, browser=not (args.quick or args.no_browser)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return [headline(tables), *tables]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--scales", default=None, help="Kommagetrennt aus: " + ", ".join(SCALES))
    parser.add_argument("--quick", action="store_true", help="Kurzlauf: bremen, wenige Läufe, ohne Server")
    parser.add_argument("--no-servers", action="store_true", help="ohne den Endpunkt-Vergleich")
    parser.add_argument("--no-browser", action="store_true", help="Seiten ohne Chromium messen")
    parser.add_argument("--with-virtuoso", action="store_true", help="laender auch gegen Virtuoso")
    parser.add_argument("--virtuoso-url", default="http://127.0.0.1:8890/sparql")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args(argv)
    args.scales = (args.scales or ("bremen" if args.quick else "bremen,laender")).split(",")
    unknown = [s for s in args.scales if s not in SCALES]
    if unknown:
        parser.error(f"unbekannte Größe(n) {', '.join(unknown)}; bekannt: {', '.join(SCALES)}")
    if args.with_virtuoso and "laender" not in args.scales:
        args.scales.append("laender")
    started = time.monotonic()
    measured = Tables()
    settings: dict[str, Any] = {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()}
    settings["plans"] = {s: asdict(QUICK if args.quick else PLANS[s]) for s in args.scales}
    try:
        tables = run(args, measured)
    except BaseException as failure:
        settings["abgebrochen"] = f"{type(failure).__name__}: {failure}"
        settings["seconds"] = round(time.monotonic() - started, 1)
        json_path, md_path = write(args.out, [headline(measured), *measured], settings)
        sys.stderr.write(f"Abgebrochen nach {settings['seconds']} s; bisher Gemessenes: {md_path}\n")
        raise
    settings["seconds"] = round(time.monotonic() - started, 1)
    sys.stdout.write(markdown(tables[0]) + "\n")
    json_path, md_path = write(args.out, tables, settings)
    sys.stdout.write(f"Dauer {settings['seconds']} s; geschrieben: {json_path}, {md_path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
