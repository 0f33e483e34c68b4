"""A worker's replica: answers from the folder at once, then from its copy in memory, changes kept."""

from __future__ import annotations

from pathlib import Path

from rahmengraph.engine.job import Change
from rahmengraph.engine.replica import Replica
from rahmengraph.model.loading.writing import load
from rahmengraph.model.stores.oxigraph import OxigraphStore

INSERT = 'INSERT DATA { GRAPH <urn:notizen> { <urn:x> <urn:p> "neu" } }'
ASK = 'ASK { GRAPH <urn:notizen> { <urn:x> <urn:p> "neu" } }'


def test_copy_in_memory_keeps_the_changes_made_meanwhile(musterland_dir: Path, tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    load(store, musterland_dir)
    store.native.flush()
    replica = Replica(("copy", str(tmp_path / "store")))
    assert not replica.in_memory  # answering from the folder while the copy is made
    store.update(INSERT)  # the server writes, then tells the worker
    store.native.flush()
    replica.apply((Change(INSERT),))
    copy = replica._copy
    if copy is not None:  # still copying: the change is seen at once (the folder opened again)
        assert bool(replica.current().query(ASK))
        copy.done.wait(60)
    now = replica.current()
    assert replica.in_memory and bool(now.query(ASK))  # the copy got the change replayed
    assert len(now) == len(store.native)
    store.close()


def test_an_n_quads_source_is_in_memory_at_once() -> None:
    replica = Replica(("nquads", b"<urn:a> <urn:b> <urn:c> <urn:g> .\n"))
    assert replica.in_memory and len(replica.current()) == 1
    replica.apply((Change(INSERT),))
    assert bool(replica.current().query(ASK))
