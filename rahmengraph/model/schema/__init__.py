"""The tabular dataset format as data: files, columns, what each column means in the graph.

The loader (table → RDF) and the exporter (RDF → table) both read this one table, so the two
directions cannot drift apart. Column kinds:

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

One module per part of the format: ``columns`` (what a file and a column are), ``structure``,
``measures``, ``monitoring`` (the files); ``FILES`` is the files in reading and export order.
"""

from __future__ import annotations

from typing import Final

from rahmengraph.model.schema.columns import FileSpec
from rahmengraph.model.schema.measures import MEASURE_FILES
from rahmengraph.model.schema.monitoring import MONITORING_FILES
from rahmengraph.model.schema.structure import STRUCTURE_FILES

FILES: Final[tuple[FileSpec, ...]] = (*STRUCTURE_FILES, *MEASURE_FILES, *MONITORING_FILES)
FILES_BY_ENTITY: Final = {f.entity: f for f in FILES}
