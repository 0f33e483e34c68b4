"""Graph page speed: Python generation time and browser time-to-interactive for synthetic graphs.

Usage: ``python bench/pages.py [--sizes 100,1000,5000] [--no-browser]``. A synthetic framework
with the projection's node kinds and relations is built in networkx (fields, measures, actors,
target groups, levels; 60 % of the nodes are measures), laid out and rendered as the Gesamtbild
page (standalone). Time-to-interactive: headless Chromium (/usr/bin/chromium) opens the written
file until the page script has drawn the network and wired the controls (``body[data-ready]``).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rahmengraph.viz import graph_build
from rahmengraph.viz.graph_data import payload
from rahmengraph.viz.graph_page import render_page
from rahmengraph.viz.views import VIEW_TITLES

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


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
    page = graph_build.gesamtbild(g, {})
    html = render_page(payload(page, g), VIEW_TITLES, standalone=True)
    return html, time.perf_counter() - start


def interactive(path: Path) -> float:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        start = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-ready='1']", timeout=120_000)
        elapsed = time.perf_counter() - start
        browser.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            g = synthetic(n)
            html, gen = generate(g)
            path = Path(tmp) / f"gesamtbild-{n}.html"
            path.write_text(html, encoding="utf-8")
            tti = None if args.no_browser or not Path(CHROMIUM).exists() else interactive(path)
            rows.append((g.number_of_nodes(), g.number_of_edges(), gen, len(html), tti))
    print(f"{'Knoten':>7} {'Kanten':>7} {'Python s':>9} {'Seite MB':>9} {'Browser s':>10}")
    for nodes, edges, gen, size, tti in rows:
        shown = f"{tti:10.2f}" if tti is not None else f"{'–':>10}"
        print(f"{nodes:>7} {edges:>7} {gen:9.3f} {size / 1e6:9.2f} {shown}")


if __name__ == "__main__":
    main()
