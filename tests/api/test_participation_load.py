"""50 participants submitting at once against a real server on 127.0.0.1: nothing is lost."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from rahmengraph.api.app import create_app
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.participation.terms import OA
from rahmengraph.model.store import GraphStore
from tests.api.conftest import TOKEN, LiveServer, settings
from tests.api.test_participation import AUTH, BASE, contributions

PARTICIPANTS = 50


@pytest.fixture
def server(own_store: tuple[GraphStore, Dataset], musterland_dir: Path) -> Iterator[LiveServer]:
    store, ds = own_store
    config = settings(musterland_dir, allow_update=True, update_token=TOKEN, warm_analyses=False)
    with LiveServer(create_app(config, store, ds)) as live:
        yield live


def test_fifty_participants_at_once_lose_nothing(server: LiveServer) -> None:
    moment = datetime.now(UTC)
    event = httpx.post(
        f"{server.url}/api/beteiligung/veranstaltungen",
        json={
            "titel": "Großgruppe",
            "datum": "2026-12-02",
            "beginn": (moment - timedelta(hours=1)).isoformat(),
            "ende": (moment + timedelta(hours=1)).isoformat(),
        },
        headers=AUTH,
        timeout=60,
    ).json()
    templates = contributions()
    sent = [
        {**templates[n % len(templates)], "id": str(uuid.uuid4()), "text": f"Beitrag {n}"}
        for n in range(PARTICIPANTS)
    ]
    start = threading.Barrier(PARTICIPANTS)
    answers: dict[int, int] = {}

    def participant(n: int) -> None:
        headers = {"X-Beteiligung-Token": event["token"], "X-Beteiligung-Client": f"telefon-{n}"}
        with httpx.Client(timeout=120) as client:
            start.wait(timeout=60)
            r = client.post(
                f"{server.url}/api/beteiligung/veranstaltungen/{event['id']}/beitraege",
                json=sent[n],
                headers=headers,
            )
            answers[n] = r.status_code

    threads = [threading.Thread(target=participant, args=(n,)) for n in range(PARTICIPANTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(180)
    assert answers == dict.fromkeys(range(PARTICIPANTS), 201)
    shown = httpx.get(f"{server.url}/api/beteiligung/veranstaltungen/{event['id']}", timeout=60).json()
    assert sorted((b["id"], b["text"]) for b in shown["beitraege"]) == sorted(
        (b["id"], b["text"]) for b in sent
    )
    # the SPARQL workers see every contribution too (replayed), in the event's graph only
    graph = f"{BASE}beteiligung/veranstaltung/{event['id']}/beitraege"
    query = f"SELECT (COUNT(?a) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?a a <{OA}Annotation> }} }}"
    r = httpx.get(
        f"{server.url}/sparql",
        params={"query": query},
        headers={"Accept": "application/sparql-results+json"},
        timeout=60,
    )
    assert r.json()["results"]["bindings"][0]["n"]["value"] == str(PARTICIPANTS)
