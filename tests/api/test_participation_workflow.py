"""Participation over HTTP, after the input: workflow, hiding, counts for the overlay, exports, import."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import openpyxl
import pytest
from fastapi.testclient import TestClient

from tests.api.test_participation import AUTH, BASE, CASE, api, contributions, open_event, send

__all__ = ["api"]  # the fixture, shared with the input tests


@pytest.fixture
def filled(api: TestClient) -> Iterator[tuple[TestClient, dict[str, Any]]]:
    event = open_event(api)
    for body in contributions():
        assert send(api, event, body).status_code == 201
    yield api, event


def patch(api: TestClient, ident: str, body: object, headers: dict[str, str] | None = None) -> Any:
    return api.patch(
        f"/api/beteiligung/beitraege/{ident}", json=body, headers=AUTH if headers is None else headers
    )


def test_the_working_group_moves_input_through_the_states(filled: tuple[TestClient, dict[str, Any]]) -> None:
    api, event = filled
    ident = contributions()[0]["id"]
    assert patch(api, ident, {"status": "in-pruefung"}, headers={}).status_code == 401
    r = patch(api, ident, {"status": "nicht-aufgenommen"})
    assert r.status_code == 400 and "Begründung" in r.json()["error"]["message"]
    r = patch(api, ident, {"status": "nicht-aufgenommen", "grund": "außerhalb des Rahmenkonzepts"})
    assert r.status_code == 200, r.text
    assert (r.json()["status"], r.json()["status_label"]) == ("nicht-aufgenommen", "nicht aufgenommen")
    r = patch(api, ident, {"status": "in-pruefung"})
    assert (r.json()["status"], r.json()["grund"]) == ("in-pruefung", "außerhalb des Rahmenkonzepts")
    shown = api.get(f"/api/beteiligung/veranstaltungen/{event['id']}").json()["beitraege"]
    assert {b["id"]: b["status"] for b in shown}[ident] == "in-pruefung"


def test_adopted_input_links_a_change_of_the_framework(filled: tuple[TestClient, dict[str, Any]]) -> None:
    api, _event = filled
    ident = contributions()[1]["id"]
    for wrong in ("https://example.org/irgendwas", BASE + "massnahme/M-1-01"):  # unknown; not a change
        r = patch(api, ident, {"status": "aufgenommen", "aenderung": wrong})
        assert r.status_code == 422 and r.json()["error"]["problems"][0]["column"] == "aenderung"
    target = BASE + "veraenderung/2023-06-30/013"
    r = patch(api, ident, {"status": "aufgenommen", "aenderung": target})
    assert r.status_code == 200, r.text
    assert (r.json()["status"], r.json()["aenderung"]) == ("aufgenommen", target)


def test_hidden_input_is_kept_marked_and_not_shown(filled: tuple[TestClient, dict[str, Any]]) -> None:
    api, event = filled
    ident = contributions()[0]["id"]
    assert patch(api, ident, {"verborgen": True}).json()["verborgen"] is True
    public = api.get(f"/api/beteiligung/veranstaltungen/{event['id']}").json()["beitraege"]
    assert ident not in {b["id"] for b in public}
    full = api.get(f"/api/beteiligung/veranstaltungen/{event['id']}", headers=AUTH).json()["beitraege"]
    assert {b["id"]: b["verborgen"] for b in full}[ident] is True
    counts = api.get("/api/beteiligung/zaehlung").json()
    assert BASE + "massnahme/M-1-01" not in counts
    assert patch(api, ident, {"verborgen": False}).json()["verborgen"] is False
    assert api.get("/api/beteiligung/zaehlung").json()[BASE + "massnahme/M-1-01"]["kommentar"] == 1


def test_counts_per_target_and_kind(filled: tuple[TestClient, dict[str, Any]]) -> None:
    api, event = filled
    counts = api.get("/api/beteiligung/zaehlung", params={"veranstaltung": event["id"]}).json()
    zero = {"kommentar": 0, "frage": 0, "luecke": 0, "vorschlag": 0}
    assert counts == {
        BASE + "massnahme/M-1-01": {**zero, "kommentar": 1},
        BASE + "handlungsfeld/1": {**zero, "frage": 1},
        BASE + "handlungsfeld/2": {**zero, "luecke": 1},
        BASE + "zielgruppe/frauen": {**zero, "luecke": 1},
        f"{BASE}handlungsfeld/2 {BASE}zielgruppe/frauen": {**zero, "luecke": 1},  # the matrix cell
        BASE + "rahmenkonzept": {**zero, "vorschlag": 1},  # the framework's own node
    }
    assert api.get("/api/beteiligung/zaehlung", params={"veranstaltung": "nein"}).status_code == 404


FORMULA = '=HYPERLINK("https://example.org";"klick")'


def test_exports_keep_markup_and_formulas_as_text(filled: tuple[TestClient, dict[str, Any]]) -> None:
    api, event = filled
    body = {**contributions()[0], "id": "0b7a4e1c-3a55-4d1e-9d7e-1f0b6a3c2d99", "text": FORMULA}
    assert send(api, event, body, client="b").status_code == 201
    r = api.get(f"/api/beteiligung/veranstaltungen/{event['id']}/beitraege.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
    texts = {row["id"]: row["text"] for row in rows}
    sent = {b["id"]: b["text"] for b in contributions()}
    assert {k: texts[k] for k in sent} == sent  # <script> and <img onerror> stay text
    assert texts[body["id"]] == "'" + FORMULA
    assert "name" not in rows[0]
    assert rows[0]["ziel_name"] == "Sprachkurse für Zugewanderte"

    r = api.get(f"/api/beteiligung/veranstaltungen/{event['id']}/beitraege.xlsx", headers=AUTH)
    assert r.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(r.content))["Beitraege"]
    header = [c.value for c in sheet[1]]
    cells = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    text = header.index("text")
    assert cells[body["id"]][text].value == FORMULA and cells[body["id"]][text].data_type == "s"
    assert {k: cells[k][text].value for k in sent} == sent
    assert "name" in header
    assert api.get(f"/api/beteiligung/veranstaltungen/{event['id']}/beitraege.pdf").status_code == 404


def test_import_over_http_needs_the_token_and_is_idempotent(api: TestClient) -> None:
    files = {"datei": (CASE.name, CASE.read_bytes(), "application/json")}
    assert api.post("/api/beteiligung/import", files=files).status_code == 401
    r = api.post("/api/beteiligung/import", files=files, headers=AUTH)
    assert r.json() == {"veranstaltung": "fachtag-2026", "neu": 4, "schon_da": 0}
    r = api.post("/api/beteiligung/import", files=files, headers=AUTH)
    assert r.json() == {"veranstaltung": "fachtag-2026", "neu": 0, "schon_da": 4}
    broken = {"datei": ("kaputt.beteiligung.json", b"{", "application/json")}
    r = api.post("/api/beteiligung/import", files=broken, headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["problems"][0]["file"] == "kaputt.beteiligung.json"
    shown = api.get("/api/beteiligung/veranstaltungen/fachtag-2026").json()
    assert shown["offen"] is False and len(shown["beitraege"]) == 4
    assert json.loads(CASE.read_text(encoding="utf-8"))["veranstaltung"]["titel"] == shown["titel"]


def test_unknown_path_bits_are_german_404(api: TestClient) -> None:
    r = api.get("/api/beteiligung/veranstaltungen/gibt-es-nicht")
    assert r.status_code == 404 and "gibt-es-nicht" in r.json()["error"]["message"]
    assert patch(api, "0b7a4e1c-3a55-4d1e-9d7e-1f0b6a3c2d00", {"status": "neu"}).status_code == 404
