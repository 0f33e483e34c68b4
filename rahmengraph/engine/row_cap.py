"""The row cap: results cut to ``max_rows`` rows, counted only when they could hold more.

A SELECT runs with ``LIMIT max_rows+1`` appended when that parses (:func:`needs_cap` says whether
its own LIMIT is larger); an upper bound of the rows comes from one byte count over Oxigraph's
(known) output (:func:`rows_at_most`); only when the bound passes ``max_rows`` are the rows counted
exactly and, if needed, cut (:func:`cut_results`).
"""

from __future__ import annotations

import csv
import io
import re

import pyoxigraph as ox

from rahmengraph.model.formats import ResultFormat

_OWN_LIMIT = re.compile(
    r"\}\s*(?:(?:ORDER|GROUP)\s+BY[^{}]*)?LIMIT\s+(\d+)\s*(?:OFFSET\s+\d+\s*)?$", re.IGNORECASE
)
#: Fewest bytes one result row takes per format (to skip counting small bodies).
_MIN_ROW = {"json": 3, "xml": 17, "csv": 2, "tsv": 1}
#: Per format: (bytes counted in Oxigraph's own output, rows = count + offset is an upper bound).
#: JSON is written without whitespace and ``},{`` only separates rows outside strings; XML escapes
#: ``<`` in text; CSV ends the header and every record with a line break (quoted ones add more);
#: TSV escapes line breaks.
_ROW_MARK = {"json": (b"},{", 1), "xml": (b"<result>", 0), "csv": (b"\n", -1), "tsv": (b"\n", -1)}


def needs_cap(text: str, max_rows: int) -> bool:
    """Whether a SELECT needs ``LIMIT max_rows+1`` appended (it has no LIMIT of its own, or a larger one)."""
    m = _OWN_LIMIT.search(text)
    return m is None or int(m.group(1)) > max_rows


def count_rows(body: bytes, fmt: ResultFormat) -> int:
    """The exact number of rows in ``body`` (Oxigraph's parser; CSV, which it cannot read, by lines
    of the csv module)."""
    if fmt.key == "csv":
        return len(list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))) - 1
    parsed = ox.parse_query_results(body, format=fmt.oxigraph)
    return sum(1 for _ in parsed) if isinstance(parsed, ox.QuerySolutions) else 0


def _cut_text(body: bytes, fmt: ResultFormat, max_rows: int) -> tuple[bytes, bool]:
    """CSV/TSV: count and cut records with the csv module (TSV has no line breaks inside rows)."""
    text = body.decode("utf-8")
    if fmt.key == "tsv":
        lines = text.splitlines()
        if len(lines) - 1 <= max_rows:
            return body, False
        return ("\n".join(lines[: max_rows + 1]) + "\n").encode(), True
    records = list(csv.reader(io.StringIO(text, newline="")))
    if len(records) - 1 <= max_rows:
        return body, False
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(records[: max_rows + 1])
    return out.getvalue().encode(), True


def rows_at_most(body: bytes, fmt: ResultFormat) -> int:
    """An upper bound of the rows in ``body`` as Oxigraph serializes results (one byte count)."""
    mark, offset = _ROW_MARK[fmt.key]
    return body.count(mark) + offset


def cut_results(body: bytes, fmt: ResultFormat, max_rows: int) -> tuple[bytes, bool]:
    """Cut results to ``max_rows`` rows; counting only when the body could hold more."""
    if len(body) < _MIN_ROW[fmt.key] * (max_rows + 1):
        return body, False
    if fmt.key in ("csv", "tsv"):
        return _cut_text(body, fmt, max_rows)
    if count_rows(body, fmt) <= max_rows:
        return body, False
    from rdflib.query import Result

    result = Result.parse(io.BytesIO(body), format=fmt.rdflib)
    result.bindings = result.bindings[:max_rows]
    return result.serialize(format=fmt.rdflib) or b"", True
