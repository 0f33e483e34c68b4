"""Loading a dataset folder: read every file, check every cell and reference, then build triples.

``read_dataset`` collects *all* problems (file, line, column, value) and raises one
:class:`~rahmengraph.errors.InputError` listing them; nothing reaches a store unless the whole
dataset is valid. ``load`` writes a valid dataset and the ontology into a store, each in one
transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
from pydantic import ValidationError

from rahmengraph.errors import InputError, Problem
from rahmengraph.model import cells, vocab
from rahmengraph.model.kinds import SEGMENTS
from rahmengraph.model.schema import FILES, FileSpec
from rahmengraph.model.store import GraphStore, Triple
from rahmengraph.model.tabular import CsvFile, Row


def entity_iri(base: str, entity: str, key: str) -> str:
    """IRI of an entity: ``{base}{segment}/{key}`` with the key percent-encoded where needed."""
    return f"{base}{SEGMENTS[entity]}/{quote(key, safe='-._~')}"


@dataclass
class Dataset:
    """A read and checked dataset: its files, its base IRI and a key → IRI registry per entity."""

    folder: Path
    base: str
    files: dict[str, CsvFile]
    keys: dict[str, dict[str, str]] = field(default_factory=dict)
    turtle: list[Triple] = field(default_factory=list)

    @property
    def graph(self) -> str:
        """Name of the dataset's named graph."""
        return self.base

    @property
    def framework(self) -> str:
        return self.base + SEGMENTS["framework"]

    def rows(self, spec: FileSpec) -> list[Row]:
        f = self.files.get(spec.file)
        return f.rows if f else []

    def any_key(self, key: str) -> str | None:
        for entity in (
            "measure",
            "actor",
            "body",
            "initiative",
            "indicator",
            "goal",
            "field",
            "target_group",
        ):
            if key in self.keys.get(entity, {}):
                return self.keys[entity][key]
        return None


def _read_files(folder: Path, problems: list[Problem]) -> dict[str, CsvFile]:
    from rahmengraph.model.tabular import parse_csv, read_csv, xlsx_as_csv

    files: dict[str, CsvFile] = {}
    if folder.suffix == ".xlsx" and folder.is_file():
        sheets, found = xlsx_as_csv(folder)
        problems.extend(found)
        for spec in FILES:
            if spec.file not in sheets:
                if spec.required and not found:
                    problems.append(
                        Problem(f"Pflichtblatt {spec.file.removesuffix('.csv')!r} fehlt", folder.name)
                    )
                continue
            csv_file, more = parse_csv(spec.file, sheets[spec.file], spec.mandatory, spec.names)
            problems.extend(more)
            if csv_file is not None:
                files[spec.file] = csv_file
        return files
    if not folder.is_dir():
        raise InputError(f"Datensatz-Ordner {folder} existiert nicht", [Problem("Ordner fehlt", str(folder))])
    for spec in FILES:
        path = folder / spec.file
        if not path.exists():
            if spec.required:
                problems.append(Problem("Pflichtdatei fehlt", spec.file))
            continue
        csv_file, found = read_csv(path, spec.mandatory, spec.names)
        problems.extend(found)
        if csv_file is not None:
            files[spec.file] = csv_file
    return files


def _read_turtle(folder: Path, problems: list[Problem]) -> list[Triple]:
    triples: list[Triple] = []
    if not folder.is_dir():
        return triples
    for path in sorted(folder.glob("*.ttl")):
        try:
            triples.extend(q.triple for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
        except SyntaxError as exc:
            problems.append(Problem(f"Turtle-Syntaxfehler: {exc}", path.name, getattr(exc, "lineno", None)))
    return triples


def _base(files: dict[str, CsvFile], problems: list[Problem]) -> str:
    frame = files.get("rahmen.csv")
    if frame is None:
        return vocab.BREMEN_BASE
    if len(frame.rows) != 1:
        problems.append(Problem(f"genau eine Zeile erwartet, gefunden {len(frame.rows)}", "rahmen.csv", 2))
    if not frame.rows:
        return vocab.BREMEN_BASE
    row = frame.rows[0]
    try:
        return cells.BASE_IRI.validate_python(row.get("basis_iri"))
    except ValidationError as exc:
        problems.append(row.problem("basis_iri", cells.message(exc)))
        return vocab.BREMEN_BASE


def _register(ds: Dataset, problems: list[Problem]) -> None:
    for spec in FILES:
        if spec.key is None:
            continue
        reg: dict[str, str] = {}
        for row in ds.rows(spec):
            key = row.get(spec.key)
            if not key:
                continue  # reported as an empty required cell
            if key in reg:
                problems.append(row.problem(spec.key, f"doppelte ID {key!r}"))
                continue
            ident = row.get("id") if spec.entity == "level" else key
            reg[key] = entity_iri(ds.base, spec.entity, ident or key)
        ds.keys[spec.entity] = reg


def read_dataset(folder: Path) -> Dataset:
    """Read and check a dataset folder (or an ``.xlsx`` workbook with one sheet per file).

    Raises :class:`InputError` listing every problem.
    """
    from rahmengraph.model.checks import check_cell
    from rahmengraph.model.special import check_duplicates, check_special

    problems: list[Problem] = []
    files = _read_files(folder, problems)
    ds = Dataset(folder, _base(files, problems), files)
    ds.turtle = _read_turtle(folder, problems)
    _register(ds, problems)
    if any(p.line is None and ("Pflichtdatei" in p.message or "Pflichtblatt" in p.message) for p in problems):
        # Without a required file every reference into it would be reported: say only what is missing.
        raise InputError(f"Datensatz {folder} ist unvollständig", problems)
    for spec in FILES:
        for row in ds.rows(spec):
            check_cell(ds, spec, row, problems)
            check_special(ds, spec, row, problems)
    if not problems:
        check_duplicates(ds, problems)
    if problems:
        raise InputError(f"Datensatz {folder} ist fehlerhaft: {len(problems)} Problem(e)", problems)
    return ds


@cache
def ontology_triples() -> tuple[Triple, ...]:
    """The ontology as triples (parsed once per process)."""
    from rahmengraph.model.ontology import ontology_turtle

    return tuple(q.triple for q in ox.parse(ontology_turtle(), format=ox.RdfFormat.TURTLE))


def _ensure_ontology(store: GraphStore) -> None:
    onto = ontology_triples()
    if store.count(vocab.ONTOLOGY_IRI) != len(onto):
        store.replace_graph(vocab.ONTOLOGY_IRI, onto)


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


def write(store: GraphStore, datasets: list[Dataset]) -> None:
    """Write checked datasets, each into its own named graph, and the ontology if it is missing.

    A graph that exists is replaced in one transaction; new graphs go in together (Oxigraph's bulk
    loader for an empty store). With many datasets only base and keys are kept once mapped.
    """
    from rahmengraph.model.mapping import to_triples

    existing = set(store.graphs())
    release = len(datasets) > 1

    def mapped(ds: Dataset) -> tuple[str, list[Triple]]:
        triples = to_triples(ds)
        if release:
            ds.files = {}
        return ds.graph, triples

    for ds in datasets:
        if ds.graph in existing:
            store.replace_graph(*mapped(ds))
    store.add_graphs(mapped(ds) for ds in datasets if ds.graph not in existing)
    _ensure_ontology(store)


def load_all(store: GraphStore, folders: list[Path]) -> list[Dataset]:
    """Read and check every dataset first, then write them; nothing is written unless all are valid."""
    datasets = read_all(folders)
    write(store, datasets)
    return datasets


def load(store: GraphStore, folder: Path) -> Dataset:
    """Read, check and map one dataset, then write it (and the ontology if missing) into ``store``."""
    return load_all(store, [folder])[0]
