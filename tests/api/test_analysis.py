"""The /api/analyse router on a bare FastAPI app (the API part mounts the same router)."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from rahmengraph.api.analysis import router
from rahmengraph.api.state import get_store
from rahmengraph.errors import RahmengraphError
from rahmengraph.model.store import GraphStore


@pytest.fixture(scope="module")
def client(musterland_store: GraphStore) -> TestClient:
    app = FastAPI()
    app.dependency_overrides[get_store] = lambda: musterland_store
    app.include_router(router)

    @app.exception_handler(RahmengraphError)
    def handle(request: Request, exc: RahmengraphError) -> JSONResponse:
        return JSONResponse({"error": {"code": exc.code, "message": exc.message}}, status_code=exc.status)

    return TestClient(app)


def test_list_names_every_analysis(client: TestClient) -> None:
    names = [a["name"] for a in client.get("/api/analyse").json()]
    assert {"overlaps", "gaps", "abhaengigkeiten", "matrix"} <= set(names)


def test_json_with_filters(client: TestClient) -> None:
    all_ = client.get("/api/analyse/overlaps").json()
    some = client.get("/api/analyse/overlaps", params={"field": "1;3"}).json()
    repeated = client.get("/api/analyse/overlaps", params=[("field", "1"), ("field", "3")]).json()
    assert some == repeated
    assert some["filters"] == {"field": ["1", "3"]}
    assert 0 < some["summary"]["massnahmen"] < all_["summary"]["massnahmen"]


def test_matrix_csv_and_xlsx(client: TestClient) -> None:
    res = client.get("/api/analyse/matrix.csv", params={"rows": "field", "cols": "level"})
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(res.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Handlungsfeld", "Name"] and len(rows) == 1 + 4
    same = client.get("/api/analyse/matrix", params={"rows": "field", "cols": "level", "format": "csv"})
    assert same.text == res.text
    xlsx = client.get("/api/analyse/matrix.xlsx", params={"rows": "field", "cols": "level"})
    book = load_workbook(io.BytesIO(xlsx.content))
    assert book.sheetnames == ["matrix", "cells", "empty"]
    assert book["matrix"].max_row == len(rows)


@pytest.mark.parametrize(
    ("path", "params", "status", "needle"),
    [
        ("/api/analyse/nope", {}, 404, "nope"),
        ("/api/analyse/matrix", {"rows": "wetter"}, 400, "wetter"),
        ("/api/analyse/gaps", {"rows": "field"}, 400, "rows"),
        ("/api/analyse/gaps", {"feld": "1"}, 400, "feld"),
        ("/api/analyse/gaps", {"field": "99"}, 400, "99"),
        ("/api/analyse/gaps", {"format": "pdf"}, 400, "pdf"),
        ("/api/analyse/abhaengigkeiten", {"seed": "x"}, 400, "seed"),
    ],
)
def test_errors_name_the_parameter(
    client: TestClient, path: str, params: dict[str, str], status: int, needle: str
) -> None:
    res = client.get(path, params=params)
    assert res.status_code == status
    assert needle in res.json()["error"]["message"]
