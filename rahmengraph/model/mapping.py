"""Table → RDF: the generic column kinds of :mod:`rahmengraph.model.schema` as triples.

Deterministic: the same dataset gives the same triples in the same order.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import cached_property

import pyoxigraph as ox

from rahmengraph.model import cells, vocab
from rahmengraph.model.kinds import SEGMENTS
from rahmengraph.model.loader import Dataset, entity_iri
from rahmengraph.model.schema import FILES, FILES_BY_ENTITY, Column, FileSpec, Kind
from rahmengraph.model.store import Triple
from rahmengraph.model.tabular import SOURCE_SEP, Row, split_list

N = ox.NamedNode
_SLUG = re.compile(r"[^a-z0-9]+")


def source_node(base: str, text: str) -> ox.NamedNode:
    """The IRI of a source: the URL itself, or a minted ``{base}quelle/<slug>`` for a document reference.

    Raises ValueError for a URL that is not a valid IRI.
    """
    if text.startswith(("http://", "https://")):
        return N(text)
    slug = _SLUG.sub("-", text.casefold()).strip("-")[:48].strip("-")
    digest = hashlib.sha1(text.encode()).hexdigest()[:6]
    return N(f"{base}{SEGMENTS['source']}/{slug}-{digest}")


def event_key(row: Row) -> str:
    """Stable id of an event (no id column): date plus a hash of date and text."""
    digest = hashlib.sha1(f"{row.get('datum')}\n{row.get('ereignis')}".encode()).hexdigest()[:10]
    return f"{row.get('datum')}-{digest}"


def row_iri(ds: Dataset, spec: FileSpec, row: Row) -> str:
    if spec.entity == "event":
        return entity_iri(ds.base, "event", event_key(row))
    if spec.entity == "framework":
        return ds.framework
    if spec.entity == "responsibility":
        from rahmengraph.model.special import responsibility_iri

        levels = split_list(row.get("ebene"))
        return responsibility_iri(ds, row.get("massnahme"), row.get("rolle"), row.get("akteur"), levels)
    assert spec.key is not None
    return ds.keys[spec.entity][row.get(spec.key)]


class Emitter:
    """Collects triples for one dataset; remembers which sources were used."""

    def __init__(self, ds: Dataset) -> None:
        self.ds = ds
        self.triples: list[Triple] = []
        self.sources: dict[str, str] = {}

    @cached_property
    def actor_levels(self) -> dict[str, list[str]]:
        """Kürzel → the actor's levels (to derive the levels of its responsibilities)."""
        return {r.get("kuerzel"): split_list(r.get("ebene")) for r in self.ds.rows(FILES_BY_ENTITY["actor"])}

    def add(self, s: str, p: str, o: ox.NamedNode | ox.Literal) -> None:
        self.triples.append(ox.Triple(N(s), N(p), o))

    def text(self, s: str, p: str, value: str, lang: str | None = None) -> None:
        self.add(s, p, ox.Literal(value, language=lang) if lang else ox.Literal(value))

    def iri(self, s: str, p: str, o: str) -> None:
        self.add(s, p, N(o))

    def sources_of(self, s: str, cell: str) -> list[str]:
        """Emit dcterms:source / rg:primarySource for a sources cell; return the source IRIs."""
        out = []
        for i, text in enumerate(split_list(cell, SOURCE_SEP)):
            node = source_node(self.ds.base, text)
            self.sources.setdefault(node.value, text)
            self.add(s, vocab.DCT_SOURCE, node)
            if i == 0:
                self.add(s, vocab.PRIMARY_SOURCE, node)
            out.append(node.value)
        return out


def _text(lang: str | None) -> Callable[[Emitter, str, Column, str], None]:
    def emit(e: Emitter, s: str, col: Column, cell: str) -> None:
        assert col.predicate
        e.text(s, col.predicate, cell, lang)

    return emit


def _int(e: Emitter, s: str, col: Column, cell: str) -> None:
    assert col.predicate
    e.add(s, col.predicate, cells.integer(cell))


def _date(e: Emitter, s: str, col: Column, cell: str) -> None:
    assert col.predicate
    e.add(s, col.predicate, cells.date_literal(cell))


def _refs(e: Emitter, s: str, col: Column, cell: str) -> None:
    assert col.predicate and col.target
    reg = e.ds.keys[col.target]
    for item in split_list(cell):
        e.iri(s, col.predicate, reg[item])


def _anyrefs(e: Emitter, s: str, col: Column, cell: str) -> None:
    assert col.predicate
    for item in split_list(cell):
        target = e.ds.any_key(item) or e.ds.keys["level"][item]
        e.iri(s, col.predicate, target)


def _levels(e: Emitter, s: str, col: Column, cell: str) -> None:
    assert col.predicate
    for item in split_list(cell):
        e.iri(s, col.predicate, e.ds.keys["level"][item])


def _sources(e: Emitter, s: str, col: Column, cell: str) -> None:
    e.sources_of(s, cell)


def _enum(e: Emitter, s: str, col: Column, cell: str) -> None:
    assert col.predicate and col.vocab
    e.iri(s, col.predicate, col.vocab[cell].iri)


def _class(e: Emitter, s: str, col: Column, cell: str) -> None:
    assert col.vocab
    e.iri(s, vocab.TYPE, col.vocab[cell].iri)


EMIT: dict[Kind, Callable[[Emitter, str, Column, str], None]] = {
    Kind.TEXT: _text(None),
    Kind.DE: _text(vocab.GERMAN),
    Kind.EN: _text("en"),
    Kind.INT: _int,
    Kind.DATE: _date,
    Kind.REFS: _refs,
    Kind.ANYREFS: _anyrefs,
    Kind.LEVELS: _levels,
    Kind.SOURCES: _sources,
    Kind.ENUM: _enum,
    Kind.CLASS: _class,
}


def to_triples(ds: Dataset) -> list[Triple]:
    """All triples of a checked dataset (see docs/graph.md)."""
    from rahmengraph.model.derived import emit_derived
    from rahmengraph.model.special import SPECIAL_EMIT

    e = Emitter(ds)
    for spec in FILES:
        for row in ds.rows(spec):
            s = row_iri(ds, spec, row)
            if spec.entity != "responsibility":
                e.iri(s, vocab.TYPE, spec.cls)
                if spec.entity != "framework":
                    e.iri(s, vocab.IN_FRAMEWORK, ds.framework)
                if spec.label:
                    e.text(s, vocab.LABEL, row.get(spec.label), vocab.GERMAN)
            for col in spec.columns:
                cell = row.get(col.name)
                if col.kind is Kind.SPECIAL:
                    SPECIAL_EMIT[(spec.entity, col.name)](e, s, row, cell)
                elif cell:
                    EMIT[col.kind](e, s, col, cell)
    emit_derived(e)
    for iri, text in sorted(e.sources.items()):
        e.iri(iri, vocab.TYPE, vocab.SOURCE)
        e.text(iri, vocab.LABEL, text)
    e.triples.extend(ds.turtle)
    return e.triples
