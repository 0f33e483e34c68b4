"""Unknown query parameters are 400 errors naming the parameter and the allowed ones (issue #20, 11).

Each case in ``cases/unknown-parameters.json`` is one request; the one error translation answers
JSON to API clients and the HTML error page to browsers, with the same German message.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html

CASES = json.loads((Path(__file__).parent / "cases" / "unknown-parameters.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['path']}?{'&'.join(c['params'])}" for c in CASES])
def test_unknown_parameter_is_a_400_naming_it_and_the_allowed(
    client: TestClient, case: dict[str, Any]
) -> None:
    as_json = client.get(case["path"], params=case["params"], headers={"Accept": "application/json"})
    assert as_json.status_code == 400
    error = as_json.json()["error"]
    assert error["code"] == "bad_parameter"
    for name in case["names"]:
        assert name in error["message"]
    as_html = client.get(case["path"], params=case["params"], headers={"Accept": "text/html"})
    assert as_html.status_code == 400 and as_html.headers["content-type"].startswith("text/html")
    page_text = lxml_html.fromstring(as_html.text).text_content()
    assert all(name in page_text for name in case["names"])


def test_page_state_and_filters_are_accepted_on_a_graph_page(client: TestClient) -> None:
    r = client.get(
        "/viz/handlungsfeld",
        params={"field": "2", "szene": "feld:2", "beamer": "1", "hops": "2", "lang": "de", "panel": "1"},
    )
    assert r.status_code == 200


def test_a_single_field_filter_opens_that_field(client: TestClient) -> None:
    r = client.get("/viz/handlungsfeld", params={"field": "2"})
    data = json.loads(lxml_html.fromstring(r.text).xpath('//script[@id="graph-data"]')[0].text)
    assert data["scenes"][data["start"]]["name"] == "feld:2"
