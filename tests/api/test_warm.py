"""Analyses are computed before the first planner asks: at start-up and after every update."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from rahmengraph.api import state as state_module
from rahmengraph.api.app import create_app
from rahmengraph.api.state import state_of
from rahmengraph.errors import StoreError
from rahmengraph.model.analysis import ANALYSES, Report, quality
from rahmengraph.model.filters import Filters
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.store import GraphStore
from tests.api.conftest import TOKEN, settings

#: The repository (a child interpreter imports the tests' helpers from it).
ROOT = Path(__file__).resolve().parents[2]
INSERT = 'INSERT DATA { GRAPH <urn:notizen> { <urn:x> <urn:p> "neu" } }'


def _no_shacl(*args: Any, **kwargs: Any) -> None:
    raise StoreError("SHACL ran again")


def _wait(client: TestClient) -> None:
    warming = state_of(client.app).warming  # type: ignore[arg-type]
    if warming is not None:
        client.portal.call(_await, warming)


async def _await(fut: Any) -> None:
    await fut


def _quality_without_shacl(store: GraphStore) -> Report:
    # a filter not seen before: a new view, so only a remembered SHACL report avoids running pySHACL
    return ANALYSES["datenqualitaet"].run(store, Filters(evidence=("rahmenkonzept",)))


def test_start_up_computes_the_shacl_report(
    own_store: tuple[GraphStore, Dataset], musterland_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, ds = own_store
    with TestClient(create_app(settings(musterland_dir), store, ds)) as client:
        _wait(client)
        status = client.get("/api/status").json()
        assert status["analysen"] == "vorberechnet" and status["speicher"] == "oxigraph"
        assert "https://w3id.org/rahmengraph/musterland/" in status["graphen"]
        monkeypatch.setattr(quality, "validate_all", _no_shacl)
        assert _quality_without_shacl(store).summary["befunde"] >= 0  # answered from the remembered report


def test_without_warming_nothing_is_computed_ahead(
    own_store: tuple[GraphStore, Dataset], musterland_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, ds = own_store
    with TestClient(create_app(settings(musterland_dir, warm_analyses=False), store, ds)) as client:
        assert state_of(client.app).warming is None  # type: ignore[arg-type]
        assert client.get("/api/status").json()["analysen"] == "aus"
        monkeypatch.setattr(quality, "validate_all", _no_shacl)
        with pytest.raises(StoreError, match="SHACL ran again"):
            _quality_without_shacl(store)


def test_an_update_computes_them_again(
    own_store: tuple[GraphStore, Dataset], musterland_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, ds = own_store
    app = create_app(
        settings(musterland_dir, allow_update=True, update_token=TOKEN, query_workers=1), store, ds
    )
    with TestClient(app) as client:
        _wait(client)
        resp = client.post("/sparql", data={"update": INSERT}, headers={"authorization": f"Bearer {TOKEN}"})
        assert resp.status_code == 204
        _wait(client)  # the warm-up the update started
        assert client.get("/api/status").json()["analysen"] == "vorberechnet"
        monkeypatch.setattr(quality, "validate_all", _no_shacl)
        assert _quality_without_shacl(store).name == "datenqualitaet"


def test_updates_in_a_row_cost_one_run_after_them(
    own_store: tuple[GraphStore, Dataset], musterland_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, ds = own_store
    runs: list[int] = []
    real = state_module.warm

    def counted(s: GraphStore) -> None:
        runs.append(s.count())
        real(s)

    monkeypatch.setattr(state_module, "warm", counted)
    monkeypatch.setattr(state_module, "QUIET", 5.0)  # the updates below come well within it
    app = create_app(
        settings(musterland_dir, allow_update=True, update_token=TOKEN, query_workers=1), store, ds
    )
    with TestClient(app) as client:
        _wait(client)
        for i in range(5):
            text = f'INSERT DATA {{ GRAPH <urn:notizen> {{ <urn:x{i}> <urn:p> "neu" }} }}'
            resp = client.post("/sparql", data={"update": text}, headers={"authorization": f"Bearer {TOKEN}"})
            assert resp.status_code == 204
        assert client.get("/api/status").json()["analysen"] == "laufen"
        _wait(client)
        assert client.get("/api/status").json()["analysen"] == "vorberechnet"
        assert runs == [store.count()]  # one run, over the state after the last update


def test_the_server_process_never_imports_pyshacl_or_rdflib(musterland_dir: Path) -> None:
    # a fresh interpreter: the test process itself has them loaded
    code = (
        "import sys\n"
        "from fastapi.testclient import TestClient\n"
        "from rahmengraph.api.app import create_app\n"
        "from rahmengraph.api.state import state_of\n"
        "from rahmengraph.model.loading.writing import load\n"
        "from rahmengraph.model.stores.oxigraph import OxigraphStore\n"
        "from tests.api.conftest import settings\n"
        f"folder = {str(musterland_dir)!r}\n"
        "from pathlib import Path\n"
        "store = OxigraphStore()\n"
        "ds = load(store, Path(folder))\n"
        "with TestClient(create_app(settings(Path(folder), query_workers=1), store, ds)) as client:\n"
        "    client.portal.call(_await, state_of(client.app).warming)\n"
        "    assert client.get('/api/status').json()['analysen'] == 'vorberechnet'\n"
        "    assert client.get('/api/analyse/datenqualitaet').status_code == 200\n"
        "    print(' '.join(m for m in ('pyshacl', 'rdflib') if m in sys.modules) or 'ohne')\n"
    )
    code = "async def _await(fut):\n    await fut\n" + code
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split()[-1] == "ohne"
