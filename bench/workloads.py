"""In-process workloads: load time and memory, query latency per engine, analyses, graph pages."""

from __future__ import annotations

import json
import math
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from bench.queryset import is_gap
from bench.report import Table
from bench.scale import ROOT, Scale, load_once
from bench.timing import median, ms, percentile, ratio

#: Scale → (load-time target s, peak-memory target MB) from the issue.
LOAD_TARGETS = {"bremen": (1.0, None), "kreise": (15.0, 1024.0)}


#: Scale → target p50 ms of an analysis with a new filter (issue #21: < 1 s at national scale).
ANALYSIS_TARGETS = {"bremen": 10.0, "kreise": 1000.0}
#: Seconds to compute every analysis again after one framework changed (issue: < 30 s at "kreise").
WARMING_TARGET = 30.0

#: Scales whose datasets are also validated with SHACL in the load workload (start-up time).
VALIDATED = ("bremen", "laender")


def load(scales: list[Scale], repeats: int) -> Table:
    table = Table(
        "load",
        "Laden (Lesen + Prüfen + Schreiben in persistentes Oxigraph) und SHACL, eigener Prozess",
        [
            "Größe",
            "Datensätze",
            "Tripel",
            "Laden s",
            "SHACL s",
            "Start s",
            "Läufe",
            "Spitze RSS MB",
            "davon vor dem Laden",
            "Ziel",
        ],
    )
    for scale in scales:
        runs = []
        check = scale.name in VALIDATED
        for i in range(repeats):
            last = i == repeats - 1
            target = scale.store if last else scale.work / f"store-{i}"
            runs.append(load_once(scale, target, dump=last, validate=check))
            if not last:
                shutil.rmtree(target, ignore_errors=True)
        secs, mem = [r["seconds"] for r in runs], max(r["peak_rss_mb"] for r in runs)
        shacl = median([r["shacl_seconds"] for r in runs]) if check else math.nan
        start = median([r["seconds"] + (r["shacl_seconds"] or 0.0) for r in runs]) if check else math.nan
        goal = LOAD_TARGETS.get(scale.name)
        shown = "–"
        if goal:
            timed = start if check else median(secs)
            ok = timed < goal[0] and (goal[1] is None or mem < goal[1])
            what = "Start" if check else "Laden"
            limit = f"{what} < {goal[0]:g} s" + (f", < {goal[1]:g} MB" if goal[1] else "")
            shown = limit + (" ✓" if ok else " ✗")
        row = [scale.name, len(scale.folders), runs[-1]["triples"], round(median(secs), 3)]
        row += [round(shacl, 3), round(start, 3), len(runs)]
        table.rows.append([*row, round(mem), round(runs[-1]["base_rss_mb"]), shown])
    table.notes.append("Spitze RSS = ru_maxrss des Ladeprozesses einschließlich Python und Importen.")
    table.notes.append(
        "Start = Laden + SHACL-Prüfung aller Datensätze (was `rahmengraph validate` tut), ohne Python-Start; "
        f"SHACL nur bei {', '.join(VALIDATED)}."
    )
    return table


def engine_times(
    engine: str, scale: Scale, *, reps: int, budget: float, limit: float, analyses: bool = False
) -> dict[str, dict[str, Any]]:
    """Per query (and analysis): times from a child process; a query over ``limit`` s is killed."""
    names = list(scale.queries)
    out: dict[str, dict[str, Any]] = {}
    start = 0
    while True:
        cmd = [sys.executable, "-m", "bench.engines", engine, "--nq", str(scale.nq)]
        cmd += ["--queries", str(scale.query_file), "--start", str(start), "--reps", str(reps)]
        cmd += ["--budget", str(budget)] + (["--analyses"] if analyses else [])
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        lines: queue.Queue[str | None] = queue.Queue()

        def pump(p: subprocess.Popen[str] = proc, q: queue.Queue[str | None] = lines) -> None:
            assert p.stdout is not None
            for line in p.stdout:
                q.put(line)
            q.put(None)

        reader = threading.Thread(target=pump, daemon=True)
        reader.start()
        current, restart = None, None
        wait = 600.0  # loading the data may take a while
        while True:
            try:
                line = lines.get(timeout=wait)
            except queue.Empty:
                proc.kill()
                if current is not None:
                    out[current] = {"times": [], "timeout": limit}
                    restart = names.index(current) + 1
                break
            if line is None:
                break
            rec = json.loads(line)
            if "start" in rec:
                current, wait = rec["start"], limit + budget * 2 + 5
            elif "query" in rec or "analysis" in rec:
                out[rec.get("query") or f"analyse:{rec['analysis']}"] = rec
            elif "warming" in rec:
                out["warming"] = rec
                current, wait = None, 600.0 if "analysis" in rec else wait
        proc.wait()
        reader.join(10)
        if proc.stdout is not None:
            proc.stdout.close()
        if restart is None or restart >= len(names):
            return out
        start = restart


def _med(rec: dict[str, Any] | None) -> float:
    return median(rec["times"]) if rec and rec.get("times") else math.nan


def latency(scale: Scale, engines: list[str], *, reps: int, budget: float, limit: float) -> list[Table]:
    results = {
        e: engine_times(e, scale, reps=reps, budget=budget, limit=limit, analyses=e == "ours")
        for e in engines
    }
    cols = ["Abfrage", "Zeilen", *[f"{e} ms" for e in engines], "ours/bare (Ziel ≤ 1,3)"]
    if "rdflib" in engines:
        cols.append("rdflib/ours")
    table = Table(f"latency-{scale.name}", f"Abfrage-Latenz im Prozess, Median ({scale.name})", cols)
    for name in scale.queries:
        meds = {e: _med(results[e].get(name)) for e in engines}
        rows = results["ours"].get(name, {}).get("rows")
        cells: list[Any] = [name + (" (Lücke)" if is_gap(name) else ""), rows]
        for e in engines:
            rec = results[e].get(name, {})
            cells.append(f"> {rec['timeout']:g} s" if "timeout" in rec else ms(meds[e]))
        cells.append(ratio(meds["ours"], meds.get("bare", math.nan)))
        if "rdflib" in engines:
            cells.append(ratio(meds["rdflib"], meds["ours"]))
        table.rows.append(cells)
    table.notes.append(
        f"Bis zu {reps} Läufe je Abfrage in {budget:g} s nach einem Aufwärmlauf; Abbruch nach {limit:g} s."
    )
    ana = Table(
        f"analyses-{scale.name}",
        f"Analysen über die Speicher-Schnittstelle ({scale.name})",
        [
            "Analyse",
            "Tabellenzeilen",
            "kalt p50 ms",
            "kalt p99 ms",
            "Läufe",
            "neuer Filter p50 ms",
            "neuer Filter max ms",
            "warm p50 ms",
            "Ziel p50 (neuer Filter)",
        ],
    )
    ana.notes.append(
        "kalt: Projektions-Cache vor jedem Lauf geleert (wie direkt nach einer Datenänderung; der Server "
        "rechnet dann alle Analysen im Hintergrund vor); neuer Filter: je Handlungsfeld ein Lauf mit "
        "fertiger Projektion, aber noch nicht berechnetem Bericht; warm: gemerkter Bericht."
    )
    goal = ANALYSIS_TARGETS.get(scale.name, 100.0)
    warming = results["ours"].get("warming")
    if warming:
        ok = "✓" if warming["warming"] < WARMING_TARGET else "✗"
        ana.notes.append(
            f"Alle Analysen neu nach der Änderung eines Rahmens (wie der Server nach einem Update): "
            f"{warming['warming']:.1f} s, CPU {warming['cpu']:.1f} s (Ziel < {WARMING_TARGET:g} s {ok})."
        )
    for key, rec in results["ours"].items():
        if key.startswith("analyse:") and rec.get("times"):
            p50 = ms(percentile(rec["times"], 50))
            fresh = rec.get("fresh") or [math.nan]
            mark = "✓" if ms(percentile(fresh, 50)) < goal else "✗"
            ana.rows.append(
                [
                    key.removeprefix("analyse:"),
                    rec["rows"],
                    p50,
                    ms(percentile(rec["times"], 99)),
                    len(rec["times"]),
                    ms(percentile(fresh, 50)),
                    ms(max(fresh)),
                    ms(percentile(rec["warm"], 50)),
                    f"< {goal:g} ms {mark}",
                ]
            )
        elif key.startswith("analyse:"):
            ana.notes.append(f"{key}: {rec.get('error', 'keine Messung')}")
    return [table, ana]


def pages(sizes: list[int], browser: bool) -> Table:
    """The real Bremen Gesamtbild, then synthetic graphs of ``sizes`` nodes: generation, interactive."""
    from bench import pages as bench_pages

    table = Table(
        "pages",
        "Graph-Seiten: Erzeugung in Python und Zeit bis interaktiv (headless Chromium)",
        ["Seite", "Knoten", "Kanten", "Python s", "Seite MB", "Browser s", "Ziel"],
    )
    can = browser and Path(bench_pages.CHROMIUM).exists()
    html, nodes, edges, gen = bench_pages.bremen()
    built = [("Bremen Gesamtbild", html, nodes, edges, gen, "< 1 s Browser")]
    for n in sizes:
        g = bench_pages.synthetic(n)
        html, gen = bench_pages.generate(g)
        goal = "< 2 s Python, < 3 s Browser" if n >= 5000 else "< 1 s Browser"
        built.append(("synthetisch", html, g.number_of_nodes(), g.number_of_edges(), gen, goal))
    with tempfile.TemporaryDirectory() as tmp:
        for i, (label, html, nodes, edges, gen, goal) in enumerate(built):
            path = Path(tmp) / f"seite-{i}.html"
            path.write_text(html, encoding="utf-8")
            tti = math.nan
            if can:
                try:
                    tti = bench_pages.interactive(path, 3)[0]
                except Exception as exc:  # a page that never gets ready must not end the run
                    table.notes.append(
                        f"{label} ({nodes} Knoten): Browser-Messung fehlgeschlagen: {str(exc)[:160]}"
                    )
            row = [label, nodes, edges, round(gen, 3), round(len(html) / 1e6, 2), round(tti, 2), goal]
            table.rows.append(row)
    if not can:
        table.notes.append("Ohne Browser gemessen (--quick/--no-browser oder /usr/bin/chromium fehlt).")
    table.notes.append("Bremen: Projektion + Seite aus dem geladenen Datensatz (eigenständige HTML-Datei).")
    return table


def planner(scale: Scale, reps: int) -> Table:
    """Planner API calls against the real application in a child process (:mod:`bench.planner_api`)."""
    goal = 10.0 if scale.name == "bremen" else 100.0
    table = Table(
        f"planner-{scale.name}",
        f"Planer-API im Prozess der Anwendung ({scale.name})",
        ["Anfrage", "Pfad", "Status", "p50 ms", "p99 ms", f"Ziel p50 < {goal:g} ms"],
    )
    cmd = [sys.executable, "-m", "bench.planner_api", "--store", str(scale.store)]
    cmd += ["--dataset", str(scale.folders[0]), "--reps", str(reps)]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        table.notes.append(f"Messung fehlgeschlagen: {proc.stderr[-500:]}")
        return table
    for line in proc.stdout.splitlines():
        rec = json.loads(line)
        p50 = ms(percentile(rec["times"], 50))
        mark = "✓" if p50 < goal and rec["status"] == 200 else "✗"
        table.rows.append(
            [rec["request"], rec["url"], rec["status"], p50, ms(percentile(rec["times"], 99)), mark]
        )
    table.notes.append(
        f"{reps} Aufrufe je Anfrage über Starlettes TestClient (ohne Netz, Client-Aufwand eingerechnet), "
        "Analysen vorberechnet wie im Server; Parameter aus dem ersten Datensatz."
    )
    return table


#: Report format → target seconds (issue: HTML < 2 s, PDF < 10 s, DOCX < 5 s for Bremen).
REPORT_TARGETS = {"html": 2.0, "pdf": 10.0, "docx": 5.0}


def bericht(reps: int) -> Table:
    """The Bremen Umsetzungsbericht in every format: cold (projection, analyses and charts rebuilt, as
    after a data change) and warm (charts remembered), wall and CPU time, in this process."""
    import time

    from rahmengraph.model import projection
    from rahmengraph.model.bericht import build
    from rahmengraph.model.loading.writing import load as load_dataset
    from rahmengraph.model.stores.oxigraph import OxigraphStore
    from rahmengraph.viz import report_charts
    from rahmengraph.viz.report_output import render_report

    store = OxigraphStore()
    load_dataset(store, ROOT / "data" / "bremen")
    table = Table(
        "bericht",
        "Umsetzungsbericht Bremen (2023–2025) je Format: kalt (nach Datenänderung) und warm",
        ["Format", "Läufe", "kalt p50 s", "kalt CPU s", "warm p50 s", "Größe KB", "Ziel (kalt)"],
    )

    def once(fmt: str, cold: bool) -> tuple[float, float, int]:
        if cold:
            projection._CACHE.clear()
            report_charts._MEMO.clear()
        wall, cpu = time.perf_counter(), time.process_time()
        data = render_report(build(store, "2023", "2025", "2026-01-15"), fmt)
        return time.perf_counter() - wall, time.process_time() - cpu, len(data)

    for fmt, goal in REPORT_TARGETS.items():
        cold = [once(fmt, True) for _ in range(reps)]
        warm = [once(fmt, False) for _ in range(reps)]
        p50 = median([c[0] for c in cold])
        table.rows.append(
            [
                fmt,
                reps,
                round(p50, 2),
                round(median([c[1] for c in cold]), 2),
                round(median([w[0] for w in warm]), 2),
                round(cold[0][2] / 1024),
                f"< {goal:g} s {'✓' if p50 < goal else '✗'}",
            ]
        )
    table.notes.append(
        "Bau des Berichts (Analysen, Zeitreihen) ist in jeder Zeit enthalten; kalt: Projektions-Cache und "
        "Diagramme geleert. CPU-Zeit zeigt den Anteil ohne Warten auf andere Prozesse."
    )
    return table
