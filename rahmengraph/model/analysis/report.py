"""The result of every analysis: a title, headline numbers and tables whose rows explain themselves.

Each row of a finding table names the measures, actors and facts behind it and their sources
(labels of ``dcterms:source``), so a planner can check it against the framework text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from pydantic import BaseModel, Field, SkipValidation

Cell: TypeAlias = str | int | float | bool | None


class ReportTable(BaseModel):
    """One kind of finding: a name (stable id), a German title, columns and rows."""

    name: str
    title: str
    columns: list[str]
    # built by the analyses from typed values: checking every cell again cost seconds at national scale
    rows: SkipValidation[Sequence[Sequence[Cell]]] = Field(default_factory=list)
    explain: str | None = None

    def dicts(self) -> list[dict[str, Cell]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


class Report(BaseModel):
    """An analysis result; ``summary`` holds the headline numbers (finding type → count)."""

    name: str
    title: str
    summary: dict[str, int | float | str] = Field(default_factory=dict)
    tables: list[ReportTable] = Field(default_factory=list)
    filters: dict[str, list[str]] = Field(default_factory=dict)
    options: dict[str, str] = Field(default_factory=dict)

    def table(self, name: str) -> ReportTable:
        """The table with stable id ``name`` (KeyError if the report has none)."""
        for t in self.tables:
            if t.name == name:
                return t
        raise KeyError(name)

    def counts(self) -> dict[str, int]:
        """Rows per table (the golden summary compares these)."""
        return {t.name: len(t.rows) for t in self.tables}
