"""The project's own settings: a strict test runner, a clean package declaration."""

from __future__ import annotations

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
