"""Overlaps: where measures, fields and Ressorts meet.

Rules (each row lists the measures behind it and their sources):

* multi_field: a measure linked to more than one Handlungsfeld (``rg:field``).
* field_network: two fields sharing measures; weight = number of shared measures.
* collaboration: two actors responsible for the same measure, by role pair
  (federführend–beteiligt, beteiligt–beteiligt, federführend–federführend = gemeinsame
  Federführung; the lead history, ``federfuehrung_bisher``, is no collaboration) and level
  (levels both responsibilities share, else the measure's levels, else "ohne Ebene");
  weight = number of measures.
* collaboration_network: the same pairs regardless of role and level (weighted Ressort network).
* broad_actors: actors responsible (any role) for measures in at least ``min_fields`` fields.
* duplicates: a (field, target group, level) cell with measures of *different* lead actors
  (two measures whose lead sets do not overlap): possibly the same thing done twice.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from rahmengraph.model.analysis.indexes import View
from rahmengraph.model.analysis.report import Cell, Report, ReportTable
from rahmengraph.model.ordering import natural_key

ROLE_PAIRS = {
    ("lead", "partner"): "federführend–beteiligt",
    ("partner", "partner"): "beteiligt–beteiligt",
    ("lead", "lead"): "gemeinsam federführend",
}
NO_LEVEL = "ohne Ebene"


def _multi_field(view: View) -> ReportTable:
    rows: list[list[Cell]] = [
        [
            view.key(m),
            view.label(m),
            view.keys(view.fields[m]),
            len(view.fields[m]),
            view.keys(view.leads(m)),
            view.sources([m]),
        ]
        for m in view.measures
        if len(view.fields.get(m, [])) > 1
    ]
    return ReportTable(
        name="multi_field",
        title="Maßnahmen in mehreren Handlungsfeldern",
        columns=["Maßnahme", "Name", "Handlungsfelder", "Anzahl", "Federführung", "Quellen"],
        rows=rows,
    )


def _field_network(view: View) -> ReportTable:
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    order = {f: i for i, f in enumerate(view.nodes("field"))}
    for m in view.measures:
        fields = sorted(set(view.fields.get(m, [])), key=lambda f: order.get(f, 0))
        for a, b in combinations(fields, 2):
            shared[(a, b)].append(m)
    rows: list[list[Cell]] = [
        [view.key(a), view.label(a), view.key(b), view.label(b), len(ms), view.keys(ms), view.sources(ms)]
        for (a, b), ms in sorted(
            shared.items(), key=lambda kv: (-len(kv[1]), order[kv[0][0]], order[kv[0][1]])
        )
    ]
    return ReportTable(
        name="field_network",
        title="Handlungsfelder mit gemeinsamen Maßnahmen (gewichtetes Netz)",
        columns=["Feld A", "Feld A (Name)", "Feld B", "Feld B (Name)", "Gewicht", "Maßnahmen", "Quellen"],
        rows=rows,
        explain="Gewicht = Anzahl der Maßnahmen, die in beiden Handlungsfeldern stehen.",
    )


def _pair_levels(view: View, m: str, a: str, b: str) -> list[str]:
    la = {lv for d in view.duties[m] if d.actor == a for lv in d.levels}
    lb = {lv for d in view.duties[m] if d.actor == b for lv in d.levels}
    common = la & lb
    if common:
        return sorted(common, key=natural_key)
    measure_levels = [view.key(lv) for lv in view.levels.get(m, [])]
    return sorted(measure_levels, key=natural_key) or [NO_LEVEL]


def _collaboration(view: View) -> tuple[ReportTable, ReportTable]:
    by_role: dict[tuple[str, str, str, str], list[str]] = defaultdict(list)
    network: dict[tuple[str, str], list[str]] = defaultdict(list)
    for m in view.measures:
        roles = {(d.actor, d.role) for d in view.duties.get(m, [])}
        actors = sorted({a for a, _ in roles}, key=lambda a: view.rank[a])
        for a, b in combinations(actors, 2):
            network[(a, b)].append(m)
            for ra in sorted({r for x, r in roles if x == a}):
                for rb in sorted({r for x, r in roles if x == b}):
                    first, second, pair = (a, b, (ra, rb)) if (ra, rb) in ROLE_PAIRS else (b, a, (rb, ra))
                    for lv in _pair_levels(view, m, a, b):
                        by_role[(first, second, ROLE_PAIRS[pair], lv)].append(m)
    role_rows: list[list[Cell]] = [
        [view.key(a), view.key(b), rel, lv, len(ms), view.keys(ms), view.duty_sources(ms, (a, b))]
        for (a, b, rel, lv), ms in sorted(
            by_role.items(),
            key=lambda kv: (-len(kv[1]), view.rank[kv[0][0]], view.rank[kv[0][1]], kv[0][2:]),
        )
    ]
    net_rows: list[list[Cell]] = [
        [
            view.key(a),
            view.label(a),
            view.key(b),
            view.label(b),
            len(ms),
            view.keys(f for m in ms for f in view.fields.get(m, [])),
            view.keys(ms),
        ]
        for (a, b), ms in sorted(
            network.items(),
            key=lambda kv: (-len(kv[1]), view.rank[kv[0][0]], view.rank[kv[0][1]]),
        )
    ]
    return (
        ReportTable(
            name="collaboration",
            title="Zusammenarbeit von Akteuren je Rolle und Ebene",
            columns=["Akteur A", "Akteur B", "Rollen (A–B)", "Ebene", "Gewicht", "Maßnahmen", "Quellen"],
            rows=role_rows,
            explain="Gewicht = Anzahl gemeinsamer Maßnahmen; Ebene: gemeinsame Ebene der beiden "
            "Zuständigkeiten, sonst die Ebenen der Maßnahme.",
        ),
        ReportTable(
            name="collaboration_network",
            title="Akteurspaare mit gemeinsamen Maßnahmen (gewichtetes Netz)",
            columns=[
                "Akteur A",
                "Akteur A (Name)",
                "Akteur B",
                "Akteur B (Name)",
                "Gewicht",
                "Handlungsfelder",
                "Maßnahmen",
            ],
            rows=net_rows,
        ),
    )


def _broad_actors(view: View, min_fields: int) -> ReportTable:
    fields: dict[str, set[str]] = defaultdict(set)
    measures: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for m in view.measures:
        for d in view.duties.get(m, []):
            fields[d.actor].update(view.fields.get(m, []))
            measures[d.actor][d.role].add(m)
    rows: list[list[Cell]] = [
        [
            view.key(a),
            view.label(a),
            view.attr(a, "actor_type"),
            len(fs),
            view.keys(fs),
            len(measures[a]["lead"]),
            len(measures[a]["partner"]),
            view.keys(measures[a]["lead"] | measures[a]["partner"]),
        ]
        for a, fs in sorted(fields.items(), key=lambda kv: (-len(kv[1]), view.rank[kv[0]]))
        if len(fs) >= min_fields
    ]
    return ReportTable(
        name="broad_actors",
        title=f"Akteure in mindestens {min_fields} Handlungsfeldern",
        columns=[
            "Akteur",
            "Name",
            "Typ",
            "Handlungsfelder (Anzahl)",
            "Handlungsfelder",
            "federführend",
            "beteiligt",
            "Maßnahmen",
        ],
        rows=rows,
    )


def _duplicates(view: View) -> ReportTable:
    cells: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for m in view.measures:
        if not view.leads(m):
            continue
        for f in view.fields.get(m, []):
            for tg in view.groups.get(m, []):
                for lv in view.levels.get(m, []):
                    cells[(f, tg, lv)].append(m)
    rows: list[list[Cell]] = []
    for (f, tg, lv), ms in cells.items():
        leads = {m: set(view.leads(m)) for m in ms}
        if not any(not (leads[x] & leads[y]) for x, y in combinations(ms, 2)):
            continue
        who = "; ".join(f"{view.key(m)}: {view.keys(leads[m])}" for m in ms)
        all_leads = set().union(*leads.values())
        rows.append(
            [
                view.key(f),
                view.key(tg),
                view.label(tg),
                view.key(lv),
                len(ms),
                view.keys(ms),
                who,
                len(all_leads),
                view.sources(ms),
            ]
        )
    rows.sort(key=lambda r: (natural_key(str(r[0])), str(r[1]), natural_key(str(r[3]))))
    return ReportTable(
        name="duplicates",
        title="Mögliche Doppelungen: verschiedene Ressorts, gleiche Zielgruppe, gleiches Handlungsfeld, "
        "gleiche Ebene",
        columns=[
            "Handlungsfeld",
            "Zielgruppe",
            "Zielgruppe (Name)",
            "Ebene",
            "Anzahl",
            "Maßnahmen",
            "Federführung je Maßnahme",
            "Ressorts",
            "Quellen",
        ],
        rows=rows,
        explain="Mindestens zwei Maßnahmen der Zelle haben keine gemeinsame federführende Stelle.",
    )


def compute(view: View, store: object, min_fields: int = 3) -> Report:
    """The ``overlaps`` analysis."""
    collab, network = _collaboration(view)
    tables = [
        _multi_field(view),
        _field_network(view),
        collab,
        network,
        _broad_actors(view, min_fields),
        _duplicates(view),
    ]
    summary: dict[str, int | float | str] = {"massnahmen": len(view.measures)}
    summary.update({t.name: len(t.rows) for t in tables})
    return Report(name="overlaps", title="Überschneidungen", summary=summary, tables=tables)
