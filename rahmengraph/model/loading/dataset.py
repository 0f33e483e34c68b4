"""The nouns every stage of loading shares: rows, files, the checked dataset and entity IRIs.

An entity's IRI is ``{base}{segment}/{key}``; rows without a key column (events,
responsibilities) get an IRI from their content, so the same row always gives the same IRI.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import pyoxigraph as ox

from rahmengraph.errors import Problem
from rahmengraph.model import value_lists
from rahmengraph.model.kinds import SEGMENTS
from rahmengraph.model.schema.columns import FileSpec
from rahmengraph.model.store import Triple

if TYPE_CHECKING:
    from rahmengraph.model.edition_build import EditionSet

LIST_SEP = ";"
SOURCE_SEP = " | "

#: Kinds whose keys a ``bezug`` (any reference) cell may name, in the order they are tried.
ANY_REF_KINDS = (
    "measure",
    "actor",
    "body",
    "initiative",
    "indicator",
    "goal",
    "field",
    "target_group",
    "framework",
)


@dataclass(frozen=True)
class Row:
    """One record of a CSV file: the line it starts on and its cells by column name."""

    file: str
    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "")

    def problem(self, column: str, message: str, value: str | None = None) -> Problem:
        return Problem(message, self.file, self.line, column, self.get(column) if value is None else value)


@dataclass
class CsvFile:
    name: str
    header: list[str]
    rows: list[Row]
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (old, new) column names read


def split_list(cell: str, sep: str = LIST_SEP) -> list[str]:
    """Items of a list cell, stripped, empty items dropped."""
    return [x.strip() for x in cell.split(sep) if x.strip()]


_SLUG = re.compile(r"[^a-z0-9]+")


def source_node(base: str, text: str) -> ox.NamedNode:
    """The IRI of a source: the URL itself, or a minted ``{base}quelle/<slug>`` for a document reference.

    Raises ValueError for a URL that is not a valid IRI.
    """
    if text.startswith(("http://", "https://")):
        return ox.NamedNode(text)
    slug = _SLUG.sub("-", text.casefold()).strip("-")[:48].strip("-")
    digest = hashlib.sha1(text.encode()).hexdigest()[:6]
    return ox.NamedNode(f"{base}{SEGMENTS['source']}/{slug}-{digest}")


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
    #: Earlier editions, catalogue and changes (``ausgaben.csv``), once built before writing.
    editions: EditionSet | None = None
    #: Valid but probably unintended input (:mod:`rahmengraph.model.loading.table_warnings`).
    warnings: list[Problem] = field(default_factory=list)

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
        for entity in ANY_REF_KINDS:
            if key in self.keys.get(entity, {}):
                return self.framework if entity == "framework" else self.keys[entity][key]
        return None


def event_key(row: Row) -> str:
    """Stable id of an event (no id column): date plus a hash of date and text."""
    digest = hashlib.sha1(f"{row.get('datum')}\n{row.get('ereignis')}".encode()).hexdigest()[:10]
    return f"{row.get('datum')}-{digest}"


def level_kind_iri(ds: Dataset, name: str) -> str:
    """IRI of a level type: declared in ``ebenentypen.csv`` (the dataset's own), else one of the
    default types Land, Kommune, Bund, EU (the ontology's ``rg:levelKind…``)."""
    declared = ds.keys.get("level_type", {})
    if name in declared:
        return declared[name]
    return value_lists.LEVEL_KINDS[name].iri


def responsibility_iri(
    ds: Dataset, measure: str, role: str, actor: str, levels: list[str] | None = None
) -> str:
    key = f"{measure}/{role}/{actor}"
    if levels:
        key += "/" + "+".join(ds.keys["level"][lv].rsplit("/", 1)[1] for lv in levels)
    return entity_iri(ds.base, "responsibility", key).replace("%2F", "/")


def responsibility_row_key(row: Row) -> str:
    """What makes a row of ``zustaendigkeiten.csv`` unique."""
    return f"{row.get('massnahme')}/{row.get('rolle')}/{row.get('akteur')}/{row.get('ebene')}"


def row_key(row: Row) -> str:
    """Stable id of a row of a file without an id column: a hash of all its cells."""
    text = "\n".join(f"{k}={v}" for k, v in sorted(row.cells.items()))
    return hashlib.sha1(text.encode()).hexdigest()[:12]


#: Keyless kinds whose rows are named by their first column and :func:`row_key`.
HASHED_KINDS = ("observation", "status_record")


def hashed_iri(ds: Dataset, spec: FileSpec, row: Row) -> str:
    """IRI of an indicator value or status record: ``{base}{segment}/{first cell}-{hash}``."""
    return entity_iri(ds.base, spec.entity, f"{row.get(spec.columns[0].name)}-{row_key(row)}")


_AREA_SLUG = re.compile(r"[^a-z0-9]+")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def area_iri(base: str, name: str) -> str:
    """IRI of a statistical area (``gebiet`` of an indicator value) by its name."""
    slug = _AREA_SLUG.sub("-", name.casefold().translate(_UMLAUTS)).strip("-")
    return f"{base}{SEGMENTS['area']}/{slug}"


def cube_iri(base: str) -> str:
    """The dataset's ``qb:DataSet`` of indicator values."""
    return base + SEGMENTS["cube"]
