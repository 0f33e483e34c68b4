"""Questions, forms and filters of a server with two frameworks sharing ids (issue #20, item 9)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from lxml import html as lxml_html

NACHBAR_MB = "https://w3id.org/rahmengraph/nachbarland/akteur/MB"
MUSTER_MB = "https://w3id.org/rahmengraph/musterland/akteur/MB"


def test_answer_says_which_framework_each_row_is_from(two_client: TestClient) -> None:
    r = two_client.get("/api/fragen/massnahmen-zielgruppe", params={"target_group": "frauen"})
    assert r.status_code == 200
    body = r.json()
    assert body["spalten"][0] == "rahmen"
    assert {row["rahmen"] for row in body["zeilen"]} == {"musterland-2021", "nachbarland-2023"}
    assert all(row["massnahmeId"][0] == {"musterland-2021": "M", "nachbarland-2023": "N"}[row["rahmen"]]
               for row in body["zeilen"])  # fmt: skip


def test_rahmen_chooses_one_framework(two_client: TestClient) -> None:
    r = two_client.get("/api/fragen/ressort-partner", params={"actor": "MB", "rahmen": "musterland-2021"})
    assert r.status_code == 200
    body = r.json()
    assert "rahmen" not in body["spalten"] and body["zeilen"] == []  # musterland's MB has no partners
    assert f"<{MUSTER_MB}>" in body["sparql"] and "nachbarland" not in body["sparql"]


def test_form_options_are_unique_and_name_their_framework(two_client: TestClient) -> None:
    r = two_client.get("/fragen/ressort-partner")
    doc = lxml_html.fromstring(r.text)
    options = doc.xpath('//select[@name="actor"]/option[@value!=""]')
    values = [o.get("value") for o in options]
    assert len(values) == len(set(values))
    by_value = {o.get("value"): o.text_content() for o in options}
    assert "Migrationsbeirat" in by_value[NACHBAR_MB] and "Teilhabekonzept" in by_value[NACHBAR_MB]
    assert "Ministerium für Bildung" in by_value[MUSTER_MB] and "Integrationsrahmen" in by_value[MUSTER_MB]
    rahmen = [o.get("value") for o in doc.xpath('//select[@name="rahmen"]/option[@value!=""]')]
    assert rahmen == ["musterland-2021", "nachbarland-2023"]


def test_form_answer_with_an_option_value(two_client: TestClient) -> None:
    r = two_client.get("/fragen/ressort-partner", params={"actor": NACHBAR_MB})
    assert r.status_code == 200
    cells = [td.text_content().strip() for td in lxml_html.fromstring(r.text).xpath("//table//td[1]")]
    assert cells and set(cells) == {"nachbarland-2023"}


def test_a_filter_id_two_frameworks_use_is_an_error_naming_both(two_client: TestClient) -> None:
    r = two_client.get("/api/analyse/gaps", params={"actor": "MB"})
    assert r.status_code == 400
    message = r.json()["error"]["message"]
    assert MUSTER_MB in message and NACHBAR_MB in message and "actor" in message
    assert two_client.get("/api/analyse/gaps", params={"actor": NACHBAR_MB}).status_code == 200


def test_comparison_analysis_puts_frameworks_side_by_side(two_client: TestClient) -> None:
    body = two_client.get("/api/analyse/vergleich").json()
    frameworks = next(t for t in body["tables"] if t["name"] == "frameworks")
    assert [row[0] for row in frameworks["rows"]] == ["musterland-2021", "nachbarland-2023"]
    dims = next(t for t in body["tables"] if t["name"] == "dimensions")
    assert dims["columns"][1:3] == ["musterland-2021", "nachbarland-2023"]
    page = lxml_html.fromstring(two_client.get("/analysen/vergleich").text)
    headings = [th.text_content().strip() for th in page.xpath("//table//th")]
    assert "musterland-2021" in headings and "nachbarland-2023" in headings


def test_comparison_graph_page(two_client: TestClient) -> None:
    r = two_client.get("/viz/vergleich", params={"a": "nachbarland-2023", "b": "musterland-2021"})
    assert r.status_code == 200
    assert "Teilhabekonzept Nachbarland (links)" in r.text
    bad = two_client.get("/viz/vergleich", params={"c": "x"}, headers={"Accept": "application/json"})
    assert bad.status_code == 400 and "'c'" in bad.json()["error"]["message"]


def test_a_served_deck_draws_the_framework_asked_for(two_client: TestClient) -> None:
    page = two_client.get("/viz/gesamtbild?rahmen=nachbarland-2023")
    assert page.status_code == 200 and "https://w3id.org/rahmengraph/musterland/" not in page.text
    assert "https://w3id.org/rahmengraph/musterland/" in two_client.get("/viz/gesamtbild").text
    wrong = two_client.get("/viz/gesamtbild?rahmen=hamburg")
    assert wrong.status_code == 400 and "hamburg" in wrong.text


def _links(page: str, key: str) -> list[str]:
    """The hrefs of the answer cells that show the id ``key``."""
    tree = lxml_html.fromstring(page)
    return [a.get("href") or "" for a in tree.xpath(f'//table//td/a[normalize-space(text())="{key}"]')]


def test_shared_ids_link_to_their_own_frameworks_entity(two_client: TestClient) -> None:
    both = two_client.get("/fragen/vergleich-federfuehrung").text
    assert sorted(_links(both, "MB")) == ["/musterland/akteur/MB", "/nachbarland/akteur/MB"]
    one = two_client.get("/fragen/handlungsfelder-uebersicht?rahmen=nachbarland-2023").text
    assert _links(one, "1") == ["/nachbarland/handlungsfeld/1"]


def test_downloads_are_per_framework(two_client: TestClient) -> None:
    names = {d["name"] for d in two_client.get("/download").json()}
    assert {"rahmengraph-musterland.ttl", "rahmengraph-nachbarland.ttl"} <= names
    second = two_client.get("/download/rahmengraph-nachbarland.nt")
    assert second.status_code == 200
    assert "/nachbarland/" in second.text and "/musterland/" not in second.text
    assert "/musterland/" in two_client.get("/download/rahmengraph-musterland.nt").text
    assert two_client.get("/download/rahmengraph-hamburg.nt").status_code == 404


def test_the_dataset_description_names_every_framework(two_client: TestClient) -> None:
    import pyoxigraph as ox

    body = two_client.get("/.well-known/void", headers={"Accept": "application/n-triples"}).content
    graph = list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
    dcat = "http://www.w3.org/ns/dcat#"
    datasets = {
        t.subject.value
        for t in graph
        if t.predicate.value.endswith("#type") and t.object.value == dcat + "Dataset"
    }
    assert datasets == {
        "https://w3id.org/rahmengraph/musterland/",
        "https://w3id.org/rahmengraph/nachbarland/",
    }
    downloads = {
        t.object.value
        for t in graph
        if t.predicate.value == dcat + "downloadURL" and t.object.value.endswith(".nt")
    }
    assert {d.rsplit("/", 1)[-1] for d in downloads} == {
        "rahmengraph-musterland.nt",
        "rahmengraph-nachbarland.nt",
    }
    catalogued = {t.object.value for t in graph if t.predicate.value == dcat + "dataset"}
    assert catalogued == datasets


def test_analysis_tables_link_shared_ids_to_the_search(two_client: TestClient) -> None:
    page = two_client.get("/analysen/overlaps").text
    assert set(_links(page, "MB")) == {"/suche?q=MB"}  # a report row does not say whose MB it is
    assert set(_links(page, "MJI")) == {"/musterland/akteur/MJI"}  # only Musterland has MJI
