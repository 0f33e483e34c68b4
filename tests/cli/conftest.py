"""The command line's test world: an in-process runner, dataset copies, a real server process."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from rahmengraph.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).resolve().parent / "cases"

Run = Callable[..., Result]


@pytest.fixture
def rg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """``rahmengraph ARGS…`` in this process (Typer's runner), in an empty working folder, with an
    in-memory store unless ``store=`` says otherwise, and an 80-column terminal."""
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def run(*args: str, store: str = "oxigraph:memory", stdin: str | None = None) -> Result:
        env = {"RAHMENGRAPH_STORE": store, "COLUMNS": "80"}
        return runner.invoke(app, list(args), env=env, input=stdin, prog_name="rahmengraph")

    return run


def process(*args: str, cwd: Path, store: str = "oxigraph:memory") -> subprocess.CompletedProcess[str]:
    """``python -m rahmengraph ARGS…`` as its own process (where the process itself matters)."""
    env = {**os.environ, "RAHMENGRAPH_STORE": store, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "rahmengraph", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


@pytest.fixture
def shacl_violation(tmp_path: Path, musterland_dir: Path) -> Path:
    """Musterland with one extra Turtle file that breaks a SHACL rule (the CSV files are fine)."""
    folder = tmp_path / "shacl-violation"
    shutil.copytree(musterland_dir, folder)
    shutil.copytree(CASES / "shacl-violation", folder, dirs_exist_ok=True)
    return folder


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@contextmanager
def serving(work: Path, *datasets: Path) -> Iterator[tuple[int, Path]]:
    """A real ``rahmengraph serve -d A [-d B …]`` holding an Oxigraph folder in ``work``; yields the
    port and the store folder once the server answers, and stops it afterwards."""
    store = work / "store"
    port = _free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "RAHMENGRAPH_WARM_ANALYSES": "false",
        "RAHMENGRAPH_QUERY_WORKERS": "1",
    }
    cmd = [sys.executable, "-m", "rahmengraph", "serve", "--port", str(port), "-s", f"oxigraph:{store}"]
    for folder in datasets:
        cmd += ["-d", str(folder)]
    server = subprocess.Popen(cmd, cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while not _answers(f"http://127.0.0.1:{port}/api/status"):
            if server.poll() is not None:
                raise RuntimeError(server.stderr.read().decode() if server.stderr else "server ended")
            if time.monotonic() > deadline:
                raise RuntimeError("server did not answer within 120 s")
            time.sleep(0.3)
        yield port, store
    finally:
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(5)
        if server.stderr is not None:
            server.stderr.close()


@pytest.fixture(scope="module")
def served_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A real ``rahmengraph serve`` holding an Oxigraph folder with Musterland; yields the folder."""
    with serving(tmp_path_factory.mktemp("served"), ROOT / "tests" / "cases" / "musterland") as (
        _port,
        store,
    ):
        yield store
