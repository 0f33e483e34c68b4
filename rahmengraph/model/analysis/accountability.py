"""Measurability, responsibility and governance gaps.

Measurability
  * measures_without_indicator: no indicator names the measure (``rg:measures``); the
    indicators of its fields are listed for comparison.
  * measures_unmeasured: neither the measure nor any of its fields has an indicator.
  * goals_without_measures / goals_without_indicators: a goal is linked to a measure, field or
    indicator by any direct triple between them (either direction); a goal linked to a field is
    linked to that field's measures and indicators. Only goals with at least one stated link count:
  * goals_unlinked: goals no source links to anything ("nicht belegt"), which is no gap.
  * fields_without_indicator: no indicator for the field and none for any of its measures.
Responsibility
  * measures_without_lead: no responsibility with role lead.
  * dissolved_leads: a lead actor with ``rg:validUntil`` in the past from which no
    ``rg:successor`` chain reaches an actor that still exists.
  * derived_only: every responsibility of the measure has ``rg:levelDerived``.
Governance
  * fields_without_participation: no ``rg:ParticipationFormat`` names the field (``rg:field``);
    formats without a field are listed as cross-cutting.
  * bodies_without_members: bodies with fixed membership (not participation or reporting
    formats) without ``org:hasMember``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from rahmengraph.model.analysis.indexes import View
from rahmengraph.model.analysis.report import ReportTable
from rahmengraph.model.store import GraphStore, text

PARTICIPATION = "Beteiligungsformat"
#: What a goal link is shown as when no source states one.
NOT_DOCUMENTED = "nicht belegt"
#: Node kinds a goal can be linked to.
_GOAL_LINKS = ("field", "measure", "indicator")
#: Body classes that are procedures, not organisations with members (see the ontology).
NO_MEMBERSHIP = ("Beteiligungsformat", "Berichtswesen")

Rows = list[list[str | int | None]]


def _table(name: str, title: str, columns: list[str], rows: Rows, explain: str | None = None) -> ReportTable:
    return ReportTable(name=name, title=title, columns=columns, rows=rows, explain=explain)


def _field_indicators(view: View) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for ind in view.nodes("indicator"):
        for f in view.targets(ind, "indicator_field"):
            out[f].append(ind)
    return out


def measurability(view: View, store: GraphStore) -> list[ReportTable]:
    by_field = _field_indicators(view)
    cols = ["Maßnahme", "Name", "Handlungsfelder", "Kennzahlen der Handlungsfelder", "Quellen"]
    direct, none = [], []
    for m in view.measures:
        if view.indicators.get(m):
            continue
        fields = view.fields.get(m, [])
        via = [i for f in fields for i in by_field.get(f, [])]
        row: list[str | int | None] = [
            view.key(m),
            view.label(m),
            view.keys(fields),
            view.keys(via),
            view.sources([m]),
        ]
        direct.append(row)
        if not via:
            none.append(row)
    measured = {f for m in view.measures if view.indicators.get(m) for f in view.fields.get(m, [])}
    fields_rows: Rows = [
        [view.key(f), view.label(f), view.sources([f])]
        for f in view.nodes("field")
        if not by_field.get(f) and f not in measured
    ]
    return [
        _table(
            "measures_without_indicator",
            "Maßnahmen ohne eigene Kennzahl",
            cols,
            direct,
            "Keine Kennzahl nennt die Maßnahme (rg:measures).",
        ),
        _table(
            "measures_unmeasured", "Maßnahmen ohne jede Kennzahl (auch nicht im Handlungsfeld)", cols, none
        ),
        *_goals(view, store, by_field),
        _table(
            "fields_without_indicator",
            "Handlungsfelder ohne Kennzahl",
            ["Handlungsfeld", "Name", "Quellen"],
            fields_rows,
        ),
    ]


def _goal_links(view: View, store: GraphStore) -> dict[str, set[str]]:
    """Goal → what it is linked to; a goal also has the links of its Teilziele (``rg:subGoalOf``)."""
    goals = view.nodes("goal")
    if not goals:
        return {}
    values = " ".join(f"<{g}>" for g in goals)
    table = store.select(
        f"SELECT ?g ?x WHERE {{ VALUES ?g {{ {values} }} {{ ?g ?p ?x }} UNION {{ ?x ?p ?g }} }}"
    )
    links: dict[str, set[str]] = defaultdict(set)
    for g, x in table:
        gi, xi = text(g), text(x)
        if gi and xi and xi in view.g:
            links[gi].add(xi)
    for goal in goals:  # up the Teilziel chain: an Oberziel is linked through its Teilziele
        own = {x for x in links.get(goal, set()) if view.kind(x) in _GOAL_LINKS}
        seen, parents = {goal}, list(view.targets(goal, "sub_goal_of"))
        while parents:
            parent = parents.pop()
            if parent not in seen:
                seen.add(parent)
                links[parent] |= own
                parents += view.targets(parent, "sub_goal_of")
    return links


def _goals(view: View, store: GraphStore, by_field: dict[str, list[str]]) -> list[ReportTable]:
    links = _goal_links(view, store)
    in_view = set(view.measures)
    field_measures: dict[str, set[str]] = defaultdict(set)
    for m in view.measures:
        for f in view.fields.get(m, []):
            field_measures[f].add(m)
    no_measures: Rows = []
    no_indicators: Rows = []
    unlinked: Rows = []
    for g in view.nodes("goal"):
        linked = {x for x in links.get(g, set()) if view.kind(x) in _GOAL_LINKS}
        if not linked:
            unlinked.append([view.key(g), view.label(g), NOT_DOCUMENTED, view.sources([g])])
            continue
        fields = {x for x in linked if view.kind(x) == "field"}
        measures = {x for x in linked if x in in_view} | {m for f in fields for m in field_measures[f]}
        indicators = {x for x in linked if view.kind(x) == "indicator"}
        indicators |= {i for f in fields for i in by_field.get(f, [])}
        indicators |= {i for m in measures for i in view.indicators.get(m, [])}
        row: list[str | int | None] = [view.key(g), view.label(g), view.keys(fields), view.sources([g])]
        if not measures:
            no_measures.append(row)
        if not indicators:
            no_indicators.append(row)
    cols = ["Ziel", "Name", "verknüpfte Handlungsfelder", "Quellen"]
    note = (
        "Verknüpfung = ein Tripel zwischen Ziel und Maßnahme, Handlungsfeld oder Kennzahl. Ziele ohne "
        "jede belegte Verknüpfung stehen unter „Ziele ohne belegte Verknüpfung“, nicht hier."
    )
    return [
        _table("goals_without_measures", "Ziele ohne Maßnahmen", cols, no_measures, note),
        _table("goals_without_indicators", "Ziele ohne Kennzahlen", cols, no_indicators, note),
        _table(
            "goals_unlinked",
            "Ziele ohne belegte Verknüpfung (nicht belegt, keine Lücke)",
            ["Ziel", "Name", "Verknüpfung", "Quellen"],
            unlinked,
            "Keine Quelle verbindet das Ziel mit Handlungsfeldern, Maßnahmen oder Kennzahlen "
            "(Spalten handlungsfelder/massnahmen in ziele.csv, ziele in indikatoren.csv). Das heißt "
            "nicht, dass das Ziel unbearbeitet ist.",
        ),
    ]


def _still_exists(view: View, actor: str, today: str) -> bool:
    seen, stack = {actor}, [actor]
    while stack:
        a = stack.pop()
        until = view.attr(a, "valid_until")
        if not until or until >= today[: len(until)]:
            return True
        for s in view.targets(a, "successor"):
            if s not in seen:
                seen.add(s)
                stack.append(s)
    return False


def responsibility(view: View, today: str | None = None) -> list[ReportTable]:
    today = today or dt.date.today().isoformat()
    no_lead: Rows = []
    derived: Rows = []
    dissolved: dict[str, list[str]] = defaultdict(list)
    for m in view.measures:
        duties = view.duties.get(m, [])
        leads = view.leads(m)
        if not leads:
            no_lead.append(
                [
                    view.key(m),
                    view.label(m),
                    view.keys(view.fields.get(m, [])),
                    view.keys(view.partners(m)),
                    view.sources([m]),
                ]
            )
        for a in leads:
            if not _still_exists(view, a, today):
                dissolved[a].append(m)
        if duties and all(d.basis == "abgeleitet" for d in duties):
            levels = sorted({lv for d in duties for lv in d.levels})
            derived.append(
                [
                    view.key(m),
                    view.label(m),
                    view.keys(view.actors(m)),
                    ";".join(levels),
                    view.duty_sources([m], view.actors(m)),
                ]
            )
    gone: Rows = [
        [
            view.key(a),
            view.label(a),
            view.attr(a, "valid_until"),
            view.keys(view.targets(a, "successor")),
            view.keys(ms),
            view.sources([a]),
        ]
        for a, ms in sorted(dissolved.items(), key=lambda kv: view.key(kv[0]))
    ]
    return [
        _table(
            "measures_without_lead",
            "Maßnahmen ohne Federführung",
            ["Maßnahme", "Name", "Handlungsfelder", "Beteiligte", "Quellen"],
            no_lead,
        ),
        _table(
            "dissolved_leads",
            "Federführende Stellen, die es nicht mehr gibt (ohne Nachfolge)",
            ["Akteur", "Name", "gültig bis", "Nachfolger", "Maßnahmen", "Quellen"],
            gone,
            "rg:validUntil liegt in der Vergangenheit und keine rg:successor-Kette führt zu einer "
            "bestehenden Stelle.",
        ),
        _table(
            "derived_only",
            "Maßnahmen mit nur abgeleiteten Zuständigkeitsebenen",
            ["Maßnahme", "Name", "Zuständige", "abgeleitete Ebenen", "Quellen"],
            derived,
            "Alle Zuständigkeiten rg:levelDerived: Ebene aus Maßnahme und Akteur geschlossen, nicht belegt.",
        ),
    ]


def governance(view: View) -> list[ReportTable]:
    formats = [b for b in view.nodes("body") if view.attr(b, "body_class") == PARTICIPATION]
    cross = [b for b in formats if not view.targets(b, "field")]
    covered = {f for b in formats for f in view.targets(b, "field")}
    shared = view.keys(cross)  # the same cell in every row
    fields: Rows = [[view.key(f), view.label(f), shared] for f in view.nodes("field") if f not in covered]
    bodies: Rows = [
        [view.key(b), view.label(b), view.attr(b, "body_type"), view.sources([b])]
        for b in view.nodes("body")
        if view.attr(b, "body_class") not in NO_MEMBERSHIP and not view.targets(b, "member")
    ]
    return [
        _table(
            "fields_without_participation",
            "Handlungsfelder ohne Beteiligungsformat",
            ["Handlungsfeld", "Name", "übergreifende Beteiligungsformate"],
            fields,
            "Kein Gremium der Klasse rg:ParticipationFormat nennt das Feld (rg:field).",
        ),
        _table(
            "bodies_without_members", "Gremien ohne Mitglieder", ["Gremium", "Name", "Typ", "Quellen"], bodies
        ),
    ]
