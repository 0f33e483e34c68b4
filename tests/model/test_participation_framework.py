"""Input "zum Rahmen insgesamt" targets the framework's own node, in every edition, and is found again."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
import pytest

from rahmengraph.model import vocab
from rahmengraph.model.graph_view import is_participation_graph
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.loading.writing import load
from rahmengraph.model.participation import intake, register, sheets, workflow
from rahmengraph.model.participation.entries import StatusChange
from rahmengraph.model.participation.listing import counts
from rahmengraph.model.participation.results import results
from rahmengraph.model.store import GraphStore
from rahmengraph.model.stores.oxigraph import OxigraphStore

CASE = Path(__file__).resolve().parent.parent / "cases" / "beteiligung" / "fachtag.beteiligung.json"
WHOLE = "0b7a4e1c-3a55-4d1e-9d7e-1f0b6a3c2d04"  # the file's proposal on the framework as a whole


@pytest.fixture(scope="module")
def world(musterland_dir: Path) -> tuple[GraphStore, Dataset]:
    return imported(musterland_dir)


def imported(musterland_dir: Path) -> tuple[GraphStore, Dataset]:
    """Musterland with the Fachtag's file taken in and the proposal on the whole framework declined."""
    store = OxigraphStore()
    ds = load(store, musterland_dir)
    plan = intake.import_file(store, ds, CASE.read_bytes(), CASE.name, datetime(2026, 12, 1, tzinfo=UTC))
    store.update(plan.update)
    declined = StatusChange(status="nicht-aufgenommen", grund="gehört in den Landesaktionsplan")
    store.update(workflow.change(store, ds, WHOLE, declined))
    return store, ds


def official_graphs(store: GraphStore, ds: Dataset) -> list[str]:
    return [g for g in store.graphs() if g.startswith(ds.base) and not is_participation_graph(g)]


def test_the_framework_target_is_a_subject_of_every_official_graph(world: tuple[GraphStore, Dataset]) -> None:
    store, ds = world
    target = intake.framework_iri(ds)
    graphs = official_graphs(store, ds)
    assert len(graphs) >= 4  # the current graph and the earlier editions
    for g in graphs:
        assert store.ask(f"ASK {{ GRAPH {ox.NamedNode(g)} {{ {ox.NamedNode(target)} ?p ?o }} }}"), g
    stored = {e.id: e for e in register.entries(store, ds.base, "fachtag-2026")}
    assert stored[WHOLE].target == target
    assert store.ask(f"ASK {{ {ox.NamedNode(target)} a {ox.NamedNode(vocab.FRAMEWORK)} }}")


def test_counts_exports_and_the_report_find_input_on_the_whole_framework(
    world: tuple[GraphStore, Dataset],
) -> None:
    store, ds = world
    target = intake.framework_iri(ds)
    assert counts(register.entries(store, ds.base, "fachtag-2026"))[target]["vorschlag"] == 1
    body, _n = sheets.event_table(store, ds.base, "fachtag-2026", "csv", names=False)
    table = {r["id"]: r for r in csv.DictReader(io.StringIO(body.decode("utf-8-sig")), delimiter=";")}
    assert (table[WHOLE]["ziel"], table[WHOLE]["ziel_name"]) == (target, "Integrationsrahmen Musterland")
    lines = [text for text, _s in results(store, "2026", "2026", base=ds.base)]
    decided = "nicht aufgenommen (gehört in den Landesaktionsplan)"
    assert f"Maßnahmenvorschlag zu „Integrationsrahmen Musterland“: {decided}" in lines


def test_input_stored_under_the_old_framework_iri_is_read_as_on_the_framework(musterland_dir: Path) -> None:
    """Earlier versions targeted ``{base}rahmenkonzept/<id>`` (no node of the graph): read back, such
    input is on the framework's own node, so counts, pages and the report find it."""
    store, ds = imported(musterland_dir)
    graph = ox.NamedNode(register.event(store, ds.base, "fachtag-2026").graph)
    ann = ox.NamedNode(f"{ds.base}beteiligung/beitrag/{WHOLE}")
    old = ox.NamedNode(intake.framework_iri(ds) + "/musterland-2021")
    oa = "http://www.w3.org/ns/oa#hasTarget"
    store.update(
        f"DELETE {{ GRAPH {graph} {{ {ann} <{oa}> ?t }} }} "
        f"INSERT {{ GRAPH {graph} {{ {ann} <{oa}> {old} }} }} WHERE {{ GRAPH {graph} {{ {ann} <{oa}> ?t }} }}"
    )
    stored = {e.id: e for e in register.entries(store, ds.base, "fachtag-2026")}
    assert stored[WHOLE].target == intake.framework_iri(ds)
