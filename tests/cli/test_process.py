"""Where the process itself matters: ``python -m rahmengraph`` and the installed script's exit codes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import ROOT, process


def test_python_m_rahmengraph_runs_the_cli(tmp_path: Path) -> None:
    done = process("--help", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Aufruf: ") and "Befehle:" in done.stdout


def _script() -> str:
    installed = Path(sys.executable).parent / "rahmengraph"
    found = installed if installed.exists() else shutil.which("rahmengraph")
    if found is None:
        pytest.skip("rahmengraph script not installed (make install)")
    return str(found)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["fragen"], 0),
        (["query", "SELECT {", "-d", "tests/cases/musterland"], 2),
        (["export", "-f", "ttl"], 2),
        (["validate", "-d", "gibt/es/nicht"], 2),
        (["query", "-n", "gibt-es-nicht", "-d", "tests/cases/musterland"], 4),
    ],
    ids=["ok", "syntax", "usage", "unreadable", "not-found"],
)
def test_installed_script_exit_codes(args: list[str], code: int) -> None:
    env = {**os.environ, "RAHMENGRAPH_STORE": "oxigraph:memory", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([_script(), *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert done.returncode == code, done.stderr
    if code:
        assert done.stderr.count("Fehler:") == 1 and "Traceback" not in done.stderr
