"""Cell checks of the loader: references, levels, dates, numbers, controlled values, sources.

Each check appends located problems (file, line, column, value) and never stops at the first one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pydantic import ValidationError

from rahmengraph.errors import Problem
from rahmengraph.model import cells
from rahmengraph.model.schema import FileSpec, Kind
from rahmengraph.model.tabular import Row, split_list

if TYPE_CHECKING:
    from rahmengraph.model.loader import Dataset


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
}


def check_list(ds: Dataset, row: Row, column: str, entity: str, problems: list[Problem]) -> None:
    """Every item of a list cell must be a key of ``entity``; no item may repeat."""
    what = REF_NAMES.get(entity, entity)
    items = split_list(row.get(column))
    for item in items:
        if item not in ds.keys.get(entity, {}):
            problems.append(row.problem(column, f"unbekannte(r) {what} {item!r}", item))
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


def _check_sources(ds: Dataset, spec: FileSpec, row: Row, column: str, problems: list[Problem]) -> None:
    from rahmengraph.model.mapping import source_node

    for item in split_list(row.get(column), " | "):
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
    Kind.CLASS: _check_vocab,
    Kind.SOURCES: _check_sources,
}
