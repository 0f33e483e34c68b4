"""A new edition from a folder or workbook: check it, show what changed, write it when confirmed.

:func:`plan` reads the new edition's tables (a dataset folder or an ``.xlsx`` as
``rahmengraph export --format xlsx`` writes it), checks them like any dataset, checks the date
against the current edition and compares the two. Nothing is written. :func:`apply` then writes
in one step: the current tables move to ``ausgaben/<version>/``, the new ones take their place,
``ausgaben.csv`` gets the new row (and, the first time, a row for the edition so far), the
new edition's ``aenderungen`` rows are appended. The folder is built beside the dataset and
swapped in only when it loads; a failure leaves the dataset as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from rahmengraph.errors import InputError, ParameterError, Problem
from rahmengraph.model.change_records import RECORDS_FILE, read_records
from rahmengraph.model.changes import Documented, match, successors_of
from rahmengraph.model.diff import Change, compare
from rahmengraph.model.edition_build import read_with_editions
from rahmengraph.model.editions import CATALOGUE_COLUMNS, CATALOGUE_FILE, date_key
from rahmengraph.model.loading import cells
from rahmengraph.model.loading.checking import read_dataset
from rahmengraph.model.loading.csv_text import parse_csv, write_csv
from rahmengraph.model.loading.dataset import CsvFile, Dataset
from rahmengraph.model.loading.mapping import to_triples
from rahmengraph.model.loading.workbook import workbook_as_csv
from rahmengraph.model.schema import FILES
from rahmengraph.model.snapshot import snapshot_of


@dataclass(frozen=True)
class NewEdition:
    """What the planner says about the new edition."""

    version: str
    title: str
    date: str
    decided_by: str
    sources: str
    note: str = ""


@dataclass
class Plan:
    folder: Path  # the dataset
    source: Path  # where the new tables come from
    edition: NewEdition
    previous: tuple[str, str, str, str, str, str]  # version, title, date, body, sources, note of the current
    first_time: bool  # no ausgaben.csv yet
    files: dict[str, CsvFile]
    records: list[dict[str, str]]  # new rows of aenderungen.csv
    records_header: list[str]
    changes: list[Change] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def _previous(main: Dataset) -> tuple[tuple[str, str, str, str, str, str], bool]:
    if main.editions is not None:
        ed = main.editions.editions[-1]
        return (ed.version, ed.title, ed.date, ed.decided_by, ed.sources, ed.note), False
    frame = main.files["rahmen.csv"].rows[0]
    date = frame.get("beschlossen")
    if not date:
        raise InputError(
            "Die bisherige Fassung hat kein Datum: rahmen.csv, Spalte beschlossen, oder ausgaben.csv anlegen",
            [frame.problem("beschlossen", "Pflichtangabe für die erste Ausgabe fehlt")],
        )
    title = frame.get("ausgabe") or frame.get("titel")
    return (date, title, date, frame.get("beschlossen_von"), frame.get("quelle"), ""), True


def _source_records(source: Path, main: Dataset) -> tuple[list[str], list[dict[str, str]], list[Documented]]:
    """The change records that come with the new edition (file or sheet ``aenderungen``)."""
    if source.is_dir():
        records, problems = read_records(source, main.keys)
        raw = (source / RECORDS_FILE).read_bytes() if (source / RECORDS_FILE).exists() else b""
    else:
        sheets, problems = workbook_as_csv(source)
        raw = sheets.get(RECORDS_FILE, b"")
        records = []
        if raw:
            with tempfile.TemporaryDirectory() as tmp:
                (Path(tmp) / RECORDS_FILE).write_bytes(raw)
                records, problems = read_records(Path(tmp), main.keys)
    if problems:
        raise InputError(f"Änderungen in {source.name} sind fehlerhaft", problems)
    parsed, _p = parse_csv(RECORDS_FILE, raw, [], []) if raw else (None, [])
    header = parsed.header if parsed else []
    lines = [dict(r.cells) for r in parsed.rows] if parsed else []
    docs = [
        Documented(
            r.date,
            r.subject,
            "",
            r.type,
            r.reason,
            r.sources,
            r.decided_by,
            r.successors,
            Problem("", r.row.file, r.row.line),
            r.note,
        )
        for r in records
    ]
    return header, lines, docs


def plan(folder: Path, source: Path, edition: NewEdition) -> Plan:
    """Check the new edition and compare it with the current one; raises InputError/ParameterError."""
    try:
        cells.DATE.validate_python(edition.date)
    except ValidationError as exc:
        raise ParameterError(f"Parameter datum: {edition.date!r} – {cells.message(exc)}") from exc
    for name, value in (("id", edition.version), ("quelle", edition.sources)):
        if not value.strip():
            raise ParameterError(f"Parameter {name} fehlt: jede Ausgabe braucht eine Kennung und eine Quelle")
    main = read_with_editions(folder)
    new = read_dataset(source)
    if new.base != main.base:
        raise InputError(
            f"Die neue Ausgabe gehört zu einem anderen Rahmenkonzept (basis_iri {new.base}, "
            f"erwartet {main.base})",
            [Problem("andere basis_iri", "rahmen.csv", 2, "basis_iri", new.base)],
        )
    previous, first = _previous(main)
    if date_key(edition.date) <= date_key(previous[2]):
        raise ParameterError(
            f"Parameter datum: Die neue Ausgabe {edition.version!r} ist auf {edition.date} datiert, "
            "nicht nach "
            f"der aktuellen Ausgabe {previous[0]!r} ({previous[2]})"
        )
    known = {e.version for e in main.editions.editions} if main.editions else {previous[0]}
    if edition.version in known:
        raise ParameterError(f"Parameter id: Ausgabe {edition.version!r} gibt es schon")
    body = edition.decided_by
    if body and body not in main.keys.get("body", {}) and body not in main.keys.get("actor", {}):
        raise ParameterError(f"Parameter gremium: unbekanntes Gremium oder Akteur {body!r}")
    header, lines, docs = _source_records(source, main)
    current = main.editions.current if main.editions else []
    a = snapshot_of(previous[0], current or to_triples(main))
    b = snapshot_of(edition.version, to_triples(new))
    known_iris = {m.id: m.iri for m in [*a.measures.values(), *b.measures.values()]}
    docs = [
        Documented(
            d.date,
            d.subject,
            known_iris.get(d.subject, ""),
            d.type,
            d.reason,
            d.sources,
            d.decided_by,
            d.successors,
            d.problem,
            d.note,
        )
        for d in docs
    ]
    versions = (previous[0], edition.version)
    changes = compare(a, b, versions, date_key(edition.date), successors_of(docs))
    warnings = match(changes, docs, a, b, versions)
    files = {name: f for name, f in new.files.items()}
    return Plan(folder, source, edition, previous, first, files, lines, header, changes, warnings)


def _catalogue(plan: Plan) -> str:
    rows: list[list[str]] = []
    path = plan.folder / CATALOGUE_FILE
    prev_version = plan.previous[0]
    if path.exists():
        parsed, _p = parse_csv(CATALOGUE_FILE, path.read_bytes(), [], [])
        assert parsed is not None
        rows = [[r.cells.get(c, "") for c in CATALOGUE_COLUMNS] for r in parsed.rows]
        rows[-1][5] = f"ausgaben/{prev_version}"
    else:
        version, title, date, body, sources, note = plan.previous
        rows = [[version, title, date, body, sources, f"ausgaben/{version}", note]]
    e = plan.edition
    rows.append([e.version, e.title, e.date, e.decided_by, e.sources, "", e.note])
    return write_csv(list(CATALOGUE_COLUMNS), rows)


def _append_records(path: Path, plan: Plan) -> None:
    header, rows = list(plan.records_header), []
    if path.exists():
        parsed, _p = parse_csv(RECORDS_FILE, path.read_bytes(), [], [])
        if parsed is not None:
            header = parsed.header + [h for h in header if h not in parsed.header]
            rows = [dict(r.cells) for r in parsed.rows]
    rows += plan.records
    path.write_text(write_csv(header, [[r.get(h, "") for h in header] for r in rows]), encoding="utf-8")


def apply(plan: Plan) -> Path:
    """Write the new edition into the dataset folder (all or nothing); returns the folder."""
    folder = plan.folder.resolve()
    work = Path(tempfile.mkdtemp(prefix=f".{folder.name}-neu-", dir=folder.parent))
    try:
        shutil.copytree(folder, work, dirs_exist_ok=True)
        archive = work / "ausgaben" / plan.previous[0]
        archive.mkdir(parents=True)
        for spec in FILES:
            if (work / spec.file).exists():
                shutil.move(work / spec.file, archive / spec.file)
        for name, csv_file in plan.files.items():
            rows = [[r.cells.get(h, "") for h in csv_file.header] for r in csv_file.rows]
            (work / name).write_text(write_csv(csv_file.header, rows), encoding="utf-8")
        (work / CATALOGUE_FILE).write_text(_catalogue(plan), encoding="utf-8")
        if plan.records:
            _append_records(work / RECORDS_FILE, plan)
        read_with_editions(work)  # the new state must load before it replaces the old one
        backup = folder.with_name(f".{folder.name}-alt")
        shutil.rmtree(backup, ignore_errors=True)
        folder.rename(backup)
        work.rename(folder)
        shutil.rmtree(backup, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return folder
