"""Which graphs an update writes (cases in ``cases/update-targets.json``; ``*``: any, ``""``: default)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from rahmengraph.engine.targets import written_graphs
from rahmengraph.model.namespaces import PREFIXES
from tests.engine.conftest import CASES

TARGETS: list[dict[str, Any]] = json.loads((CASES / "update-targets.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", TARGETS, ids=[c["update"][:40] for c in TARGETS])
def test_written_graphs(case: dict[str, Any]) -> None:
    assert sorted(written_graphs(case["update"], "http://testserver/sparql", PREFIXES)) == case["writes"]
