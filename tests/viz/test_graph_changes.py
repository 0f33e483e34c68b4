"""The graph of changes between two editions, parsed from the written page: marks, leads, legend."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from rahmengraph.cli.app import app
from rahmengraph.errors import ParameterError
from rahmengraph.model.change_list import between
from rahmengraph.model.filters import Filters
from rahmengraph.model.store import GraphStore
from rahmengraph.viz.graph_changes import CHANGE_MARKS
from rahmengraph.viz.graph_styles import MARKS
from rahmengraph.viz.views import VIEWS


def page_data(page: str) -> dict[str, Any]:
    (script,) = lxml_html.fromstring(page).xpath('//script[@id="graph-data"]')
    data: dict[str, Any] = json.loads(script.text)
    return data


def marked(data: dict[str, Any]) -> dict[str, set[str]]:
    """Node key → the marks it carries in any scene."""
    keys = {str(n["id"]): n["key"] for n in data["nodes"]}
    out: dict[str, set[str]] = {}
    for scene in data["scenes"]:
        for node, marks in scene["marks"].items():
            out.setdefault(keys[node], set()).update(marks)
    return out


def leads(data: dict[str, Any], measure: str) -> dict[str, str]:
    """Actor key → relation (lead / lead_former) of the edges into ``measure``."""
    keys = {n["id"]: n["key"] for n in data["nodes"]}
    (target,) = [n["id"] for n in data["nodes"] if n["key"] == measure]
    return {keys[e["from"]]: e["rel"] for e in data["edges"] if e["to"] == target}


@pytest.fixture(scope="module")
def changes(musterland_store: GraphStore) -> dict[str, Any]:
    page = VIEWS["aenderungen"].render(
        musterland_store, Filters(), {"von": "2021-03", "bis": "2023-06-30"}, standalone=True
    )
    return page_data(page)


def test_every_changed_measure_is_coloured_by_its_change(
    musterland_store: GraphStore, changes: dict[str, Any]
) -> None:
    report = between(musterland_store, "2021-03", "2023-06-30")
    expected: dict[str, set[str]] = {}
    for c in report.changes:
        if c.kind == "measure" and c.entity:
            expected.setdefault(c.id, set()).add(CHANGE_MARKS[c.type])
    found = marked(changes)
    assert expected  # the musterland editions change measures between 2021-03 and 2023-06-30
    for key, marks in expected.items():
        assert len(found[key]) == 1 and found[key] <= marks, key
    assert found["M-2-01"] == {"eingestellt"}  # ended: drawn from the older edition's graph
    assert found["M-1-01"] == {"uebertragen"}


def test_moved_responsibility_shows_former_and_new_lead(changes: dict[str, Any]) -> None:
    assert leads(changes, "M-1-01") == {"MSI": "lead_former", "MJI": "lead"}
    assert list(leads(changes, "M-2-01").values()) == ["lead"]  # ended, its lead unchanged


def test_scenes_per_field_and_legend(changes: dict[str, Any]) -> None:
    names = [s["name"] for s in changes["scenes"]]
    assert names and all(n.startswith("feld:") for n in names)
    assert changes["scenes"][changes["start"]]["name"] == names[0]
    used = {m for marks in marked(changes).values() for m in marks}
    assert set(changes["marks"]) == used
    for mark in used:
        label, colour, look = changes["marks"][mark]
        assert (label, colour, look) == MARKS[mark] and look == "fill"
    assert changes["rels"]["lead_former"]["label"] == "früher federführend"
    assert "2021-03" in changes["title"] and "2023-06-30" in changes["title"]


def test_unknown_edition_and_no_editions_are_errors(musterland_store: GraphStore, tmp_path: Path) -> None:
    with pytest.raises(ParameterError, match="2017"):
        VIEWS["aenderungen"].data(musterland_store, Filters(), {"von": "2017"})


def test_cli_writes_the_changes_graph(musterland_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "aenderungen.html"
    result = CliRunner().invoke(
        app,
        ["viz", "aenderungen", "-o", str(out), "--option", "von=2019", "-d", str(musterland_dir)],
    )
    assert result.exit_code == 0, result.output
    data = page_data(out.read_text(encoding="utf-8"))
    assert data["view"] == "aenderungen" and "neu" in {m for ms in marked(data).values() for m in ms}
