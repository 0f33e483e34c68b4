"""The rooms of the package and the one direction of the arrows between them (docs/architecture.md);
``model`` stays pure (no web, CLI, template or graph-drawing library).

``cli``, ``api`` → ``engine``, ``viz`` → ``model`` → ``errors``, ``config``. Checked twice: over the
sources (every import statement, also those inside functions) and at import time (what importing
every module of a room really loads).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import rahmengraph

PACKAGE = Path(rahmengraph.__file__).parent
WEB = ("fastapi", "starlette", "uvicorn")
#: Libraries of the outer rooms (command line, HTML templates, graph drawing).
OUTER = ("typer", "click", "jinja2", "pyvis")
#: Room → what its modules must never import (top-level libraries and rahmengraph parts).
RULES: dict[str, tuple[str, ...]] = {
    "model": (*WEB, *OUTER, "rahmengraph.api", "rahmengraph.engine", "rahmengraph.viz", "rahmengraph.cli"),
    "engine": (*WEB, *OUTER, "rahmengraph.api", "rahmengraph.viz", "rahmengraph.cli"),
    "viz": (*WEB, "typer", "click", "rahmengraph.api", "rahmengraph.engine", "rahmengraph.cli"),
}


def modules(room: str) -> list[Path]:
    return sorted((PACKAGE / room).rglob("*.py"))


def imported(path: Path) -> list[str]:
    """Every module an import statement in ``path`` names (``from a import b``: ``a`` and ``a.b``)."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{path}: relative import"
            names += [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
    return names


def hits(name: str, forbidden: tuple[str, ...]) -> bool:
    return any(name == f or name.startswith(f + ".") for f in forbidden)


@pytest.mark.parametrize("room", list(RULES))
def test_sources_import_nothing_forbidden(room: str) -> None:
    assert modules(room)
    offenders = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in modules(room)
        for name in imported(path)
        if hits(name, RULES[room])
    ]
    assert offenders == []


def test_only_the_cli_imports_the_web_layer() -> None:
    outside = [p for p in PACKAGE.rglob("*.py") if "api" not in p.relative_to(PACKAGE).parts]
    users = {
        str(path.relative_to(PACKAGE))
        for path in outside
        for name in imported(path)
        if hits(name, ("rahmengraph.api",))
    }
    assert users == {"cli/server.py"}  # only `rahmengraph serve` starts the web layer


@pytest.mark.parametrize("room", list(RULES))
def test_importing_a_room_loads_nothing_forbidden(room: str) -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        f"import rahmengraph.{room} as room\n"
        f"for info in pkgutil.walk_packages(room.__path__, 'rahmengraph.{room}.'):\n"
        "    importlib.import_module(info.name)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = done.stdout.split()
    assert f"rahmengraph.{room}" in loaded
    assert [name for name in loaded if hits(name, RULES[room])] == []
