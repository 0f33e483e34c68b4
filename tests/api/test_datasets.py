"""Dataset clauses on ``/sparql``: FROM, FROM NAMED, the protocol's graph parameters and USING.

One case folder each in ``cases/datasets`` (see its README): the query (and an update sent
first), the protocol parameters and the expected answer. Graph IRIs the store does not hold name a
local listener; it must see no connection (such graphs are empty, never fetched).
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from rahmengraph.api.app import create_app
from rahmengraph.model.loading.checking import read_dataset
from rahmengraph.model.stores.oxigraph import OxigraphStore
from tests.api.conftest import CASES, TOKEN, settings

HERE = CASES / "datasets"
FOLDERS = sorted(p for p in HERE.iterdir() if p.is_dir())


class Listener:
    """A TCP listener on 127.0.0.1 that counts the connections it is offered."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.setblocking(False)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def connections(self) -> int:
        seen = 0
        while True:
            try:
                conn, _ = self.sock.accept()
            except BlockingIOError:
                return seen
            conn.close()
            seen += 1


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.sock.close()


def _read(folder: Path, name: str, listener: Listener) -> str | None:
    path = folder / name
    return path.read_text(encoding="utf-8").replace("{listener}", listener.url) if path.exists() else None


def _params(folder: Path, name: str, listener: Listener) -> dict[str, list[str]]:
    text = _read(folder, name, listener)
    return json.loads(text) if text else {}


def _rows(results: dict[str, Any]) -> list[str]:
    return sorted(json.dumps(row, sort_keys=True) for row in results["results"]["bindings"])


def store() -> OxigraphStore:
    graphs = ox.Dataset(ox.parse(path=str(HERE / "store.trig"), format=ox.RdfFormat.TRIG))
    result = OxigraphStore()
    result.native.extend(graphs)
    result.update((HERE / "setup.ru").read_text(encoding="utf-8"))
    return result


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_dataset(folder: Path, listener: Listener, musterland_dir: Path) -> None:
    opts = settings(musterland_dir, allow_update=True, update_token=TOKEN, query_workers=1)
    with TestClient(create_app(opts, store(), read_dataset(musterland_dir))) as client:
        status = _read(folder, "expected-status.txt", listener)
        update = _read(folder, "update.ru", listener)
        if update is not None:
            response = client.post(
                "/sparql",
                params=_params(folder, "update-params.json", listener),
                content=update.encode(),
                headers={"content-type": "application/sparql-update", "authorization": f"Bearer {TOKEN}"},
            )
            if status is not None:
                assert response.status_code == int(status), response.text
                assert response.json()["error"]["message"]
                return
            assert response.status_code == 204, response.text
        query = _read(folder, "query.rq", listener)
        assert query is not None
        response = client.get(
            "/sparql",
            params={"query": query, **_params(folder, "params.json", listener)},
            headers={"accept": "application/sparql-results+json"},
        )
        assert response.status_code == 200, response.text
        expected = json.loads(_read(folder, "expected.srj", listener) or "{}")
        assert response.json()["head"]["vars"] == expected["head"]["vars"]
        assert _rows(response.json()) == _rows(expected)
    assert listener.connections() == 0


def test_every_case_has_an_answer() -> None:
    for folder in FOLDERS:
        assert (folder / "expected.srj").exists() != (folder / "expected-status.txt").exists(), folder
        assert (folder / "query.rq").exists() or (folder / "update.ru").exists(), folder
