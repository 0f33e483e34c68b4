"""What the commands print: result tables, notes on stderr, the German error line.

Consoles are made per call (they read the terminal width when made), so a caller's ``COLUMNS``
and redirected streams are honoured.
"""

from __future__ import annotations

import sys

import pyoxigraph as ox
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from rahmengraph.model.store import Table, Term, text

#: Border and padding a rich table adds per column (│ and one space on each side).
_PER_COLUMN = 3
_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
_YES_NO = {"true": "ja", "1": "ja", "false": "nein", "0": "nein"}


def out() -> Console:
    return Console(highlight=False)


def err() -> Console:
    return Console(stderr=True, highlight=False)


def note(message: str) -> None:
    """A hint on stderr (never mixed into the data on stdout); brackets in it stay text."""
    err().print(Text(message, style="dim"))


def error(message: str) -> None:
    """The one error line (and its located problems) on stderr; brackets in it stay text."""
    err().print(Text.assemble(("Fehler:", "bold red"), " ", message))


def plain(message: str) -> None:
    """A line on stdout that may contain brackets (paths, names): no markup."""
    out().print(message, markup=False, soft_wrap=True)


def cell(term: Term | None) -> str:
    """A table cell: the term's text, booleans as ja/nein."""
    if isinstance(term, ox.Literal) and term.datatype.value == _BOOLEAN:
        return _YES_NO.get(term.value, term.value)
    return text(term) or ""


def _longest_word(values: list[str]) -> int:
    return max((len(word) for value in values for word in value.split()), default=0)


def print_table(table: Table, title: str | None = None) -> None:
    """``table`` as a terminal table whose words are never cut; when the words of all columns do
    not fit side by side, one block per row (``Spalte: Wert``) instead."""
    console = out()
    rows = [[cell(t) for t in row] for row in table]
    columns = [[row[i] for row in rows] for i in range(len(table.variables))]
    widths = [max(len(var), _longest_word(col)) for var, col in zip(table.variables, columns, strict=True)]
    if sum(widths) + _PER_COLUMN * len(widths) + 1 <= console.width:
        rich = RichTable(title=title, header_style="bold")
        for var, width in zip(table.variables, widths, strict=True):
            rich.add_column(var, min_width=width, overflow="fold")
        for row in rows:
            rich.add_row(*row)
        console.print(rich, markup=False)
    else:
        if title:
            console.print(title, style="bold", markup=False)
        for number, row in enumerate(rows, 1):
            block = RichTable.grid(padding=(0, 2))
            block.add_column(style="bold", no_wrap=True)
            block.add_column(overflow="fold")
            for var, value in zip(table.variables, row, strict=True):
                block.add_row(var, value)
            console.print(f"— {number} —", style="dim", markup=False)
            console.print(block, markup=False)
    note(f"{len(table)} Zeile(n)")


def write(data: str) -> None:
    """Data (CSV, JSON, SPARQL results) on stdout exactly as given."""
    sys.stdout.write(data)
