"""The Bremen dataset's findings are stable: counts per finding type against a reviewed golden file.

If the data or a rule changes on purpose, regenerate the file with
``python -m tests.model.analysis.test_bremen_golden`` and review the diff before keeping it.
"""

from __future__ import annotations

import json
from pathlib import Path

from rahmengraph.model.analysis import ANALYSES
from rahmengraph.model.store import GraphStore

GOLDEN = Path(__file__).with_name("bremen_golden.json")
RUNS = ("overlaps", "gaps", "abhaengigkeiten", "matrix")


def summary(store: GraphStore) -> dict[str, dict[str, int | float | str]]:
    return {name: ANALYSES[name].run(store).summary for name in RUNS}


def test_bremen_golden(bremen_store: GraphStore) -> None:
    assert summary(bremen_store) == json.loads(GOLDEN.read_text(encoding="utf-8"))


if __name__ == "__main__":
    from rahmengraph.model.loading.writing import load
    from rahmengraph.model.stores.oxigraph import OxigraphStore

    store = OxigraphStore()
    load(store, Path(__file__).resolve().parents[3] / "data" / "bremen")
    GOLDEN.write_text(json.dumps(summary(store), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
