"""The loading pipeline runs one way: no module imports a module of a later stage, none imports
our own modules inside a function (the way an import circle is hidden)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import rahmengraph.model.loading as loading

#: Modules in pipeline order; each may import only modules before it.
ORDER = (
    "dataset",
    "csv_text",
    "workbook",
    "reading",
    "cells",
    "cell_checks",
    "table_warnings",
    "checking",
    "emitter",
    "column_mapping",
    "derived",
    "mapping",
    "digest",
    "writing",
)
FOLDER = Path(loading.__file__).parent


def _imports(path: Path) -> tuple[set[str], list[int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    nested: list[int] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "rahmengraph.model.loading":
                found |= {a.name for a in node.names}
            elif node.module.startswith("rahmengraph.model.loading."):
                found.add(node.module.rsplit(".", 1)[1])
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef):
            nested += [
                n.lineno
                for n in ast.walk(fn)
                if isinstance(n, ast.ImportFrom) and (n.module or "").startswith("rahmengraph")
            ]
    return found, nested


def test_every_module_has_its_place() -> None:
    assert {p.stem for p in FOLDER.glob("*.py")} - {"__init__"} == set(ORDER)


@pytest.mark.parametrize("name", ORDER)
def test_imports_point_down_the_pipeline(name: str) -> None:
    found, _ = _imports(FOLDER / f"{name}.py")
    later = set(ORDER[ORDER.index(name) :])
    assert not found & later, f"{name} importiert {sorted(found & later)}"


@pytest.mark.parametrize("name", ORDER)
def test_no_imports_inside_functions(name: str) -> None:
    _, nested = _imports(FOLDER / f"{name}.py")
    assert not nested, f"{name}: Import in Funktion, Zeilen {nested}"
