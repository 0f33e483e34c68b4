"""Intersectional gaps: an intersectional group no measure addresses while each component is addressed.

A group counts as *addressed* when a measure in view names it or one of its sub-groups
(``skos:broader*``) as target group. An intersectional group (``rg:IntersectionalGroup`` with
``rg:intersectionOf``) is a gap when it is not addressed but every component is. The same rule
per Handlungsfeld only looks at the measures of that field.
"""

from __future__ import annotations

from collections import defaultdict

from rahmengraph.model.analysis.indexes import View
from rahmengraph.model.analysis.report import ReportTable


def _narrower(view: View) -> dict[str, set[str]]:
    """Each group with all groups below it (itself included), by ``skos:broader``."""
    children: dict[str, list[str]] = defaultdict(list)
    for g in view.nodes("target_group"):
        for parent in view.targets(g, "broader"):
            children[parent].append(g)
    out: dict[str, set[str]] = {}
    for g in view.nodes("target_group"):
        seen, stack = {g}, [g]
        while stack:
            for c in children.get(stack.pop(), []):
                if c not in seen:
                    seen.add(c)
                    stack.append(c)
        out[g] = seen
    return out


def _above(narrower: dict[str, set[str]]) -> dict[str, list[str]]:
    """Inverse of ``narrower``: each group → the groups in ``narrower`` it counts for."""
    out: dict[str, list[str]] = defaultdict(list)
    for g, below in narrower.items():
        for n in below:
            out[n].append(g)
    return out


def _reach(view: View, measures: list[str], above: dict[str, list[str]]) -> dict[str, list[str]]:
    """Group → measures addressing it (directly or through a sub-group); only groups reached."""
    found: dict[str, list[str]] = defaultdict(list)
    for m in measures:
        for d in view.groups.get(m, []):
            for g in above.get(d, []):
                found[g].append(m)
    return {g: view.order(ms) for g, ms in found.items()}


def _gap_rows(
    view: View, reach: dict[str, list[str]], candidates: dict[str, list[str]], prefix: list[str]
) -> list[list[str | int | None]]:
    rows: list[list[str | int | None]] = []
    reached = {c for p in reach for c in candidates.get(p, ())}  # a gap needs every part reached
    for g in view.order(reached):
        parts = view.targets(g, "intersection_of")
        if reach.get(g) or not all(reach.get(p) for p in parts):
            continue
        behind = [m for p in parts for m in reach[p]]
        per_part = " | ".join(f"{view.key(p)}: {view.keys(reach[p])}" for p in sorted(parts, key=view.key))
        rows.append(
            [*prefix, view.key(g), view.label(g), view.keys(parts), per_part, view.sources([g, *behind])]
        )
    return rows


def intersectional_gaps(view: View) -> tuple[ReportTable, ReportTable]:
    needed = {
        x
        for g in view.nodes("target_group")
        if view.targets(g, "intersection_of")
        for x in (g, *view.targets(g, "intersection_of"))
    }
    above = _above({g: below for g, below in _narrower(view).items() if g in needed})
    candidates: dict[str, list[str]] = defaultdict(list)  # component → intersectional groups
    for g in needed:
        for part in view.targets(g, "intersection_of"):
            candidates[part].append(g)
    overall = _gap_rows(view, _reach(view, view.measures, above), candidates, [])
    by_field: dict[str, list[str]] = defaultdict(list)
    for m in view.measures:
        for f in view.fields.get(m, []):
            by_field[f].append(m)
    per_field: list[list[str | int | None]] = []
    for f in view.nodes("field"):
        if by_field.get(f):
            per_field += _gap_rows(view, _reach(view, by_field[f], above), candidates, [view.key(f)])
    cols = ["Gruppe", "Name", "Bestandteile", "Maßnahmen je Bestandteil", "Quellen"]
    return (
        ReportTable(
            name="intersectional",
            title="Intersektionale Lücken: Gruppe ohne Maßnahme, jeder Bestandteil mit Maßnahmen",
            columns=cols,
            rows=overall,
            explain="Bestandteile aus rg:intersectionOf; erreicht = eine Maßnahme nennt die Gruppe "
            "oder eine Untergruppe.",
        ),
        ReportTable(
            name="intersectional_by_field",
            title="Intersektionale Lücken je Handlungsfeld",
            columns=["Handlungsfeld", *cols],
            rows=per_field,
            explain="Nur Maßnahmen des Handlungsfelds zählen.",
        ),
    )
