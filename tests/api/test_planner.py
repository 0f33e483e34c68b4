"""The JSON API on the test framework: every list, item, filter, partners, responsibility today, questions."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from rahmengraph.model.catalog import COLLECTIONS
from rahmengraph.model.questions import questions
from tests.api.conftest import CASES

MEASURE_CASES = json.loads((CASES / "massnahmen-filter.json").read_text(encoding="utf-8"))
LIST_CASES = json.loads((CASES / "listen-filter.json").read_text(encoding="utf-8"))


def ids(page: dict[str, Any]) -> list[str]:
    return [e["id"] for e in page["eintraege"]]


@pytest.mark.parametrize("path", list(COLLECTIONS))
def test_every_list_and_item(client: TestClient, path: str) -> None:
    page = client.get(f"/api/{path}", params={"limit": 1000}).json()
    assert page["gesamt"] == len(page["eintraege"]) > 0
    first = page["eintraege"][0]
    item = client.get(first["href"])
    assert item.status_code == 200
    body = item.json()
    assert body["id"] == first["id"] and body["iri"] == first["iri"]
    assert body["quellen"], "every entity has a source"
    for refs in body["bezuege"].values():
        for ref in refs:
            if ref["href"]:
                assert client.get(ref["href"]).status_code == 200


@pytest.mark.parametrize("case", MEASURE_CASES, ids=lambda c: json.dumps(c["params"]))
def test_measure_filters(client: TestClient, case: dict[str, Any]) -> None:
    response = client.get("/api/massnahmen", params=case["params"])
    assert response.status_code == 200, response.text
    assert ids(response.json()) == case["ids"]


@pytest.mark.parametrize("case", LIST_CASES, ids=lambda c: f"{c['liste']}-{json.dumps(c['params'])}")
def test_column_filters(client: TestClient, case: dict[str, Any]) -> None:
    response = client.get(f"/api/{case['liste']}", params=case["params"])
    assert response.status_code == 200, response.text
    assert ids(response.json()) == case["ids"]


def test_paging_and_sorting(client: TestClient) -> None:
    everything = ids(client.get("/api/massnahmen").json())
    page = client.get("/api/massnahmen", params={"limit": 3, "offset": 2}).json()
    assert page["gesamt"] == len(everything) and ids(page) == everything[2:5]
    desc = ids(client.get("/api/massnahmen", params={"sort": "-id"}).json())
    assert desc == everything[::-1]
    by_label = client.get("/api/handlungsfelder", params={"sort": "label"}).json()
    labels = [e["label"] for e in by_label["eintraege"]]
    assert labels == sorted(labels)


@pytest.mark.parametrize(
    "params",
    [
        {"sort": "gibtsnicht"},
        {"role": "federfuehrend"},
        {"actor": "NIEMAND"},
        {"farbe": "rot"},
        {"limit": "0"},
    ],
)
def test_bad_list_parameters(client: TestClient, params: dict[str, str]) -> None:
    response = client.get("/api/massnahmen", params=params)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_parameter"


def test_measure_item_has_responsibilities_and_incoming_links(client: TestClient) -> None:
    body = client.get("/api/massnahmen/M-3-01").json()
    duties = {(d["rolle"], d["akteur"]["id"], d["ebenen_grundlage"]) for d in body["zustaendigkeiten"]}
    assert ("federfuehrend", "AB-S", "belegt") in duties
    assert ("federfuehrend", "MSI", "abgeleitet") in duties
    field = client.get("/api/handlungsfelder/1").json()
    pointing = {(x["eintrag"]["id"], x["eigenschaft"].rsplit("#")[-1]) for x in field["verweise_auf_diesen"]}
    assert {("M-1-01", "field"), ("I-1", "field")} <= pointing


def test_partners_per_level_and_role(client: TestClient) -> None:
    partners = {p["akteur"]["id"]: p for p in client.get("/api/akteure/MJI/partner").json()}
    assert partners["VEREIN"]["gemeinsame_massnahmen"] == ["M-1-01", "M-4-01", "M-4-02"]
    links = {
        (k["eigene_rolle"], k["partner_rolle"], k["ebene"]["id"] if k["ebene"] else None): k["massnahmen"]
        for k in partners["VEREIN"]["verbindungen"]
    }
    assert links[("beteiligt", "federfuehrend", "stadt-nord")] == ["M-4-02"]
    assert partners["MB"]["gemeinsame_massnahmen"] == []
    assert [f["id"] for f in partners["MB"]["gemeinsame_handlungsfelder"]] == ["1", "4"]


def test_responsible_today_follows_successors(client: TestClient) -> None:
    rows = client.get("/api/massnahmen/M-3-01/zustaendig-heute").json()
    msi = next(r for r in rows if r["genannt"]["id"] == "MSI")
    assert msi["geaendert"] and msi["genannt_gueltig_bis"]
    assert sorted(t["weg"][-1] for t in msi["heute"]) == ["MAS", "MJI"]
    assert all(t["weg"][0] == "MSI" for t in msi["heute"])
    same = next(r for r in rows if r["genannt"]["id"] == "AB-S" and r["rolle"] == "federfuehrend")
    assert not same["geaendert"]
    assert client.get("/api/massnahmen/M-9-99/zustaendig-heute").status_code == 404


def test_questions_list_and_answers(client: TestClient) -> None:
    listed = client.get("/api/fragen").json()
    assert [q["name"] for q in listed] == list(questions())
    answer = client.get("/api/fragen/ressort-partner", params={"actor": "MJI"}).json()
    assert "VALUES ?actor" in answer["sparql"]
    partners = {r["partnerKuerzel"] for r in answer["zeilen"]}
    assert "VEREIN" in partners and "MSI" not in partners  # MSI led M-1-01 before MJI: no partner
    missing = client.get("/api/fragen/ressort-partner")
    assert missing.status_code == 400 and "actor" in missing.json()["error"]["message"]


@pytest.mark.parametrize("name", list(questions()))
def test_every_question_answers(client: TestClient, name: str) -> None:
    q = questions()[name]
    sample = {
        "field": "1",
        "actor": "MJI",
        "level": "Land",
        "target_group": "gefluechtete",
        "measure": "M-1-01",
    }
    params = {p.name: sample.get(p.type.name, "x") for p in q.params if p.required}
    response = client.get(f"/api/fragen/{name}", params=params)
    assert response.status_code == 200, response.text
    assert response.json()["spalten"]


def test_openapi_has_german_summaries(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    summary = spec["paths"]["/api/massnahmen"]["get"]["summary"]
    assert summary.startswith("Maßnahmen")
    assert "/api/akteure/{kuerzel}/partner" in spec["paths"]
