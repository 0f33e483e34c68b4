"""Importing an exchange file: idempotent by contribution id, all or nothing, German errors per field."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from rahmengraph.errors import InputError
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.loading.writing import load
from rahmengraph.model.participation import intake, register
from rahmengraph.model.store import GraphStore
from rahmengraph.model.stores.oxigraph import OxigraphStore

CASES = Path(__file__).resolve().parent.parent / "cases" / "beteiligung"
GOOD = CASES / "fachtag.beteiligung.json"
BAD = sorted(p for p in (CASES / "bad").iterdir() if p.is_dir())
MOMENT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
ALL_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture
def world(musterland_dir: Path) -> tuple[GraphStore, Dataset]:
    store = OxigraphStore()
    return store, load(store, musterland_dir)


def run(store: GraphStore, ds: Dataset, path: Path) -> intake.Imported:
    plan = intake.import_file(store, ds, path.read_bytes(), path.name, MOMENT)
    if plan.update:
        store.update(plan.update)
    return plan


def test_import_registers_the_event_and_is_idempotent(world: tuple[GraphStore, Dataset]) -> None:
    store, ds = world
    first = run(store, ds, GOOD)
    assert (first.event, first.new, first.already) == ("fachtag-2026", 4, 0)
    quads = store.select(ALL_QUADS).values()
    again = run(store, ds, GOOD)
    assert (again.new, again.already) == (0, 4)
    assert store.select(ALL_QUADS).values() == quads
    event = register.event(store, ds.base, "fachtag-2026")
    assert event.token_hash == ""  # registered from a file: takes no input online
    assert event.edition == "2023-07"
    stored = register.entries(store, ds.base, "fachtag-2026")
    sent = json.loads(GOOD.read_text(encoding="utf-8"))["beitraege"]
    assert [(e.id, e.kind, e.text) for e in stored] == [(b["id"], b["art"], b["text"]) for b in sent]
    assert all(e.name == "" for e in stored)  # the event does not ask for names


@pytest.mark.parametrize("case", BAD, ids=[p.name for p in BAD])
def test_a_bad_file_names_file_and_fields_and_writes_nothing(
    world: tuple[GraphStore, Dataset], case: Path
) -> None:
    store, ds = world
    before = store.select(ALL_QUADS).values()
    path = case / "datei.beteiligung.json"
    with pytest.raises(InputError) as caught:
        run(store, ds, path)
    expected = [tuple(x) for x in json.loads((case / "expected.json").read_text(encoding="utf-8"))]
    assert [(p.column, p.message) for p in caught.value.problems] == expected
    assert all(p.file == path.name for p in caught.value.problems)
    assert "nichts" in caught.value.message
    assert store.select(ALL_QUADS).values() == before
