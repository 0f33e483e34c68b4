"""The ``messbarkeit`` analysis ("Messbarkeit und Evaluation"): what can be measured, and how well.

Indicators in view: without filters every indicator; with filters those that measure a measure in
view (``rg:measures``) or belong to a field of a measure in view (``rg:field``).

==========================  ======================================================================
table                       finding
==========================  ======================================================================
indicators                  every indicator in view: level in the results chain, unit, direction,
                            number of values, latest actual value
measures_without_indicator  measures no indicator names (from the gaps analysis)
fields_without_indicator    fields without indicator, none for their measures either
goals_without_indicators    goals with stated links but no indicator
goals_unlinked              goals no source links to anything: "nicht belegt", no gap
without_values              indicators without any value
without_target              indicators with values but no Zielwert
stale                       indicators whose latest Istwert ends before ``jahr`` − 2
outputs_without_outcome     Output indicators with no Outcome/Wirkung indicator for any of their
                            measures or fields
progress                    per indicator, area, group: Ausgangswert, latest Istwert, Zielwert,
                            share of the way covered (direction-aware)
==========================  ======================================================================
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Final

from rahmengraph.errors import ParameterError
from rahmengraph.model.analysis.accountability import measurability
from rahmengraph.model.analysis.indexes import View
from rahmengraph.model.analysis.report import Cell, Report, ReportTable
from rahmengraph.model.cube import Observation, observations
from rahmengraph.model.store import GraphStore

Rows = list[list[Cell]]

#: Results-chain levels that stand "above" an output.
ABOVE_OUTPUT: Final = ("Outcome", "Wirkung")
CONTEXT: Final = "Kontext"
#: A value counts as recent when its period ends at most this many years before ``jahr``.
RECENT_YEARS: Final = 2
_FROM_GAPS: Final = (
    "measures_without_indicator",
    "fields_without_indicator",
    "goals_without_indicators",
    "goals_unlinked",
)


def indicators_in_view(view: View) -> list[str]:
    """The indicators an analysis over ``view`` looks at (see the module doc)."""
    all_ = view.nodes("indicator")
    if len(view.measures) == len(view.nodes("measure")):
        return all_
    fields = {f for m in view.measures for f in view.fields.get(m, [])}
    in_view = set(view.measures)
    return [
        i
        for i in all_
        if in_view.intersection(view.targets(i, "measures"))
        or fields.intersection(view.targets(i, "indicator_field"))
    ]


def _number(value: float) -> str:
    """German number: decimal comma, no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def shown(o: Observation) -> str:
    """A value with its unit as a reader writes it: ``62,8 %``, ``4.580 Anzahl`` → ``4580``."""
    unit = "" if o.unit in ("", "Anzahl") else f" {o.unit}"
    return f"{_number(o.value)}{unit}"


def area_weights(obs: dict[str, list[Observation]]) -> dict[str, int]:
    """How many values each area has over all indicators (breaks ties between an indicator's areas)."""
    weights: dict[str, int] = defaultdict(int)
    for values in obs.values():
        for o in values:
            weights[o.area] += 1
    return weights


def latest_actual(
    values: list[Observation], unit: str = "", weights: dict[str, int] | None = None
) -> Observation | None:
    """The latest dated Istwert in the indicator's main area (the area most of its values are about;
    ties: the area with most values overall) and in its unit, when it has one."""
    actual = [o for o in values if o.kind == "Istwert" and o.end is not None and (not unit or o.unit == unit)]
    counts: dict[str, int] = defaultdict(int)
    for o in actual:
        counts[o.area] += 1
    weights = weights or {}
    area = max(sorted(counts), key=lambda a: (counts[a], weights.get(a, 0)), default="")
    return max((o for o in actual if o.area == area), key=lambda o: o.end or 0, default=None)


def _year(raw: str | int) -> int:
    if raw in ("", 0):
        return dt.date.today().year
    if isinstance(raw, int):
        return raw
    if not raw.isdigit() or len(raw) != 4:
        raise ParameterError(f"Analyse messbarkeit, Option jahr: {raw!r} ist kein Jahr (JJJJ)")
    return int(raw)


def progress_share(base: float, current: float, target: float) -> float | None:
    """Share (%) of the way from baseline to target covered by the current value; None if the target
    equals the baseline. Negative: moved away from the target; above 100: beyond it."""
    if target == base:
        return None
    return round((current - base) / (target - base) * 100, 1)


def _progress(view: View, obs: dict[str, list[Observation]], indicators: list[str]) -> Rows:
    rows: Rows = []
    for i in indicators:
        series: dict[tuple[str, str], dict[str, list[Observation]]] = defaultdict(lambda: defaultdict(list))
        for o in obs.get(i, []):
            series[(o.area, o.group)][o.kind].append(o)
        for (area, group), kinds in sorted(series.items()):
            if not (kinds["Ausgangswert"] and kinds["Istwert"] and kinds["Zielwert"]):
                continue
            base, current, target = kinds["Ausgangswert"][0], kinds["Istwert"][-1], kinds["Zielwert"][-1]
            share = progress_share(base.value, current.value, target.value)
            rows.append(
                [
                    view.key(i),
                    view.label(i),
                    area,
                    group,
                    f"{shown(base)} ({base.period})",
                    f"{shown(current)} ({current.period})",
                    f"{shown(target)} ({target.period})",
                    share,
                    view.attr(i, "results_level"),
                    " | ".join(dict.fromkeys(s for o in (base, current, target) for s in o.sources)),
                ]
            )
    return rows


def compute(view: View, store: GraphStore, jahr: str | int = "") -> Report:
    """The ``messbarkeit`` analysis."""
    year = _year(jahr)
    obs = observations(store)
    weights = area_weights(obs)
    indicators = indicators_in_view(view)
    overview: Rows = []
    no_values: Rows = []
    no_target: Rows = []
    stale: Rows = []
    for i in indicators:
        values = obs.get(i, [])
        latest = latest_actual(values, view.attr(i, "unit"), weights)
        base: list[Cell] = [view.key(i), view.label(i)]
        level = view.attr(i, "results_level")
        overview.append(
            [
                *base,
                level,
                view.attr(i, "unit"),
                view.attr(i, "direction"),
                len(values),
                f"{shown(latest)} ({latest.period}, {latest.area or 'Gebiet nicht belegt'})"
                if latest
                else "",
                view.keys(view.targets(i, "measures")),
                view.keys(view.targets(i, "indicator_field")),
                view.sources([i]),
            ]
        )
        if not values:
            no_values.append([*base, level, view.sources([i])])
            continue
        if not any(o.kind == "Zielwert" for o in values):
            no_target.append([*base, level, len(values), view.sources([i])])
        if latest is None or (latest.end or 0) < year - RECENT_YEARS:
            stale.append([*base, level, latest.period if latest else "", view.sources([i])])
    outputs = _outputs_without_outcome(view, indicators)
    gaps = {t.name: t for t in measurability(view, store)}
    tables = [
        ReportTable(
            name="indicators",
            title="Kennzahlen im Blick",
            columns=[
                "Kennzahl",
                "Name",
                "Stufe",
                "Einheit",
                "Richtung",
                "Werte",
                "jüngster Istwert",
                "Maßnahmen",
                "Handlungsfelder",
                "Quellen",
            ],
            rows=overview,
            explain="Stufe Kontext: Rahmendaten (z. B. Integrationsmonitoring der Länder). Sie beschreiben "
            "die Lage und sind keine Wirkung einzelner Maßnahmen.",
        ),
        *(gaps[name] for name in _FROM_GAPS),
        ReportTable(
            name="without_values",
            title="Kennzahlen ohne Werte",
            columns=["Kennzahl", "Name", "Stufe", "Quellen"],
            rows=no_values,
            explain="Keine Zeile in kennzahlen_werte.csv (keine qb:Observation).",
        ),
        ReportTable(
            name="without_target",
            title="Kennzahlen ohne Zielwert",
            columns=["Kennzahl", "Name", "Stufe", "Werte", "Quellen"],
            rows=no_target,
            explain="Werte vorhanden, aber kein Zielwert: Fortschritt lässt sich nicht bewerten.",
        ),
        ReportTable(
            name="stale",
            title=f"Kennzahlen ohne Istwert seit {year - RECENT_YEARS}",
            columns=["Kennzahl", "Name", "Stufe", "jüngster Zeitraum", "Quellen"],
            rows=stale,
            explain=f"Kein Istwert, dessen Zeitraum {year - RECENT_YEARS} oder später endet "
            f"(Bezugsjahr {year}, Option jahr). Werte ohne Jahr zählen nicht.",
        ),
        ReportTable(
            name="outputs_without_outcome",
            title="Output-Kennzahlen ohne Outcome darüber",
            columns=["Kennzahl", "Name", "Maßnahmen", "Handlungsfelder", "Quellen"],
            rows=outputs,
            explain="Eine Output-Kennzahl zählt Leistungen; ob sie bei der Zielgruppe wirken, zeigt erst "
            "eine Outcome- oder Wirkungs-Kennzahl derselben Maßnahme oder desselben Handlungsfelds.",
        ),
        ReportTable(
            name="progress",
            title="Fortschritt zum Zielwert",
            columns=[
                "Kennzahl",
                "Name",
                "Gebiet",
                "Gruppe",
                "Ausgangswert",
                "Istwert",
                "Zielwert",
                "Fortschritt %",
                "Stufe",
                "Quellen",
            ],
            rows=_progress(view, obs, indicators),
            explain="Nur wo Ausgangswert, Istwert und Zielwert für dasselbe Gebiet und dieselbe Gruppe "
            "belegt sind. Fortschritt = (Istwert − Ausgangswert) / (Zielwert − Ausgangswert); negativ: vom "
            "Ziel entfernt. Bei Stufe Kontext ist Fortschritt keine Wirkung der Maßnahmen.",
        ),
    ]
    summary: dict[str, int | float | str] = {"massnahmen": len(view.measures), "kennzahlen": len(indicators)}
    summary["kontext"] = sum(1 for i in indicators if view.attr(i, "results_level") == CONTEXT)
    summary.update({t.name: len(t.rows) for t in tables[1:]})
    return Report(name="messbarkeit", title="Messbarkeit und Evaluation", summary=summary, tables=tables)


def _outputs_without_outcome(view: View, indicators: list[str]) -> Rows:
    above: set[str] = set()
    for i in view.nodes("indicator"):
        if view.attr(i, "results_level") in ABOVE_OUTPUT:
            above |= set(view.targets(i, "measures")) | set(view.targets(i, "indicator_field"))
    rows: Rows = []
    for i in indicators:
        if view.attr(i, "results_level") != "Output":
            continue
        links = set(view.targets(i, "measures")) | set(view.targets(i, "indicator_field"))
        if not links & above:
            rows.append(
                [
                    view.key(i),
                    view.label(i),
                    view.keys(view.targets(i, "measures")),
                    view.keys(view.targets(i, "indicator_field")),
                    view.sources([i]),
                ]
            )
    return rows
