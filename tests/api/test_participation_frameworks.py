"""Participation with several frameworks in one store (``rahmengraph serve -d musterland -d hansestadt``):
every event belongs to one framework, its pages and routes are scoped to it, its targets are checked
against that framework's graphs only."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html

from rahmengraph.api.app import create_app
from rahmengraph.model.loading.writing import load_all
from rahmengraph.model.participation import terms
from rahmengraph.model.stores.oxigraph import OxigraphStore
from tests.api.conftest import TOKEN, settings
from tests.api.test_participation import AUTH, CASE

ML = "https://w3id.org/rahmengraph/musterland/"
NH = "https://w3id.org/rahmengraph/nordhafen/"


@pytest.fixture
def two(musterland_dir: Path, hansestadt_dir: Path) -> Iterator[TestClient]:
    store = OxigraphStore()
    datasets = load_all(store, [musterland_dir, hansestadt_dir])
    opts = settings(
        musterland_dir, extra_datasets=[hansestadt_dir], allow_update=True, update_token=TOKEN,
        query_workers=1, warm_analyses=False,
    )  # fmt: skip
    with TestClient(create_app(opts, store, datasets)) as c:
        yield c


def open_event(api: TestClient, **extra: object) -> Any:
    moment = datetime.now(UTC)
    body = {
        "titel": "Fachtag",
        "datum": "2026-11-30",
        "beginn": (moment - timedelta(hours=1)).isoformat(),
        "ende": (moment + timedelta(hours=1)).isoformat(),
        **extra,
    }
    return api.post("/api/beteiligung/veranstaltungen", json=body, headers=AUTH)


def send(api: TestClient, event: dict[str, Any], ident: str, target: dict[str, Any]) -> Any:
    body = {"id": ident, "art": "kommentar", "ziel": target, "text": "Gut so"}
    url = f"/api/beteiligung/veranstaltungen/{event['id']}/beitraege"
    return api.post(url, json=body, headers={"X-Beteiligung-Token": event["token"]})


def uuid(n: int) -> str:
    return f"7e57ab1e-0000-4000-8000-{n:012d}"


def test_each_event_belongs_to_its_framework(two: TestClient) -> None:
    north = open_event(two, rahmen="nordhafen-2017", felder=["1", "2"])
    assert north.status_code == 201, north.text
    land = open_event(two)  # no framework named: the first one loaded
    assert land.status_code == 201, land.text
    north_ev, land_ev = north.json(), land.json()
    assert (north_ev["rahmen"], land_ev["rahmen"]) == ("nordhafen-2017", "musterland-2021")
    assert north_ev["id"] != land_ev["id"]  # same title and day: ids stay unique over the store
    listed = {e["id"]: e["rahmen"] for e in two.get("/api/beteiligung/veranstaltungen").json()}
    assert listed == {north_ev["id"]: "nordhafen-2017", land_ev["id"]: "musterland-2021"}
    only = two.get("/api/beteiligung/veranstaltungen", params={"rahmen": "nordhafen-2017"}).json()
    assert [e["id"] for e in only] == [north_ev["id"]]
    r = two.get("/api/beteiligung/veranstaltungen", params={"rahmen": "atlantis"})
    assert r.status_code == 400 and "Parameter rahmen" in r.json()["error"]["message"]
    wrong_field = open_event(two, rahmen="musterland-2021", felder=["7"])
    assert wrong_field.status_code == 400 and "felder" in wrong_field.json()["error"]["message"]
    shown = two.get(f"/api/beteiligung/veranstaltungen/{north_ev['id']}").json()
    assert shown["rahmen"] == "nordhafen-2017"
    assert shown["graph"] == terms.input_graph(NH, north_ev["id"])


def test_targets_are_checked_against_the_events_framework(two: TestClient) -> None:
    north = open_event(two, rahmen="nordhafen-2017").json()
    r = send(two, north, uuid(1), {"iri": ML + "massnahme/M-1-01"})  # the other framework's measure
    assert r.status_code == 422 and r.json()["error"]["problems"][0]["column"] == "ziel.iri"
    assert send(two, north, uuid(2), {"iri": NH + "massnahme/H-1-01"}).status_code == 201
    assert send(two, north, uuid(3), {"rahmen": True}).status_code == 201
    stored = two.get(f"/api/beteiligung/veranstaltungen/{north['id']}").json()["beitraege"]
    assert [b["ziel"] for b in stored] == [{"iri": NH + "massnahme/H-1-01"}, {"iri": NH + "rahmenkonzept"}]

    counts = two.get("/api/beteiligung/zaehlung", params={"veranstaltung": north["id"]}).json()
    assert set(counts) == {NH + "massnahme/H-1-01", NH + "rahmenkonzept"}
    assert two.get("/api/beteiligung/zaehlung", params={"rahmen": "musterland-2021"}).json() == {}
    assert set(two.get("/api/beteiligung/zaehlung").json()) == set(counts)

    r = two.patch(f"/api/beteiligung/beitraege/{uuid(2)}", json={"status": "in-pruefung"}, headers=AUTH)
    assert r.status_code == 200 and r.json()["status"] == "in-pruefung"
    table = two.get(f"/api/beteiligung/veranstaltungen/{north['id']}/beitraege.csv")
    rows = list(csv.DictReader(io.StringIO(table.content.decode("utf-8-sig")), delimiter=";"))
    assert [r["ziel_name"] for r in rows] == [
        "Sprachförderung in Kitas",
        "Nordhafener Integrationskonzept 2017 – Wir in Nordhafen!",
    ]
    closed = two.patch(
        f"/api/beteiligung/veranstaltungen/{north['id']}",
        json={"ende": datetime.now(UTC).isoformat()},
        headers=AUTH,
    )
    assert closed.status_code == 200 and closed.json()["offen"] is False


def test_pages_are_scoped_and_files_find_their_framework(two: TestClient) -> None:
    page = lxml_html.fromstring(two.get("/beteiligung").text)
    options = page.xpath("//select[@id='n-rahmen']/option/@value")
    assert options == ["musterland-2021", "nordhafen-2017"]
    chips = {
        fs.get("data-rahmen"): fs.xpath(".//input/@value") for fs in page.xpath("//fieldset[@data-rahmen]")
    }
    assert set(chips) == {"musterland-2021", "nordhafen-2017"} and all(chips.values())

    north = open_event(two, rahmen="nordhafen-2017").json()
    phone = two.get(f"/beteiligung/{north['id']}/mitmachen", params={"token": north["token"]}).text
    config = lxml_html.fromstring(phone).xpath("//script[@type='application/json']")[0].text
    assert NH + "massnahme/H-1-01" in config and ML not in config  # only its own framework's targets

    files = {"datei": (CASE.name, CASE.read_bytes(), "application/json")}  # musterland's targets
    r = two.post("/api/beteiligung/import", files=files, headers=AUTH)
    assert r.status_code == 200, r.text
    assert two.get("/api/beteiligung/veranstaltungen/fachtag-2026").json()["rahmen"] == "musterland-2021"
    r = two.post("/api/beteiligung/import", files=files, data={"rahmen": "nordhafen-2017"}, headers=AUTH)
    assert r.status_code == 400 and "musterland-2021" in r.json()["error"]["message"]
