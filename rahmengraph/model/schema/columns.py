"""What a file and a column of the tabular format are, and the column kinds:

========  =====================================================================================
TEXT      plain literal (ids, numbers kept as text)
DE / EN   literal with language tag ``de`` / ``en``
INT       ``xsd:integer``
DATE      ISO date, month or year → ``xsd:date`` / ``xsd:gYearMonth`` / ``xsd:gYear``
REFS      ``;``-list of keys of another file (``target``)
ANYREFS   ``;``-list of keys of any keyed file
LEVELS    ``;``-list of level names from ``ebenen.csv``
SOURCES   `` | ``-list of sources (URL or document reference); the first is the primary source
ENUM      one value of a controlled vocabulary (``vocab`` table) → its IRI
BOOL      ``ja`` or ``nein`` → ``xsd:boolean``
CLASS     one value of a controlled vocabulary → ``rdf:type`` of the row's entity
SPECIAL   handled by the mapping code (named in ``help``)
========  =====================================================================================
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Final

from rahmengraph.model import value_lists
from rahmengraph.model import vocab as v
from rahmengraph.model.kinds import KINDS


class Kind(Enum):
    TEXT = "text"
    DE = "de"
    EN = "en"
    INT = "int"
    DATE = "date"
    REFS = "refs"
    ANYREFS = "anyrefs"
    LEVELS = "levels"
    SOURCES = "sources"
    ENUM = "enum"
    BOOL = "bool"
    CLASS = "class"
    SPECIAL = "special"


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    predicate: str | None = None
    target: str | None = None  # REFS: entity kind of the referenced file
    vocab: dict[str, value_lists.Term] | None = None  # ENUM / CLASS
    required: bool = False  # the cell must not be empty
    optional: bool = False  # the whole column may be missing from the file
    help: str = ""


@dataclass(frozen=True)
class FileSpec:
    entity: str  # key of kinds.KINDS (which also names the file and the rows' base class)
    key: str | None  # key column (None: no key, e.g. events)
    columns: tuple[Column, ...]
    required: bool = True  # the file must exist
    help: str = ""
    label: str | None = None  # column that also gives rdfs:label (when its predicate is another one)
    renamed: dict[str, str] = field(default_factory=dict)  # old column name → new one (still read)

    @property
    def file(self) -> str:
        name = KINDS[self.entity].file
        assert name is not None
        return name

    @property
    def cls(self) -> str:
        """Base class of the rows' entities."""
        return KINDS[self.entity].cls

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def mandatory(self) -> list[str]:
        return [c.name for c in self.columns if not c.optional]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


#: Columns many files share: the sources of a row and a free note.
SOURCES: Final = Column(
    "quelle", Kind.SOURCES, v.DCT_SOURCE, required=True, help="Quelle(n), erste = Hauptquelle"
)
NOTE: Final = Column("anmerkung", Kind.DE, v.NOTE, help="Erläuterungen, Unsicherheiten")
