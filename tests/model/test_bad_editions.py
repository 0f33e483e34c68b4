"""Bad editions and change records: a located German error (nothing is loaded) or warning.

Each folder in ``bad_editions/`` holds files that replace those of ``tests/cases/musterland`` and
``erwartet.txt``: ``fehler`` or ``warnung``, then the texts the report must contain.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rahmengraph.errors import InputError
from rahmengraph.model.edition_build import read_with_editions as read_dataset

CASES = sorted(p for p in (Path(__file__).parent / "bad_editions").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_edition_input(case: Path, musterland_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "musterland"
    shutil.copytree(musterland_dir, folder)
    for path in case.rglob("*.csv"):
        shutil.copy(path, folder / path.relative_to(case))
    kind, *expected = (case / "erwartet.txt").read_text(encoding="utf-8").splitlines()
    if kind == "fehler":
        with pytest.raises(InputError) as info:
            read_dataset(folder)
        report = str(info.value)
    else:
        editions = read_dataset(folder).editions
        assert editions is not None
        report = "\n".join(str(w) for w in editions.warnings)
    for text in expected:
        assert text in report
