"""Cell checks of the loader: references, levels, dates, numbers, controlled values, sources, and
the bespoke columns (responsibilities, certainty, event dates, level ids, indicator values, status
records, duplicate rows).

Each check appends located problems (file, line, column, value) and never stops at the first one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from pydantic import ValidationError

from rahmengraph.errors import Problem
from rahmengraph.model import value_lists
from rahmengraph.model.loading import cells
from rahmengraph.model.loading.dataset import (
    SOURCE_SEP,
    Dataset,
    Row,
    event_key,
    responsibility_row_key,
    row_key,
    source_node,
    split_list,
)
from rahmengraph.model.schema import FILES_BY_ENTITY
from rahmengraph.model.schema.columns import FileSpec, Kind

_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def check_cell(ds: Dataset, spec: FileSpec, row: Row, problems: list[Problem]) -> None:
    for col in spec.columns:
        cell = row.get(col.name)
        if not cell:
            if col.required and col.name in row.cells:
                problems.append(row.problem(col.name, "Pflichtangabe fehlt"))
            continue
        check = CHECKS.get(col.kind)
        if check is not None:
            check(ds, spec, row, col.name, problems)


#: Entity kind → how an unknown reference to it is named in messages.
REF_NAMES = {
    "actor": "Akteur (Kürzel)",
    "target_group": "Zielgruppe",
    "field": "Handlungsfeld",
    "measure": "Maßnahme",
    "level": "Ebene",
    "indicator": "Kennzahl",
    "goal": "Ziel",
}


def check_list(ds: Dataset, row: Row, column: str, entity: str, problems: list[Problem]) -> None:
    """Every item of a list cell must be a key of ``entity``; no item may repeat."""
    what = REF_NAMES.get(entity, entity)
    items = split_list(row.get(column))
    for item in items:
        known = ds.keys.get(entity, {})
        if item not in known:
            hint = cells.number_hint(item, known)
            problems.append(row.problem(column, f"unbekannte(r) {what} {item!r}{hint}", item))
    for item in sorted({i for i in items if items.count(i) > 1}):
        problems.append(row.problem(column, f"{item!r} steht doppelt in der Liste", item))


def _check_refs(ds: Dataset, spec: FileSpec, row: Row, column: str, problems: list[Problem]) -> None:
    check_list(ds, row, column, spec.column(column).target or "", problems)


def _check_anyrefs(ds: Dataset, spec: FileSpec, row: Row, column: str, problems: list[Problem]) -> None:
    for item in split_list(row.get(column)):
        if item not in ds.keys.get("level", {}) and ds.any_key(item) is None:
            problems.append(row.problem(column, f"unbekannte ID {item!r}", item))


def _check_levels(ds: Dataset, spec: FileSpec, row: Row, column: str, problems: list[Problem]) -> None:
    known = ds.keys.get("level", {})
    for item in split_list(row.get(column)):
        if item not in known:
            hint = ", ".join(known) or "keine – ebenen.csv fehlt"
            problems.append(row.problem(column, f"unbekannte Ebene {item!r} (bekannt: {hint})", item))


def _check_date(ds: Dataset, spec: FileSpec, row: Row, column: str, problems: list[Problem]) -> None:
    try:
        cells.DATE.validate_python(row.get(column))
    except ValidationError as exc:
        problems.append(row.problem(column, cells.message(exc)))


def _check_int(ds: Dataset, spec: FileSpec, row: Row, column: str, problems: list[Problem]) -> None:
    try:
        cells.INT.validate_python(row.get(column))
    except ValidationError:
        problems.append(row.problem(column, "keine ganze Zahl"))


def _check_vocab(ds: Dataset, spec: FileSpec, row: Row, column: str, problems: list[Problem]) -> None:
    table = spec.column(column).vocab or {}
    if row.get(column) not in table:
        problems.append(row.problem(column, f"unbekannter Wert; erlaubt: {', '.join(table)}"))


def _check_bool(ds: Dataset, spec: FileSpec, row: Row, column: str, problems: list[Problem]) -> None:
    if row.get(column) not in cells.BOOLEAN_CELLS:
        problems.append(row.problem(column, f"unbekannter Wert; erlaubt: {', '.join(cells.BOOLEAN_CELLS)}"))


def _check_sources(ds: Dataset, spec: FileSpec, row: Row, column: str, problems: list[Problem]) -> None:
    for item in split_list(row.get(column), SOURCE_SEP):
        try:
            source_node(ds.base, item)
        except ValueError as exc:
            problems.append(row.problem(column, f"ungültige Quell-URL: {exc}", item))


CHECKS: dict[Kind, Callable[[Dataset, FileSpec, Row, str, list[Problem]], None]] = {
    Kind.REFS: _check_refs,
    Kind.ANYREFS: _check_anyrefs,
    Kind.LEVELS: _check_levels,
    Kind.DATE: _check_date,
    Kind.INT: _check_int,
    Kind.ENUM: _check_vocab,
    Kind.BOOL: _check_bool,
    Kind.CLASS: _check_vocab,
    Kind.SOURCES: _check_sources,
}


def _check_measure(ds: Dataset, row: Row, problems: list[Problem]) -> None:
    check_list(ds, row, "handlungsfelder", "field", problems)
    check_list(ds, row, "federfuehrend", "actor", problems)
    check_list(ds, row, "beteiligt", "actor", problems)
    check_list(ds, row, "federfuehrung_bisher", "actor", problems)
    if row.get("sicherheit"):
        try:
            cells.certainty(row.get("sicherheit"))
        except ValueError as exc:
            problems.append(row.problem("sicherheit", str(exc)))


def _check_responsibility(ds: Dataset, row: Row, problems: list[Problem]) -> None:
    if row.get("massnahme") and row.get("massnahme") not in ds.keys.get("measure", {}):
        problems.append(row.problem("massnahme", f"unbekannte Maßnahme {row.get('massnahme')!r}"))
    if row.get("rolle") and row.get("rolle") not in value_lists.ROLES:
        problems.append(row.problem("rolle", f"unbekannte Rolle; erlaubt: {', '.join(value_lists.ROLES)}"))
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
    _check_level_kind(ds, row, "typ", problems)


def _check_level_kind(ds: Dataset, row: Row, column: str, problems: list[Problem]) -> None:
    """A level type: declared in ``ebenentypen.csv`` or one of the defaults (Land, Kommune, Bund, EU)."""
    cell = row.get(column)
    declared = ds.keys.get("level_type", {})
    if cell and cell not in declared and cell not in value_lists.LEVEL_KINDS:
        allowed = ", ".join([*declared, *(k for k in value_lists.LEVEL_KINDS if k not in declared)])
        problems.append(
            row.problem(
                column, f"unbekannter Ebenentyp; erlaubt: {allowed} (eigene Typen in ebenentypen.csv)"
            )
        )


def _check_level_type(ds: Dataset, row: Row, problems: list[Problem]) -> None:
    _check_level_kind(ds, row, "teil_von", problems)
    if row.get("teil_von") and row.get("teil_von") == row.get("typ"):
        problems.append(row.problem("teil_von", "ein Ebenentyp kann nicht Teil von sich selbst sein"))


def _check_observation(ds: Dataset, row: Row, problems: list[Problem]) -> None:
    if row.get("zeitraum"):
        try:
            cells.period(row.get("zeitraum"))
        except ValueError as exc:
            problems.append(row.problem("zeitraum", str(exc)))
    value = row.get("wert")
    if value:
        try:
            Decimal(value)
        except InvalidOperation:
            hint = "Dezimalpunkt statt Komma" if "," in value else "Dezimalpunkt, ohne Tausendertrennzeichen"
            problems.append(row.problem("wert", f"keine Zahl ({hint})"))
    if len(split_list(row.get("indikator"))) > 1:
        problems.append(row.problem("indikator", "genau eine Kennzahl je Zeile"))


def _check_status_record(ds: Dataset, row: Row, problems: list[Problem]) -> None:
    if len(split_list(row.get("massnahme"))) > 1:
        problems.append(row.problem("massnahme", "genau eine Maßnahme je Zeile"))
    if len(split_list(row.get("nachfolger"))) > 1:
        problems.append(row.problem("nachfolger", "höchstens eine Nachfolgemaßnahme je Zeile"))
    status = row.get("status")
    if status == value_lists.DISCONTINUED and not row.get("grund"):
        problems.append(row.problem("grund", "Status eingestellt braucht einen Grund (Spalte grund)"))
    if row.get("nachfolger") and status != value_lists.DISCONTINUED:
        problems.append(row.problem("nachfolger", "Nachfolgemaßnahme nur bei Status eingestellt"))
    if row.get("nachfolger") and row.get("nachfolger") == row.get("massnahme"):
        problems.append(row.problem("nachfolger", "eine Maßnahme kann nicht ihre eigene Nachfolgerin sein"))


CHECK: dict[str, Callable[[Dataset, Row, list[Problem]], None]] = {
    "measure": _check_measure,
    "responsibility": _check_responsibility,
    "event": _check_event,
    "level": _check_level,
    "level_type": _check_level_type,
    "observation": _check_observation,
    "status_record": _check_status_record,
}


def check_special(ds: Dataset, spec: FileSpec, row: Row, problems: list[Problem]) -> None:
    check = CHECK.get(spec.entity)
    if check is not None:
        check(ds, row, problems)


def check_duplicates(ds: Dataset, problems: list[Problem]) -> None:
    """Rows without a key column that would get the same IRI."""
    seen: dict[str, Row] = {}
    keys: tuple[tuple[str, Callable[[Row], str]], ...] = (
        ("event", event_key),
        ("responsibility", responsibility_row_key),
        ("observation", row_key),
        ("status_record", row_key),
    )
    for entity, key in keys:
        for row in ds.rows(FILES_BY_ENTITY[entity]):
            k = f"{entity}:{key(row)}"
            if k in seen:
                problems.append(Problem(f"doppelte Zeile (wie Zeile {seen[k].line})", row.file, row.line))
            seen[k] = row
