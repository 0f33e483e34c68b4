"""The project's own settings: a strict test runner, a clean package declaration."""

from __future__ import annotations

import shutil
import subprocess
import tomllib
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"


def _project() -> dict[str, object]:
    with PYPROJECT.open("rb") as f:
        return tomllib.load(f)


def test_pytest_is_strict_and_warnings_are_errors() -> None:
    options = _project()["tool"]["pytest"]["ini_options"]  # type: ignore[index]
    assert "--strict-markers" in options["addopts"]
    filters = options["filterwarnings"]
    assert filters[0] == "error"
    assert all(f.startswith("ignore:") for f in filters[1:])


def test_every_ignored_warning_says_why() -> None:
    lines = PYPROJECT.read_text(encoding="utf-8").splitlines()
    start = lines.index("filterwarnings = [")
    end = lines.index("]", start)
    for i in range(start + 1, end):
        if lines[i].strip().startswith('"ignore:'):
            assert lines[i - 1].strip().startswith("#"), f"no reason given above: {lines[i].strip()}"


def test_license_is_an_spdx_expression() -> None:
    assert _project()["project"]["license"] == "MIT"  # type: ignore[index]


def test_package_ships_py_typed() -> None:
    assert resources.files("rahmengraph").joinpath("py.typed").is_file()
    data = _project()["tool"]["setuptools"]["package-data"]  # type: ignore[index]
    assert "py.typed" in data["rahmengraph"]


def test_declared_package_data_exists() -> None:
    data = _project()["tool"]["setuptools"]["package-data"]  # type: ignore[index]
    for package, patterns in data.items():
        folder = ROOT.joinpath(*package.split("."))
        for pattern in patterns:
            assert list(folder.glob(pattern)), f"{package}: {pattern} matches nothing"


def _dry_run(target: str, tmp_path: Path) -> str:
    """What ``make TARGET`` would run in a fresh clone (``make -n``: nothing is executed)."""
    for name in ("Makefile", "pyproject.toml", "package.json", "package-lock.json"):
        shutil.copy(ROOT / name, tmp_path / name)
    done = subprocess.run(["make", "-n", target], cwd=tmp_path, capture_output=True, text=True, check=True)
    return done.stdout


def test_make_run_installs_only_the_runtime(tmp_path: Path) -> None:
    commands = _dry_run("run", tmp_path)
    assert "pip --disable-pip-version-check install --progress-bar on -e .\n" in commands
    assert "[dev" not in commands and "bench]" not in commands and "chromium" not in commands
    assert "==> " in commands  # says what it installs while it does


def test_make_test_installs_dev_extras_and_chromium(tmp_path: Path) -> None:
    commands = _dry_run("test", tmp_path)
    assert "-e '.[dev,bench]'" in commands and "apt-get install -y -qq chromium" in commands


def test_readme_names_the_python_the_project_requires() -> None:
    required = str(_project()["project"]["requires-python"])  # type: ignore[index]
    assert required.startswith(">=")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"Python ≥ {required.removeprefix('>=')}" in readme and "npm" in readme
