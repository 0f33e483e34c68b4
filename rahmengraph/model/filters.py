"""Filters shared by analyses, graph views and API lists: which measures are in view.

Kinds combine with AND, values within a kind with OR. Values are ids as in the tables
(``3.1``, ``SASJI``, ``Land``, ``gefluechtete``, ``rahmenkonzept``). A target-group filter also
matches measures aimed at a sub-group or at an intersectional group that contains it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Final

import pyoxigraph as ox

from rahmengraph.errors import ParameterError
from rahmengraph.model import vocab
from rahmengraph.model.frameworks import owner
from rahmengraph.model.questions import PARAM_TYPES, Param, resolve
from rahmengraph.model.store import GraphStore


@dataclass(frozen=True)
class FilterKind:
    name: str
    param_type: str
    pattern: str  # SPARQL pattern over ?m and ?v
    help: str


FILTER_KINDS: Final[dict[str, FilterKind]] = {
    k.name: k
    for k in (
        FilterKind("field", "field", "?m <{FIELD}> ?v .", "Handlungsfeld (Nummer)"),
        FilterKind(
            "actor", "actor", "?m <{QA}>/<{AGENT}> ?v .", "Akteur/Ressort (Kürzel), gleich welche Rolle"
        ),
        FilterKind("level", "level", "?m <{LEVEL}> ?v .", "Ebene (Name oder ID)"),
        FilterKind(
            "target_group",
            "target_group",
            "?m <{TG}> ?g . ?g (<{INTER}>|<{BROADER}>)* ?v .",
            "Zielgruppe (ID), auch Untergruppen und intersektionale Gruppen, die sie enthalten",
        ),
        FilterKind("evidence", "evidence", "?m <{EVIDENCE}> ?v .", "Beleg: rahmenkonzept oder kontext"),
    )
}

_TERMS = {
    "FIELD": vocab.FIELD,
    "QA": vocab.QUALIFIED_ASSOCIATION,
    "AGENT": vocab.PROV_AGENT,
    "LEVEL": vocab.LEVEL_P,
    "TG": vocab.TARGET_GROUP_P,
    "INTER": vocab.INTERSECTION_OF,
    "BROADER": vocab.BROADER,
    "EVIDENCE": vocab.EVIDENCE_P,
}


@dataclass(frozen=True)
class Filters:
    """Selected values per kind; empty everywhere means: all measures."""

    field: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()
    level: tuple[str, ...] = ()
    target_group: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()

    def active(self) -> dict[str, tuple[str, ...]]:
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name in FILTER_KINDS and getattr(self, f.name)
        }

    def is_empty(self) -> bool:
        return not self.active()

    @classmethod
    def from_mapping(cls, values: dict[str, list[str] | tuple[str, ...] | str | None]) -> Filters:
        """Build from query/CLI parameters; a value may be a list or a ``;``-separated string."""
        out: dict[str, tuple[str, ...]] = {}
        for name in FILTER_KINDS:
            raw = values.get(name)
            items = [raw] if isinstance(raw, str) else list(raw or [])
            out[name] = tuple(x.strip() for item in items for x in item.split(";") if x.strip())
        return cls(out["field"], out["actor"], out["level"], out["target_group"], out["evidence"])


def _one_framework(
    store: GraphStore, name: str, value: str, terms: list[ox.NamedNode | ox.Literal]
) -> list[ox.NamedNode | ox.Literal]:
    """``terms`` when they belong to one framework; an id that several frameworks in the store use
    (``MB`` here and there) is an error naming their IRIs instead of a filter that merges them."""
    owners = {fw for t in terms if isinstance(t, ox.NamedNode) and (fw := owner(store, t.value))}
    if len(owners) > 1:
        found = ", ".join(f"{t.value} ({fw.ident})" for t in terms if (fw := owner(store, t.value)))
        raise ParameterError(
            f"Filter {name}: {value!r} gibt es in mehreren Rahmenkonzepten; bitte eines wählen, "
            f"d. h. die IRI angeben: {found}"
        )
    return terms


def measure_query(store: GraphStore, filters: Filters) -> str:
    """A SELECT of ?m: the measures passing ``filters`` (ids resolved to IRIs; unknown ids raise)."""
    blocks = []
    for name, values in filters.active().items():
        kind = FILTER_KINDS[name]
        param = Param(name, PARAM_TYPES[kind.param_type], False, kind.help)
        terms: list[ox.NamedNode | ox.Literal] = []
        for value in values:
            terms.extend(_one_framework(store, name, value, resolve(store, param, value)))
        pattern = kind.pattern.format(**_TERMS)
        values_clause = " ".join(str(t) for t in terms)
        blocks.append(f"  {{ SELECT DISTINCT ?m WHERE {{ VALUES ?v {{ {values_clause} }} {pattern} }} }}")
    body = "\n".join(blocks)
    return f"SELECT DISTINCT ?m WHERE {{\n  ?m a <{vocab.MEASURE}> .\n{body}\n}}"


def matching_measures(store: GraphStore, filters: Filters) -> set[str]:
    """IRIs of the measures passing ``filters``."""
    table = store.select(measure_query(store, filters))
    return {row[0].value for row in table if isinstance(row[0], ox.NamedNode)}
