"""The Lücken view: coverage matrices as heatmap tables (row kind × Handlungsfeld).

Each cell holds the measures behind it (indices into the page's measure list), so the page can
colour it by count, emphasise empty cells and list the measures when the cell is clicked. Row and
column heads carry their IRIs, so an empty cell can be the target of a participant's input.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

import networkx as nx

from rahmengraph.model.ordering import natural_key
from rahmengraph.viz.graph_data import Graph, Page, Scene, in_rels, kind_of, nodes_of, out_rels
from rahmengraph.viz.layout import Placed


@dataclass(frozen=True)
class Matrix:
    name: str
    title: str
    kind: str  # node kind of the rows
    rels: tuple[str, ...]  # edge relations linking a measure and a row node
    keep: Callable[[Mapping[str, Any]], bool]
    help: str


MATRICES: Final[tuple[Matrix, ...]] = (
    Matrix(
        "zielgruppe",
        "Zielgruppe × Handlungsfeld",
        "target_group",
        ("targets",),
        lambda a: not a.get("intersectional"),
        "Maßnahmen, die sich direkt an die Gruppe richten",
    ),
    Matrix(
        "intersektional",
        "Intersektionale Gruppe × Handlungsfeld",
        "target_group",
        ("targets",),
        lambda a: bool(a.get("intersectional")),
        "Maßnahmen für Gruppen an Schnittstellen mehrerer Merkmale",
    ),
    Matrix("ebene", "Ebene × Handlungsfeld", "level", ("level",), lambda a: True, "Maßnahmen je Ebene"),
    Matrix(
        "ressort",
        "Ressort × Handlungsfeld",
        "actor",
        ("lead", "partner"),
        lambda a: True,
        "Maßnahmen, an denen der Akteur federführend oder beteiligt mitwirkt",
    ),
)


def matrix_data(g: Graph, spec: Matrix, mindex: Mapping[str, int]) -> dict[str, Any]:
    """One matrix: rows, columns (fields) and non-empty cells ``"r,c" → [measure index…]``."""
    fields = nodes_of(g, "field")
    col = {f: i for i, f in enumerate(fields)}
    cells: dict[tuple[str, int], set[int]] = {}
    for m, i in mindex.items():
        mfields = [col[v] for v, r in out_rels(g, m) if r == "field" and v in col]
        links = [v for v, r in out_rels(g, m) if r in spec.rels]
        links += [u for u, r in in_rels(g, m) if r in spec.rels]
        for row in links:
            for c in mfields:
                cells.setdefault((row, c), set()).add(i)
    candidates = [n for n in g.nodes if kind_of(g, n) == spec.kind and spec.keep(g.nodes[n])]
    if spec.kind == "actor":  # actors only when they work on some measure of the framework
        candidates = [n for n in candidates if any(r in spec.rels for _, r in out_rels(g, n))]
    rows = sorted(candidates, key=lambda n: natural_key(str(g.nodes[n].get("label", n))))
    rindex = {r: i for i, r in enumerate(rows)}
    return {
        "name": spec.name,
        "title": spec.title,
        "help": spec.help,
        "rows": [_head(g, r) for r in rows],
        "cols": [_head(g, f) for f in fields],
        "cells": {f"{rindex[r]},{c}": sorted(ms) for (r, c), ms in cells.items() if r in rindex},
    }


def _head(g: Graph, n: str) -> list[str]:
    """A row or column head: key, label and IRI (the IRI names a gap cell as a participation target)."""
    a = g.nodes[n]
    return [str(a.get("key", "")), str(a.get("label", "")), str(a.get("iri", n))]


def luecken(g: Graph, full: Graph, options: Mapping[str, str]) -> Page:
    """The matrices over the measures in view; the page's nodes are those measures (table twin)."""
    measures = nodes_of(g, "measure")
    mindex = {m: i for i, m in enumerate(measures)}
    sub: Graph = nx.MultiDiGraph()
    sub.add_nodes_from((m, g.nodes[m]) for m in measures)
    placed = Placed({m: (0.0, float(i)) for i, m in enumerate(measures)}, {})
    title = "Lücken: Abdeckung der Handlungsfelder"
    return Page(
        "luecken",
        title,
        sub,
        [Scene("matrix", title, placed)],
        member_measures={m: {m} for m in measures},
        note="Jede Zelle zählt die Maßnahmen; leere Zellen (Lücken) sind rot schraffiert. "
        "Zelle anklicken: die Maßnahmen dahinter.",
        extra={"matrices": [matrix_data(g, spec, mindex) for spec in MATRICES]},
    )
