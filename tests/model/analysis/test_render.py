"""Text and CSV rendering of reports for the CLI."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from rahmengraph.model.analysis import ANALYSES, render_text, report_csv
from rahmengraph.model.store import GraphStore


def test_text_has_german_headings_and_rows(load_case: Callable[[str], GraphStore]) -> None:
    report = ANALYSES["overlaps"].run(load_case("overlaps"))
    text = render_text(report)
    assert text.startswith("Überschneidungen\n================")
    assert "Maßnahmen in mehreren Handlungsfeldern (1)" in text
    row = next(line for line in text.splitlines() if line.strip().startswith("M-1 "))
    assert "1;2" in row


def test_empty_tables_say_so(load_case: Callable[[str], GraphStore]) -> None:
    text = render_text(ANALYSES["abhaengigkeiten"].run(load_case("empty")))
    assert "(keine)" in text


def test_csv_has_one_block_per_table(load_case: Callable[[str], GraphStore]) -> None:
    report = ANALYSES["gaps"].run(load_case("levels"))
    text = report_csv(report)
    assert text.startswith("\ufeff") and "\r\n" in text  # German Excel: BOM, semicolon, CRLF
    rows = [r for r in csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";") if r]
    headers = [r for r in rows if r[0] == "tabelle"]
    assert len(headers) == len(report.tables)
    body = [r for r in rows if r[0] == "land_without_municipal"]
    assert [r[1] for r in body] == ["M-4"]
