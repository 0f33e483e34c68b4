"""Loading a dataset's editions: read each edition's tables, compare neighbours, cross-check the
documented changes, and build the graphs (one per edition, one catalogue with the changes).

Everything here happens before anything is written: a bad edition or change record stops the
whole load with located problems (:class:`~rahmengraph.errors.InputError`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rahmengraph.errors import InputError, Problem
from rahmengraph.model.change_records import Record, read_records
from rahmengraph.model.changes import Documented, match, successors_of
from rahmengraph.model.diff import Change, compare
from rahmengraph.model.edition_triples import catalogue_triples
from rahmengraph.model.editions import (
    Edition,
    catalogue_iri,
    date_key,
    edition_iri,
    read_catalogue,
    read_edition_files,
)
from rahmengraph.model.loading.checking import check_files, read_dataset
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.loading.mapping import to_triples
from rahmengraph.model.snapshot import Snapshot, snapshot_of
from rahmengraph.model.store import Triple


@dataclass
class EditionSet:
    """The editions of one dataset, ready to be written."""

    base: str
    editions: list[Edition]
    triples: dict[str, list[Triple]]  # version → triples (earlier editions; the current one is the dataset's)
    changes: list[Change]  # between neighbours, and documented ones outside any pair
    catalogue: list[Triple]
    warnings: list[Problem] = field(default_factory=list)
    current: list[Triple] = field(default_factory=list)  # the dataset's own triples (mapped once)

    def graphs(self, current: list[Triple]) -> list[tuple[str, list[Triple]]]:
        """Graphs to write: one per edition (the current one a copy of ``current``), the catalogue."""
        out = [
            (edition_iri(self.base, ed.version), self.triples.get(ed.version, current))
            for ed in self.editions
        ]
        return [*out, (catalogue_iri(self.base), self.catalogue)]


def _documented(rec: Record, base: str, known: dict[str, str]) -> Documented:
    entity = known.get(rec.subject, "")
    return Documented(
        rec.date,
        rec.subject,
        entity,
        rec.type,
        rec.reason,
        rec.sources,
        rec.decided_by,
        rec.successors,
        Problem("", rec.row.file, rec.row.line),
        rec.note,
    )


def _entities(snaps: list[Snapshot]) -> dict[str, str]:
    """id → IRI of every measure and field of any edition (ids are stable across editions)."""
    out: dict[str, str] = {}
    for snap in snaps:
        out.update({m.id: m.iri for m in snap.measures.values()})
        out.update({number: iri for iri, (number, _t) in snap.fields.items()})
    return out


def _place(rec: Record, editions: list[Edition]) -> int | None:
    """Index of the edition that carries a documented change (None: before the first edition);
    ``len(editions)``: after the current one."""
    if rec.edition:
        return next((i for i, ed in enumerate(editions) if ed.version == rec.edition), -1)
    key = date_key(rec.date)
    if key <= editions[0].key:
        return None
    return next((i for i, ed in enumerate(editions) if key <= ed.key), len(editions))


def build_editions(ds: Dataset) -> EditionSet | None:
    """The editions of ``ds`` (``None`` without ``ausgaben.csv``); raises :class:`InputError`."""
    editions, problems = read_catalogue(ds.folder, ds.keys)
    records, found = read_records(ds.folder, ds.keys)
    problems += found
    if not editions:
        if records and not problems:
            problems.append(
                Problem(
                    "aenderungen.csv braucht ausgaben.csv (die Ausgaben, zwischen denen sich etwas ändert)",
                    "aenderungen.csv",
                )
            )
        if problems:
            raise InputError(f"Ausgaben in {ds.folder} sind fehlerhaft", problems)
        return None
    datasets: dict[str, Dataset] = {}
    for ed in editions:
        if ed.current or problems:
            continue
        files, found = read_edition_files(ds.folder / ed.folder, ds.files, ds.keys)
        try:
            own = {name for name in files if (ds.folder / ed.folder / name).exists()}
            datasets[ed.version] = check_files(ds.folder / ed.folder, files, ds.turtle, found, own)
        except InputError as exc:
            problems += [
                p
                if "/" in (p.file or "/")
                else Problem(p.message, f"{ed.folder}/{p.file}", p.line, p.column, p.value)
                for p in exc.problems
            ]
    if problems:
        raise InputError(f"Ausgaben in {ds.folder} sind fehlerhaft: {len(problems)} Problem(e)", problems)
    triples = {version: to_triples(eds) for version, eds in datasets.items()}
    current = to_triples(ds)
    snaps = [snapshot_of(ed.version, triples.get(ed.version, current)) for ed in editions]
    known = _entities(snaps)
    placed: dict[int | None, list[Documented]] = {}
    for rec in records:
        where = _place(rec, editions)
        if where == -1:
            problems.append(rec.row.problem("ausgabe", f"unbekannte Ausgabe {rec.edition!r} (ausgaben.csv)"))
            continue
        doc = _documented(rec, ds.base, known)
        pair = [snaps[0]] if where is None else snaps[max(where - 1, 0) : where + 1]
        if rec.names_id and not any(doc.entity in s.measures or doc.entity in s.fields for s in pair):
            names = (
                " und ".join(editions[snaps.index(s)].version for s in pair)
                if where != len(editions)
                else editions[-1].version
            )
            problems.append(
                rec.row.problem(
                    "massnahme",
                    f"Änderung nennt {rec.subject!r}, das in keiner der Ausgaben {names} vorkommt",
                )
            )
            continue
        placed.setdefault(where, []).append(doc)
    if problems:
        raise InputError(f"Änderungen in {ds.folder} sind fehlerhaft: {len(problems)} Problem(e)", problems)
    changes: list[Change] = []
    warnings: list[Problem] = []
    for i in range(1, len(editions)):
        versions = (editions[i - 1].version, editions[i].version)
        docs = placed.get(i, [])
        found_changes = compare(snaps[i - 1], snaps[i], versions, editions[i].key, successors_of(docs))
        row = editions[i].row  # a warning the change records cannot locate points at the edition
        warnings += [
            p if p.file else Problem(p.message, row.file, row.line, "id", p.value)
            for p in match(found_changes, docs, snaps[i - 1], snaps[i], versions)
        ]
        changes += found_changes
    outside = [*placed.get(None, []), *placed.get(len(editions), [])]
    for doc in placed.get(len(editions), []):
        warnings.append(
            Problem(
                f"Änderung nach der aktuellen Ausgabe {editions[-1].version}: gehört in eine neue Ausgabe",
                doc.problem.file if doc.problem else None,
                doc.problem.line if doc.problem else None,
                "datum",
                doc.date,
            )
        )
    # Oxigraph does not merge a default graph of several graphs into a set: keep the catalogue disjoint
    main = set(current)
    catalogue = [t for t in catalogue_triples(ds, editions, changes, outside) if t not in main]
    return EditionSet(ds.base, editions, triples, changes, catalogue, warnings, current)


def with_editions(ds: Dataset) -> Dataset:
    """``ds`` with its editions built (once; datasets without ``ausgaben.csv`` have none)."""
    if ds.editions is None:
        ds.editions = build_editions(ds)
    return ds


def read_with_editions(folder: Path) -> Dataset:
    """Read and check a dataset folder together with its editions (raises :class:`InputError`)."""
    return with_editions(read_dataset(folder))
