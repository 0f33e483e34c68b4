"""Columns the generic table cannot describe: their checks and their triples.

Responsibilities (``federfuehrend``/``beteiligt`` and ``zustaendigkeiten.csv``), the certainty
cell, the primary Handlungsfeld, body classes by the first word of their type, event dates, and the
triples derived from the whole dataset (concept schemes, re-organisation events).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import ValidationError

from rahmengraph.errors import Problem
from rahmengraph.model import cells, vocab
from rahmengraph.model.checks import check_list
from rahmengraph.model.loader import Dataset, entity_iri
from rahmengraph.model.mapping import Emitter, event_key
from rahmengraph.model.schema import FILES_BY_ENTITY, FileSpec
from rahmengraph.model.tabular import Row, split_list

_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_PLANNED = re.compile(r"Geplant:|angekündigt", re.IGNORECASE)


def body_class(type_text: str) -> str:
    """Class of a body by the first word of its free-text type (``Beirat (kommunal)`` → Beirat)."""
    first = re.split(r"[\s(/,]", type_text.strip(), maxsplit=1)[0] if type_text.strip() else ""
    term = vocab.BODY_TYPES.get(first)
    return term.iri if term else vocab.BODY


def responsibility_iri(
    ds: Dataset, measure: str, role: str, actor: str, levels: list[str] | None = None
) -> str:
    key = f"{measure}/{role}/{actor}"
    if levels:
        key += "/" + "+".join(ds.keys["level"][lv].rsplit("/", 1)[1] for lv in levels)
    return entity_iri(ds.base, "responsibility", key).replace("%2F", "/")


# --- checks ---------------------------------------------------------------------------------------


def _check_measure(ds: Dataset, row: Row, problems: list[Problem]) -> None:
    check_list(ds, row, "handlungsfelder", "field", problems)
    check_list(ds, row, "federfuehrend", "actor", problems)
    check_list(ds, row, "beteiligt", "actor", problems)
    if row.get("sicherheit"):
        try:
            cells.certainty(row.get("sicherheit"))
        except ValueError as exc:
            problems.append(row.problem("sicherheit", str(exc)))


def _check_responsibility(ds: Dataset, row: Row, problems: list[Problem]) -> None:
    if row.get("massnahme") and row.get("massnahme") not in ds.keys.get("measure", {}):
        problems.append(row.problem("massnahme", f"unbekannte Maßnahme {row.get('massnahme')!r}"))
    if row.get("rolle") and row.get("rolle") not in vocab.ROLES:
        problems.append(row.problem("rolle", f"unbekannte Rolle; erlaubt: {', '.join(vocab.ROLES)}"))
    if row.get("akteur") and row.get("akteur") not in ds.keys.get("actor", {}):
        problems.append(row.problem("akteur", f"unbekannte(r) Akteur (Kürzel) {row.get('akteur')!r}"))


def _check_event(ds: Dataset, row: Row, problems: list[Problem]) -> None:
    if not row.get("datum"):
        return
    try:
        cells.DATE.validate_python(row.get("datum"))
    except ValidationError as exc:
        problems.append(row.problem("datum", cells.message(exc)))


def _check_level(ds: Dataset, row: Row, problems: list[Problem]) -> None:
    if row.get("id") and not _SLUG.match(row.get("id")):
        problems.append(row.problem("id", "nur Buchstaben, Ziffern, Punkt, Binde- und Unterstrich erlaubt"))


CHECK: dict[str, Callable[[Dataset, Row, list[Problem]], None]] = {
    "measure": _check_measure,
    "responsibility": _check_responsibility,
    "event": _check_event,
    "level": _check_level,
}


def check_special(ds: Dataset, spec: FileSpec, row: Row, problems: list[Problem]) -> None:
    check = CHECK.get(spec.entity)
    if check is not None:
        check(ds, row, problems)


def check_duplicates(ds: Dataset, problems: list[Problem]) -> None:
    """Rows without a key column that would get the same IRI."""
    seen: dict[str, Row] = {}
    for entity, key in (("event", event_key), ("responsibility", lambda r: responsibility_row_key(ds, r))):
        for row in ds.rows(FILES_BY_ENTITY[entity]):
            k = f"{entity}:{key(row)}"
            if k in seen:
                problems.append(Problem(f"doppelte Zeile (wie Zeile {seen[k].line})", row.file, row.line))
            seen[k] = row


def responsibility_row_key(ds: Dataset, row: Row) -> str:
    return f"{row.get('massnahme')}/{row.get('rolle')}/{row.get('akteur')}/{row.get('ebene')}"


# --- triples --------------------------------------------------------------------------------------


def _noop(e: Emitter, s: str, row: Row, cell: str) -> None:
    return None


def _fields(e: Emitter, s: str, row: Row, cell: str) -> None:
    for i, item in enumerate(split_list(cell)):
        e.iri(s, vocab.FIELD, e.ds.keys["field"][item])
        if i == 0:
            e.iri(s, vocab.PRIMARY_FIELD, e.ds.keys["field"][item])


def _responsibilities(role: str) -> Callable[[Emitter, str, Row, str], None]:
    term = vocab.ROLES[role]
    shortcut = vocab.LED_BY if role == "federfuehrend" else vocab.PARTNER_P

    def emit(e: Emitter, s: str, row: Row, cell: str) -> None:
        measure_levels = split_list(row.get("ebene"))
        for pos, actor in enumerate(split_list(cell)):
            a = e.ds.keys["actor"][actor]
            r = responsibility_iri(e.ds, row.get("id"), role, actor)
            common = [lv for lv in measure_levels if lv in e.actor_levels.get(actor, [])]
            e.iri(s, shortcut, a)
            _responsibility(e, r, s, a, term, common or measure_levels, vocab.LEVEL_BASES["abgeleitet"].iri)
            e.add(r, vocab.POSITION, cells.integer(pos))
            e.sources_of(r, row.get("quelle_url"))

    return emit


def _responsibility(
    e: Emitter, r: str, m: str, a: str, role: vocab.Term, levels: list[str], basis: str
) -> None:
    e.iri(r, vocab.TYPE, vocab.RESPONSIBILITY)
    e.iri(r, vocab.IN_FRAMEWORK, e.ds.framework)
    e.iri(m, vocab.QUALIFIED_ASSOCIATION, r)
    e.iri(r, vocab.RESPONSIBILITY_OF, m)
    e.iri(r, vocab.PROV_AGENT, a)
    e.iri(r, vocab.HAD_ROLE, role.iri)
    e.iri(r, vocab.LEVEL_BASIS_P, basis)
    for lv in levels:
        e.iri(r, vocab.LEVEL_P, e.ds.keys["level"][lv])
    actor, measure = a.rsplit("/", 1)[1], m.rsplit("/", 1)[1]
    e.text(r, vocab.LABEL, f"{actor} {role.label_de} für {measure}", vocab.GERMAN)


def _responsibility_row(e: Emitter, s: str, row: Row, cell: str) -> None:
    m = e.ds.keys["measure"][row.get("massnahme")]
    a = e.ds.keys["actor"][row.get("akteur")]
    role = vocab.ROLES[row.get("rolle")]
    e.iri(m, vocab.LED_BY if role.iri == vocab.LEAD else vocab.PARTNER_P, a)
    # rg:level, sources and note come from the generic columns of the row.
    _responsibility(e, s, m, a, role, [], vocab.LEVEL_BASES["belegt"].iri)


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


SPECIAL_EMIT: dict[tuple[str, str], Callable[[Emitter, str, Row, str], None]] = {
    ("framework", "basis_iri"): _noop,
    ("level", "name"): _level_name,
    ("field", "unterabschnitte"): _subsections,
    ("measure", "handlungsfelder"): _fields,
    ("measure", "federfuehrend"): _responsibilities("federfuehrend"),
    ("measure", "beteiligt"): _responsibilities("beteiligt"),
    ("measure", "sicherheit"): _certainty,
    ("responsibility", "massnahme"): _responsibility_row,
    ("responsibility", "rolle"): _noop,
    ("responsibility", "akteur"): _noop,
    ("body", "typ"): _body_type,
    ("event", "datum"): _event_date,
}
