"""Editions workload on the real Bremen data: start-up with its editions, diff, "as of" vs current.

``python -m bench.editions [--reps N]`` prints one JSON line per measurement; :func:`workload`
runs it in a child process (fresh imports, own memory) and turns the lines into a table. Targets
from the editions issue: diff of two Bremen editions < 50 ms, as-of variants of the named questions
≤ 1.3x the current-state query, start-up with the Bremen editions < 1.5 s.

``python -m bench.editions --scale kreise --work DIR`` measures national scale with 4 editions per
framework (:func:`scale_workload`, targets of the editions issue: load < 60 s and < 2 GB resident,
the diff across all frameworks < 5 s, current-state answers as fast as without editions).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

from bench.report import Table
from bench.scale import ROOT
from bench.timing import median, ms, percentile, ratio, repeat

BREMEN = ROOT / "data" / "bremen"
#: Sample parameters for the named questions (Bremen ids).
SAMPLE = {
    "field": "3.6",
    "actor": "SASJI",
    "level": "Land",
    "target_group": "gefluechtete",
    "measure": "K-3.6-01",
}
#: The stand the as-of variants run at: an edition and a date before the Ressortneuschnitt.
STANDS = ("2021-10", "2022-06-30")


def _start(folder: Path) -> tuple[float, float, Any]:
    """Load (read, check, editions, write) into a fresh in-memory Oxigraph, then SHACL: seconds each."""
    from rahmengraph.model.loading.writing import load
    from rahmengraph.model.stores.oxigraph import OxigraphStore
    from rahmengraph.model.validation import validate

    store = OxigraphStore()
    t0 = time.perf_counter()
    ds = load(store, folder)
    t1 = time.perf_counter()
    validate(store, ds.graph)
    return t1 - t0, time.perf_counter() - t1, store


def measure(reps: int) -> list[dict[str, Any]]:
    from rahmengraph.model import questions
    from rahmengraph.model.change_list import between

    out: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:  # the same data without editions, for comparison
        plain = Path(tmp) / "bremen"
        shutil.copytree(BREMEN, plain, ignore=shutil.ignore_patterns("ausgaben*", "aenderungen.csv"))
        _start(plain)  # imports and first-use caches out of the way
        for name, folder in (("ohne Ausgaben", plain), ("mit 4 Ausgaben", BREMEN)):
            runs = [_start(folder)[:2] for _ in range(3)]
            out.append(
                {"what": "start", "name": name, "load": [r[0] for r in runs], "shacl": [r[1] for r in runs]}
            )
    _l, _s, store = _start(BREMEN)
    t0 = time.perf_counter()
    between(store, "2021-10", "2025-12-31")
    cold = time.perf_counter() - t0
    times, report = repeat(lambda: between(store, "2021-10", "2025-12-31"), reps=reps, budget=10)
    out.append(
        {
            "what": "diff",
            "name": "2021-10 → 2025-12-31",
            "cold": cold,
            "times": times,
            "rows": len(report.changes),
        }
    )
    for q in questions.questions().values():
        params = {p.name: SAMPLE[p.type.name] for p in q.params if p.required}
        base, _r = repeat(partial(questions.run, store, q.name, params), reps=reps, budget=5)
        for stand in STANDS:
            asof, _r = repeat(partial(questions.run, store, q.name, params, stand), reps=reps, budget=5)
            out.append({"what": "asof", "name": q.name, "stand": stand, "current": base, "asof": asof})
    return out


def _child(table: Table, args: list[str], timeout: int) -> list[dict[str, Any]] | None:
    """The records of ``python -m bench.editions ARGS`` in a fresh process; ``None`` (and a note in
    ``table``) when it fails."""
    proc = subprocess.run(
        [sys.executable, "-m", "bench.editions", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip
    if proc.returncode != 0:
        table.notes.append(f"Messung fehlgeschlagen: {proc.stderr[-500:]}")
        return None
    return [json.loads(line) for line in proc.stdout.splitlines()]


def workload(reps: int) -> Table:
    table = Table(
        "editions-bremen",
        "Ausgaben (Bremen, echte Daten): Start, Änderungen zwischen Ausgaben, Fragen mit Stand",
        ["Messung", "Variante", "p50 ms", "Vergleich", "Verhältnis", "Ziel"],
    )
    records = _child(table, ["--reps", str(reps)], timeout=900)
    if records is None:
        return table
    plain = next(r for r in records if r["what"] == "start" and r["name"] == "ohne Ausgaben")
    for r in records:
        if r["what"] == "start":
            start = median([a + b for a, b in zip(r["load"], r["shacl"], strict=True)])
            base = median([a + b for a, b in zip(plain["load"], plain["shacl"], strict=True)])
            ok = "✓" if start < 1.5 else "✗"
            table.rows.append(
                [
                    "Start (Laden + SHACL)",
                    r["name"],
                    ms(start),
                    ms(base),
                    ratio(start, base),
                    f"< 1500 ms {ok}",
                ]
            )
        elif r["what"] == "diff":
            p50 = percentile(r["times"], 50)
            ok = "✓" if p50 < 0.05 else "✗"
            table.rows.append(
                ["Änderungen", r["name"], ms(p50), f"erster Aufruf {ms(r['cold'])} ms", None, f"< 50 ms {ok}"]
            )
        else:
            a, c = percentile(r["asof"], 50), percentile(r["current"], 50)
            ok = "✓" if ratio(a, c) <= 1.3 else "✗"
            table.rows.append(
                [f"Frage {r['name']}", f"stand={r['stand']}", ms(a), ms(c), ratio(a, c), f"≤ 1,3x {ok}"]
            )
    table.notes.append(
        "Start: eigener Prozess, In-Memory-Oxigraph, Median aus 3 Läufen; Vergleich = dieselben Daten ohne "
        "ausgaben.csv/aenderungen.csv. Änderungen: model.change_list.between (Schnappschüsse je Ausgabe "
        "werden je Speicherstand gemerkt; der erste Aufruf baut sie). Fragen: Vergleich = dieselbe Frage "
        "ohne Stand."
    )
    return table


#: Editions per framework at national scale (the editions issue: 4).
EDITIONS = 4


def _loaded(scale: str, work: Path, editions: int) -> tuple[list[Path], Path, dict[str, Any]]:
    """Generate ``scale`` with ``editions`` per framework under ``work`` (kept for the next run) and
    load it into a fresh persistent store in a child process: folders, store, its JSON line."""
    from bench.generate import generate
    from bench.scale import child

    data, store = work / f"data-{editions}", work / f"store-{editions}"
    folders = sorted(p for p in data.iterdir() if p.is_dir()) if data.exists() else []
    if not folders:
        folders = generate(scale, data, editions=editions)
    shutil.rmtree(store, ignore_errors=True)
    proc = child(["bench.loading", "--store", f"oxigraph:{store}", *map(str, folders)], timeout=3600)
    if proc.returncode != 0:
        raise RuntimeError(f"Laden fehlgeschlagen: {proc.stderr[-2000:]}")
    return folders, store, json.loads(proc.stdout.strip().splitlines()[-1])


def measure_scale(scale: str, work: Path, reps: int) -> list[dict[str, Any]]:
    """Load with and without editions, the diff of every framework, current-state questions."""
    from bench.queryset import representative
    from rahmengraph.model import frameworks, questions
    from rahmengraph.model.asof import editions
    from rahmengraph.model.change_list import between
    from rahmengraph.model.stores.oxigraph import OxigraphStore

    out: list[dict[str, Any]] = []
    stores = {}
    for count in (0, EDITIONS):
        folders, path, loaded = _loaded(scale, work, count)
        out.append({"what": "load", "editions": count, **loaded})
        stores[count] = OxigraphStore(path, read_only=True)
    store = stores[EDITIONS]
    found = editions(store)
    first = {e.framework: e for e in sorted(found, key=lambda e: e.key, reverse=True)}

    def diff_all() -> int:
        return sum(len(between(store, ed.version, "", framework=fw).changes) for fw, ed in first.items())

    t0 = time.perf_counter()
    rows = diff_all()
    cold = time.perf_counter() - t0
    times, _rows = repeat(diff_all, reps=3, budget=30, warmup=0)
    out.append({"what": "diff", "frameworks": len(first), "rows": rows, "cold": cold, "times": times})
    values = representative(folders[0])
    for q in questions.questions().values():
        params = {p.name: values[p.type.name] for p in q.params if p.required}
        pair = {
            count: repeat(partial(questions.run, s, q.name, params), reps=reps, budget=5)[0]
            for count, s in stores.items()
        }
        out.append({"what": "current", "name": q.name, "plain": pair[0], "editions": pair[EDITIONS]})
    out.append({"what": "frameworks", "count": len(frameworks.frameworks(store))})
    return out


def scale_workload(scale: str, work: Path, reps: int) -> Table:
    """The national-scale editions table (child process; see :func:`measure_scale`)."""
    table = Table(
        f"editions-{scale}",
        f"Ausgaben bei „{scale}“ ({EDITIONS} je Rahmen): Laden, Änderungen aller Rahmen, Fragen ohne Stand",
        ["Messung", "Variante", "Wert", "Vergleich", "Verhältnis", "Ziel"],
    )
    records = _child(table, ["--scale", scale, "--work", str(work), "--reps", str(reps)], timeout=7200)
    if records is None:
        return table
    loads = {r["editions"]: r for r in records if r["what"] == "load"}
    plain, full = loads[0], loads[EDITIONS]
    ok = "✓" if full["seconds"] < 60 else "✗"
    table.rows.append(
        ["Laden (s)", f"{full['triples']:,} Tripel".replace(",", " "), full["seconds"],
         f"ohne Ausgaben {plain['seconds']:.1f} s", ratio(full["seconds"], plain["seconds"]), f"< 60 s {ok}"]
    )  # fmt: skip
    ok = "✓" if full["peak_rss_mb"] < 2048 else "✗"
    table.rows.append(
        ["Spitzen-RSS Laden (MB)", "", full["peak_rss_mb"], f"ohne Ausgaben {plain['peak_rss_mb']:.0f} MB",
         ratio(full["peak_rss_mb"], plain["peak_rss_mb"]), f"< 2048 MB {ok}"]
    )  # fmt: skip
    for r in records:
        if r["what"] == "diff":
            p50 = percentile(r["times"], 50)
            ok = "✓" if p50 < 5 else "✗"
            table.rows.append(
                ["Änderungen aller Rahmen (s)", f"{r['frameworks']} Rahmen, {r['rows']} Zeilen", p50,
                 f"erster Aufruf {r['cold']:.1f} s", None, f"< 5 s {ok}"]
            )  # fmt: skip
        elif r["what"] == "current":
            a, c = percentile(r["editions"], 50), percentile(r["plain"], 50)
            ok = "✓" if ratio(a, c) <= 1.3 else "✗"
            table.rows.append(
                [
                    f"Frage {r['name']} (ms)",
                    "mit Ausgaben",
                    ms(a),
                    f"ohne {ms(c)} ms",
                    ratio(a, c),
                    f"≤ 1,3x {ok}",
                ]
            )
    table.notes.append(
        "Laden: eigener Prozess je Speicher (bench.loading, persistentes Oxigraph, Spitzen-RSS mit "
        "Importen). "
        "Änderungen: je Rahmen model.change_list.between von der ersten zur aktuellen Ausgabe. Fragen: "
        "dieselbe Frage über alle Rahmen mit und ohne Ausgaben im Speicher (Ziel: so schnell wie ohne)."
    )
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--reps", type=int, default=30)
    parser.add_argument("--scale", help="Größe mit Ausgaben messen (z. B. kreise) statt Bremen")
    parser.add_argument(
        "--work", type=Path, help="Arbeitsordner für --scale (Daten bleiben für den nächsten Lauf)"
    )
    args = parser.parse_args(argv)
    if args.scale:
        work = args.work or Path(tempfile.mkdtemp(prefix="rahmengraph-editions-"))
        for record in measure_scale(args.scale, work, args.reps):
            sys.stdout.write(json.dumps(record) + "\n")
            sys.stdout.flush()
        return 0
    for record in measure(args.reps):
        sys.stdout.write(json.dumps(record) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
