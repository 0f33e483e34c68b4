"""The ``vergleich`` analysis: the frameworks of a store side by side, one column per framework.

For researchers who load two or more frameworks (``serve -d A -d B``): how many measures, fields,
target groups and levels each has, who leads, how intersectional it is, which diversity dimensions
and which target groups (by their German name: ids differ between frameworks) its measures reach,
and which kinds of level it works on. Counts are over the measures in view (the filters apply).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rahmengraph.model import vocab
from rahmengraph.model.analysis.indexes import View
from rahmengraph.model.analysis.report import Cell, Report, ReportTable
from rahmengraph.model.frameworks import Framework, frameworks
from rahmengraph.model.ordering import natural_key
from rahmengraph.model.store import GraphStore, text

#: Shown where a framework has no entry of that name (not the same as 0 measures).
ABSENT = "–"


@dataclass(frozen=True)
class _Facts:
    """What the store says about the entities the view's nodes refer to."""

    owner: dict[str, str]  # entity IRI → framework id
    dimension: dict[str, str]  # target group → German label of its dimension
    intersectional: set[str]  # intersectional target groups
    level_kind: dict[str, str]  # level → German label of its kind


def _facts(store: GraphStore) -> _Facts:
    owner = {
        text(e) or "": text(i) or ""
        for e, i in store.select(
            f"SELECT ?e ?id WHERE {{ ?e <{vocab.IN_FRAMEWORK}> ?f . ?f <{vocab.NOTATION}> ?id }}"
        )
    }
    dims = store.select(
        f"SELECT ?g ?d WHERE {{ ?g <{vocab.DIMENSION_P}>/<{vocab.PREF_LABEL}> ?d . FILTER(LANG(?d) = 'de') }}"
    )
    inter = store.select(f"SELECT ?g WHERE {{ ?g a <{vocab.INTERSECTIONAL_GROUP}> }}")
    kinds = store.select(
        f"SELECT ?l ?k WHERE {{ ?l <{vocab.LEVEL_KIND}> ?c . ?c <{vocab.PREF_LABEL}>|<{vocab.LABEL}> ?k . "
        "FILTER(LANG(?k) = 'de') }"
    )
    return _Facts(
        owner,
        {text(g) or "": text(d) or "" for g, d in dims},
        {text(row[0]) or "" for row in inter},
        {text(lv) or "": text(k) or "" for lv, k in kinds},
    )


def _side_by_side(
    name: str, title: str, first: str, counts: dict[str, dict[str, int]], fws: list[Framework], explain: str
) -> ReportTable:
    """Rows ``first`` value → one count per framework (ABSENT where it has no such entry)."""
    rows: list[list[Cell]] = []
    for key in sorted(counts, key=natural_key):
        per = counts[key]
        rows.append([key, *(per.get(fw.ident, ABSENT) for fw in fws), sum(fw.ident in per for fw in fws)])
    columns = [first, *(fw.ident for fw in fws), "in Rahmenkonzepten"]
    return ReportTable(name=name, title=title, columns=columns, rows=rows, explain=explain)


def _count(pairs: Iterable[tuple[str, str, str]]) -> dict[str, dict[str, int]]:
    """(row key, framework, measure) → row key → framework → number of distinct measures."""
    seen: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for key, fw, m in pairs:
        seen[key][fw].add(m)
    return {key: {fw: len(ms) for fw, ms in per.items()} for key, per in seen.items()}


def compute(view: View, store: GraphStore) -> Report:
    """The ``vergleich`` analysis."""
    fws = frameworks(store)
    facts = _facts(store)
    fw_of = facts.owner
    mine: dict[str, list[str]] = defaultdict(list)
    for m in view.measures:
        mine[fw_of.get(m, "")].append(m)
    overview: list[list[Cell]] = []
    for fw in fws:
        ms = mine.get(fw.ident, [])
        groups = [g for g in view.nodes("target_group") if fw_of.get(g) == fw.ident]
        inter_groups = [g for g in groups if g in facts.intersectional]
        inter_measures = [m for m in ms if any(g in facts.intersectional for g in view.groups.get(m, []))]
        leads = {a for m in ms for a in view.leads(m)}
        overview.append(
            [
                fw.ident,
                fw.title,
                len(ms),
                sum(1 for f in view.nodes("field") if fw_of.get(f) == fw.ident),
                len(groups),
                len(inter_groups),
                len(inter_measures),
                round(100 * len(inter_measures) / len(ms)) if ms else 0,
                len({facts.dimension[g] for g in groups if g in facts.dimension}),
                sum(1 for lv in view.nodes("level") if fw_of.get(lv) == fw.ident),
                len(leads),
                sum(1 for m in ms if not view.leads(m)),
            ]
        )
    tables = [
        ReportTable(
            name="frameworks",
            title="Rahmenkonzepte nebeneinander",
            columns=[
                "Rahmenkonzept",
                "Titel",
                "Maßnahmen",
                "Handlungsfelder",
                "Zielgruppen",
                "intersektionale Zielgruppen",
                "Maßnahmen mit intersektionaler Zielgruppe",
                "Anteil intersektional (%)",
                "Dimensionen",
                "Ebenen",
                "federführende Akteure",
                "Maßnahmen ohne Federführung",
            ],
            rows=overview,
            explain="Je Rahmenkonzept seine eigenen Einträge (rg:inFramework); Anteil = Maßnahmen mit "
            "intersektionaler Zielgruppe / Maßnahmen.",
        ),
        _side_by_side(
            "dimensions",
            "Diversitätsdimensionen: Maßnahmen je Rahmenkonzept",
            "Dimension",
            _count(
                (facts.dimension[g], fw_of.get(m, ""), m)
                for m in view.measures
                for g in view.groups.get(m, [])
                if g in facts.dimension
            ),
            fws,
            "Maßnahmen, die eine Zielgruppe dieser Dimension direkt nennen; – : keine solche Maßnahme.",
        ),
        _side_by_side(
            "target_groups",
            "Zielgruppen nach Bezeichnung: Maßnahmen je Rahmenkonzept",
            "Zielgruppe",
            _target_groups(view, fw_of),
            fws,
            "Gleich benannte Zielgruppen verschiedener Rahmenkonzepte stehen in einer Zeile; "
            "– : das Rahmenkonzept hat keine Zielgruppe dieses Namens, 0: es hat sie, aber ohne Maßnahme.",
        ),
        _side_by_side(
            "level_kinds",
            "Ebenen nach Art: Maßnahmen je Rahmenkonzept",
            "Art der Ebene",
            _levels(view, fw_of, facts.level_kind),
            fws,
            "Maßnahmen auf einer Ebene dieser Art; 0: die Ebene ist erklärt, aber ohne Maßnahme.",
        ),
    ]
    shared = sum(1 for row in tables[2].rows if row[-1] == len(fws) and len(fws) > 1)
    summary: dict[str, int | float | str] = {"rahmenkonzepte": len(fws), "gemeinsame_zielgruppen": shared}
    return Report(name="vergleich", title="Vergleich der Rahmenkonzepte", summary=summary, tables=tables)


def _target_groups(view: View, fw_of: dict[str, str]) -> dict[str, dict[str, int]]:
    counts = _count(
        (view.label(g), fw_of.get(m, ""), m) for m in view.measures for g in view.groups.get(m, [])
    )
    for g in view.nodes("target_group"):  # declared groups without a measure count 0, not "absent"
        counts.setdefault(view.label(g), {}).setdefault(fw_of.get(g, ""), 0)
    return counts


def _levels(view: View, fw_of: dict[str, str], kind: dict[str, str]) -> dict[str, dict[str, int]]:
    counts = _count(
        (kind[lv], fw_of.get(m, ""), m) for m in view.measures for lv in view.levels.get(m, []) if lv in kind
    )
    for lv in view.nodes("level"):
        if lv in kind:
            counts.setdefault(kind[lv], {}).setdefault(fw_of.get(lv, ""), 0)
    return counts
