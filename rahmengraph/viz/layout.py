"""Deterministic positions for the graph scenes, computed in Python and stored with the page.

Every scene is drawn in *lanes*: vertical stacks of labelled nodes, in reading order (natural order
of keys, or the order a builder chose). Positions are canvas pixels for a 1920×1080 projector at
scale 1; the page re-stacks each lane from the label boxes the browser measured (so wrapped labels
never overlap, whatever the font) and frames the result. Two arrangements:

* :func:`lanes`: columns left to right; a long column wraps into sub-columns (top to bottom, then
  the next sub-column), columns are spaced by the widest label of each.
* :func:`arcs`: a network on two facing arcs (left half, right half), so edges between any two
  nodes stay visible and every label has its own row.

The exports (GraphML, GEXF) place the whole graph with :func:`layered`: one column per group,
each ordered by the mean rank of its neighbours in the columns already placed (one barycentre
sweep); large columns wrap into sub-columns.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import networkx as nx

from rahmengraph.model.ordering import SortKey

Position = tuple[float, float]

#: Horizontal room between two columns' widest labels (canvas px).
GAP = 64.0
#: Height a scene is planned for (canvas px; the page fits what it measured).
HEIGHT = 900.0


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


#: Room per node kind in the whole-graph layout of the exports (GraphML/GEXF, :mod:`.network`):
#: wide where labels are read at the default zoom (goal and field captions, Ressort keys).
SPACING: dict[str, Spacing] = {
    "goal": Spacing(after=720.0),
    "field": Spacing(after=380.0),
    "target_group": Spacing(sub=75.0, after=240.0),
    "measure": Spacing(sub=75.0, after=300.0),
    "actor": Spacing(row=70.0, sub=240.0, after=420.0),
}


@dataclass(frozen=True)
class Lane:
    """One column of a scene: its nodes in order, the widest label, rows per sub-column."""

    nodes: list[str]
    width: float
    rows: int = 0  # at most this many nodes per sub-column (0: one sub-column)


@dataclass
class Placed:
    positions: dict[str, Position]
    lanes: dict[str, int]  # node → lane number (the page stacks each lane without overlap)


def lanes(columns: list[Lane]) -> Placed:
    """Columns left to right, each centred vertically, the whole picture centred on (0, 0)."""
    out = Placed({}, {})
    x, lane, half = 0.0, 0, 0.0
    for col in columns:
        if not col.nodes:
            continue
        per = col.rows or len(col.nodes)
        subs = math.ceil(len(col.nodes) / per)
        per = math.ceil(len(col.nodes) / subs)
        for s in range(subs):
            part = col.nodes[s * per : (s + 1) * per]
            x += half + col.width / 2 + (GAP if out.positions else 0.0)
            pitch = HEIGHT / max(len(part), 1)
            for i, n in enumerate(part):
                out.positions[n] = (x, (i - (len(part) - 1) / 2) * pitch)
                out.lanes[n] = lane
            lane += 1
            half = col.width / 2
    mid = x / 2
    out.positions = {n: (round(px - mid, 1), round(py, 1)) for n, (px, py) in out.positions.items()}
    return out


def arcs(nodes: list[str], width: float, spread: float = 1500.0) -> Placed:
    """Nodes on two facing arcs: the first half down the left, the rest up the right (a circle
    pulled apart), so every node has a row of its own and lines between any two stay visible."""
    out = Placed({}, {})
    half = math.ceil(len(nodes) / 2)
    for side, part in ((-1, nodes[:half]), (1, list(reversed(nodes[half:])))):
        for i, n in enumerate(part):
            t = (i + 0.5) / len(part) * 2 - 1  # -1 top … 1 bottom
            bulge = math.sqrt(max(0.0, 1 - t * t))
            x = side * (spread / 2 - width / 2 - 0.18 * spread * (1 - bulge))
            out.positions[n] = (round(x, 1), round(t * HEIGHT / 2, 1))
            out.lanes[n] = 0 if side < 0 else 1
    return out


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
