"""Reading a dataset folder (or workbook): its CSV files and Turtle supplements, with every problem.

Nothing is checked beyond the files' shape here (header, columns, decoding); cells and references
are checked by :mod:`rahmengraph.model.loading.checking`.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from rahmengraph.errors import InputError, Problem, ProblemKind
from rahmengraph.model.loading.csv_text import parse_csv, read_csv
from rahmengraph.model.loading.dataset import CsvFile
from rahmengraph.model.loading.workbook import READERS, workbook_as_csv
from rahmengraph.model.schema import FILES
from rahmengraph.model.store import Triple

_SAVE_AS = (
    "Bitte als .xlsx (Excel-Arbeitsmappe), .ods (LibreOffice) oder als Ordner mit CSV-Dateien "
    "(UTF-8) speichern"
)


def _read_workbook(path: Path, problems: list[Problem]) -> dict[str, CsvFile]:
    files: dict[str, CsvFile] = {}
    sheets, found = workbook_as_csv(path)
    problems.extend(found)
    for spec in FILES:
        if spec.file not in sheets:
            if spec.required and not found:
                problems.append(
                    Problem(
                        f"Pflichtblatt {spec.file.removesuffix('.csv')!r} fehlt",
                        path.name,
                        kind=ProblemKind.MISSING_FILE,
                    )
                )
            continue
        csv_file, more = parse_csv(
            spec.file, sheets[spec.file], spec.mandatory, spec.names, spec.key, spec.renamed
        )
        problems.extend(more)
        if csv_file is not None:
            files[spec.file] = csv_file
    return files


def read_files(folder: Path, problems: list[Problem]) -> dict[str, CsvFile]:
    """The dataset's files by name (a folder of CSV files, or an ``.xlsx``/``.ods`` workbook);
    problems are appended to ``problems``. Raises :class:`InputError` when there is no such folder."""
    if folder.is_file() and folder.suffix.lower() in READERS:
        return _read_workbook(folder, problems)
    if folder.is_file():
        raise InputError(
            f"{folder} ist weder ein Datensatz-Ordner noch eine lesbare Arbeitsmappe",
            [Problem(f"{_SAVE_AS} ({folder.suffix or 'ohne Endung'} wird nicht gelesen)", folder.name)],
        )
    if not folder.is_dir():
        raise InputError(f"Datensatz-Ordner {folder} existiert nicht", [Problem("Ordner fehlt", str(folder))])
    files: dict[str, CsvFile] = {}
    for spec in FILES:
        path = folder / spec.file
        if not path.exists():
            if spec.required:
                problems.append(Problem("Pflichtdatei fehlt", spec.file, kind=ProblemKind.MISSING_FILE))
            continue
        csv_file, found = read_csv(path, spec.mandatory, spec.names, spec.key, spec.renamed)
        problems.extend(found)
        if csv_file is not None:
            files[spec.file] = csv_file
    return files


def read_turtle(folder: Path, problems: list[Problem]) -> list[Triple]:
    """Triples of the folder's ``*.ttl`` supplements (none for a workbook)."""
    triples: list[Triple] = []
    if not folder.is_dir():
        return triples
    for path in sorted(folder.glob("*.ttl")):
        try:
            triples.extend(q.triple for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
        except SyntaxError as exc:
            problems.append(Problem(f"Turtle-Syntaxfehler: {exc}", path.name, getattr(exc, "lineno", None)))
    return triples
