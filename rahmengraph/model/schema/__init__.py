"""The tabular dataset format as data: files, columns, what each column means in the graph.

The loader (table → RDF) and the exporter (RDF → table) both read this one table, so the two
directions cannot drift apart. The column kinds (TEXT, REFS, ENUM …) are explained in
:mod:`rahmengraph.model.schema.columns`.

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
