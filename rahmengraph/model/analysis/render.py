"""Reports as text for the terminal (German headings, aligned columns) and as CSV."""

from __future__ import annotations

import io

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


def render_text(report: Report) -> str:
    """A readable German report: title, headline numbers, then each table with aligned columns."""
    lines = [report.title, "=" * len(report.title)]
    if report.filters:
        active = "; ".join(f"{k}={','.join(v)}" for k, v in report.filters.items())
        lines.append(f"Filter: {active}")
    if report.summary:
        lines.append("")
        lines.append("Übersicht")
        labels = {k: summary_label(k) for k in report.summary}
        width = max(len(label) for label in labels.values())
        lines.extend(f"  {labels[k].ljust(width)}  {_cell(v)}" for k, v in report.summary.items())
    for table in report.tables:
        lines += [
            "",
            f"{table.title} ({len(table.rows)})",
            "-" * (len(table.title) + len(str(len(table.rows))) + 3),
        ]
        if table.explain:
            lines.append(table.explain)
        if not table.rows:
            lines.append("  (keine)")
            continue
        cells = [[_cut(_cell(c), MAX_WIDTH) for c in row] for row in table.rows]
        widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(table.columns)]
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
