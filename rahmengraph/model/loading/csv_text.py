"""CSV bytes ↔ rows: reading a dataset's CSV files and writing the canonical CSV text.

The canonical form is UTF-8, RFC 4180, LF, one header line.

Reading never stops at the first problem: every located problem (file, line, column, value) is
collected so that a planner sees all of them at once.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from rahmengraph.errors import Problem
from rahmengraph.model.loading.dataset import CsvFile, Row


def read_csv(
    path: Path, mandatory: Sequence[str], known: Sequence[str]
) -> tuple[CsvFile | None, list[Problem]]:
    """Read one CSV file; return it (``None`` if unreadable) and every problem found."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(f"Datei nicht lesbar: {exc}", path.name)]
    return parse_csv(path.name, raw, mandatory, known)


def parse_csv(
    name: str, raw: bytes, mandatory: Sequence[str], known: Sequence[str]
) -> tuple[CsvFile | None, list[Problem]]:
    """Parse the bytes of one CSV file called ``name``."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        snippet = raw[max(0, exc.start - 10) : exc.end + 10].decode("utf-8", "replace")
        return None, [Problem(f"kein gültiges UTF-8 (Byte {exc.start})", name, line, None, snippet)]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[Problem] = []
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        return None, [Problem("Datei ist leer (Kopfzeile fehlt)", name, 1)]
    except csv.Error as exc:
        return None, [Problem(f"CSV-Fehler: {exc}", name, 1)]
    for col in mandatory:
        if col not in header:
            problems.append(Problem(f"Pflichtspalte {col!r} fehlt", name, 1, col))
    for col in header:
        if col not in known:
            problems.append(Problem(f"unbekannte Spalte {col!r}", name, 1, col))
    seen: set[str] = set()
    for col in header:
        if col in seen:
            problems.append(Problem(f"Spalte {col!r} doppelt", name, 1, col))
        seen.add(col)
    rows: list[Row] = []
    start = reader.line_num + 1
    try:
        for record in reader:
            if not any(c.strip() for c in record):
                start = reader.line_num + 1
                continue
            if len(record) != len(header):
                problems.append(
                    Problem(f"{len(record)} Felder, die Kopfzeile hat {len(header)}", name, start)
                )
            cells = {h: (record[i].strip() if i < len(record) else "") for i, h in enumerate(header)}
            rows.append(Row(name, start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        problems.append(Problem(f"CSV-Fehler: {exc}", name, reader.line_num))
    return CsvFile(name, header, rows), problems


def write_csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """CSV text in the canonical form: minimal quoting, LF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()
