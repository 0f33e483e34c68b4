"""A worker's replica: changes replayed on a copy in memory, a read-only folder opened again."""

from __future__ import annotations

from pathlib import Path

import pytest

from rahmengraph.engine.job import Change
from rahmengraph.engine.replica import Replica
from rahmengraph.model.loading.writing import load
from rahmengraph.model.stores.oxigraph import OxigraphStore

INSERT = 'INSERT DATA { GRAPH <urn:notizen> { <urn:x> <urn:p> "neu" } }'
ASK = 'ASK { GRAPH <urn:notizen> { <urn:x> <urn:p> "neu" } }'


@pytest.mark.parametrize("kind", ["copy", "path"])
def test_a_change_is_seen(kind: str, musterland_dir: Path, tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    load(store, musterland_dir)
    store.native.flush()
    replica = Replica((kind, str(tmp_path / "store")))
    assert not bool(replica.store.query(ASK))
    store.update(INSERT)  # the server writes, then tells the worker
    store.native.flush()
    replica.apply((Change(INSERT),))
    assert bool(replica.store.query(ASK))
    assert len(replica.store) == len(store.native)
    store.close()


def test_an_n_quads_source_replays_changes() -> None:
    replica = Replica(("nquads", b"<urn:a> <urn:b> <urn:c> <urn:g> .\n"))
    assert len(replica.store) == 1
    replica.apply((Change(INSERT),))
    assert bool(replica.store.query(ASK))
