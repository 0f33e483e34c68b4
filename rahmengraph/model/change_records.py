"""Documented changes: ``aenderungen.csv``, the *why* beside the computed diff.

One row is a dated change to a measure, a Handlungsfeld or the framework as a whole: ``datum``,
``massnahme`` (a measure id or Handlungsfeld number of some edition, or a description in words
such as ``Rahmenkonzept (gesamt)``), ``art`` (a type of :data:`value_lists.CHANGE_TYPES`), ``was`` (the
change and its reason in words), ``quelle``, ``sicherheit``, ``anmerkung``; optional
``beschlossen_von`` (deciding body), ``nachfolger`` (successor measures of an ended, merged or split
measure, or the field a Handlungsfeld was merged into) and ``ausgabe`` (the edition that carries
the change, when the date alone does not tell).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from rahmengraph.errors import Problem
from rahmengraph.model import value_lists
from rahmengraph.model.loading import cells
from rahmengraph.model.loading.csv_text import read_csv
from rahmengraph.model.loading.dataset import Row, split_list

RECORDS_FILE = "aenderungen.csv"
_COLUMNS = ("datum", "massnahme", "art", "was", "quelle", "sicherheit", "anmerkung")
_OPTIONAL = ("beschlossen_von", "nachfolger", "ausgabe")
#: An id as the tables write them: no spaces, at least one digit (``M-3.2-01``, ``K-3.6-01``, ``3.1``).
_ID = re.compile(r"^(?=.*\d)[\w.-]+$")


@dataclass(frozen=True)
class Record:
    """One documented change."""

    date: str
    subject: str  # measure id, field number, or a description in words
    type: str  # cell of value_lists.CHANGE_TYPES
    reason: str
    sources: str
    certainty: str
    note: str
    decided_by: str
    successors: tuple[str, ...]
    edition: str
    row: Row

    @property
    def names_id(self) -> bool:
        """Does the record name an id (rather than describe its subject in words)?"""
        return self.type != "Rahmenkonzept" and bool(_ID.match(self.subject))


def read_records(folder: Path, known: dict[str, dict[str, str]]) -> tuple[list[Record], list[Problem]]:
    """The documented changes of ``folder`` (none without ``aenderungen.csv``) and every problem.

    Subjects are checked against the editions later (:mod:`rahmengraph.model.changes`); here: the
    date, the type, the deciding body.
    """
    path = folder / RECORDS_FILE
    if not folder.is_dir() or not path.exists():
        return [], []
    csv_file, problems = read_csv(path, _COLUMNS, _COLUMNS + _OPTIONAL)
    if csv_file is None:
        return [], problems
    records = []
    for row in csv_file.rows:
        ok = True
        for column in ("datum", "massnahme", "art", "quelle"):
            if not row.get(column):
                problems.append(row.problem(column, "Pflichtangabe fehlt"))
                ok = False
        if row.get("datum"):
            try:
                cells.DATE.validate_python(row.get("datum"))
            except ValidationError as exc:
                problems.append(row.problem("datum", cells.message(exc)))
                ok = False
        if row.get("art") and row.get("art") not in value_lists.CHANGE_TYPES:
            allowed = ", ".join(value_lists.CHANGE_TYPES)
            problems.append(row.problem("art", f"unbekannte Änderungsart; erlaubt: {allowed}"))
            ok = False
        body = row.get("beschlossen_von")
        if body and body not in known.get("body", {}) and body not in known.get("actor", {}):
            problems.append(row.problem("beschlossen_von", f"unbekanntes Gremium oder Akteur {body!r}"))
        if ok:
            records.append(
                Record(
                    row.get("datum"),
                    row.get("massnahme"),
                    row.get("art"),
                    row.get("was"),
                    row.get("quelle"),
                    row.get("sicherheit"),
                    row.get("anmerkung"),
                    body,
                    tuple(split_list(row.get("nachfolger"))),
                    row.get("ausgabe"),
                    row,
                )
            )
    return records, problems
