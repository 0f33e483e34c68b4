"""Level gaps between levels of one type and between a type and the type it is part of.

Which comparisons make sense comes from the dataset's declared level types
(:mod:`rahmengraph.model.level_types`; defaults: Land and its Kommunen), not from Bremen's shape:

* municipal_fields / municipal_groups: for each level type that is compared (``vergleichen``), a
  field (target group, named directly) with measures on at least one level of that type and none
  on another level of it (e.g. Kommunen in a Land, Bezirke in a city-state).
* land_without_municipal: for each level type that expects a counterpart (``gegenstueck``): a
  measure on the type it is part of and on no level of this type, in a field that has measures on
  this type. Its counterpart is a measure of the same field on this type that shares a target
  group with it (or, for a measure without target groups, any such measure), or a measure linked
  to it by ``rg:dependsOn`` in either direction. One row per (measure, field) without one.
"""

from __future__ import annotations

from collections import defaultdict
from typing import cast

from rahmengraph.model import level_types
from rahmengraph.model.analysis.indexes import View
from rahmengraph.model.analysis.report import ReportTable


def _explain(view: View) -> str:
    cached = view.memo.get("level_explain")
    if not isinstance(cached, str):
        cached = view.memo["level_explain"] = level_types.explain(view.g)
    return cached


def _split(view: View, index: dict[str, list[str]], axis: list[str], title: str, name: str) -> ReportTable:
    compared = level_types.groups(view.g, view.nodes("level"), "compare")
    wanted = {lv for levels in compared.values() for lv in levels}
    at: dict[tuple[str, str], list[str]] = defaultdict(list)
    for m in view.measures:
        for lv in view.levels.get(m, []):
            if lv in wanted:
                for x in index.get(m, []):
                    at[(x, lv)].append(m)
    rows: list[list[str | int | None]] = []
    for x in axis:
        fw = view.attr(x, "framework")  # the row's own framework
        for (level_fw, type_name), levels in compared.items():
            if level_fw != fw or len(levels) < 2:
                continue
            with_ = [lv for lv in levels if at.get((x, lv))]
            without = [lv for lv in levels if not at.get((x, lv))]
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
                        type_name,
                    ]
                )
    return ReportTable(
        name=name,
        title=title,
        columns=[
            "ID",
            "Name",
            "mit Maßnahmen auf",
            "ohne Maßnahmen auf",
            "Maßnahmen je Ebene",
            "Quellen",
            "Ebenentyp",
        ],
        rows=rows,
        explain="Verglichen werden Ebenen desselben Typs, den der Datensatz als vergleichbar erklärt. "
        + _explain(view),
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
    rows: list[list[str | int | None]] = []
    types = level_types.level_types(view.g)
    for (fw, type_name), below in level_types.groups(view.g, view.nodes("level"), "counterpart").items():
        part_of = types[below[0]].part_of
        above = {
            lv for lv in view.nodes("level") if view.attr(lv, "framework") == fw and types[lv].name == part_of
        }
        rows += _without_counterpart(view, above, set(below), type_name)
    return ReportTable(
        name="land_without_municipal",
        title="Maßnahmen ohne Gegenstück auf der Ebene darunter (z. B. Land → Kommune)",
        columns=[
            "Maßnahme",
            "Name",
            "Handlungsfeld",
            "Zielgruppen",
            "Maßnahmen darunter im Feld",
            "Quellen",
            "Ebenentyp",
        ],
        rows=rows,
        explain="Gegenstück erwartet, weil das Handlungsfeld Maßnahmen auf dem Ebenentyp hat, für den der "
        "Datensatz ein Gegenstück erklärt; keine davon teilt eine Zielgruppe mit der Maßnahme darüber oder "
        "ist über rg:dependsOn mit ihr verbunden. " + _explain(view),
    )


def _on_levels(view: View, levels: set[str]) -> list[str]:
    """The measures on any of ``levels``, in the view's order (an index per view: at national scale
    there are hundreds of level groups and thousands of measures)."""
    index = view.memo.get("measures by level")
    if index is None:
        order: dict[str, int] = {}
        by_level: dict[str, list[str]] = defaultdict(list)
        for i, m in enumerate(view.measures):
            order[m] = i
            for lv in view.levels.get(m, []):
                by_level[lv].append(m)
        index = view.memo["measures by level"] = (order, by_level)
    order, by_level = cast(tuple[dict[str, int], dict[str, list[str]]], index)
    found = {m for lv in levels for m in by_level.get(lv, [])}
    return sorted(found, key=order.__getitem__)


def _without_counterpart(
    view: View, above: set[str], below: set[str], type_name: str
) -> list[list[str | int | None]]:
    local: dict[str, list[str]] = defaultdict(list)
    for m in _on_levels(view, below):
        for f in view.fields.get(m, []):
            local[f].append(m)
    rows: list[list[str | int | None]] = []
    for m in _on_levels(view, above):
        levels = set(view.levels.get(m, []))
        if not (levels & above) or levels & below:
            continue
        groups = set(view.groups.get(m, []))
        for f in view.fields.get(m, []):
            candidates = local.get(f, [])
            if not candidates:
                continue  # no measures on the lower type in this field: no counterpart expected
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
                    type_name,
                ]
            )
    return rows


def level_gaps(view: View) -> list[ReportTable]:
    return [
        _split(
            view,
            view.fields,
            view.nodes("field"),
            "Handlungsfelder nur auf einem Teil vergleichbarer Ebenen (z. B. Kommunen)",
            "municipal_fields",
        ),
        _split(
            view,
            view.groups,
            view.nodes("target_group"),
            "Zielgruppen nur auf einem Teil vergleichbarer Ebenen (z. B. Kommunen)",
            "municipal_groups",
        ),
        land_without_municipal(view),
    ]
