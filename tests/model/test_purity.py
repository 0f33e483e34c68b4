"""model/ stays pure: it imports no web, viz or CLI library."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import rahmengraph.model

FORBIDDEN = {"fastapi", "starlette", "pyvis", "typer", "click", "uvicorn", "jinja2"}
MODEL = Path(rahmengraph.model.__file__).parent


def test_model_sources_import_no_forbidden_library() -> None:
    offenders = []
    for path in MODEL.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert offenders == []


def test_importing_model_loads_no_forbidden_library() -> None:
    code = (
        "import importlib, pkgutil, sys, rahmengraph.model as m\n"
        "for info in pkgutil.walk_packages(m.__path__, 'rahmengraph.model.'):\n"
        "    importlib.import_module(info.name)\n"
        f"print(sorted(set({sorted(FORBIDDEN)!r}) & {{n.split('.')[0] for n in sys.modules}}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
