"""Triples derived from a whole dataset rather than from one cell.

Concept schemes for levels and target groups (with top concepts and row order), the
intersectional-group class, ``org:ChangeEvent`` nodes for re-organisations (an actor whose
``gueltig_bis`` is set and that has successors), the ``qb:DataSet`` of the indicator values, and
each measure's current implementation status (its latest status record; undated records count
as the oldest).
"""

from __future__ import annotations

from rahmengraph.model import value_lists, vocab
from rahmengraph.model.kinds import SEGMENTS
from rahmengraph.model.loading import cells
from rahmengraph.model.loading.dataset import Dataset, Row, cube_iri, entity_iri, hashed_iri, split_list
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


def _cube(e: Emitter) -> None:
    """The ``qb:DataSet`` of the indicator values, when the dataset has any."""
    if not e.ds.rows(FILES_BY_ENTITY["observation"]):
        return
    cube = cube_iri(e.ds.base)
    e.iri(cube, vocab.TYPE, vocab.QB_DATASET)
    e.iri(cube, vocab.QB_STRUCTURE, vocab.INDICATOR_STRUCTURE)
    e.iri(cube, vocab.IN_FRAMEWORK, e.ds.framework)
    e.text(cube, vocab.LABEL, "Werte der Kennzahlen", vocab.GERMAN)
    e.text(cube, vocab.LABEL, "Indicator values", "en")


def current_status(ds: Dataset) -> dict[str, Row]:
    """Measure key → its latest status record (by reporting date, undated first; later rows win ties)."""
    latest: dict[str, Row] = {}
    for row in ds.rows(FILES_BY_ENTITY["status_record"]):
        m = row.get("massnahme")
        if m not in latest or row.get("stichtag") >= latest[m].get("stichtag"):
            latest[m] = row
    return latest


def _status(e: Emitter) -> None:
    """Labels of the status records and each measure's current status (``rg:implementationStatus``)."""
    spec = FILES_BY_ENTITY["status_record"]
    for row in e.ds.rows(spec):
        when = row.get("stichtag") or "Stand der Quelle"
        label = f"{row.get('massnahme')}: {row.get('status')} ({when})"
        e.text(hashed_iri(e.ds, spec, row), vocab.LABEL, label, vocab.GERMAN)
    for measure, row in current_status(e.ds).items():
        status = value_lists.IMPLEMENTATION_STATUSES[row.get("status")].iri
        e.iri(e.ds.keys["measure"][measure], vocab.IMPLEMENTATION_STATUS, status)


def emit_derived(e: Emitter) -> None:
    _schemes(e)
    _changes(e)
    _cube(e)
    _status(e)
