"""data/README.md documents the tabular format: every column of every file, and the allowed values
of every closed list (controlled vocabularies), so a planner of another Land can write a dataset
from the README alone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rahmengraph.model.schema import FILES
from rahmengraph.model.schema.columns import Kind

README = (Path(__file__).resolve().parents[2] / "data" / "README.md").read_text(encoding="utf-8")
COLUMNS = [(spec.file, col.name) for spec in FILES for col in spec.columns]
VALUES = [
    (spec.file, col.name, cell)
    for spec in FILES
    for col in spec.columns
    if col.kind in (Kind.ENUM, Kind.CLASS) and col.vocab
    for cell in col.vocab
]


@pytest.mark.parametrize(("file", "column"), COLUMNS, ids=[f"{f}:{c}" for f, c in COLUMNS])
def test_every_column_is_documented(file: str, column: str) -> None:
    assert file in README
    assert re.search(rf"(?<![\w-]){re.escape(column)}(?![\w-])", README), f"{file}: Spalte {column}"


@pytest.mark.parametrize(("file", "column", "value"), VALUES, ids=[f"{f}:{c}={v}" for f, c, v in VALUES])
def test_every_allowed_value_is_documented(file: str, column: str, value: str) -> None:
    assert value in README, f"{file}: {column} = {value}"
