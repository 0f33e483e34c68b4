"""Cross-Ressort dependencies: which actors depend on each other, and where the network is fragile.

The dependency graph has one node per actor and an undirected, weighted edge between two actors
when (a) both are responsible (any role) for the same measure, or (b) a measure of one depends
on a measure of the other (``rg:dependsOn``; the lead actors of both measures, or all their
actors when a measure has no lead). Weight = number of measures behind the edge.

* hubs: highest betweenness centrality (ties by weighted degree).
* articulation_points: actors whose loss splits the network; bridges: edges whose loss does.
  Each names the fields of the measures behind it.
* chains: ``rg:dependsOn`` paths between measures whose actors span at least ``min_ressorts``
  distinct actors.
* communities: Louvain communities (networkx, fixed ``seed``) of actors that work together.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx

from rahmengraph.model.analysis.indexes import View
from rahmengraph.model.analysis.report import Cell, Report, ReportTable

#: At most this many measure chains are listed (paths can explode in large frameworks).
MAX_CHAINS = 500
MAX_CHAIN_LENGTH = 12
#: Above this many actors, betweenness is estimated from this many sampled sources (fixed seed).
EXACT_BETWEENNESS = 1000
BETWEENNESS_SAMPLES = 100


def actor_graph(view: View) -> nx.Graph[str]:
    g: nx.Graph[str] = nx.Graph()
    behind: dict[tuple[str, str], set[str]] = defaultdict(set)
    kinds: dict[tuple[str, str], set[str]] = defaultdict(set)
    in_view = set(view.measures)
    for m in view.measures:
        actors = view.actors(m)
        g.add_nodes_from(actors)
        for a, b in combinations(sorted(actors), 2):
            behind[(a, b)].add(m)
            kinds[(a, b)].add("gemeinsame Zuständigkeit")
        for dep in view.depends.get(m, []):
            if dep not in in_view:
                continue
            for a in view.leads(m) or actors:
                for b in view.leads(dep) or view.actors(dep):
                    if a != b:
                        key = (min(a, b), max(a, b))
                        behind[key].update((m, dep))
                        kinds[key].add("baut auf")
    for (a, b), ms in behind.items():
        g.add_edge(a, b, weight=len(ms), measures=sorted(ms), kinds=";".join(sorted(kinds[(a, b)])))
    return g


def _fields(view: View, measures: list[str]) -> str:
    return view.keys(f for m in measures for f in view.fields.get(m, []))


def _hubs(view: View, g: nx.Graph[str], top: int, seed: int) -> ReportTable:
    between: dict[str, float] = {}
    if g.number_of_edges():
        k = BETWEENNESS_SAMPLES if g.number_of_nodes() > EXACT_BETWEENNESS else None
        between = nx.betweenness_centrality(g, k=k, seed=seed)
    degree = dict(g.degree(weight="weight"))
    ranked = sorted(
        (a for a in g if g.degree(a)), key=lambda a: (-between.get(a, 0.0), -degree[a], view.rank[a])
    )[:top]
    rows: list[list[Cell]] = []
    for a in ranked:
        ms = sorted({m for b in g[a] for m in g[a][b]["measures"]})
        rows.append(
            [
                view.key(a),
                view.label(a),
                g.degree(a),
                degree[a],
                round(between.get(a, 0.0), 4),
                _fields(view, ms),
                view.keys(ms),
            ]
        )
    return ReportTable(
        name="hubs",
        title="Knotenpunkte (Zentralität im Abhängigkeitsnetz)",
        columns=[
            "Akteur",
            "Name",
            "Partner",
            "gewichteter Grad",
            "Betweenness",
            "Handlungsfelder",
            "Maßnahmen",
        ],
        rows=rows,
        explain="Betweenness: Anteil kürzester Wege zwischen anderen Akteuren über diesen Akteur"
        + (
            f"; geschätzt aus {BETWEENNESS_SAMPLES} zufälligen Startakteuren (Startwert {seed}), "
            f"da das Netz mehr als {EXACT_BETWEENNESS} Akteure hat."
            if g.number_of_nodes() > EXACT_BETWEENNESS
            else "."
        ),
    )


def _weak_points(view: View, g: nx.Graph[str]) -> tuple[ReportTable, ReportTable]:
    points = sorted(nx.articulation_points(g), key=lambda a: view.rank[a])
    # The parts left without an actor are its biconnected components: one pass, not one per actor.
    parts: dict[str, int] = defaultdict(int)
    for block in nx.biconnected_components(g):
        for member in block:
            parts[str(member)] += 1  # nodes are IRIs (the stubs say otherwise)
    point_rows: list[list[Cell]] = []
    for a in points:
        ms = sorted({m for b in g[a] for m in g[a][b]["measures"]})
        point_rows.append([view.key(a), view.label(a), parts[a], _fields(view, ms), view.keys(ms)])
    bridge_rows: list[list[Cell]] = []
    for edge in sorted(nx.bridges(g), key=lambda e: sorted((view.rank[e[0]], view.rank[e[1]]))):
        a, b = edge[0], edge[1]
        x, y = sorted((a, b), key=lambda n: view.rank[n])
        ms = g[a][b]["measures"]
        bridge_rows.append(
            [
                view.key(x),
                view.key(y),
                g[a][b]["kinds"],
                _fields(view, ms),
                view.keys(ms),
                view.duty_sources(ms, (a, b)),
            ]
        )
    return (
        ReportTable(
            name="articulation_points",
            title="Schwachstellen: Akteure, ohne die das Netz zerfällt",
            columns=["Akteur", "Name", "Teilnetze ohne ihn", "Handlungsfelder", "Maßnahmen"],
            rows=point_rows,
        ),
        ReportTable(
            name="bridges",
            title="Schwachstellen: einzige Verbindungen zwischen Teilnetzen (Brücken)",
            columns=["Akteur A", "Akteur B", "Art", "Handlungsfelder", "Maßnahmen", "Quellen"],
            rows=bridge_rows,
        ),
    )


def _chains(view: View, min_ressorts: int) -> ReportTable:
    dg: nx.DiGraph[str] = nx.DiGraph()
    in_view = set(view.measures)
    for m in view.measures:
        for dep in view.depends.get(m, []):
            if dep in in_view:
                dg.add_edge(dep, m)  # dep comes first: m builds on it
    rows: list[list[str | int | None]] = []
    starts = sorted((n for n in dg if dg.in_degree(n) == 0), key=lambda n: view.rank[n])
    ends = [n for n in dg if dg.out_degree(n) == 0]
    for s in starts:
        if len(rows) >= MAX_CHAINS:
            break  # the table is full: later paths cannot change it
        for path in nx.all_simple_paths(dg, s, ends, cutoff=MAX_CHAIN_LENGTH):
            if len(rows) >= MAX_CHAINS:
                break
            actors: list[str] = []
            for m in path:
                for a in view.leads(m) or view.actors(m):
                    if a not in actors:
                        actors.append(a)
            if len(actors) >= min_ressorts and len(rows) < MAX_CHAINS:
                rows.append(
                    [
                        " → ".join(view.key(m) for m in path),
                        len(path),
                        " → ".join(view.key(a) for a in actors),
                        len(actors),
                        _fields(view, path),
                        view.sources(path),
                    ]
                )
    return ReportTable(
        name="chains",
        title=f"Abhängigkeitsketten über mindestens {min_ressorts} Akteure",
        columns=[
            "Kette (Maßnahmen)",
            "Länge",
            "Akteure (federführend)",
            "Anzahl Akteure",
            "Handlungsfelder",
            "Quellen",
        ],
        rows=rows,
        explain="Pfad entlang rg:dependsOn von einer Maßnahme ohne Voraussetzung bis zu einer, "
        "auf der keine aufbaut.",
    )


def _communities(view: View, g: nx.Graph[str], seed: int) -> ReportTable:
    core = g.subgraph(n for n in g if g.degree(n))
    groups = (
        nx.community.louvain_communities(core, weight="weight", seed=seed) if core.number_of_edges() else []
    )
    ordered = sorted(
        (sorted(c, key=lambda a: view.rank[a]) for c in groups),
        key=lambda c: (-len(c), view.rank[c[0]]),
    )
    rows: list[list[Cell]] = []
    for i, members in enumerate(ordered, 1):
        inside = set(members)  # the edges among the members (not through nested subgraph views: slow)
        ms = sorted({m for a in members for b in g[a] if b in inside for m in g[a][b]["measures"]})
        rows.append([i, len(members), view.keys(members), _fields(view, ms), len(ms)])
    return ReportTable(
        name="communities",
        title="Gemeinschaften von Akteuren, die zusammenarbeiten",
        columns=["Nr.", "Größe", "Akteure", "Handlungsfelder", "gemeinsame Maßnahmen"],
        rows=rows,
        explain=f"Louvain-Verfahren (networkx), Gewicht = gemeinsame Maßnahmen, Startwert {seed}.",
    )


def compute(view: View, store: object, min_ressorts: int = 3, seed: int = 42, top: int = 10) -> Report:
    """The ``abhaengigkeiten`` analysis."""
    g = actor_graph(view)
    points, bridges = _weak_points(view, g)
    tables = [
        _hubs(view, g, top, seed),
        points,
        bridges,
        _chains(view, min_ressorts),
        _communities(view, g, seed),
    ]
    summary: dict[str, int | float | str] = {
        "akteure": sum(1 for n in g if g.degree(n)),
        "verbindungen": g.number_of_edges(),
        "teilnetze": sum(1 for c in nx.connected_components(g) if len(c) > 1),
    }
    summary.update({t.name: len(t.rows) for t in tables if t.name != "hubs"})
    return Report(
        name="abhaengigkeiten", title="Ressortübergreifende Abhängigkeiten", summary=summary, tables=tables
    )
