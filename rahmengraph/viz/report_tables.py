"""Analysis reports made ready for the web page: German/English labels, which entity kinds a report
column names (so that ids become links to their pages), and the coverage matrix as a heatmap.

Report cells hold ids (``;``-joined); :data:`COLUMN_KINDS` says which kinds of entity a column
names, and an id becomes a link through the projection's key → IRI index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlencode

from rahmengraph.model.analysis import Report, ReportTable
from rahmengraph.model.analysis.report import Cell
from rahmengraph.model.projection import shared_projection
from rahmengraph.model.store import GraphStore
from rahmengraph.viz.iri_display import href
from rahmengraph.viz.kind_pages import KINDS

#: Report column → kinds of entity whose ids it holds (anything else is plain text).
_ALL: Final = tuple(KINDS)
_M, _F, _A, _G, _L = ("measure",), ("field",), ("actor",), ("target_group",), ("level",)
COLUMN_KINDS: Final[dict[str, tuple[str, ...]]] = {
    **dict.fromkeys(
        (
            "Maßnahme",
            "Maßnahmen",
            "Kette (Maßnahmen)",
            "Maßnahmen darunter im Feld",
            "gemeinsame Maßnahmen",
        ),
        _M,
    ),
    **dict.fromkeys(
        ("Handlungsfeld", "Handlungsfelder", "Feld A", "Feld B", "verknüpfte Handlungsfelder"), _F
    ),
    **dict.fromkeys(
        (
            "Akteur",
            "Akteur A",
            "Akteur B",
            "Akteure",
            "Akteure (federführend)",
            "Ressort",
            "Ressorts",
            "Federführung",
            "Beteiligte",
            "Zuständige",
            "Nachfolger",
        ),
        _A,
    ),
    **dict.fromkeys(("Zielgruppe", "Zielgruppen", "Gruppe", "Bestandteile"), _G),
    **dict.fromkeys(("Ebene", "mit Maßnahmen auf", "ohne Maßnahmen auf", "abgeleitete Ebenen"), _L),
    "Federführung je Maßnahme": _M + _A,
    "Maßnahmen je Bestandteil": _G + _M,
    "Maßnahmen je Ebene": _L + _M,
    "Ziel": ("goal",),
    "Gremium": ("body",),
    "übergreifende Beteiligungsformate": ("body",),
    "Kennzahlen der Handlungsfelder": ("indicator",),
    "ID": _ALL,
    "betroffene IDs": _ALL,
    "leere Spalten": _ALL,
}
SOURCES_COLUMN: Final = "Quellen"
HEAT_STEPS: Final = 4
_TOKEN: Final = re.compile(r"([^\s;|,]+)")

Segment = tuple[str, str | None]  # text, link


@dataclass
class TableView:
    name: str
    title: str
    explain: str | None
    columns: list[str]
    rows: list[tuple[str | None, list[tuple[bool, list[Segment]]]]]  # row id, cells (numeric, segments)


@dataclass
class HeatCell:
    count: int
    step: int  # 0 = empty, 1..HEAT_STEPS
    measures: str
    anchor: str


def key_index(store: GraphStore) -> dict[str, tuple[str, str]]:
    """Table id → (kind, IRI) of every entity of the projection (ids are unique across the kinds of
    one framework). An id several frameworks in the store use (``MB`` here and there) gets no IRI:
    a report row does not say whose it is, so it links to the search, which lists each."""
    graph = shared_projection(store)
    found: dict[str, set[tuple[str, str]]] = {}
    for node, d in graph.nodes(data=True):
        if d.get("key"):
            found.setdefault(str(d["key"]), set()).add((str(d["kind"]), node))
    return {key: min(hits) if len(hits) == 1 else (min(hits)[0], "") for key, hits in found.items()}


def segments(value: Cell, kinds: tuple[str, ...], index: dict[str, tuple[str, str]]) -> list[Segment]:
    """A cell as text pieces; ids of the column's kinds link to their pages, sources to their URL."""
    text = "" if value is None else str(value)
    if not kinds:
        return [(text, None)]
    out: list[Segment] = []
    if kinds == ("source",):
        for i, part in enumerate(text.split(" | ")):
            out.extend([(" | ", None)] if i else [])
            out.append((part, part if part.startswith(("http://", "https://")) else None))
        return out
    for piece in _TOKEN.split(text):
        word = piece.rstrip(":")
        found = index.get(word)
        if found and found[0] in kinds and (link := href(found[1]) if found[1] else _search(word)):
            out.append((word, link))
        else:
            out.append((word, None))
        if word != piece:
            out.append((piece[len(word) :], None))
    return [s for s in out if s[0]]


def _search(key: str) -> str:
    """The search for an id several frameworks share (it lists the entry of each)."""
    return f"/suche?{urlencode({'q': key})}"


def _anchor(report: Report, row: list[Cell]) -> str | None:
    return f"z-{row[0]}--{row[2]}" if report.name == "matrix" and len(row) > 2 else None


def table_view(report: Report, table: ReportTable, index: dict[str, tuple[str, str]]) -> TableView:
    kinds = [("source",) if c == SOURCES_COLUMN else COLUMN_KINDS.get(c, ()) for c in table.columns]
    if table.name == "matrix":
        kinds = kinds[:2] + [_ALL] * (len(kinds) - 2)
    rows = []
    for row in table.rows:
        cells = [
            (isinstance(v, int | float) and not isinstance(v, bool), segments(v, k, index))
            for v, k in zip(row, kinds, strict=True)
        ]
        rows.append((_anchor(report, list(row)) if table.name == "cells" else None, cells))
    return TableView(table.name, table.title, table.explain, list(table.columns), rows)


#: Longest column label of the heatmap shown in full; longer ones are cut at a word (full name on hover).
SHORT_LABEL: Final = 18


@dataclass(frozen=True)
class ColumnHead:
    short: str  # what the header shows: an actor's Kürzel, else the name (cut at a word)
    full: str  # the whole name (title of the <abbr>)


def short_label(full: str, limit: int = SHORT_LABEL) -> str:
    """``full`` cut at the last word boundary before ``limit`` characters, marked with "…"."""
    if len(full) <= limit:
        return full
    cut = full[:limit].rsplit(" ", 1)[0].rstrip(" ,;:-–/")
    return f"{cut or full[:limit]}…"


def column_heads(store: GraphStore, keys: list[str]) -> list[ColumnHead]:
    """Readable heads for the matrix columns (table ids): short label, full name on hover."""
    graph = shared_projection(store)
    by_key = {str(d["key"]): d for _node, d in graph.nodes(data=True) if d.get("key")}
    out = []
    for key in keys:
        data = by_key.get(key, {})
        full = str(data.get("label") or key)
        short = key if data.get("kind") == "actor" else short_label(full)
        out.append(ColumnHead(short, full))
    return out


def heatmap(report: Report) -> list[tuple[str, list[HeatCell]]] | None:
    """Rows of the matrix table as heat cells (row id, cells), the measures of each cell attached."""
    if report.name != "matrix":
        return None
    counts, cells = report.table("matrix"), report.table("cells")
    behind = {(str(r[0]), str(r[2])): str(r[5]) for r in cells.rows}
    top = max((int(n or 0) for r in counts.rows for n in r[2:]), default=0) or 1
    out = []
    for row in counts.rows:
        key = str(row[0])
        line = []
        for col, n in zip(counts.columns[2:], row[2:], strict=True):
            count = int(n or 0)
            step = 0 if count == 0 else max(1, -(-count * HEAT_STEPS // top))
            line.append(HeatCell(count, step, behind.get((key, col), ""), f"z-{key}--{col}"))
        out.append((key, line))
    return out
