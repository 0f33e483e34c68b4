"""The content of a draft Umsetzungsbericht (and of the two-page Vorlage) for a reporting period.

Everything a renderer (HTML, PDF, DOCX in :mod:`rahmengraph.viz`) prints comes from here, already
in German and already cited: every statement carries the numbers of its sources, and
:attr:`Bericht.sources` is the numbered source list (in order of first citation). Same store, same
period, same creation date → the same object, so every output is reproducible.

Changes since the previous report come from the editions of the framework through
:data:`ChangesSource`; without editions the chapter says "keine Ausgaben erfasst".
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable

from rahmengraph.errors import ParameterError
from rahmengraph.model import level_types, value_lists, vocab
from rahmengraph.model.analysis import ANALYSES
from rahmengraph.model.analysis.indexes import View, make_view
from rahmengraph.model.analysis.measurability import area_weights, indicators_in_view, latest_actual, shown
from rahmengraph.model.cube import Observation, StatusEntry, observations, status_history
from rahmengraph.model.filters import Filters
from rahmengraph.model.report_content import (
    Bericht,
    Cited,
    FieldChapter,
    IndicatorEntry,
    LevelSection,
    MeasureEntry,
    Series,
)
from rahmengraph.model.store import GraphStore, text

#: Status order in every count (the scheme's order).
STATUS_ORDER = tuple(value_lists.IMPLEMENTATION_STATUSES)
NO_STATUS = value_lists.UNKNOWN_STATUS
CONTEXT_NOTE = (
    "Kontextkennzahl: beschreibt die Lage (z. B. Integrationsmonitoring der Länder) und ist keine "
    "Wirkung der Maßnahmen des Rahmenkonzepts."
)
PARTICIPATION_NOTE = (
    "Stimmen aus Beteiligungsformaten (Fachtage, Workshops, Online-Beteiligung): Beiträge von "
    "Teilnehmenden, keine Aussagen des Rahmenkonzepts. Ins Rahmenkonzept gelangt ein Beitrag erst, wenn "
    "eine neue Ausgabe ihn übernimmt."
)
NO_EDITIONS = "Keine Ausgaben erfasst: Änderungen gegenüber dem vorigen Bericht lassen sich nicht berechnen."


#: Changes since the previous report for a period (from the editions): statements with source texts.
ChangesSource = Callable[[GraphStore, str, str], list[tuple[str, list[str]]] | None]


#: Results of participation for a period (opt-in chapter): statements with their sources.
ParticipationSource = Callable[[GraphStore, str, str], list[tuple[str, list[str]]]]


def no_editions(store: GraphStore, period_from: str, period_to: str) -> list[tuple[str, list[str]]] | None:
    """No edition model: ``None`` (the chapter says so)."""
    return None


class _Sources:
    """Numbers sources in the order of first citation."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def cite(self, sources: Iterable[str]) -> list[int]:
        refs = []
        for s in sources:
            s = s.strip()
            if s and s not in self.numbers:
                self.numbers[s] = len(self.numbers) + 1
            if s:
                refs.append(self.numbers[s])
        return sorted(set(refs))

    def of(self, view: View, nodes: Iterable[str]) -> list[int]:
        return self.cite(view.sources(nodes).split(" | "))


def default_period(today: dt.date) -> tuple[str, str]:
    """The reporting period if none is given: the two calendar years before ``today``'s and its own."""
    return str(today.year - 2), str(today.year)


def _check_period(value: str, name: str) -> str:
    try:
        parts = [int(p) for p in value.split("-")]
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError) as exc:
        raise ParameterError(
            f"Bericht: {name}={value!r} ist kein Datum (JJJJ, JJJJ-MM oder JJJJ-MM-TT)"
        ) from exc
    return value


def _in_period(date: str, period_from: str, period_to: str) -> bool:
    return (
        bool(date)
        and period_from[: len(date)] <= date[: len(period_from)]
        and date[: len(period_to)] <= period_to
    )


def _counts(view: View, measures: Iterable[str]) -> dict[str, int]:
    found = Counter(view.attr(m, "implementation_status") or NO_STATUS for m in measures)
    return {s: found[s] for s in STATUS_ORDER if found[s]}


def _measure(view: View, m: str, src: _Sources, history: dict[str, list[StatusEntry]]) -> MeasureEntry:
    entries = history.get(m, [])
    last = entries[-1] if entries else None
    note = ""
    refs = src.of(view, [m])
    if last is not None:
        note = f"{last.date or 'Stand der Quelle'}: „{last.wording}“"
        refs = sorted(set(refs) | set(src.cite(last.sources)))
    return MeasureEntry(
        view.key(m),
        view.label(m),
        view.attr(m, "implementation_status") or NO_STATUS,
        note,
        ", ".join(view.label(a) for a in view.leads(m)) or "nicht belegt",
        ", ".join(view.label(a) for a in view.partners(m)),
        ", ".join(view.label(lv) for lv in view.levels.get(m, [])) or "nicht belegt",
        ", ".join(view.label(g) for g in view.groups.get(m, [])),
        refs,
    )


def _series(values: list[Observation], period_to: str) -> list[Series]:
    until = int(period_to[:4])
    grouped: dict[tuple[str, str, str], Series] = {}
    for o in values:
        if o.end is None or o.end > until + 20:
            continue
        name = " – ".join(x for x in (o.area or "Gebiet nicht belegt", o.group) if x)
        s = grouped.setdefault((o.area, o.group, o.unit), Series(f"{name} ({o.unit})", o.unit, [], []))
        if o.kind == "Zielwert":
            s.targets.append((float(o.end), o.period, o.value))
        elif o.kind == "Istwert" and o.end <= until:
            s.points.append((float(o.end), o.period, o.value))
    return [s for s in grouped.values() if s.points or s.targets][:6]


def _indicator(
    view: View, i: str, values: list[Observation], src: _Sources, period_to: str, weights: dict[str, int]
) -> IndicatorEntry:
    refs = src.of(view, [i])
    lines = []
    for o in values:
        where = ", ".join(x for x in (o.area or "Gebiet nicht belegt", o.group) if x)
        lines.append(
            Cited(f"{o.period or 'Jahr nicht belegt'} · {where} · {o.kind}: {shown(o)}", src.cite(o.sources))
        )
    latest = latest_actual(values, view.attr(i, "unit"), weights)
    level = view.attr(i, "results_level")
    return IndicatorEntry(
        view.key(i),
        view.label(i),
        level or "nicht belegt",
        view.attr(i, "unit"),
        view.attr(i, "direction") or "nicht belegt",
        level == "Kontext",
        f"{shown(latest)} ({latest.period}, {latest.area})" if latest else "kein datierter Istwert",
        _series(values, period_to),
        lines,
        refs,
    )


def _events(store: GraphStore, src: _Sources, period_from: str, period_to: str) -> list[Cited]:
    rows = store.select(
        f"""SELECT ?date ?text (GROUP_CONCAT(DISTINCT ?s; SEPARATOR="\u001f") AS ?srcs) WHERE {{
          ?e a <{vocab.EVENT}> ; <{vocab.DESCRIPTION}> ?text ;
             <{vocab.IN_XSD_DATE}>|<{vocab.IN_XSD_GYEAR_MONTH}>|<{vocab.IN_XSD_GYEAR}> ?date .
          OPTIONAL {{ ?e <{vocab.DCT_SOURCE}>/<{vocab.LABEL}> ?s }}
        }} GROUP BY ?e ?date ?text ORDER BY ?date ?text"""
    )
    out = []
    for row in rows:
        date, body, srcs = (text(t) or "" for t in row)
        if _in_period(date, period_from, period_to):
            out.append(Cited(f"{date}: {body}", src.cite(sorted(srcs.split("\u001f")))))
    return out


def build(
    store: GraphStore,
    period_from: str,
    period_to: str,
    created: str,
    filters: Filters | None = None,
    changes: ChangesSource = no_editions,
    participation: ParticipationSource | None = None,
) -> Bericht:
    """The report for ``period_from`` … ``period_to`` (ISO dates, months or years), created ``created``."""
    period_from, period_to = _check_period(period_from, "von"), _check_period(period_to, "bis")
    _check_period(created, "stand")
    if period_to < period_from:
        raise ParameterError(f"Bericht: bis={period_to!r} liegt vor von={period_from!r}")
    view = make_view(store, filters)
    src = _Sources()
    history = status_history(store)
    obs = observations(store)
    frameworks = view.nodes("framework")
    title = " · ".join(view.attr(f, "title") or view.label(f) for f in frameworks) or "Rahmenkonzept"
    status_counts = _counts(view, view.measures)
    fields: list[FieldChapter] = []
    indicators = indicators_in_view(view)
    for f in view.nodes("field"):
        measures = [m for m in view.measures if f in view.fields.get(m, [])[:1]]
        if not measures:
            continue
        own = [i for i in indicators if f in view.targets(i, "indicator_field")]
        fields.append(
            FieldChapter(
                view.key(f),
                view.label(f),
                [_measure(view, m, src, history) for m in measures],
                _counts(view, measures),
                [view.key(i) for i in own],
                src.of(view, [f]),
            )
        )
    status_changes = []
    for m in view.measures:
        for e in history.get(m, []):
            if _in_period(e.date, period_from, period_to):
                line = f"{e.date}: {view.key(m)} {view.label(m)} – {e.status} („{e.wording}“)"
                if e.reason:
                    line += f"; Grund: {e.reason}"
                if e.successor:
                    line += f"; Nachfolge: {view.key(e.successor)}"
                status_changes.append(Cited(line, src.cite(e.sources)))
    stated = changes(store, period_from, period_to)
    change_lines = [Cited(t, src.cite(s)) for t, s in stated] if stated else []
    measurability = ANALYSES["messbarkeit"].run(store, filters, jahr=period_to[:4])
    gaps = ANALYSES["gaps"].run(store, filters)
    weights = area_weights(obs)
    ind_entries = [_indicator(view, i, obs.get(i, []), src, period_to, weights) for i in indicators]
    levels = [
        LevelSection(
            view.label(lv),
            view.attr(lv, "level_kind"),
            len(ms := [m for m in view.measures if lv in view.levels.get(m, [])]),
            _counts(view, ms),
            src.of(view, [lv]),
        )
        for lv in sorted(view.nodes("level"), key=lambda n: int(view.attr(n, "position") or 0))
        if level_types.level_types(view.g)[lv].own
    ]
    framework_refs = src.of(view, frameworks)
    overview = [
        Cited(
            f"Das {title} umfasst {len(view.nodes('goal'))} Ziele, "
            f"{len(view.nodes('field'))} Handlungsfelder und {len(view.measures)} Maßnahmen.",
            framework_refs,
        ),
        Cited(
            "Umsetzungsstand (jüngste Statusmeldung je Maßnahme): "
            + ", ".join(f"{n} {s}" for s, n in status_counts.items())
            + ". „unbekannt“ heißt: die Quelle nennt keinen erkennbaren Stand "
            "oder es gibt keine Statusmeldung.",
            [],
        ),
        Cited(
            f"Kennzahlen: {len(ind_entries)}, davon {sum(e.context for e in ind_entries)} Kontextkennzahlen. "
            "Kontextkennzahlen beschreiben die Lage und sind keine Wirkung der Maßnahmen.",
            [],
        ),
    ]
    gap_lines = [
        Cited(f"{t.title}: {len(t.rows)}", [])
        for t in gaps.tables
        if t.name
        in ("measures_without_lead", "measures_unmeasured", "intersectional_by_field", "goals_unlinked")
    ]
    measure_lines = [
        Cited(f"{t.title}: {len(t.rows)}" + (f" – {t.explain}" if t.explain else ""), [])
        for t in measurability.tables[1:]
    ]
    decisions = _decisions(view, history, measurability.summary, src)
    voices = participation(store, period_from, period_to) if participation is not None else None
    heard = None if voices is None else [Cited(t, src.cite(s)) for t, s in voices]
    return Bericht(
        title=f"Umsetzungsbericht {title} – Entwurf",
        framework=title,
        period_from=period_from,
        period_to=period_to,
        created=created,
        overview=overview,
        status_counts=status_counts,
        fields=fields,
        changes=change_lines if stated is not None else [Cited(NO_EDITIONS)],
        status_changes=status_changes,
        events=_events(store, src, period_from, period_to),
        indicators=ind_entries,
        levels=levels,
        gaps=gap_lines,
        measurability=measure_lines,
        decisions=decisions,
        participation=heard,
        sources=list(src.numbers),  # after every citation, the participation chapter's included
    )


def _decisions(
    view: View, history: dict[str, list[StatusEntry]], summary: dict[str, int | float | str], src: _Sources
) -> list[Cited]:
    """Decisions the Steuerungsrunde is asked for, derived from open findings."""
    out: list[Cited] = []
    ended = []
    for m in view.measures:
        last = history[m][-1] if history.get(m) else None
        if last is not None and last.status == value_lists.DISCONTINUED and not last.successor:
            ended.append(m)
    if ended:
        out.append(
            Cited(
                "Eingestellte Maßnahmen ohne Nachfolge: fortführen, ersetzen oder endgültig beenden? "
                + ", ".join(f"{view.key(m)} {view.label(m)}" for m in ended),
                src.of(view, ended),
            )
        )
    unknown = [m for m in view.measures if (view.attr(m, "implementation_status") or NO_STATUS) == NO_STATUS]
    if unknown:
        out.append(
            Cited(
                f"Umsetzungsstand von {len(unknown)} Maßnahmen bei den federführenden Ressorts abfragen.", []
            )
        )
    no_lead = [m for m in view.measures if not view.leads(m)]
    if no_lead:
        out.append(Cited(f"Federführung für {len(no_lead)} Maßnahmen festlegen.", []))
    if summary.get("without_target"):
        out.append(
            Cited(
                f"Zielwerte für {summary['without_target']} Kennzahlen beschließen "
                "oder begründet darauf verzichten.",
                [],
            )
        )
    if summary.get("measures_without_indicator"):
        out.append(
            Cited(
                f"Für {summary['measures_without_indicator']} Maßnahmen Output- oder Outcome-Kennzahlen "
                "festlegen (bisher fast nur Kontextkennzahlen).",
                [],
            )
        )
    return out
