"""Participation over HTTP: events, contributions with the event's token, limits, workflow, separation."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from rahmengraph.api.app import create_app
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.store import GraphStore
from tests.api.conftest import TOKEN, settings

CASE = Path(__file__).resolve().parent.parent / "cases" / "beteiligung" / "fachtag.beteiligung.json"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
BASE = "https://w3id.org/rahmengraph/musterland/"
COUNT_DEFAULT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
ANNOTATIONS_NAMED = (
    "PREFIX oa: <http://www.w3.org/ns/oa#> SELECT (COUNT(?a) AS ?n) WHERE { GRAPH ?g { ?a a oa:Annotation } }"
)
ANNOTATIONS_DEFAULT = (
    "PREFIX oa: <http://www.w3.org/ns/oa#> SELECT (COUNT(?a) AS ?n) WHERE { ?a a oa:Annotation }"
)


def contributions() -> list[dict[str, Any]]:
    doc: dict[str, Any] = json.loads(CASE.read_text(encoding="utf-8"))
    return list(doc["beitraege"])


@pytest.fixture
def api(own_store: tuple[GraphStore, Dataset], musterland_dir: Path) -> Iterator[TestClient]:
    store, ds = own_store
    app = create_app(
        settings(
            musterland_dir,
            allow_update=True,
            update_token=TOKEN,
            query_workers=1,
            warm_analyses=False,
            beteiligung_rate=6,
        ),
        store,
        ds,
    )
    with TestClient(app) as c:
        yield c


def open_event(api: TestClient, start: timedelta = -timedelta(hours=1), **extra: object) -> dict[str, Any]:
    moment = datetime.now(UTC)
    body = {
        "titel": "Fachtag Übung",
        "datum": "2026-11-30",
        "format": "G-BET",
        "felder": ["1", "2"],
        "beginn": (moment + start).isoformat(),
        "ende": (moment + start + timedelta(hours=2)).isoformat(),
        **extra,
    }
    r = api.post("/api/beteiligung/veranstaltungen", json=body, headers=AUTH)
    assert r.status_code == 201, r.text
    opened: dict[str, Any] = r.json()
    return opened


def send(
    api: TestClient, event: dict[str, Any], body: object, token: str | None = None, client: str = "a"
) -> Any:
    headers = {
        "X-Beteiligung-Token": event["token"] if token is None else token,
        "X-Beteiligung-Client": client,
    }
    return api.post(f"/api/beteiligung/veranstaltungen/{event['id']}/beitraege", json=body, headers=headers)


def sparql_count(api: TestClient, query: str) -> int:
    r = api.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def test_opening_an_event_needs_the_update_token(api: TestClient) -> None:
    r = api.post("/api/beteiligung/veranstaltungen", json={"titel": "x"})
    assert r.status_code == 401
    assert "Bearer-Token" in r.json()["error"]["message"]


def test_an_event_gets_an_id_a_token_shown_once_and_a_link(api: TestClient) -> None:
    opened = open_event(api)
    assert opened["id"] == "fachtag-uebung-2026-11-30"
    assert opened["link"].endswith(f"/beteiligung/{opened['id']}/mitmachen?token={opened['token']}")
    assert open_event(api)["id"] == "fachtag-uebung-2026-11-30-2"
    listed = api.get("/api/beteiligung/veranstaltungen").json()
    assert [e["id"] for e in listed] and all(e["offen"] for e in listed)
    assert listed[0]["felder"] == [BASE + "handlungsfeld/1", BASE + "handlungsfeld/2"]
    assert listed[0]["format"] == BASE + "gremium/G-BET"
    # the token is nowhere in the store, only its hash
    dump = api.get("/sparql", params={"query": "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"})
    assert opened["token"] not in dump.text
    assert "sha256:" in dump.text


def test_each_kind_of_input_is_stored_as_text_with_status_new(api: TestClient) -> None:
    event = open_event(api)
    for body in contributions():
        r = send(api, event, body)
        assert r.status_code == 201, r.text
        assert r.json() == {"id": body["id"]}
    shown = api.get(f"/api/beteiligung/veranstaltungen/{event['id']}").json()
    by_id = {b["id"]: b for b in shown["beitraege"]}
    sent = {b["id"]: b for b in contributions()}
    assert set(by_id) == set(sent)
    for ident, b in by_id.items():
        assert b["text"] == sent[ident]["text"]  # markup stays text, byte for byte
        assert b["art"] == sent[ident]["art"]
        assert b["status"] == "neu"
        assert "name" not in b  # the event does not ask for names: not stored
    gap = next(b for b in by_id.values() if b["art"] == "luecke")
    assert gap["ziel"] == sent[gap["id"]]["ziel"]
    proposal = next(b for b in by_id.values() if b["art"] == "vorschlag")
    assert proposal["vorschlag"]["titel"] == "Beratung für ältere Frauen"
    assert proposal["ziel"] == {"iri": BASE + "rahmenkonzept"}


def test_names_are_kept_only_when_the_event_asks_for_them(api: TestClient) -> None:
    event = open_event(api, namen_erfragen=True)
    gap = next(b for b in contributions() if b.get("name"))
    assert send(api, event, gap).status_code == 201
    public = api.get(f"/api/beteiligung/veranstaltungen/{event['id']}").json()["beitraege"]
    facilitator = api.get(f"/api/beteiligung/veranstaltungen/{event['id']}", headers=AUTH).json()["beitraege"]
    assert "name" not in public[0]
    assert facilitator[0]["name"] == "Erika Muster"


def test_sending_the_same_contribution_twice_stores_it_once(api: TestClient) -> None:
    event = open_event(api)
    body = contributions()[0]
    assert send(api, event, body).status_code == 201
    assert send(api, event, body).status_code == 201
    assert len(api.get(f"/api/beteiligung/veranstaltungen/{event['id']}").json()["beitraege"]) == 1


@pytest.mark.parametrize(
    ("start", "token", "words"),
    [
        (-timedelta(hours=1), "falsch", "Zugangscode"),
        (-timedelta(hours=1), "", "Zugangscode"),
        (-timedelta(hours=3), None, "geschlossen"),
        (timedelta(hours=1), None, "noch nicht geöffnet"),
    ],
    ids=["wrong-token", "no-token", "closed", "not-yet-open"],
)
def test_wrong_token_or_closed_event_is_refused_in_german(
    api: TestClient, start: timedelta, token: str | None, words: str
) -> None:
    event = open_event(api, start=start)
    r = send(api, event, contributions()[0], token=token)
    assert r.status_code == 403
    assert words in r.json()["error"]["message"]
    assert api.get(f"/api/beteiligung/veranstaltungen/{event['id']}").json()["beitraege"] == []


def test_unknown_event_is_404(api: TestClient) -> None:
    r = send(api, {"id": "gibt-es-nicht", "token": "x"}, contributions()[0])
    assert r.status_code == 404
    assert "gibt-es-nicht" in r.json()["error"]["message"]


def test_a_target_outside_the_framework_is_refused_naming_the_field(api: TestClient) -> None:
    event = open_event(api)
    body = {**contributions()[0], "ziel": {"iri": "https://example.org/fremd"}}
    r = send(api, event, body)
    assert r.status_code == 422
    problem = r.json()["error"]["problems"][0]
    assert problem["column"] == "ziel.iri" and problem["value"] == "https://example.org/fremd"


def test_bad_fields_are_named_in_german(api: TestClient) -> None:
    event = open_event(api)
    body = {**contributions()[0], "art": "lob", "id": "keine-uuid"}
    r = send(api, event, body)
    assert r.status_code == 422
    columns = {p["column"]: p["message"] for p in r.json()["error"]["problems"]}
    assert columns == {"id": "keine UUID", "art": "unzulässiger Wert"}


def test_too_long_text_and_too_large_body_are_413(api: TestClient) -> None:
    event = open_event(api)
    r = send(api, event, {**contributions()[0], "text": "x" * 2001})
    assert r.status_code == 413
    assert "2000 Zeichen" in r.json()["error"]["message"]
    r = send(api, event, {**contributions()[0], "gruppe": "y" * 20_000})
    assert r.status_code == 413
    assert "beteiligung_max_bytes" in r.json()["error"]["message"]


def test_one_device_over_its_limit_gets_429_others_still_write(api: TestClient) -> None:
    event = open_event(api)
    base = contributions()[0]
    statuses = [
        send(
            api, event, {**base, "id": f"0b7a4e1c-3a55-4d1e-9d7e-1f0b6a3c2e{n:02d}"}, client="eins"
        ).status_code
        for n in range(8)
    ]
    assert statuses == [201] * 6 + [429] * 2
    r = send(api, event, {**base, "id": "0b7a4e1c-3a55-4d1e-9d7e-1f0b6a3c2f00"}, client="eins")
    assert r.status_code == 429 and r.headers["Retry-After"] == "60"
    assert "eine Minute" in r.json()["error"]["message"]
    assert (
        send(api, event, {**base, "id": "0b7a4e1c-3a55-4d1e-9d7e-1f0b6a3c2f01"}, client="zwei").status_code
        == 201
    )


def test_a_form_post_with_the_token_field_works(api: TestClient) -> None:
    event = open_event(api)
    form = {
        "token": event["token"],
        "art": "frage",
        "ziel": BASE + "massnahme/M-1-01",
        "text": "<b>fett?</b>",
    }
    r = api.post(f"/api/beteiligung/veranstaltungen/{event['id']}/beitraege", data=form)
    assert r.status_code == 201, r.text
    stored = api.get(f"/api/beteiligung/veranstaltungen/{event['id']}").json()["beitraege"]
    assert [(b["art"], b["text"], b["ziel"]) for b in stored] == [
        ("frage", "<b>fett?</b>", {"iri": form["ziel"]})
    ]


def test_a_query_naming_no_graph_does_not_see_participation(api: TestClient) -> None:
    before = sparql_count(api, COUNT_DEFAULT)
    event = open_event(api)
    for body in contributions():
        assert send(api, event, body).status_code == 201
    assert sparql_count(api, COUNT_DEFAULT) == before
    assert sparql_count(api, ANNOTATIONS_DEFAULT) == 0
    assert sparql_count(api, ANNOTATIONS_NAMED) == 4
    graph = f"{BASE}beteiligung/veranstaltung/{event['id']}/beitraege"
    assert sparql_count(api, ANNOTATIONS_DEFAULT.replace("WHERE", f"FROM <{graph}> WHERE")) == 4
    r = api.get(
        "/sparql",
        params={"query": ANNOTATIONS_DEFAULT, "default-graph-uri": graph},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert r.json()["results"]["bindings"][0]["n"]["value"] == "4"


@pytest.mark.parametrize("first", [False, True], ids=["empty", "with-input"])
@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA {{ GRAPH <{graph}> {{ <urn:a> <urn:b> <urn:c> }} }}",
        "DROP GRAPH <{graph}>",
        "DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        "INSERT DATA {{ GRAPH <{register}> {{ <urn:a> <urn:b> <urn:c> }} }}",
    ],
    ids=["insert", "drop", "any-graph", "register"],
)
def test_sparql_update_cannot_write_participation_graphs(api: TestClient, first: bool, update: str) -> None:
    event = open_event(api)
    if first:
        assert send(api, event, contributions()[0]).status_code == 201
    graph = f"{BASE}beteiligung/veranstaltung/{event['id']}/beitraege"
    text = update.format(graph=graph, register=f"{BASE}beteiligung/veranstaltungen")
    r = api.post("/sparql", data={"update": text}, headers=AUTH)
    assert r.status_code == 403
    stored = api.get(f"/api/beteiligung/veranstaltungen/{event['id']}").json()["beitraege"]
    assert len(stored) == (1 if first else 0)
