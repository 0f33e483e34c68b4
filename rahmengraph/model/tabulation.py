"""RDF → table: the dataset's files read back from its named graph (the inverse of ``mapping``).

Rows come out in the canonical order (natural sort by key, events by date, levels in their
declared order); list cells without a meaningful order come out sorted, ordered ones (the
primary Handlungsfeld, the primary source, chronological leads) keep their order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from rahmengraph.model import value_lists, vocab
from rahmengraph.model.loading import cells
from rahmengraph.model.loading.dataset import LIST_SEP, SOURCE_SEP
from rahmengraph.model.ordering import natural_key
from rahmengraph.model.schema import FILES
from rahmengraph.model.schema.columns import Column, FileSpec, Kind
from rahmengraph.model.store import GraphStore, Term

Index = dict[str, dict[str, list[Term]]]


@dataclass
class Tables:
    """The files of one dataset as header + rows of strings, keyed by file name."""

    files: dict[str, tuple[list[str], list[list[str]]]]


class Graph:
    """Subject → predicate → objects of one named graph, plus key lookups."""

    def __init__(self, triples: list[ox.Triple], base: str) -> None:
        self.base = base
        self.index: Index = defaultdict(lambda: defaultdict(list))
        for t in triples:
            if isinstance(t.subject, ox.NamedNode):
                self.index[t.subject.value][t.predicate.value].append(t.object)
        self.keys: dict[str, str] = {}
        for s in self.index:
            note = self.literal(s, vocab.NOTATION)
            if note is not None:
                self.keys[s] = note
            if vocab.LEVEL in self.iris(s, vocab.TYPE):
                self.keys[s] = self.literal(s, vocab.PREF_LABEL, vocab.GERMAN) or s

    def objects(self, s: str, p: str) -> list[Term]:
        return self.index.get(s, {}).get(p, [])

    def iris(self, s: str, p: str) -> list[str]:
        return [o.value for o in self.objects(s, p) if isinstance(o, ox.NamedNode)]

    def literal(self, s: str, p: str, lang: str | None = None) -> str | None:
        for o in self.objects(s, p):
            if isinstance(o, ox.Literal) and (o.language or None) == lang:
                return o.value
        return None

    def of_type(self, cls: str) -> list[str]:
        return [s for s in self.index if cls in self.iris(s, vocab.TYPE)]

    def key(self, iri: str) -> str:
        return self.keys.get(iri, iri)

    def position(self, iri: str) -> int:
        pos = self.literal(iri, vocab.POSITION)
        return int(pos) if pos is not None else 0

    def sources(self, s: str) -> str:
        primary = self.iris(s, vocab.PRIMARY_SOURCE)
        rest = sorted(
            (self.source_text(o) for o in self.iris(s, vocab.DCT_SOURCE) if o not in primary), key=natural_key
        )
        return SOURCE_SEP.join([self.source_text(p) for p in primary] + rest)

    def source_text(self, iri: str) -> str:
        return self.literal(iri, vocab.LABEL) or iri


def _join(items: list[str]) -> str:
    return LIST_SEP.join(items)


def _text(lang: str | None) -> Callable[[Graph, str, Column], str]:
    return lambda g, s, col: g.literal(s, col.predicate or "", lang) or ""


def _refs(g: Graph, s: str, col: Column) -> str:
    return _join(sorted((g.key(o) for o in g.iris(s, col.predicate or "")), key=natural_key))


def _levels(g: Graph, s: str, col: Column) -> str:
    return _join([g.key(o) for o in sorted(g.iris(s, col.predicate or ""), key=g.position)])


def _enum(g: Graph, s: str, col: Column) -> str:
    by_iri = {t.iri: t.cell for t in (col.vocab or {}).values()}
    return next((by_iri[o] for o in g.iris(s, col.predicate or "") if o in by_iri), "")


def _class(g: Graph, s: str, col: Column) -> str:
    by_iri = {t.iri: t.cell for t in (col.vocab or {}).values()}
    return next((by_iri[o] for o in g.iris(s, vocab.TYPE) if o in by_iri), "")


def _bool(g: Graph, s: str, col: Column) -> str:
    value = g.literal(s, col.predicate or "")
    return {"true": "ja", "false": "nein"}.get(value or "", "")


def _level_kind(g: Graph, s: str, col: Column) -> str:
    """A level type by its name: declared ones by their notation, the defaults by their cell."""
    defaults = {t.iri: t.cell for t in value_lists.LEVEL_KINDS.values()}
    return next((defaults.get(o) or g.key(o) for o in g.iris(s, col.predicate or "")), "")


READ: dict[Kind, Callable[[Graph, str, Column], str]] = {
    Kind.TEXT: _text(None),
    Kind.DE: _text(vocab.GERMAN),
    Kind.EN: _text("en"),
    Kind.INT: _text(None),
    Kind.DATE: _text(None),
    Kind.REFS: _refs,
    Kind.ANYREFS: _refs,
    Kind.LEVELS: _levels,
    Kind.SOURCES: lambda g, s, col: g.sources(s),
    Kind.ENUM: _enum,
    Kind.BOOL: _bool,
    Kind.CLASS: _class,
}


def _responsibilities(g: Graph, m: str, role: str, link: str = vocab.QUALIFIED_ASSOCIATION) -> list[str]:
    """The actors of a measure's cell (``federfuehrend``, ``beteiligt``, ``federfuehrung_bisher``):
    the responsibilities with the cell's position (stated rows of the same actor carry it too)."""
    rs = [
        r
        for r in g.iris(m, link)
        if role in g.iris(r, vocab.HAD_ROLE) and g.literal(r, vocab.POSITION) is not None
    ]
    keys = [g.key(g.iris(r, vocab.PROV_AGENT)[0]) for r in sorted(rs, key=lambda r: (g.position(r), r))]
    return list(dict.fromkeys(keys))


_STATED = value_lists.LEVEL_BASES["belegt"].iri


def _fields(g: Graph, s: str, col: Column) -> str:
    primary = [g.key(p) for p in g.iris(s, vocab.PRIMARY_FIELD)]
    rest = sorted((g.key(f) for f in g.iris(s, vocab.FIELD) if g.key(f) not in primary), key=natural_key)
    return _join(primary + rest)


def _certainty(g: Graph, s: str, col: Column) -> str:
    level = _enum(g, s, Column("", Kind.ENUM, vocab.CERTAINTY_P, vocab=value_lists.CERTAINTY))
    reason = g.literal(s, vocab.CERTAINTY_REASON, vocab.GERMAN)
    return f"{level}: {reason}" if level and reason else level


def _event_date(g: Graph, s: str, col: Column) -> str:
    for p in (vocab.IN_XSD_DATE, vocab.IN_XSD_GYEAR_MONTH, vocab.IN_XSD_GYEAR):
        value = g.literal(s, p)
        if value:
            return value
    return ""


def _period(g: Graph, s: str, col: Column) -> str:
    for o in g.objects(s, vocab.REF_PERIOD):
        if isinstance(o, ox.Literal) and o.value != cells.NO_PERIOD:
            return o.value
    return ""


def _area(g: Graph, s: str, col: Column) -> str:
    for area in g.iris(s, vocab.REF_AREA):
        label = g.literal(area, vocab.LABEL, vocab.GERMAN) or ""
        return "" if label == cells.NO_AREA else label
    return ""


def _group(g: Graph, s: str, col: Column) -> str:
    value = g.literal(s, vocab.POPULATION_GROUP, vocab.GERMAN) or ""
    return "" if value == cells.ALL_GROUPS else value


SPECIAL_READ: dict[tuple[str, str], Callable[[Graph, str, Column], str]] = {
    ("framework", "basis_iri"): lambda g, s, col: g.base,
    ("level", "name"): lambda g, s, col: g.key(s),
    ("level", "typ"): _level_kind,
    ("level_type", "teil_von"): _level_kind,
    ("field", "unterabschnitte"): lambda g, s, col: _join(
        sorted(o.value for o in g.objects(s, vocab.SUBSECTION) if isinstance(o, ox.Literal))
    ),
    ("measure", "handlungsfelder"): _fields,
    ("measure", "federfuehrend"): lambda g, s, col: _join(_responsibilities(g, s, value_lists.LEAD)),
    ("measure", "beteiligt"): lambda g, s, col: _join(_responsibilities(g, s, value_lists.PARTNER)),
    ("measure", "federfuehrung_bisher"): lambda g, s, col: _join(
        _responsibilities(g, s, value_lists.LEAD, vocab.LEAD_HISTORY)
    ),
    ("measure", "sicherheit"): _certainty,
    ("responsibility", "massnahme"): lambda g, s, col: g.key(g.iris(s, vocab.RESPONSIBILITY_OF)[0]),
    ("responsibility", "rolle"): lambda g, s, col: _enum(g, s, col),
    ("responsibility", "akteur"): lambda g, s, col: g.key(g.iris(s, vocab.PROV_AGENT)[0]),
    ("body", "typ"): lambda g, s, col: g.literal(s, vocab.BODY_TYPE, vocab.GERMAN) or "",
    ("event", "datum"): _event_date,
    ("observation", "zeitraum"): _period,
    ("observation", "gebiet"): _area,
    ("observation", "gruppe"): _group,
    ("observation", "wert"): lambda g, s, col: g.literal(s, vocab.OBS_VALUE) or "",
}


def _entities(g: Graph, spec: FileSpec) -> list[str]:
    found = g.of_type(spec.cls)
    if spec.entity == "responsibility":
        found = [r for r in found if _STATED in g.iris(r, vocab.LEVEL_BASIS_P)]
    return found


def _row_sort(spec: FileSpec, g: Graph) -> Callable[[tuple[str, list[str]]], Any]:
    names = spec.names
    if spec.entity == "level":
        return lambda item: g.position(item[0])
    if spec.entity == "event":
        return lambda item: (item[1][names.index("datum")], item[1][names.index("ereignis")])
    if spec.key is None:
        return lambda item: [natural_key(c) for c in item[1]]
    return lambda item: natural_key(item[1][names.index(spec.key or "")])


def read_tables(store: GraphStore, graph: str, base: str | None = None) -> Tables:
    """The dataset in named graph ``graph`` as tables (canonical order); ``base``: the dataset's
    base IRI when ``graph`` is not named by it (an edition's graph)."""
    triples = store.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    g = Graph(triples, base or graph)
    files: dict[str, tuple[list[str], list[list[str]]]] = {}
    for spec in FILES:
        items: list[tuple[str, list[str]]] = []
        for s in _entities(g, spec):
            row = []
            for col in spec.columns:
                read = SPECIAL_READ[(spec.entity, col.name)] if col.kind is Kind.SPECIAL else READ[col.kind]
                row.append(read(g, s, col))
            items.append((s, row))
        if not items and not spec.required:
            continue
        items.sort(key=_row_sort(spec, g))
        keep = [i for i, col in enumerate(spec.columns) if not col.optional or any(r[i] for _, r in items)]
        header = [spec.columns[i].name for i in keep]
        files[spec.file] = (header, [[r[i] for i in keep] for _, r in items])
    return Tables(files)
