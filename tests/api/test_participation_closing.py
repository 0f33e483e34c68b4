"""A facilitator closes an event early: ``PATCH /api/beteiligung/veranstaltungen/{id}`` with the
update token; afterwards the event's token writes nothing (403, German); closing never re-opens."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient

from tests.api.test_participation import AUTH, api, contributions, open_event, send

__all__ = ["api"]  # the fixture, shared with the input tests


def test_closing_now_refuses_further_input_and_never_reopens(api: TestClient) -> None:
    event = open_event(api)
    first, second = contributions()[:2]
    assert send(api, event, first).status_code == 201
    path = f"/api/beteiligung/veranstaltungen/{event['id']}"
    moment = datetime.now(UTC)
    assert api.patch(path, json={"ende": moment.isoformat()}).status_code == 401  # no update token
    r = api.patch(path, json={"ende": "2026-11-30T12:00:00"}, headers=AUTH)
    assert r.status_code == 422 and "Zeitzone" in r.text
    r = api.patch(path, json={"ende": moment.isoformat()}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["offen"] is False and datetime.fromisoformat(r.json()["ende"]) == moment.replace(
        microsecond=moment.microsecond
    )
    refused = send(api, event, second)
    assert refused.status_code == 403 and "geschlossen" in refused.json()["error"]["message"]
    later = (moment + timedelta(days=1)).isoformat()
    assert api.patch(path, json={"ende": later}, headers=AUTH).json()["offen"] is False  # not re-opened
    assert (
        api.patch(
            "/api/beteiligung/veranstaltungen/gibt-es-nicht", json={"ende": later}, headers=AUTH
        ).status_code
        == 404
    )
