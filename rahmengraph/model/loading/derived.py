"""Triples derived from a whole dataset rather than from one cell.

Concept schemes for levels and target groups (with top concepts and row order), the
intersectional-group class, and ``org:ChangeEvent`` nodes for re-organisations (an actor whose
``gueltig_bis`` is set and that has successors).
"""

from __future__ import annotations

from rahmengraph.model import vocab
from rahmengraph.model.kinds import SEGMENTS
from rahmengraph.model.loading import cells
from rahmengraph.model.loading.dataset import entity_iri, split_list
from rahmengraph.model.loading.emitter import Emitter
from rahmengraph.model.schema import FILES_BY_ENTITY

_SCHEMES = (
    ("level", "level_scheme", "Ebenen", "Levels", "uebergeordnet"),
    ("target_group", "target_group_scheme", "Zielgruppen", "Target groups", "oberbegriff"),
)


def _schemes(e: Emitter) -> None:
    ds = e.ds
    for entity, scheme_key, de, en, broader in _SCHEMES:
        scheme = ds.base + SEGMENTS[scheme_key]
        e.iri(scheme, vocab.TYPE, vocab.CONCEPT_SCHEME)
        e.iri(scheme, vocab.IN_FRAMEWORK, ds.framework)
        e.text(scheme, vocab.LABEL, de, vocab.GERMAN)
        e.text(scheme, vocab.LABEL, en, "en")
        spec = FILES_BY_ENTITY[entity]
        assert spec.key is not None
        for pos, row in enumerate(ds.rows(spec)):
            s = ds.keys[entity][row.get(spec.key)]
            e.iri(s, vocab.IN_SCHEME, scheme)
            if not row.get(broader):
                e.iri(s, vocab.TOP_CONCEPT_OF, scheme)
            if entity == "level":
                e.add(s, vocab.POSITION, cells.integer(pos))
            if entity == "target_group" and row.get("schnitt_aus"):
                e.iri(s, vocab.TYPE, vocab.INTERSECTIONAL_GROUP)


def _changes(e: Emitter) -> None:
    ds = e.ds
    for row in ds.rows(FILES_BY_ENTITY["actor"]):
        until, successors = row.get("gueltig_bis"), split_list(row.get("nachfolger"))
        if not until or not successors:
            continue
        change = entity_iri(ds.base, "change", f"{until}-{row.get('kuerzel')}")
        e.iri(change, vocab.TYPE, vocab.CHANGE_EVENT)
        e.iri(change, vocab.IN_FRAMEWORK, ds.framework)
        e.text(change, vocab.LABEL, f"Neuzuschnitt: {row.get('kuerzel')} endet am {until}", vocab.GERMAN)
        e.add(change, cells.TIME_PROPERTIES[len(until)], cells.date_literal(until))
        e.iri(change, vocab.ORIGINAL_ORG, ds.keys["actor"][row.get("kuerzel")])
        for succ in successors:
            e.iri(change, vocab.RESULTING_ORG, ds.keys["actor"][succ])
        e.sources_of(change, row.get("quelle"))


def emit_derived(e: Emitter) -> None:
    _schemes(e)
    _changes(e)
