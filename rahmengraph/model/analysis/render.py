"""Reports as text for the terminal (German headings, aligned columns) and as CSV."""

from __future__ import annotations

import io
import textwrap

from rahmengraph.model.analysis.report import Cell, Report
from rahmengraph.model.labels import summary_label
from rahmengraph.model.loading.csv_text import BOM, excel_writer

#: Widest a text column may get before it is cut (with "…") in the terminal table.
MAX_WIDTH = 60


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _wrapped(text: str, width: int | None, indent: str = "") -> list[str]:
    """``text`` as lines of at most ``width`` characters, broken between words only."""
    if width is None:
        return [indent + text]
    return textwrap.wrap(
        text,
        width,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent]


def _blocks(columns: list[str], rows: list[list[str]], width: int) -> list[str]:
    """Rows too wide for ``width`` side by side: one block per row, ``column  value`` lines, values
    wrapped between words (empty values left out)."""
    label = max(len(c) for c in columns)
    lines: list[str] = []
    for number, row in enumerate(rows, 1):
        lines.append(f"  — {number} —")
        for column, value in zip(columns, row, strict=True):
            if value:
                head = f"    {column.ljust(label)}  "
                # lists ("a;b;c") may break after each item, like words
                body = _wrapped(value.replace(";", "; "), max(width - len(head), 20))
                lines.append(head + body[0])
                lines.extend(" " * len(head) + more for more in body[1:])
    return lines


def render_text(report: Report, width: int | None = None) -> str:
    """A readable German report: title, headline numbers, then each table with aligned columns.

    With ``width`` (a terminal's columns), a table whose aligned columns would be wider is shown as
    one block per row, and long texts wrap between words: no line is wider, no word is cut.
    """
    lines = [report.title, "=" * len(report.title)]
    if report.filters:
        active = "; ".join(f"{k}={','.join(v)}" for k, v in report.filters.items())
        lines.extend(_wrapped(f"Filter: {active}", width))
    if report.summary:
        lines.append("")
        lines.append("Übersicht")
        labels = {k: summary_label(k) for k in report.summary}
        label_width = max(len(label) for label in labels.values())
        lines.extend(f"  {labels[k].ljust(label_width)}  {_cell(v)}" for k, v in report.summary.items())
    for table in report.tables:
        heading = _wrapped(f"{table.title} ({len(table.rows)})", width)
        lines += ["", *heading, "-" * max(len(line) for line in heading)]
        if table.explain:
            lines.extend(_wrapped(table.explain, width))
        if not table.rows:
            lines.append("  (keine)")
            continue
        cells = [[_cut(_cell(c), MAX_WIDTH) for c in row] for row in table.rows]
        widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(table.columns)]
        if width is not None and 2 + sum(widths) + 2 * (len(widths) - 1) > width:
            lines.extend(_blocks(table.columns, [[_cell(c) for c in row] for row in table.rows], width))
            continue
        lines.append(
            "  " + "  ".join(h.ljust(w) for h, w in zip(table.columns, widths, strict=True)).rstrip()
        )
        lines.append("  " + "  ".join("-" * w for w in widths))
        lines.extend(
            "  " + "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells
        )
    return "\n".join(lines) + "\n"


def report_csv(report: Report) -> str:
    """All tables in one CSV: columns ``tabelle`` (table id) then the table's own columns.

    Tables have different columns, so each table starts with its own header row
    (``tabelle`` + columns); a blank line separates tables. The form is German Excel's (BOM,
    semicolon, CRLF; see ``data/README.md``).
    """
    buf = io.StringIO()
    buf.write(BOM)
    writer = excel_writer(buf)
    for i, table in enumerate(report.tables):
        if i:
            buf.write("\r\n")
        writer.writerow(["tabelle", *table.columns])
        writer.writerows([table.name, *(_csv(c) for c in row)] for row in table.rows)
    return buf.getvalue()


def _csv(value: Cell) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    return value
