"""The OpenAPI document is true and /docs shows it offline: schemathesis calls every operation of a
live server with generated requests (a bounded number per operation) and checks that each answer's
status and media type are ones the document declares for it, and that none is a server error."""

from __future__ import annotations

import lxml.html
import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, settings

from rahmengraph.api.app import create_app
from rahmengraph.viz.static_files import API_DOCS_FILES
from tests.api.conftest import LiveServer
from tests.api.conftest import settings as app_settings
from tests.conftest import CASES

#: Examples per operation: enough to reach the declared statuses, few enough for about a minute in all.
EXAMPLES = 6
#: Seconds a request may take (a PDF report on a loaded machine takes more than the default 10).
TIMEOUT = 120
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
]

#: The document as the server publishes it (made without starting the app: no store needed).
schema = schemathesis.openapi.from_dict(create_app(app_settings(CASES / "musterland")).openapi())
#: The report downloads render a PDF or DOCX (seconds each): two generated requests each.
REPORT = "^/bericht/download$"
REPORT_EXAMPLES = 2
#: SPARQL's own bodies are text, like text/plain.
schemathesis.serializer.alias(["application/sparql-query", "application/sparql-update"], "text/plain")


def _call(case: schemathesis.Case, live: LiveServer) -> None:
    case.call_and_validate(base_url=live.url, checks=CHECKS, timeout=TIMEOUT)


@schema.exclude(path_regex=REPORT).parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_operation_answers_as_documented(case: schemathesis.Case, live: LiveServer) -> None:
    _call(case, live)


@schema.include(path_regex=REPORT).parametrize()
@settings(
    max_examples=REPORT_EXAMPLES,
    phases=[Phase.generate],  # no explicit coverage cases: each would render a report
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_report_download_answers_as_documented(case: schemathesis.Case, live: LiveServer) -> None:
    _call(case, live)


def test_document_covers_the_api_without_framework_defaults() -> None:
    """Every part of the API is in the document (the catch-all route too); the framework's 422
    validation answer is not (this API answers 400 for bad parameters)."""
    doc = schema.raw_schema
    assert {"/sparql", "/api/massnahmen", "/download/{name}", "/{path}"} <= set(doc["paths"])
    assert "HTTPValidationError" not in str(doc)
    sparql = {p["name"] for p in doc["paths"]["/sparql"]["get"]["parameters"]}
    assert {"query", "default-graph-uri", "named-graph-uri"} <= sparql
    form = doc["paths"]["/sparql"]["post"]["requestBody"]["content"]
    assert {"application/sparql-query", "application/sparql-update"} <= set(form)
    assert {"update", "using-graph-uri", "using-named-graph-uri"} <= set(
        form["application/x-www-form-urlencoded"]["schema"]["properties"]
    )
    download = doc["paths"]["/download/{name}"]["get"]["responses"]
    assert (
        "text/turtle" in download["200"]["content"] and "application/json" not in download["200"]["content"]
    )
    assert "404" in download


pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:schemathesis")


def test_docs_page_uses_only_local_files(client: TestClient) -> None:
    """/docs links Swagger UI from this server (node_modules), never from a CDN."""
    resp = client.get("/docs")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    tree = lxml.html.fromstring(resp.text)
    links = [*tree.xpath("//script/@src"), *tree.xpath("//link/@href")]
    assert sorted(links) == sorted(f"/static/vendor/{name}" for name in API_DOCS_FILES)
    assert "https://" not in resp.text and "http://" not in resp.text
    for link in links:
        asset = client.get(link)
        assert asset.status_code == 200 and len(asset.content) > 500
    assert client.get("/static/vendor/swagger-ui.css").headers["content-type"].startswith("text/css")
    assert client.get("/redoc").status_code == 404  # ReDoc would load from a CDN: not offered
