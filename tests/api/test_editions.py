"""Editions over HTTP: the list, the changes as JSON and CSV, ``stand`` on questions, analyses and
the planner's responsibility, the SPARQL endpoint's default graph."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient


def test_editions_listed_oldest_first(client: TestClient) -> None:
    listed = client.get("/api/ausgaben").json()
    assert [(e["ausgabe"], e["aktuell"]) for e in listed] == [
        ("2019", False),
        ("2021-03", False),
        ("2023-06-30", True),
    ]


def test_changes_as_json_and_csv_with_filters(client: TestClient) -> None:
    doc = client.get("/api/aenderungen", params={"von": "2019", "bis": "2021-03", "art": "aufgeteilt"}).json()
    assert (doc["von"], doc["bis"], doc["anzahl"]) == ("2019", "2021-03", 1)
    (row,) = doc["aenderungen"]
    assert (row["id"], row["nachfolger"], row["belegt"], row["beschlossen_von"]) == (
        "M-2-03",
        "M-2-01;M-2-04",
        "ja",
        "REG",
    )
    response = client.get("/api/aenderungen", params={"von": "2021-03", "field": "3", "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {(r["art"], r["id"]) for r in rows} == {("erweitert", "M-3-01"), ("Ebene geändert", "M-3-02")}


def test_bad_change_parameters_are_400_naming_them(client: TestClient) -> None:
    unknown = client.get("/api/aenderungen", params={"von": "1999"})
    assert unknown.status_code == 400 and "Ausgabe '1999' gibt es nicht" in unknown.json()["error"]["message"]
    wrong = client.get("/api/aenderungen", params={"von": "2019", "format": "pdf"})
    assert wrong.status_code == 400 and "format" in wrong.json()["error"]["message"]


def test_questions_analyses_and_responsibility_as_of(client: TestClient) -> None:
    then = client.get("/api/fragen/massnahmen-handlungsfeld", params={"field": "4", "stand": "2019"}).json()
    assert sorted(r["id"] for r in then["zeilen"]) == ["M-4-01", "M-4-03"]
    now = client.get("/api/fragen/massnahmen-handlungsfeld", params={"field": "4"}).json()
    assert sorted(r["id"] for r in now["zeilen"]) == ["M-1-02", "M-4-01", "M-4-02"]
    lead = client.get("/api/massnahmen/M-1-01/zustaendig-heute", params={"stand": "2021-03"}).json()
    assert [
        (r["genannt"]["id"], [t["weg"][-1] for t in r["heute"]])
        for r in lead
        if r["rolle"] == "federfuehrend"
    ] == [("MSI", ["MSI"])]
    bad = client.get("/api/fragen/massnahmen-handlungsfeld", params={"field": "4", "stand": "bald"})
    assert bad.status_code == 400 and "Parameter stand" in bad.json()["error"]["message"]
    old = client.get("/api/analyse/gaps", params={"stand": "2019"})
    assert old.status_code == 200, old.text


def test_sparql_default_graph_is_the_current_state(client: TestClient) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?m a rg:Measure }"
    body = client.get("/sparql", params={"query": query}, headers={"Accept": "text/csv"}).text
    assert body.splitlines()[1].strip() == "8"
    edition = "https://w3id.org/rahmengraph/musterland/ausgabe/2019"
    by_from = client.get(
        "/sparql",
        params={"query": f"SELECT (COUNT(*) AS ?n) FROM <{edition}> WHERE {{ ?m a rg:Measure }}"},
        headers={"Accept": "text/csv"},
    ).text
    assert by_from.splitlines()[1].strip() == "9"


def test_sparql_and_graph_views_as_of(client: TestClient) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?m a rg:Measure }"
    old = client.get("/sparql", params={"query": query, "stand": "2019"}, headers={"Accept": "text/csv"})
    assert old.text.splitlines()[1].strip() == "9"
    named = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?m a rg:Measure } }"
    reach = client.get("/sparql", params={"query": named, "stand": "2019"}, headers={"Accept": "text/csv"})
    assert reach.text.splitlines()[1].strip() == "4"  # the editions stay reachable by GRAPH
    editor = client.get("/sparql-editor", params={"stand": "2021-03"})
    assert "/sparql?stand=2021-03" in editor.text
    graph = client.get("/viz/gesamtbild", params={"stand": "2019"})
    assert graph.status_code == 200 and "M-4-03" in graph.text
    assert "M-4-03" not in client.get("/viz/gesamtbild").text
