"""The row cap: results cut to ``max_rows`` rows, counted only when they could hold more.

A SELECT runs once with ``LIMIT max_rows+1`` appended when that parses (:func:`needs_cap` says
whether its own LIMIT is larger); an upper bound of the rows comes from one byte count over
Oxigraph's (known) output (:func:`rows_at_most`); only when the bound passes ``max_rows`` are the
rows counted exactly and, if needed, cut: in Oxigraph's own output at the byte offset where row
``max_rows + 1`` begins (:func:`cut_oxigraph`, no second run, no parse), in another server's
output by parsing it (:func:`cut_results`).
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


#: Oxigraph's SPARQL JSON: ``},{"`` outside strings only separates rows (a value string ending in
#: ``},{`` is followed by ``}`` or ``,``, never by a variable name); rows binding nothing are ``{}``.
_JSON_SEPARATOR = re.compile(rb'\},\{"(?=[^},])')
_JSON_END, _XML_ROW, _XML_END = b"]}}", b"<result>", b"</results></sparql>"


def _json_cut(body: bytes, max_rows: int) -> tuple[bytes, bool] | None:
    """Cut Oxigraph's JSON after ``max_rows`` rows; None when rows binding nothing make the
    separators ambiguous (:func:`cut_results` parses then)."""
    if not body.endswith(_JSON_END) or b"},{}" in body:
        return None
    false = body.count(b'},{"}') + body.count(b'},{",')  # ``},{"`` ending a value string
    rows = body.count(b'},{"') - false + 1
    if rows <= max_rows:
        return body, False
    if false == 0 and rows == max_rows + 1:  # the usual case under LIMIT max_rows+1: the last row
        return body[: body.rfind(b'},{"') + 1] + _JSON_END, True
    cut = next(m for i, m in enumerate(_JSON_SEPARATOR.finditer(body), 1) if i == max_rows)
    return body[: cut.start() + 1] + _JSON_END, True


def _xml_cut(body: bytes, max_rows: int) -> tuple[bytes, bool] | None:
    """Cut Oxigraph's XML before row ``max_rows + 1`` (``<`` in text is escaped: the marker is exact)."""
    if not body.endswith(_XML_END):
        return None
    if body.count(_XML_ROW) <= max_rows:
        return body, False
    at = -1
    for _ in range(max_rows + 1):
        at = body.find(_XML_ROW, at + 1)
    return body[:at] + _XML_END, True


def cut_oxigraph(body: bytes, fmt: ResultFormat, max_rows: int) -> tuple[bytes, bool]:
    """Like :func:`cut_results` for results serialized by Oxigraph itself: JSON and XML are cut at
    the byte offset where row ``max_rows + 1`` begins, so the rows kept are byte for byte those of
    the same query with ``LIMIT max_rows``."""
    cut = {"json": _json_cut, "xml": _xml_cut}.get(fmt.key)
    found = cut(body, max_rows) if cut is not None else None
    return found if found is not None else cut_results(body, fmt, max_rows)
