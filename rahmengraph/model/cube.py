"""Reading monitoring facts back from a store: indicator values (Data Cube observations) and the
status history of measures. One query each, remembered per store state (like the projection), so
analyses and reports over many filters cost no further query.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import partial

from rahmengraph.model import value_lists, vocab
from rahmengraph.model.loading.cells import ALL_GROUPS, NO_AREA, NO_PERIOD, period_end
from rahmengraph.model.projection import per_state
from rahmengraph.model.store import GraphStore, text

_KIND = {t.iri: t.cell for t in value_lists.VALUE_KINDS.values()}
_STATUS = {t.iri: t.cell for t in value_lists.IMPLEMENTATION_STATUSES.values()}
_SEP = "\u001f"


@dataclass(frozen=True)
class Observation:
    """One value: dimensions as in the table (empty = not stated), measure, attributes."""

    indicator: str  # IRI
    period: str
    end: int | None  # last year of the period
    area: str
    group: str
    value: float
    unit: str
    kind: str  # Ausgangswert | Zielwert | Istwert
    sources: tuple[str, ...]  # source labels, primary first
    note: str


@dataclass(frozen=True)
class StatusEntry:
    """One status record of a measure."""

    measure: str  # IRI
    date: str  # "" = Stand der Quelle, undated
    status: str  # cell of value_lists.IMPLEMENTATION_STATUSES
    wording: str
    reason: str
    successor: str  # IRI or ""
    sources: tuple[str, ...]


def _sources(primary: str | None, joined: str | None) -> tuple[str, ...]:
    rest = sorted(s for s in (joined or "").split(_SEP) if s and s != primary)
    return tuple(([primary] if primary else []) + rest)


_OBS_QUERY = f"""
SELECT ?ind ?period ?area ?group ?value ?unit ?kind ?primary ?note
       (GROUP_CONCAT(DISTINCT ?src; SEPARATOR="{_SEP}") AS ?srcs) WHERE {{
  ?o a <{vocab.OBSERVATION}> ; <{vocab.OBS_INDICATOR}> ?ind ; <{vocab.OBS_VALUE}> ?value ;
     <{vocab.VALUE_KIND}> ?kind .
  OPTIONAL {{ ?o <{vocab.REF_PERIOD}> ?period }}
  OPTIONAL {{ ?o <{vocab.REF_AREA}>/<{vocab.LABEL}> ?area }}
  OPTIONAL {{ ?o <{vocab.POPULATION_GROUP}> ?group }}
  OPTIONAL {{ ?o <{vocab.UNIT}> ?unit }}
  OPTIONAL {{ ?o <{vocab.NOTE}> ?note }}
  OPTIONAL {{ ?o <{vocab.PRIMARY_SOURCE}>/<{vocab.LABEL}> ?primary }}
  OPTIONAL {{ ?o <{vocab.DCT_SOURCE}>/<{vocab.LABEL}> ?src }}
}} GROUP BY ?o ?ind ?period ?area ?group ?value ?unit ?kind ?primary ?note
"""


def _read_observations(store: GraphStore) -> dict[str, list[Observation]]:
    out: dict[str, list[Observation]] = defaultdict(list)
    for row in store.select(_OBS_QUERY):
        ind, period, area, group, value, unit, kind, primary, note, srcs = (text(t) or "" for t in row)
        period = "" if period == NO_PERIOD else period
        out[ind].append(
            Observation(
                ind,
                period,
                period_end(period),
                "" if area == NO_AREA else area,
                "" if group == ALL_GROUPS else group,
                float(value),
                unit,
                _KIND.get(kind, kind),
                _sources(primary, srcs),
                note,
            )
        )
    for items in out.values():
        items.sort(key=lambda o: (o.end or 0, o.period, o.area, o.group, o.kind, o.value, o.unit))
    return dict(out)


def observations(store: GraphStore) -> dict[str, list[Observation]]:
    """Indicator IRI → its observations, by period (undated first), area, group."""
    return per_state(store, ("observations",), partial(_read_observations, store))


_STATUS_QUERY = f"""
SELECT ?m ?date ?status ?wording ?reason ?succ ?primary
       (GROUP_CONCAT(DISTINCT ?src; SEPARATOR="{_SEP}") AS ?srcs) WHERE {{
  ?r a <{vocab.STATUS_RECORD}> ; <{vocab.STATUS_OF}> ?m ; <{vocab.IMPLEMENTATION_STATUS}> ?status .
  OPTIONAL {{ ?r <{vocab.REPORTING_DATE}> ?date }}
  OPTIONAL {{ ?r <{vocab.STATUS_WORDING_P}> ?wording }}
  OPTIONAL {{ ?r <{vocab.STATUS_REASON}> ?reason }}
  OPTIONAL {{ ?r <{vocab.SUCCESSOR_MEASURE}> ?succ }}
  OPTIONAL {{ ?r <{vocab.PRIMARY_SOURCE}>/<{vocab.LABEL}> ?primary }}
  OPTIONAL {{ ?r <{vocab.DCT_SOURCE}>/<{vocab.LABEL}> ?src }}
}} GROUP BY ?r ?m ?date ?status ?wording ?reason ?succ ?primary
"""


def _read_status(store: GraphStore) -> dict[str, list[StatusEntry]]:
    out: dict[str, list[StatusEntry]] = defaultdict(list)
    for row in store.select(_STATUS_QUERY):
        m, date, status, wording, reason, succ, primary, srcs = (text(t) or "" for t in row)
        out[m].append(
            StatusEntry(m, date, _STATUS.get(status, status), wording, reason, succ, _sources(primary, srcs))
        )
    for items in out.values():
        items.sort(key=lambda e: (e.date, e.status, e.wording))
    return dict(out)


def status_history(store: GraphStore) -> dict[str, list[StatusEntry]]:
    """Measure IRI → its status records, oldest first (undated records first); the last is current."""
    return per_state(store, ("status_history",), partial(_read_status, store))
