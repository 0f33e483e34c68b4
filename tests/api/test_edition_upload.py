"""A new edition uploaded in the web interface: token, checks and diff first, written only on
confirmation; a broken workbook or a wrong token writes nothing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html

from rahmengraph.api.app import create_app
from rahmengraph.model.edition_build import read_with_editions
from rahmengraph.model.export import xlsx_bytes
from rahmengraph.model.loading.writing import load
from rahmengraph.model.stores.oxigraph import OxigraphStore
from rahmengraph.model.tabulation import read_tables
from tests.api.conftest import TOKEN, settings


@pytest.fixture
def dataset(tmp_path: Path, musterland_dir: Path) -> Path:
    folder = tmp_path / "musterland"
    shutil.copytree(musterland_dir, folder)
    return folder


@pytest.fixture
def client(dataset: Path) -> Iterator[TestClient]:
    store = OxigraphStore()
    ds = load(store, dataset)
    app = create_app(settings(dataset, allow_update=True, update_token=TOKEN, warm_analyses=False), store, ds)
    with TestClient(app) as c:
        yield c


def _workbook(dataset: Path) -> bytes:
    """The current edition exported as a planner would, with one measure's level changed."""
    store = OxigraphStore()
    ds = load(store, dataset)
    tables = read_tables(store, ds.graph)
    header, rows = tables.files["massnahmen.csv"]
    at, level = header.index("id"), header.index("ebene")
    tables.files["massnahmen.csv"] = (
        header,
        [[*r[:level], "Kreis Süd", *r[level + 1 :]] if r[at] == "M-3-02" else r for r in rows],
    )
    return xlsx_bytes(tables)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


FIELDS = {"datum": "2024-05-01", "gremium": "G-STEUER", "quelle": "https://musterland.example/2024.pdf"}


def test_upload_shows_checks_and_diff_then_writes_on_confirmation(client: TestClient, dataset: Path) -> None:
    before = _snapshot(dataset)
    files = {"datei": ("rahmen.xlsx", _workbook(dataset))}
    preview = client.post("/aenderungen/neu", data={**FIELDS, "token": TOKEN}, files=files)
    assert preview.status_code == 200, preview.text
    doc = lxml_html.fromstring(preview.text)
    assert [
        (tr.get("data-type"), tr.xpath("string(td[2])"))
        for tr in doc.xpath('//table[@id="changes"]/tbody/tr')
    ] == [("Ebene geändert", "M-3-02")]
    assert any("ohne belegten Grund" in li.text_content() for li in doc.xpath('//ul[@id="warnings"]/li'))
    assert _snapshot(dataset) == before  # nothing written yet
    upload = doc.xpath('//form[@id="confirm-form"]//input[@name="upload"]/@value')[0]
    wrong = client.post("/aenderungen/bestaetigen", data={"upload": upload, "token": "falsch"})
    assert wrong.status_code == 401 and _snapshot(dataset) == before
    done = client.post("/aenderungen/bestaetigen", data={"upload": upload, "token": TOKEN})
    assert done.status_code == 200, done.text
    ds = read_with_editions(dataset)
    assert ds.editions is not None and ds.editions.editions[-1].version == "2024-05-01"
    # the server answers from the new edition at once
    assert client.get("/api/ausgaben").json()[-1]["ausgabe"] == "2024-05-01"
    rows = client.get("/api/aenderungen", params={"von": "2023-06-30"}).json()["aenderungen"]
    assert [(r["art"], r["id"]) for r in rows] == [("Ebene geändert", "M-3-02")]


@pytest.mark.parametrize(
    ("token", "data", "status", "text"),
    [
        ("", b"x", 401, "Bearer-Token"),
        ("falsch", b"x", 401, "Bearer-Token"),
        (TOKEN, b"PK\x03\x04 kaputt", 422, "Arbeitsmappe nicht lesbar"),
    ],
)
def test_bad_upload_writes_nothing(
    client: TestClient, dataset: Path, token: str, data: bytes, status: int, text: str
) -> None:
    before = _snapshot(dataset)
    response = client.post(
        "/aenderungen/neu",
        data={**FIELDS, "token": token},
        files={"datei": ("rahmen.xlsx", data)},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == status and text in response.json()["error"]["message"] + str(
        response.json()["error"]["problems"]
    )
    assert _snapshot(dataset) == before
