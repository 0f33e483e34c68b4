"""The benchmark's output: one table per workload, printed and written as JSON and Markdown.

``bench/out/results.json`` holds every table with its raw numbers (and the run's settings);
``bench/out/results.md`` the same tables as Markdown, which is also what goes to stdout.
"""

from __future__ import annotations

import json
import math
import platform
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

Cell = str | int | float | None


@dataclass
class Table:
    key: str
    title: str
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _cell(value: Cell) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, float):
        if value >= 100:
            return f"{value:,.0f}".replace(",", " ")
        return f"{value:.3g}" if value < 10 else f"{value:.1f}"
    return str(value)


def markdown(table: Table) -> str:
    lines = [f"### {table.title}", ""]
    lines.append("| " + " | ".join(table.columns) + " |")
    lines.append("|" + "|".join("---" for _ in table.columns) + "|")
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in table.rows]
    lines += [""] + [f"- {n}" for n in table.notes]
    return "\n".join(lines).rstrip() + "\n"


def _jsonable(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def environment() -> dict[str, str]:
    import pyoxigraph
    import rdflib

    return {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "pyoxigraph": pyoxigraph.__version__ if hasattr(pyoxigraph, "__version__") else "?",
        "rdflib": rdflib.__version__,
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }


def write(out_dir: Path, tables: list[Table], settings: dict[str, Any]) -> tuple[Path, Path]:
    """Write results.json and results.md into ``out_dir``; returns both paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    doc = {"settings": settings, "environment": environment(), "tables": [asdict(t) for t in tables]}
    json_path = out_dir / "results.json"
    json_path.write_text(json.dumps(_jsonable(doc), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    md_path = out_dir / "results.md"
    head = f"# rahmengraph benchmark ({doc['environment']['date']})\n\nEinstellungen: `{settings}`\n\n"
    md_path.write_text(head + "\n".join(markdown(t) for t in tables), encoding="utf-8")
    return json_path, md_path
