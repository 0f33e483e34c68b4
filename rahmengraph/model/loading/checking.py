"""Reading and checking datasets: every file, cell and reference, all problems at once.

``read_dataset`` collects *all* problems (file, line, column, value) and raises one
:class:`~rahmengraph.errors.InputError` listing them; nothing reaches a store unless the whole
dataset is valid (see :mod:`rahmengraph.model.loading.writing`).
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from pydantic import ValidationError

from rahmengraph.errors import InputError, Problem, ProblemKind
from rahmengraph.model import namespaces
from rahmengraph.model.loading import cells
from rahmengraph.model.loading.cell_checks import check_cell, check_duplicates, check_special
from rahmengraph.model.loading.dataset import CsvFile, Dataset, entity_iri
from rahmengraph.model.loading.reading import read_files, read_turtle
from rahmengraph.model.loading.table_warnings import table_warnings
from rahmengraph.model.schema import FILES
from rahmengraph.model.store import Triple

#: Problems after which checking the cells would only report their consequences.
_BROKEN = frozenset({ProblemKind.MISSING_FILE, ProblemKind.UNREADABLE, ProblemKind.MISSING_KEY})


def _base(files: dict[str, CsvFile], problems: list[Problem]) -> str:
    frame = files.get("rahmen.csv")
    if frame is None:
        return namespaces.BREMEN_BASE
    if len(frame.rows) != 1:
        problems.append(Problem(f"genau eine Zeile erwartet, gefunden {len(frame.rows)}", "rahmen.csv", 2))
    if not frame.rows:
        return namespaces.BREMEN_BASE
    row = frame.rows[0]
    try:
        return cells.BASE_IRI.validate_python(row.get("basis_iri"))
    except ValidationError as exc:
        problems.append(row.problem("basis_iri", cells.message(exc)))
        return namespaces.BREMEN_BASE


def _register(ds: Dataset, problems: list[Problem]) -> None:
    for spec in FILES:
        if spec.key is None:
            continue
        reg: dict[str, str] = {}
        first: dict[str, int] = {}
        for row in ds.rows(spec):
            key = row.get(spec.key)
            if not key:
                continue  # reported as an empty required cell
            if key in reg:
                message = (
                    f"doppelte ID {key!r}: steht schon in Zeile {first[key]} (und hier in Zeile {row.line})"
                )
                if cells.shortened(key):
                    message += f"; war eine davon z. B. {key}0 und wurde als Zahl gekürzt? {cells.AS_TEXT}"
                problems.append(row.problem(spec.key, message))
                continue
            first[key] = row.line
            ident = row.get("id") if spec.entity == "level" else key
            if spec.entity == "status_wording":  # free text: an ASCII id from its hash
                ident = "w-" + hashlib.sha1(key.encode()).hexdigest()[:12]
            reg[key] = entity_iri(ds.base, spec.entity, ident or key)
        ds.keys[spec.entity] = reg


def read_dataset(folder: Path) -> Dataset:
    """Read and check a dataset folder (or an ``.xlsx``/``.ods`` workbook with one sheet per file).

    Raises :class:`InputError` listing every problem.
    """
    problems: list[Problem] = []
    files = read_files(folder, problems)
    return check_files(folder, files, read_turtle(folder, problems), problems)


def check_files(
    folder: Path,
    files: dict[str, CsvFile],
    turtle: list[Triple],
    problems: list[Problem],
    only: set[str] | None = None,
) -> Dataset:
    """Check the tables of a dataset or of one edition (``only`` its own files: the others were
    checked with the dataset); raises :class:`InputError` listing every problem, also those
    already in ``problems``."""
    ds = Dataset(folder, _base(files, problems), files)
    ds.turtle = turtle
    _register(ds, problems)
    if any(p.kind in _BROKEN for p in problems):
        # Without a file (or its keys) every reference into it would be reported: say only what is broken.
        raise InputError(f"Datensatz {folder} ist unvollständig oder nicht lesbar", problems)
    for spec in FILES:
        if only is not None and spec.file not in only:
            continue
        for row in ds.rows(spec):
            check_cell(ds, spec, row, problems)
            check_special(ds, spec, row, problems)
    if not problems:
        check_duplicates(ds, problems)
    if problems:
        raise InputError(f"Datensatz {folder} ist fehlerhaft: {len(problems)} Problem(e)", problems)
    ds.warnings = table_warnings(ds)
    return ds


def read_all(folders: list[Path]) -> list[Dataset]:
    """Read and check several datasets; one :class:`InputError` lists the problems of all of them
    (file names prefixed with the folder) and also base IRIs used twice."""
    datasets: list[Dataset] = []
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    for folder in folders:
        try:
            ds = read_dataset(folder)
        except InputError as exc:
            prefix = f"{folder.name}/" if len(folders) > 1 else ""
            problems += [
                replace(p, file=f"{prefix}{p.file}" if p.file else folder.name) for p in exc.problems
            ]
            continue
        if ds.base in seen:
            where = f"{folder.name}/rahmen.csv"
            problems.append(Problem(f"basis_iri {ds.base} auch in {seen[ds.base]}", where, 2, "basis_iri"))
        seen[ds.base] = folder
        datasets.append(ds)
    if problems:
        raise InputError(f"{len(problems)} Problem(e) in {len(folders)} Datensatz/Datensätzen", problems)
    return datasets
