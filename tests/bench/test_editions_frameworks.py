"""Several frameworks whose editions share ids (the generated national scale): each framework's
changes come from its own editions, in the diff and in the report chapter (issue #14)."""

from __future__ import annotations

from pathlib import Path

from bench.generate import generate
from rahmengraph.model.asof import editions
from rahmengraph.model.change_list import between, report_changes
from rahmengraph.model.loading.writing import load_all
from rahmengraph.model.stores.oxigraph import OxigraphStore


def test_each_framework_compares_its_own_editions(tmp_path: Path) -> None:
    store = OxigraphStore()
    load_all(store, generate("laender", tmp_path, editions=4)[:2])
    found = editions(store)
    names = sorted({e.framework for e in found})
    first = min(found, key=lambda e: e.key).version
    assert len(names) == 2 and all(any(e.version == first for e in found if e.framework == n) for n in names)
    reports = [between(store, first, "", framework=name) for name in names]
    assert [r.framework for r in reports] == names
    chapter = report_changes(store, "2018", "2030") or []
    assert len(chapter) == sum(len(r.changes) for r in reports)
