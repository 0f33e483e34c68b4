"""A first load killed halfway leaves a store that is refused with a German repair hint, never one
that is silently incomplete (Oxigraph's bulk loader is not transactional)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from rahmengraph.errors import StoreError
from rahmengraph.model.loading.writing import load
from rahmengraph.model.store import open_store
from rahmengraph.model.stores.oxigraph import LOADING, OxigraphStore

ROOT = Path(__file__).resolve().parents[3]
#: The child loads the dataset but stops before the ontology is written — and is killed there.
CHILD = """
import sys, time
from pathlib import Path
from rahmengraph.model.loading import writing
from rahmengraph.model.stores.oxigraph import OxigraphStore

def stop(store):
    print("mitten im Laden", flush=True)
    time.sleep(120)

writing._ensure_ontology = stop
writing.load(OxigraphStore(Path(sys.argv[1])), Path(sys.argv[2]))
"""


def test_a_killed_first_load_is_refused_with_a_repair_hint(tmp_path: Path, musterland_dir: Path) -> None:
    folder = tmp_path / "store"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), str(musterland_dir)], stdout=subprocess.PIPE, env=env
    ) as child:
        assert child.stdout is not None
        assert child.stdout.readline().decode().strip() == "mitten im Laden"
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    assert (folder / LOADING).exists()
    with pytest.raises(StoreError, match=r"unvollständig.*löschen und neu laden"):
        open_store(f"oxigraph:{folder}")


def test_a_finished_load_leaves_no_marker_and_reloads_keep_none(tmp_path: Path, musterland_dir: Path) -> None:
    folder = tmp_path / "store"
    store = OxigraphStore(folder)
    load(store, musterland_dir)
    assert not (folder / LOADING).exists()
    load(store, musterland_dir)  # a reload replaces graphs one transaction each: no marker needed
    assert not (folder / LOADING).exists()
    store.close()
