"""Deterministic positions for the graph pages, computed in Python and stored with the page.

The same data always looks the same, and a 5,000-node page opens without a physics run. Two
layouts, both linear in nodes + edges (no force simulation):

* :func:`layered`: one column per group (node kind, dependency depth, …); each column is ordered
  by the mean rank of its neighbours in the columns already placed (one barycentre sweep), so
  measures sit next to their Handlungsfeld and actors next to their measures. Large columns wrap
  into sub-columns, the vertical order is kept. A column's :class:`Spacing` leaves room for its
  labels: columns whose labels are read from afar (Ressorts) get wider rows and sub-columns,
  columns whose labels show only on zoom are packed tightly.
* :func:`ring`: nodes on a circle in a given order (for the Ressort network).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import networkx as nx

Position = tuple[float, float]
SortKey = tuple[tuple[int, int | str], ...]

#: Spacing in vis-network canvas units.
ROW_GAP = 46.0
SUBCOLUMN_GAP = 150.0
COLUMN_GAP = 380.0


@dataclass(frozen=True)
class Spacing:
    """Room around one column, in canvas units."""

    row: float = ROW_GAP  # least vertical distance between two nodes of a sub-column
    sub: float = SUBCOLUMN_GAP  # distance between the sub-columns a large column wraps into
    after: float = COLUMN_GAP  # distance from this column's last sub-column to the next column


DEFAULT_SPACING = Spacing()


def natural_key(text: str) -> SortKey:
    """Sort key so ``3.2`` comes before ``3.10`` and ``M-2`` before ``M-10``."""
    return tuple((0, int(p)) if p.isdigit() else (1, p.lower()) for p in re.split(r"(\d+)", text) if p)


def _rows(total: int) -> int:
    return max(12, math.ceil(math.sqrt(total) * 2.0))


def layered(
    graph: nx.Graph[str],
    column_of: Callable[[str], int],
    sort_key: Callable[[str], SortKey],
    spacing: Mapping[int, Spacing] | None = None,
) -> dict[str, Position]:
    """Positions in columns (``column_of`` each node), ordered by a barycentre sweep; ``spacing``
    per column (default :data:`DEFAULT_SPACING`)."""
    columns: dict[int, list[str]] = {}
    for n in graph.nodes:
        columns.setdefault(column_of(n), []).append(n)
    rank: dict[str, float] = {}
    order: dict[int, list[str]] = {}
    unanchored = []
    for c in sorted(columns):
        if not any(_placed_neighbours(graph, n, rank) for n in columns[c]):
            unanchored.append(c)
        order[c] = _sweep(graph, columns[c], rank, sort_key)
    # second pass for columns whose neighbours all come later (e.g. target groups left of measures)
    for c in unanchored:
        order[c] = _sweep(graph, columns[c], rank, sort_key, column_of=column_of, own=c)
    rows = _rows(graph.number_of_nodes())
    height = rows * ROW_GAP
    pos: dict[str, Position] = {}
    x = 0.0
    for c in sorted(order):
        nodes = order[c]
        room = (spacing or {}).get(c, DEFAULT_SPACING)
        fit = max(1, min(rows, math.floor(height / room.row)))
        sub = math.ceil(len(nodes) / fit)
        per = math.ceil(len(nodes) / sub)
        for i, n in enumerate(nodes):
            row, col = divmod(i, sub)
            y = (row + 0.5) * height / per - height / 2 if per > 1 else 0.0
            pos[n] = (round(x + col * room.sub, 1), round(y, 1))
        x += (sub - 1) * room.sub + room.after
    return pos


def _placed_neighbours(
    graph: nx.Graph[str],
    n: str,
    rank: Mapping[str, float],
    exclude: int | None = None,
    column_of: Callable[[str], int] | None = None,
) -> list[float]:
    out = []
    for m in _neighbours(graph, n):
        if m in rank and not (column_of is not None and column_of(m) == exclude):
            out.append(rank[m])
    return out


def _neighbours(graph: nx.Graph[str], n: str) -> Iterable[str]:
    if graph.is_directed():
        yield from graph.successors(n)  # type: ignore[attr-defined]
        yield from graph.predecessors(n)  # type: ignore[attr-defined]
    else:
        yield from graph.neighbors(n)


def _sweep(
    graph: nx.Graph[str],
    nodes: list[str],
    rank: dict[str, float],
    sort_key: Callable[[str], SortKey],
    column_of: Callable[[str], int] | None = None,
    own: int | None = None,
) -> list[str]:
    def key(n: str) -> tuple[float, SortKey]:
        near = _placed_neighbours(graph, n, rank, exclude=own, column_of=column_of)
        return (sum(near) / len(near) if near else 2.0, sort_key(n))

    ordered = sorted(nodes, key=key)
    for i, n in enumerate(ordered):
        rank[n] = (i + 0.5) / len(ordered)
    return ordered


def ring(nodes: list[str]) -> dict[str, Position]:
    """Nodes on a circle, in the given order, first at the top, clockwise."""
    n = len(nodes)
    radius = max(200.0, n * 90.0 / (2 * math.pi))
    out: dict[str, Position] = {}
    for i, node in enumerate(nodes):
        a = 2 * math.pi * i / max(n, 1) - math.pi / 2
        out[node] = (round(radius * math.cos(a), 1), round(radius * math.sin(a), 1))
    return out
