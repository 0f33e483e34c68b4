"""The graph view ``vergleich``: two frameworks' fields facing each other (issue #20).

The expected edges (field of which framework → dimension, number of measures) and the marked
dimensions are in ``cases/vergleich-musterland-nachbarland.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rahmengraph.errors import ParameterError
from rahmengraph.model.filters import Filters
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.store import GraphStore
from rahmengraph.viz.views import VIEWS

CASE = Path(__file__).parent / "cases" / "vergleich-musterland-nachbarland.json"
TwoFrameworks = tuple[GraphStore, list[Dataset]]


def _summary(doc: dict[str, object]) -> dict[str, object]:
    nodes = {n["id"]: n for n in doc["nodes"]}  # type: ignore[attr-defined]
    fw = {"https://w3id.org/rahmengraph/musterland/": "a", "https://w3id.org/rahmengraph/nachbarland/": "b"}

    def name(n: dict[str, str]) -> str:
        side = next((s for base, s in fw.items() if n["iri"].startswith(base)), "")
        return f"{side}:{n['key']}" if side else n["key"]

    edges = sorted([name(nodes[e["from"]]), name(nodes[e["to"]]), e["weight"]] for e in doc["edges"])  # type: ignore[attr-defined]
    scene = doc["scenes"][0]  # type: ignore[index]
    marked = sorted(name(nodes[int(i)]) for i in scene["marks"])
    return {"title": scene["title"], "edges": edges, "marked": marked}


def test_fields_of_both_frameworks_meet_at_the_dimensions(two_frameworks: TwoFrameworks) -> None:
    store, _datasets = two_frameworks
    doc = VIEWS["vergleich"].data(store, Filters(), {})
    assert _summary(doc) == json.loads(CASE.read_text(encoding="utf-8"))


def test_options_swap_the_sides(two_frameworks: TwoFrameworks) -> None:
    store, _datasets = two_frameworks
    doc = VIEWS["vergleich"].data(store, Filters(), {"a": "nachbarland-2023", "b": "musterland-2021"})
    assert doc["scenes"][0]["title"].startswith("Vergleich: Teilhabekonzept Nachbarland (links)")


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"a": "hamburg"}, ["'hamburg'", "Option a", "musterland-2021, nachbarland-2023"]),
        ({"a": "musterland-2021", "b": "musterland-2021"}, ["dasselbe", "'musterland-2021'"]),
    ],
)
def test_bad_framework_options_are_errors(
    two_frameworks: TwoFrameworks, options: dict[str, str], words: list[str]
) -> None:
    store, _datasets = two_frameworks
    with pytest.raises(ParameterError) as caught:
        VIEWS["vergleich"].data(store, Filters(), options)
    assert all(w in str(caught.value) for w in words)


def test_with_one_framework_the_page_says_how_to_load_a_second(musterland_store: GraphStore) -> None:
    doc = VIEWS["vergleich"].data(musterland_store, Filters(), {})
    assert "serve -d A -d B" in doc["scenes"][0]["title"]
    assert not doc["scenes"][0]["marks"]
    with pytest.raises(ParameterError, match="nur ein Rahmenkonzept"):
        VIEWS["vergleich"].data(musterland_store, Filters(), {"b": "x"})
