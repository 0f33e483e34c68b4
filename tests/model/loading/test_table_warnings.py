"""Valid but probably unintended input gives located warnings (and still loads); the test frameworks
give none."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from rahmengraph.model.loading.checking import read_dataset

CASES = sorted(p for p in (Path(__file__).parent / "warnings").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_warning_is_located(case: Path, musterland_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "dataset"
    shutil.copytree(musterland_dir, folder)
    for f in case.iterdir():
        if f.name != "expected.json":
            shutil.copy(f, folder / f.name)
    got = [p.as_dict() for p in read_dataset(folder).warnings]
    want = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    assert [(p["file"], p["line"], p["column"], p["value"]) for p in got] == [
        (w["file"], w["line"], w["column"], w["value"]) for w in want
    ]
    assert all(w["message"] in str(p["message"]) for p, w in zip(got, want, strict=True))


def test_event_may_name_the_framework(tmp_path: Path, musterland_dir: Path) -> None:
    folder = tmp_path / "dataset"
    shutil.copytree(musterland_dir, folder)
    events = folder / "ereignisse.csv"
    events.write_text(events.read_text(encoding="utf-8").replace(",REG,", ",musterland-2021,", 1), "utf-8")
    ds = read_dataset(folder)
    assert ds.any_key("musterland-2021") == ds.framework


@pytest.mark.parametrize("name", ["musterland", "hansestadt"])
def test_test_frameworks_have_no_table_warnings(name: str) -> None:
    assert read_dataset(Path(__file__).resolve().parents[2] / "cases" / name).warnings == []
