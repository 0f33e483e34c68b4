"""Graph page speed: Python generation time and browser time-to-interactive for synthetic graphs.

Usage: ``python bench/pages.py [--sizes 100,1000,5000] [--no-bremen] [--runs 3] [--no-browser]``.

Rows: ``bremen`` is the real dataset (``data/bremen`` loaded into an in-memory Oxigraph store, not
timed; "Python s" is projection + view + HTML of the standalone Gesamtbild, as ``rahmengraph viz``
does it). The synthetic rows build a framework-shaped graph in networkx (fields, measures, actors,
target groups, levels; 60 % of the nodes are measures), laid out and rendered the same way.
Time-to-interactive: headless Chromium (/usr/bin/chromium) at 1280×720 opens the written file
until the first frame of the network is drawn and the controls are wired (``body[data-ready]``);
"Browser s" is the median over ``--runs`` loads measured from Playwright (navigation start to
ready), "Seite ms" the page's own ``performance.now()`` at ready (median).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.browser import CHROMIUM, CHROMIUM_ARGS
from rahmengraph.model.filters import Filters
from rahmengraph.model.loading.writing import load
from rahmengraph.model.stores.oxigraph import OxigraphStore
from rahmengraph.viz.graph_data import payload
from rahmengraph.viz.graph_page import render_page
from rahmengraph.viz.views import VIEW_TITLES, VIEWS

BREMEN = Path(__file__).resolve().parent.parent / "data" / "bremen"
VIEWPORT = {"width": 1280, "height": 720}


def synthetic(n: int, seed: int = 7) -> nx.MultiDiGraph[str]:
    """A framework-shaped graph with about ``n`` nodes."""
    rnd = random.Random(seed)
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    counts = {
        "field": max(3, n // 40),
        "actor": max(5, n // 6),
        "target_group": max(5, n // 8),
        "level": 5,
    }
    counts["measure"] = max(10, n - sum(counts.values()))
    names: dict[str, list[str]] = {}
    for kind, count in counts.items():
        names[kind] = [f"{kind}/{i}" for i in range(count)]
        for i, node in enumerate(names[kind]):
            g.add_node(node, kind=kind, key=f"{kind[:2].upper()}-{i}", label=f"{kind} {i}", iri=node)
    for m in names["measure"]:
        g.nodes[m]["evidence"] = rnd.choice(["rahmenkonzept", "kontext"])
        for f in rnd.sample(names["field"], rnd.randint(1, 2)):
            g.add_edge(m, f, rel="field")
        g.add_edge(rnd.choice(names["actor"]), m, rel="lead", levels="land")
        for a in rnd.sample(names["actor"], rnd.randint(0, 3)):
            g.add_edge(a, m, rel="partner", levels="land")
        for t in rnd.sample(names["target_group"], rnd.randint(1, 3)):
            g.add_edge(m, t, rel="targets")
        g.add_edge(m, rnd.choice(names["level"]), rel="level")
    return g


def generate(g: nx.MultiDiGraph[str]) -> tuple[str, float]:
    start = time.perf_counter()
    page = VIEWS["gesamtbild"].page(g, g, {})
    html = render_page(payload(page, g), VIEW_TITLES, standalone=True)
    return html, time.perf_counter() - start


def bremen() -> tuple[str, int, int, float]:
    """The real Gesamtbild: (html, nodes, edges, seconds for projection + page)."""
    store = OxigraphStore()
    load(store, BREMEN)
    view = VIEWS["gesamtbild"]
    start = time.perf_counter()
    html = view.render(store, Filters(), {}, standalone=True)
    elapsed = time.perf_counter() - start
    data = view.data(store, Filters(), {})
    return html, len(data["nodes"]), len(data["edges"]), elapsed


def interactive(path: Path, runs: int) -> tuple[float, float]:
    """Median (Playwright seconds, in-page milliseconds) from navigation to ``data-ready``."""
    from playwright.sync_api import sync_playwright

    outside: list[float] = []
    inside: list[float] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": VIEWPORT["width"], "height": VIEWPORT["height"]})
            start = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_selector("body[data-ready='1']", timeout=120_000)
            outside.append(time.perf_counter() - start)
            inside.append(float(page.evaluate("window.RGPage.timing.ready")))
            page.close()
        browser.close()
    return statistics.median(outside), statistics.median(inside)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--no-bremen", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    browser = not args.no_browser and Path(CHROMIUM).exists()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        pages: list[tuple[str, str, int, int, float]] = []
        if not args.no_bremen:
            html, nodes, edges, gen = bremen()
            pages.append(("bremen", html, nodes, edges, gen))
        for n in (int(s) for s in args.sizes.split(",") if s):
            g = synthetic(n)
            html, gen = generate(g)
            pages.append((f"synth-{n}", html, g.number_of_nodes(), g.number_of_edges(), gen))
        for name, html, nodes, edges, gen in pages:
            path = Path(tmp) / f"gesamtbild-{name}.html"
            path.write_text(html, encoding="utf-8")
            tti = interactive(path, args.runs) if browser else None
            rows.append((name, nodes, edges, gen, len(html), tti))
    print(
        f"{'Fall':<11} {'Knoten':>7} {'Kanten':>7} {'Python s':>9} {'Seite MB':>9} "
        f"{'Browser s':>10} {'Seite ms':>9}"
    )
    for name, nodes, edges, gen, size, tti in rows:
        shown = f"{tti[0]:10.2f} {tti[1]:9.0f}" if tti is not None else f"{'–':>10} {'–':>9}"
        print(f"{name:<11} {nodes:>7} {edges:>7} {gen:9.3f} {size / 1e6:9.2f} {shown}")


if __name__ == "__main__":
    main()
