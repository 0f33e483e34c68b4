"""A load that fails leaves nothing behind: no store folder for a new store path."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from rahmengraph.cli.app import app

BAD = Path(__file__).parents[1] / "model" / "loading" / "bad_input" / "unknown-actor"


def test_failed_load_into_a_new_store_path_creates_nothing(musterland_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "dataset"
    shutil.copytree(musterland_dir, folder)
    shutil.copy(BAD / "massnahmen.csv", folder / "massnahmen.csv")
    target = tmp_path / "neu" / "store"
    done = CliRunner().invoke(app, ["load", "-d", str(folder), "--store", f"oxigraph:{target}"])
    assert done.exit_code == 2 and "XYZ" in done.stderr  # the CLI's exit code for an InputError
    assert not target.exists() and not target.parent.exists()


def test_good_load_creates_the_store(musterland_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "store"
    done = CliRunner().invoke(app, ["load", "-d", str(musterland_dir), "--store", f"oxigraph:{target}"])
    assert done.exit_code == 0, done.output
    assert target.is_dir()
