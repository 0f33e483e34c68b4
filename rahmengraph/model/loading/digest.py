"""What a store folder holds as loaded from files: one digest per dataset graph.

A server started again on the same dataset files with the same code finds the dataset already in
the store; writing it again (editions computed, graphs replaced) cost ~3 s at "bremen" on every
start. The digest covers the dataset folder's files (editions included) and the code and ontology
that map them (``rahmengraph/model``, ``rahmengraph/ontology``). It is kept in a file in the store
folder (:data:`FILE`), dropped before a graph is written and noted after. Other stores (memory,
remote) keep none and are always written.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from rahmengraph.model.namespaces import ONTOLOGY_IRI
from rahmengraph.model.ontology import ontology_triples
from rahmengraph.model.store import GraphStore
from rahmengraph.model.stores.oxigraph import OxigraphStore

#: File in a store folder: graph IRI → digest of what was loaded into it.
FILE = "rahmengraph-geladen.json"
_PACKAGE = Path(__file__).resolve().parents[2]


def _files(folder: Path, pattern: str) -> list[Path]:
    return sorted(p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts)


@cache
def code() -> bytes:
    """Digest of the code and ontology that turn dataset files into triples (once per process)."""
    h = hashlib.sha256()
    for path in [*_files(_PACKAGE / "model", "*.py"), *_files(_PACKAGE / "ontology", "*")]:
        h.update(str(path.relative_to(_PACKAGE)).encode() + b"\0" + path.read_bytes())
    return h.digest()


def digest(folder: Path) -> str:
    """Digest of the dataset in ``folder`` as this code would load it."""
    h = hashlib.sha256(code())
    for path in _files(folder, "*"):
        h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def _file(store: GraphStore) -> Path | None:
    if isinstance(store, OxigraphStore) and store.path is not None and not store.read_only:
        return store.path / FILE
    return None


def beside(store: GraphStore, name: str) -> Path | None:
    """File ``name`` in the folder of an on-disk store the server may write; None for other stores."""
    folder = _file(store)
    return None if folder is None else folder.with_name(name)


def _held(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def holds(store: GraphStore, graph: str, folder: Path) -> bool:
    """Whether ``store`` holds ``graph`` as loaded from ``folder`` with this code (and the ontology)."""
    return loaded_graph(store, folder) == graph


def loaded_graph(store: GraphStore, folder: Path) -> str | None:
    """The graph ``store`` holds as loaded from ``folder`` with this code, the ontology beside it;
    None when the dataset is to be written."""
    path = _file(store)
    if path is None:
        return None
    mine = digest(folder)
    graphs = [g for g, d in _held(path).items() if d == mine]
    if not graphs or store.count(ONTOLOGY_IRI) != len(ontology_triples()):
        return None
    stored = set(store.graphs())
    return next((g for g in graphs if g in stored), None)


def forget(store: GraphStore, graphs: list[str]) -> None:
    """Before ``graphs`` are written: their digests no longer hold."""
    path = _file(store)
    if path is None or not path.exists():
        return
    held = _held(path)
    if any(g in held for g in graphs):
        path.write_text(json.dumps({k: v for k, v in held.items() if k not in graphs}), encoding="utf-8")


def note(store: GraphStore, graph: str, folder: Path) -> None:
    """After ``graph`` was written from ``folder``."""
    path = _file(store)
    if path is not None:
        held = _held(path) | {graph: digest(folder)}
        path.write_text(json.dumps(held, sort_keys=True), encoding="utf-8")
