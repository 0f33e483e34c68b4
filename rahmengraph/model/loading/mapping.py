"""Table → RDF: a checked dataset as triples (see docs/graph.md).

Deterministic: the same dataset gives the same triples in the same order.
"""

from __future__ import annotations

from rahmengraph.model import vocab
from rahmengraph.model.loading.column_mapping import BESPOKE_EMIT, EMIT
from rahmengraph.model.loading.dataset import (
    HASHED_KINDS,
    Dataset,
    Row,
    entity_iri,
    event_key,
    hashed_iri,
    responsibility_iri,
    split_list,
)
from rahmengraph.model.loading.derived import emit_derived
from rahmengraph.model.loading.emitter import Emitter
from rahmengraph.model.schema import FILES
from rahmengraph.model.schema.columns import FileSpec, Kind
from rahmengraph.model.store import Triple


def row_iri(ds: Dataset, spec: FileSpec, row: Row) -> str:
    if spec.entity == "event":
        return entity_iri(ds.base, "event", event_key(row))
    if spec.entity == "framework":
        return ds.framework
    if spec.entity in HASHED_KINDS:
        return hashed_iri(ds, spec, row)
    if spec.entity == "responsibility":
        levels = split_list(row.get("ebene"))
        return responsibility_iri(ds, row.get("massnahme"), row.get("rolle"), row.get("akteur"), levels)
    assert spec.key is not None
    return ds.keys[spec.entity][row.get(spec.key)]


def to_triples(ds: Dataset) -> list[Triple]:
    """All triples of a checked dataset (see docs/graph.md)."""
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
                    BESPOKE_EMIT[(spec.entity, col.name)](e, s, row, cell)
                elif cell:
                    EMIT[col.kind](e, s, col, cell)
    emit_derived(e)
    for iri, text in sorted(e.sources.items()):
        e.iri(iri, vocab.TYPE, vocab.SOURCE)
        e.text(iri, vocab.LABEL, text)
    e.triples.extend(ds.turtle)
    return e.triples
