"""Editions of a framework: ``ausgaben.csv`` and one folder of tables per earlier edition.

A dataset folder holds the **current** edition (its tables, as always). ``ausgaben.csv`` lists
every edition in order of date: ``id`` (the version, e.g. ``2021-10``), ``titel``, ``datum``,
``beschlossen_von`` (a body from ``gremien.csv`` or an actor), ``quelle``, ``ordner`` (the folder
of an earlier edition's tables, relative to the dataset; empty for the current edition, which
must be the last row) and ``anmerkung``. An edition folder holds the tables that differ; a file it
lacks is taken from the dataset folder, with references to measures and fields the edition does
not have left out (an event of 2024 names a measure the edition of 2021 does not know yet).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import quote

from pydantic import ValidationError

from rahmengraph.errors import InputError, Problem
from rahmengraph.model.kinds import SEGMENTS
from rahmengraph.model.loading import cells
from rahmengraph.model.loading.csv_text import read_csv
from rahmengraph.model.loading.dataset import CsvFile, Row, split_list
from rahmengraph.model.schema import FILES
from rahmengraph.model.schema.columns import Kind

CATALOGUE_FILE = "ausgaben.csv"
CATALOGUE_COLUMNS = ("id", "titel", "datum", "beschlossen_von", "quelle", "ordner", "anmerkung")
_MANDATORY = ("id", "titel", "datum", "beschlossen_von", "quelle", "ordner")


def date_key(value: str) -> str:
    """Sort key of an ISO date, month or year: its first day (``2022`` → ``2022-01-01``)."""
    parts = value.split("-")
    return "-".join([parts[0], *([*parts[1:], "01", "01"])[:2]])


def edition_iri(base: str, version: str) -> str:
    """IRI of an edition, which is also the name of its graph: ``{base}ausgabe/<version>``."""
    return f"{base}{SEGMENTS['edition']}/{quote(version, safe='-._~')}"


def catalogue_iri(base: str) -> str:
    """Name of the graph with the edition catalogue and the changes: ``{base}ausgaben``."""
    return base + SEGMENTS["edition_catalog"]


@dataclass(frozen=True)
class Edition:
    """One row of ``ausgaben.csv``."""

    version: str
    title: str
    date: str
    decided_by: str
    sources: str
    folder: str  # relative to the dataset folder; "" = the dataset folder (current edition)
    note: str
    row: Row

    @property
    def current(self) -> bool:
        return not self.folder

    @property
    def key(self) -> str:
        return date_key(self.date)


def read_catalogue(folder: Path, known: dict[str, dict[str, str]]) -> tuple[list[Edition], list[Problem]]:
    """The editions listed in ``folder/ausgaben.csv`` (none if there is no such file) and every problem.

    ``known`` is the dataset's key registry (bodies and actors may decide an edition).
    """
    path = folder / CATALOGUE_FILE
    if not folder.is_dir() or not path.exists():
        return [], []
    csv_file, problems = read_csv(path, _MANDATORY, CATALOGUE_COLUMNS)
    if csv_file is None:
        return [], problems
    editions: list[Edition] = []
    seen: set[str] = set()
    for row in csv_file.rows:
        version = row.get("id")
        if not version:
            problems.append(row.problem("id", "Pflichtangabe fehlt"))
            continue
        if version in seen:
            problems.append(row.problem("id", f"doppelte Ausgabe {version!r}"))
        seen.add(version)
        try:
            cells.DATE.validate_python(row.get("datum"))
        except ValidationError as exc:
            problems.append(row.problem("datum", cells.message(exc)))
            continue
        body = row.get("beschlossen_von")
        if body and body not in known.get("body", {}) and body not in known.get("actor", {}):
            problems.append(row.problem("beschlossen_von", f"unbekanntes Gremium oder Akteur {body!r}"))
        if not row.get("quelle"):
            problems.append(row.problem("quelle", "Pflichtangabe fehlt: jede Ausgabe braucht eine Quelle"))
        sub = row.get("ordner")
        if sub and not (folder / sub).is_dir():
            problems.append(row.problem("ordner", f"Ordner {sub!r} der Ausgabe gibt es nicht in {folder}"))
        editions.append(
            Edition(
                version,
                row.get("titel"),
                row.get("datum"),
                body,
                row.get("quelle"),
                sub,
                row.get("anmerkung"),
                row,
            )
        )
    problems.extend(_order(editions))
    return editions, problems


def _order(editions: list[Edition]) -> list[Problem]:
    """Editions in order of date; exactly the last one is the current edition (empty ``ordner``)."""
    problems: list[Problem] = []
    for prev, ed in itertools.pairwise(editions):
        if ed.key <= prev.key:
            problems.append(
                ed.row.problem(
                    "datum",
                    f"Ausgabe {ed.version!r} ist auf {ed.date} datiert, nicht nach ihrer Vorgängerin "
                    f"{prev.version!r} ({prev.date}); die Zeilen stehen in zeitlicher Folge",
                )
            )
    current = [ed for ed in editions if ed.current]
    if editions and (len(current) != 1 or not editions[-1].current):
        last = editions[-1].row
        problems.append(
            last.problem(
                "ordner",
                "genau die letzte (neueste) Ausgabe ist die aktuelle und hat ein leeres ordner; "
                f"aktuell: {', '.join(ed.version for ed in current) or 'keine'}",
            )
        )
    return problems


def read_edition_files(
    folder: Path, main: dict[str, CsvFile], main_keys: dict[str, dict[str, str]]
) -> tuple[dict[str, CsvFile], list[Problem]]:
    """The tables of an earlier edition: its own files, the rest inherited from ``main`` with
    references to measures and fields the edition lacks left out."""
    problems: list[Problem] = []
    own: dict[str, CsvFile] = {}
    for spec in FILES:
        path = folder / spec.file
        if path.exists():
            csv_file, found = read_csv(path, spec.mandatory, spec.names, renamed=spec.renamed)
            problems.extend(replace(p, file=f"{folder.name}/{p.file}") for p in found)
            if csv_file is not None:
                own[spec.file] = csv_file
    keys = {
        spec.entity: {r.get(spec.key) for r in own[spec.file].rows}
        for spec in FILES
        if spec.key and spec.file in own and spec.entity in ("measure", "field")
    }
    gone = {entity: set(main_keys.get(entity, {})) - have for entity, have in keys.items()}
    files = dict(own)
    for name, csv_file in main.items():
        if name not in own:
            files[name] = _inherited(csv_file, gone)
    return files, problems


def _inherited(csv_file: CsvFile, gone: dict[str, set[str]]) -> CsvFile:
    """``csv_file`` without references to ``gone`` keys (entity → keys the edition does not have);
    a row whose required reference is gone is left out."""
    spec = next(s for s in FILES if s.file == csv_file.name)
    refs = [c for c in spec.columns if c.target in gone or c.kind is Kind.ANYREFS]
    missing = set().union(*gone.values()) if gone else set()
    if not refs or not missing:
        return csv_file
    rows = []
    for row in csv_file.rows:
        values = dict(row.cells)
        drop = False
        for col in refs:
            items = split_list(values.get(col.name, ""))
            kept = [i for i in items if i not in missing]
            if col.required and items and not kept:
                drop = True
            values[col.name] = ";".join(kept)
        if not drop:
            rows.append(Row(row.file, row.line, values))
    return CsvFile(csv_file.name, csv_file.header, rows)


def located(problems: list[Problem], prefix: str) -> list[Problem]:
    """Problems of an edition folder, their file names prefixed with the folder."""
    return [
        replace(p, file=f"{prefix}/{p.file}" if p.file and "/" not in p.file else p.file) for p in problems
    ]


def fail(folder: Path, problems: list[Problem]) -> None:
    if problems:
        raise InputError(f"Ausgaben in {folder} sind fehlerhaft: {len(problems)} Problem(e)", problems)
