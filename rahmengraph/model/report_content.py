"""What a draft Umsetzungsbericht consists of: cited statements, chapters, indicator series.

Built by :func:`rahmengraph.model.bericht.build`; rendered by :mod:`rahmengraph.viz` (HTML, PDF,
DOCX). Every statement carries the numbers of its sources in :attr:`Bericht.sources`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Cited:
    """A statement and the numbers of its sources in :attr:`Bericht.sources`."""

    text: str
    refs: list[int] = field(default_factory=list)


@dataclass
class MeasureEntry:
    key: str
    name: str
    status: str
    status_note: str  # date and the source's wording, e.g. "Stand 2022: laufend (Stand 2022)"
    leads: str
    partners: str
    levels: str
    groups: str
    refs: list[int]


@dataclass
class FieldChapter:
    key: str
    title: str
    measures: list[MeasureEntry]
    status_counts: dict[str, int]
    indicators: list[str]  # keys of the field's indicators
    refs: list[int]


@dataclass
class Series:
    """One line of a chart: an area and group, its dated actual values and targets."""

    label: str
    unit: str
    points: list[tuple[float, str, float]]  # (x = end year, period, value)
    targets: list[tuple[float, str, float]]


@dataclass
class IndicatorEntry:
    key: str
    name: str
    level: str
    unit: str
    direction: str
    context: bool
    latest: str
    series: list[Series]
    values: list[Cited]  # every value as a cited line (for the tables)
    refs: list[int]


@dataclass
class LevelSection:
    name: str
    kind: str
    measures: int
    status_counts: dict[str, int]
    refs: list[int]


@dataclass
class Bericht:
    title: str
    framework: str
    period_from: str
    period_to: str
    created: str
    overview: list[Cited]
    status_counts: dict[str, int]
    fields: list[FieldChapter]
    changes: list[Cited]
    status_changes: list[Cited]
    events: list[Cited]
    indicators: list[IndicatorEntry]
    levels: list[LevelSection]
    gaps: list[Cited]
    measurability: list[Cited]
    decisions: list[Cited]
    sources: list[str]
    #: "Ergebnisse der Beteiligung" (only when asked for; ``None``: no such chapter).
    participation: list[Cited] | None = None
