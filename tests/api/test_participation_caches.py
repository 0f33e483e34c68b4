"""Participation input leaves the official analyses' caches alone; its own views are fresh at once."""

from __future__ import annotations

from fastapi.testclient import TestClient

from rahmengraph.api.state import state_of
from rahmengraph.model.analysis import ANALYSES
from rahmengraph.model.projection import shared_projection
from tests.api.test_participation import BASE, api, contributions, open_event, send

__all__ = ["api"]  # the fixture

COUNT_INPUT = (
    "PREFIX oa: <http://www.w3.org/ns/oa#> SELECT (COUNT(?a) AS ?n) WHERE { GRAPH ?g { ?a a oa:Annotation } }"
)


def test_a_contribution_is_counted_at_once_and_the_analyses_stay_cached(api: TestClient) -> None:
    store = state_of(api.app).store  # type: ignore[arg-type]
    event = open_event(api)
    gaps = ANALYSES["gaps"].run(store)
    projection = shared_projection(store)
    before = (store.generation, store.fingerprint())

    assert send(api, event, contributions()[0]).status_code == 201

    assert store.generation > before[0]  # written ...
    assert store.fingerprint() == before[1]  # ... but not the official data
    assert ANALYSES["gaps"].run(store) is gaps  # served from the cache, not computed again
    assert shared_projection(store) is projection
    counts = api.get("/api/beteiligung/zaehlung").json()
    assert counts[BASE + "massnahme/M-1-01"]["kommentar"] == 1
    shown = api.get(f"/api/beteiligung/veranstaltungen/{event['id']}").json()["beitraege"]
    assert [b["id"] for b in shown] == [contributions()[0]["id"]]
    accept = {"Accept": "application/sparql-results+json"}
    r = api.get("/sparql", params={"query": COUNT_INPUT}, headers=accept)
    assert r.json()["results"]["bindings"][0]["n"]["value"] == "1"  # the query workers see it too


def test_an_official_write_still_empties_the_caches(api: TestClient) -> None:
    store = state_of(api.app).store  # type: ignore[arg-type]
    gaps = ANALYSES["gaps"].run(store)
    store.update(f'INSERT DATA {{ GRAPH <{BASE}eigene-notizen> {{ <urn:a> <urn:b> "c" }} }}')
    assert ANALYSES["gaps"].run(store) is not gaps
