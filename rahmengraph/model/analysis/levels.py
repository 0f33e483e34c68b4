"""Level gaps between municipalities and between the Land and its municipalities.

Generic (not Bremen-specific): municipal levels are the levels of kind ``rg:levelKindMunicipal``
(``ebenen.typ = Kommune``), state levels those of kind ``rg:levelKindState``.

* municipal_fields / municipal_groups: a field (target group, named directly) with measures on
  at least one municipal level and none on another municipal level.
* land_without_municipal: the rule for "a municipal counterpart is expected": a measure on a
  state level and on no municipal level, in a field that has measures on a municipal level.
  Its counterpart is a municipal measure of the same field that shares a target group with it
  (or, for a measure without target groups, any municipal measure of the field), or a measure
  linked to it by ``rg:dependsOn`` in either direction. One row per (measure, field) without one.
"""

from __future__ import annotations

from collections import defaultdict

from rahmengraph.model.analysis.indexes import View
from rahmengraph.model.analysis.report import ReportTable

MUNICIPAL = "Kommune"
STATE = "Land"


def _of_kind(view: View, kind: str) -> list[str]:
    return [lv for lv in view.nodes("level") if view.attr(lv, "level_kind") == kind]


def _split(view: View, index: dict[str, list[str]], axis: list[str], title: str, name: str) -> ReportTable:
    municipal = _of_kind(view, MUNICIPAL)
    wanted = set(municipal)
    at: dict[tuple[str, str], list[str]] = defaultdict(list)
    for m in view.measures:
        for lv in view.levels.get(m, []):
            if lv in wanted:
                for x in index.get(m, []):
                    at[(x, lv)].append(m)
    by_framework: dict[str, list[str]] = defaultdict(list)
    for lv in municipal:
        by_framework[view.attr(lv, "framework")].append(lv)
    rows: list[list[str | int | None]] = []
    if len(municipal) > 1:
        for x in axis:
            municipal = by_framework.get(view.attr(x, "framework"), [])  # the row's own framework
            with_ = [lv for lv in municipal if at.get((x, lv))]
            without = [lv for lv in municipal if not at.get((x, lv))]
            if with_ and without:
                behind = [m for lv in with_ for m in at[(x, lv)]]
                rows.append(
                    [
                        view.key(x),
                        view.label(x),
                        view.keys(with_),
                        view.keys(without),
                        " | ".join(f"{view.key(lv)}: {view.keys(at[(x, lv)])}" for lv in with_),
                        view.sources(behind),
                    ]
                )
    return ReportTable(
        name=name,
        title=title,
        columns=["ID", "Name", "mit Maßnahmen auf", "ohne Maßnahmen auf", "Maßnahmen je Ebene", "Quellen"],
        rows=rows,
        explain="Kommunale Ebenen = Ebenen vom Typ Kommune (rg:levelKindMunicipal).",
    )


def _linked(view: View, m: str) -> set[str]:
    out = set(view.depends.get(m, []))
    out.update(_dependants(view).get(m, ()))
    return out


def _dependants(view: View) -> dict[str, list[str]]:
    """Measure → measures in view that depend on it (the reverse of ``view.depends``), once per view."""
    cached = view.memo.get("dependants")
    if isinstance(cached, dict):
        return cached
    out: dict[str, list[str]] = defaultdict(list)
    for x, deps in view.depends.items():
        for d in deps:
            out[d].append(x)
    view.memo["dependants"] = out
    return out


def land_without_municipal(view: View) -> ReportTable:
    municipal, state = set(_of_kind(view, MUNICIPAL)), set(_of_kind(view, STATE))
    local: dict[str, list[str]] = defaultdict(list)
    for m in view.measures:
        if municipal & set(view.levels.get(m, [])):
            for f in view.fields.get(m, []):
                local[f].append(m)
    rows: list[list[str | int | None]] = []
    for m in view.measures:
        levels = set(view.levels.get(m, []))
        if not (levels & state) or levels & municipal:
            continue
        groups = set(view.groups.get(m, []))
        for f in view.fields.get(m, []):
            candidates = local.get(f, [])
            if not candidates:
                continue  # no municipal measures in this field: no counterpart expected
            if any((not groups or groups & set(view.groups.get(c, []))) for c in candidates):
                continue
            if _linked(view, m) & set(candidates):
                continue
            rows.append(
                [
                    view.key(m),
                    view.label(m),
                    view.key(f),
                    view.keys(groups),
                    view.keys(candidates),
                    view.sources([m]),
                ]
            )
    return ReportTable(
        name="land_without_municipal",
        title="Landesmaßnahmen ohne kommunales Gegenstück",
        columns=[
            "Maßnahme",
            "Name",
            "Handlungsfeld",
            "Zielgruppen",
            "kommunale Maßnahmen im Feld",
            "Quellen",
        ],
        rows=rows,
        explain="Gegenstück erwartet, weil das Handlungsfeld kommunale Maßnahmen hat; keine davon teilt eine "
        "Zielgruppe mit der Landesmaßnahme oder ist über rg:dependsOn mit ihr verbunden.",
    )


def level_gaps(view: View) -> list[ReportTable]:
    return [
        _split(
            view,
            view.fields,
            view.nodes("field"),
            "Handlungsfelder mit Maßnahmen nur in einem Teil der Kommunen",
            "municipal_fields",
        ),
        _split(
            view,
            view.groups,
            view.nodes("target_group"),
            "Zielgruppen mit Maßnahmen nur in einem Teil der Kommunen",
            "municipal_groups",
        ),
        land_without_municipal(view),
    ]
