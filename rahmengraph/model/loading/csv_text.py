"""CSV bytes ↔ rows: reading a dataset's CSV files and writing CSV text.

Reading takes the files as planners save them: comma or semicolon (German Excel) as delimiter,
chosen by the header line; with or without a byte-order mark; LF or CRLF. A file that is not
UTF-8 gives one error that says where (line and column) and how to save it as UTF-8.

Writing: :func:`write_csv` gives the canonical form of the dataset files (UTF-8, RFC 4180, comma,
LF); :func:`excel_csv` the form German Excel opens by double-click (BOM, semicolon, CRLF), used by
every CSV download (see ``data/README.md``).

Reading never stops at the first problem: every located problem (file, line, column, value) is
collected so that a planner sees all of them at once.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from rahmengraph.errors import Problem, ProblemKind
from rahmengraph.model.loading.dataset import CsvFile, Row


def read_csv(
    path: Path,
    mandatory: Sequence[str],
    known: Sequence[str],
    key: str | None = None,
    renamed: Mapping[str, str] | None = None,
) -> tuple[CsvFile | None, list[Problem]]:
    """Read one CSV file; return it (``None`` if unreadable) and every problem found."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(f"Datei nicht lesbar: {exc}", path.name, kind=ProblemKind.UNREADABLE)]
    return parse_csv(path.name, raw, mandatory, known, key, renamed)


DELIMITERS = (",", ";", "\t")

SAVE_AS_UTF8 = (
    "Bitte als UTF-8 speichern – Excel: Datei › Speichern unter › Dateityp „CSV UTF-8 (durch "
    "Trennzeichen getrennt)“; LibreOffice: Speichern unter › „Filtereinstellungen bearbeiten“ › "
    "Zeichensatz „Unicode (UTF-8)“."
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def delimiter(header_line: str) -> str:
    """The delimiter a header line uses: the most frequent of comma, semicolon and tab (comma on a tie)."""
    return max(DELIMITERS, key=lambda d: (header_line.count(d), d == ","))


def _not_utf8(name: str, raw: bytes, exc: UnicodeDecodeError) -> Problem:
    """One located problem for a file that is not UTF-8: line, column (by the header) and the cell as
    Windows-1252 would read it, with how to save the file as UTF-8."""
    start = raw.rfind(b"\n", 0, exc.start) + 1
    line = raw[: exc.start].count(b"\n") + 1
    ansi = raw.decode("cp1252", "replace")
    header = ansi.split("\n", 1)[0].rstrip("\r").lstrip("\ufeff")
    sep = delimiter(header)
    names = next(csv.reader([header], delimiter=sep), [])
    prefix = raw[start : exc.start].decode("cp1252", "replace")
    index = len(next(csv.reader([prefix], delimiter=sep), [""])) - 1 if prefix else 0
    end = raw.find(b"\n", exc.start)
    row = next(
        csv.reader([raw[start : end if end >= 0 else None].decode("cp1252", "replace")], delimiter=sep), []
    )
    column = names[index].strip() if index < len(names) else None
    value = row[index].strip() if index < len(row) else None
    char = bytes([raw[exc.start]]).decode("cp1252", "replace")
    return Problem(
        f"Datei ist nicht als UTF-8 gespeichert (Byte 0x{raw[exc.start]:02X}, in Windows-1252 {char!r}). "
        f"{SAVE_AS_UTF8}",
        name,
        line,
        column,
        value,
        kind=ProblemKind.UNREADABLE,
    )


def decode(name: str, raw: bytes) -> tuple[str | None, Problem | None]:
    """The text of a CSV file (UTF-8 with or without BOM), or one problem saying why not."""
    if raw.startswith(_UTF16_BOMS):
        return None, Problem(
            f"Datei ist als UTF-16 („Unicode-Text“) gespeichert. {SAVE_AS_UTF8}",
            name,
            1,
            kind=ProblemKind.UNREADABLE,
        )
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return None, _not_utf8(name, raw, exc)


def parse_csv(
    name: str,
    raw: bytes,
    mandatory: Sequence[str],
    known: Sequence[str],
    key: str | None = None,
    renamed: Mapping[str, str] | None = None,
) -> tuple[CsvFile | None, list[Problem]]:
    """Parse the bytes of one CSV file called ``name`` (``key``: its key column, without which the
    file's rows cannot be referred to; ``renamed``: old column name → new one, still read)."""
    text, broken = decode(name, raw)
    if text is None:
        return None, [broken] if broken else []
    sep = delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    problems: list[Problem] = []
    try:
        found = [h.strip() for h in next(reader)]
    except StopIteration:
        return None, [Problem("Datei ist leer (Kopfzeile fehlt)", name, 1, kind=ProblemKind.UNREADABLE)]
    except csv.Error as exc:
        return None, [Problem(f"CSV-Fehler: {exc}", name, 1, kind=ProblemKind.UNREADABLE)]
    old_names = [h for h in found if renamed and h in renamed and renamed[h] not in found]
    header = [renamed[h] if h in old_names and renamed else h for h in found]
    for col in mandatory:
        if col not in header:
            kind = ProblemKind.MISSING_KEY if col == key else None
            problems.append(Problem(f"Pflichtspalte {col!r} fehlt", name, 1, col, kind=kind))
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
    return CsvFile(name, header, rows, [(h, renamed[h]) for h in old_names if renamed]), problems


def write_csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """CSV text in the canonical form: minimal quoting, LF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


#: Byte-order mark at the start of every CSV download: German Excel then reads the file as UTF-8.
BOM = "\ufeff"


def excel_writer(out: io.StringIO) -> Any:
    """A CSV writer in the form German Excel opens by double-click: semicolon, CRLF (the caller
    starts the text with :data:`BOM`)."""
    return csv.writer(out, delimiter=";", lineterminator="\r\n")


def excel_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """CSV text for German Excel: BOM, semicolon, CRLF (see ``data/README.md``)."""
    out = io.StringIO()
    out.write(BOM)
    writer = excel_writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()
