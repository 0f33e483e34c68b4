"""The one table of entity kinds: every other table of kinds reads it and agrees with it."""

from __future__ import annotations

from rahmengraph.model.catalog import COLLECTIONS
from rahmengraph.model.kinds import BY_CLASS, KINDS, SEGMENTS, kind_of_iri
from rahmengraph.model.questions import PARAM_TYPES
from rahmengraph.model.schema import FILES


def test_segments_and_files_are_unique() -> None:
    segments = [k.segment for k in KINDS.values()]
    files = [k.file for k in KINDS.values() if k.file]
    assert len(set(segments)) == len(segments)
    assert len(set(files)) == len(files)
    assert len(set(SEGMENTS.values())) == len(SEGMENTS)


def test_every_file_of_the_schema_is_a_kinds_file() -> None:
    assert {f.file for f in FILES} == {k.file for k in KINDS.values() if k.file}
    for spec in FILES:
        assert KINDS[spec.entity].cls == spec.cls


def test_collections_are_the_kinds_with_a_list() -> None:
    assert set(COLLECTIONS) == {k.collection for k in KINDS.values() if k.collection}
    assert COLLECTIONS["akteure"].title == KINDS["actor"].plural_de


def test_entity_parameters_name_the_kind() -> None:
    for name in ("field", "actor", "level", "target_group", "measure", "goal"):
        assert PARAM_TYPES[name].cls == KINDS[name].cls
        assert PARAM_TYPES[name].label == KINDS[name].singular_de


def test_kind_of_iri_reads_the_segment() -> None:
    assert kind_of_iri("https://w3id.org/rahmengraph/bremen/massnahme/M-1") == "measure"
    assert kind_of_iri("https://w3id.org/rahmengraph/bremen/unbekannt/x") is None
    assert kind_of_iri("https://example.org/massnahme/M-1") is None
    assert BY_CLASS[KINDS["measure"].cls] == "measure"
    assert KINDS["event"].cls not in BY_CLASS
