"""One prepared scale: generated dataset folders, a loaded persistent Oxigraph folder, an N-Quads copy
and the reference query set written to a file — the same inputs for every peer."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.generate import generate

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Scale:
    name: str
    work: Path
    folders: list[Path] = field(default_factory=list)
    queries: dict[str, str] = field(default_factory=dict)
    triples: int = 0

    @property
    def store(self) -> Path:
        return self.work / "store"

    @property
    def nq(self) -> Path:
        return self.work / "data.nq"

    @property
    def query_file(self) -> Path:
        return self.work / "queries.json"


def child(args: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    """Run ``python -m …`` from the repository root (bench importable), output captured."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


def load_once(scale: Scale, store_dir: Path, *, dump: bool, validate: bool = False) -> dict[str, Any]:
    """Load all folders of ``scale`` into a persistent store in a fresh process (and validate them
    with SHACL when asked); its JSON line."""
    args = ["bench.loading", "--store", f"oxigraph:{store_dir}"]
    if dump:
        args += ["--dump", str(scale.nq)]
    if validate:
        args.append("--validate")
    proc = child([*args, *map(str, scale.folders)], timeout=900)
    if proc.returncode != 0:
        raise RuntimeError(f"Laden von {scale.name} fehlgeschlagen: {proc.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def prepare(name: str, work: Path) -> Scale:
    """Generate the data of ``name`` under ``work`` (nothing loaded yet)."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    scale = Scale(name, work)
    scale.folders = generate(name, work / "data")
    return scale


def finish(scale: Scale) -> None:
    """Bind the reference query set against the loaded data and write it for the child processes."""
    from bench.queryset import reference_set
    from rahmengraph.model.stores.oxigraph import OxigraphStore

    store = OxigraphStore(scale.store, read_only=True)
    scale.queries = reference_set(store, scale.folders[0])
    scale.triples = store.count()
    scale.query_file.write_text(json.dumps(scale.queries, ensure_ascii=False), encoding="utf-8")
