"""Table → RDF, column by column: the generic column kinds of :mod:`rahmengraph.model.schema`
(:data:`EMIT`) and the columns the generic table cannot describe (:data:`BESPOKE_EMIT`):
responsibilities (``federfuehrend``/``beteiligt`` and ``zustaendigkeiten.csv``), the certainty cell,
the primary Handlungsfeld, body classes by the first word of their type, event dates, and the
dimensions and value of an indicator value (a ``qb:Observation``; every dimension filled).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pyoxigraph as ox

from rahmengraph.model import namespaces, value_lists, vocab
from rahmengraph.model.loading import cells
from rahmengraph.model.loading.dataset import (
    Row,
    area_iri,
    cube_iri,
    level_kind_iri,
    responsibility_iri,
    split_list,
)
from rahmengraph.model.loading.emitter import Emitter
from rahmengraph.model.schema.columns import Column, Kind

_PLANNED = re.compile(r"Geplant:|angekündigt", re.IGNORECASE)


def body_class(type_text: str) -> str:
    """Class of a body by the first word of its free-text type (``Beirat (kommunal)`` → Beirat)."""
    term = value_lists.BODY_TYPES.get(cells.body_type_word(type_text))
    return term.iri if term else vocab.BODY


# --- generic column kinds ---------------------------------------------------------------------


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


def _bool(e: Emitter, s: str, col: Column, cell: str) -> None:
    assert col.predicate
    e.add(s, col.predicate, cells.TRUE if cell == "ja" else cells.FALSE)


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
    Kind.BOOL: _bool,
    Kind.CLASS: _class,
}


# --- bespoke columns ------------------------------------------------------------------------------


def _noop(e: Emitter, s: str, row: Row, cell: str) -> None:
    return None


def _fields(e: Emitter, s: str, row: Row, cell: str) -> None:
    for i, item in enumerate(split_list(cell)):
        e.iri(s, vocab.FIELD, e.ds.keys["field"][item])
        if i == 0:
            e.iri(s, vocab.PRIMARY_FIELD, e.ds.keys["field"][item])


def _responsibilities(role: str) -> Callable[[Emitter, str, Row, str], None]:
    """``federfuehrend`` (joint leads, all at one position after the lead history) and ``beteiligt``.

    Where ``zustaendigkeiten.csv`` states the levels of the same measure, role and actor, the stated
    rows replace the derived responsibility (they carry the cell's position instead).
    """
    term = value_lists.ROLES[role]
    shortcut = vocab.LED_BY if role == "federfuehrend" else vocab.PARTNER_P

    def emit(e: Emitter, s: str, row: Row, cell: str) -> None:
        measure_levels = split_list(row.get("ebene"))
        first = len(split_list(row.get("federfuehrung_bisher"))) if role == "federfuehrend" else 0
        for pos, actor in enumerate(split_list(cell)):
            a = e.ds.keys["actor"][actor]
            e.iri(s, shortcut, a)
            position = first if role == "federfuehrend" else pos
            stated = e.stated.get((row.get("id"), role, actor))
            if stated:
                for r in stated:
                    e.add(r, vocab.POSITION, cells.integer(position))
                continue
            r = responsibility_iri(e.ds, row.get("id"), role, actor)
            common = [lv for lv in measure_levels if lv in e.actor_levels.get(actor, [])]
            _responsibility(
                e, r, s, a, term, common or measure_levels, value_lists.LEVEL_BASES["abgeleitet"].iri
            )
            e.add(r, vocab.POSITION, cells.integer(position))
            e.sources_of(r, row.get("quelle_url"))

    return emit


def _lead_history(e: Emitter, s: str, row: Row, cell: str) -> None:
    """``federfuehrung_bisher``: earlier leads of the measure in order of time (``rg:leadHistory``,
    ``rg:EarlierLead``): no ``prov:qualifiedAssociation``, no ``rg:ledBy``, so they are neither
    leads nor partners now."""
    measure_levels = split_list(row.get("ebene"))
    term = value_lists.ROLES["federfuehrend"]
    for pos, actor in enumerate(split_list(cell)):
        a = e.ds.keys["actor"][actor]
        r = responsibility_iri(e.ds, row.get("id"), "bisher", actor)
        common = [lv for lv in measure_levels if lv in e.actor_levels.get(actor, [])]
        basis = value_lists.LEVEL_BASES["abgeleitet"].iri
        _responsibility(e, r, s, a, term, common or measure_levels, basis, vocab.LEAD_HISTORY)
        e.iri(r, vocab.TYPE, vocab.EARLIER_LEAD)
        e.add(r, vocab.POSITION, cells.integer(pos))
        e.sources_of(r, row.get("quelle_url"))


def _responsibility(
    e: Emitter,
    r: str,
    m: str,
    a: str,
    role: value_lists.Term,
    levels: list[str],
    basis: str,
    link: str = vocab.QUALIFIED_ASSOCIATION,
) -> None:
    e.iri(r, vocab.TYPE, vocab.RESPONSIBILITY)
    e.iri(r, vocab.IN_FRAMEWORK, e.ds.framework)
    e.iri(m, link, r)
    e.iri(r, vocab.RESPONSIBILITY_OF, m)
    e.iri(r, vocab.PROV_AGENT, a)
    e.iri(r, vocab.HAD_ROLE, role.iri)
    e.iri(r, vocab.LEVEL_BASIS_P, basis)
    for lv in levels:
        e.iri(r, vocab.LEVEL_P, e.ds.keys["level"][lv])
    actor, measure = a.rsplit("/", 1)[1], m.rsplit("/", 1)[1]
    what = "früher federführend" if link == vocab.LEAD_HISTORY else role.label_de
    e.text(r, vocab.LABEL, f"{actor} {what} für {measure}", vocab.GERMAN)


def _responsibility_row(e: Emitter, s: str, row: Row, cell: str) -> None:
    m = e.ds.keys["measure"][row.get("massnahme")]
    a = e.ds.keys["actor"][row.get("akteur")]
    role = value_lists.ROLES[row.get("rolle")]
    e.iri(m, vocab.LED_BY if role.iri == value_lists.LEAD else vocab.PARTNER_P, a)
    # rg:level, sources and note come from the generic columns of the row.
    _responsibility(e, s, m, a, role, [], value_lists.LEVEL_BASES["belegt"].iri)


def _certainty(e: Emitter, s: str, row: Row, cell: str) -> None:
    if not cell:
        return
    term, reason = cells.certainty(cell)
    e.iri(s, vocab.CERTAINTY_P, term.iri)
    if reason:
        e.text(s, vocab.CERTAINTY_REASON, reason, vocab.GERMAN)


def _body_type(e: Emitter, s: str, row: Row, cell: str) -> None:
    if cell:
        e.text(s, vocab.BODY_TYPE, cell, vocab.GERMAN)
    cls = body_class(cell)
    if cls != vocab.BODY:
        e.iri(s, vocab.TYPE, cls)


def _event_date(e: Emitter, s: str, row: Row, cell: str) -> None:
    e.add(s, cells.TIME_PROPERTIES[len(cell)], cells.date_literal(cell))
    if _PLANNED.search(row.get("ereignis")):
        e.add(s, vocab.PLANNED, cells.TRUE)


def _subsections(e: Emitter, s: str, row: Row, cell: str) -> None:
    for item in split_list(cell):
        e.text(s, vocab.SUBSECTION, item, vocab.GERMAN)


def _level_name(e: Emitter, s: str, row: Row, cell: str) -> None:
    e.text(s, vocab.PREF_LABEL, cell, vocab.GERMAN)


def _level_kind(predicate: str) -> Callable[[Emitter, str, Row, str], None]:
    """``ebenen.typ`` and ``ebenentypen.teil_von``: a type of ``ebenentypen.csv`` or a default one."""

    def emit(e: Emitter, s: str, row: Row, cell: str) -> None:
        if cell:
            e.iri(s, predicate, level_kind_iri(e.ds, cell))

    return emit


def _period(e: Emitter, s: str, row: Row, cell: str) -> None:
    if not cell:
        e.text(s, vocab.REF_PERIOD, cells.NO_PERIOD, vocab.GERMAN)
        return
    if "/" in cell:
        e.text(s, vocab.REF_PERIOD, cell)
    else:
        e.add(s, vocab.REF_PERIOD, cells.date_literal(cell))
    end = cells.period_end(cell)
    if end is not None:
        e.add(s, vocab.PERIOD_END, cells.date_literal(str(end)))


def _area(e: Emitter, s: str, row: Row, cell: str) -> None:
    name = cell or cells.NO_AREA
    area = area_iri(e.ds.base, name)
    e.iri(s, vocab.REF_AREA, area)
    if area not in e.areas:
        e.areas.add(area)
        e.iri(area, vocab.TYPE, vocab.STAT_AREA)
        e.iri(area, vocab.IN_FRAMEWORK, e.ds.framework)
        e.text(area, vocab.LABEL, name, vocab.GERMAN)


def _group(e: Emitter, s: str, row: Row, cell: str) -> None:
    e.text(s, vocab.POPULATION_GROUP, cell or cells.ALL_GROUPS, vocab.GERMAN)


def _value(e: Emitter, s: str, row: Row, cell: str) -> None:
    e.add(s, vocab.OBS_VALUE, ox.Literal(cell, datatype=ox.NamedNode(namespaces.XSD + "decimal")))
    e.iri(s, vocab.QB_DATASET_P, cube_iri(e.ds.base))


BESPOKE_EMIT: dict[tuple[str, str], Callable[[Emitter, str, Row, str], None]] = {
    ("framework", "basis_iri"): _noop,
    ("level", "name"): _level_name,
    ("level", "typ"): _level_kind(vocab.LEVEL_KIND),
    ("level_type", "teil_von"): _level_kind(vocab.PART_OF_KIND),
    ("field", "unterabschnitte"): _subsections,
    ("measure", "handlungsfelder"): _fields,
    ("measure", "federfuehrend"): _responsibilities("federfuehrend"),
    ("measure", "beteiligt"): _responsibilities("beteiligt"),
    ("measure", "federfuehrung_bisher"): _lead_history,
    ("measure", "sicherheit"): _certainty,
    ("responsibility", "massnahme"): _responsibility_row,
    ("responsibility", "rolle"): _noop,
    ("responsibility", "akteur"): _noop,
    ("body", "typ"): _body_type,
    ("event", "datum"): _event_date,
    ("observation", "zeitraum"): _period,
    ("observation", "gebiet"): _area,
    ("observation", "gruppe"): _group,
    ("observation", "wert"): _value,
}
