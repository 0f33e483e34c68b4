"""Analysis pages over HTTP, parsed as HTML, for Bremen and Musterland: every analysis renders with
the filter cases of ``cases/analysen.json``; tables, summary and heatmap agree with the Report;
bad filter values give a 400 page naming the value; internal links resolve; the CSV download
parses and has the page's rows; the start page's "Was fehlt?" numbers are the gap counts."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urldefrag, urlsplit

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html

from rahmengraph.api.app import create_app
from rahmengraph.config import Settings
from rahmengraph.model.analysis import ANALYSES, Report
from rahmengraph.model.filters import Filters
from rahmengraph.model.labels import label
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.store import GraphStore
from rahmengraph.viz.analysis_pages import GRAPH_VIEWS, START_GAPS
from rahmengraph.viz.report_tables import SHORT_LABEL

CASES: dict[str, Any] = json.loads((Path(__file__).parent / "cases" / "analysen.json").read_text("utf-8"))
DATASETS = ("bremen", "musterland")
PAGE_CASES = [(ds, name, i) for ds in DATASETS for name in ANALYSES for i in range(len(CASES[ds]))] + [
    ("musterland", "matrix", -1 - i) for i in range(len(CASES["matrix_options"]))
]


@pytest.fixture(scope="module", params=DATASETS)
def world(request: pytest.FixtureRequest) -> Iterator[tuple[str, TestClient, GraphStore]]:
    """(dataset name, client of create_app over the session store, the store)."""
    name: str = request.param
    store, dataset = request.getfixturevalue(f"{name}_loaded")
    assert isinstance(dataset, Dataset)
    settings = Settings.model_validate(
        {"dataset": request.getfixturevalue(f"{name}_dir"), "store": "oxigraph:memory", "query_workers": 1}
    )
    with TestClient(create_app(settings, store, dataset)) as client:
        yield name, client, store


def parse(text: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(text)


def params_of(ds: str, index: int) -> dict[str, str]:
    return dict(CASES[ds][index]) if index >= 0 else dict(CASES["matrix_options"][-1 - index])


def expected(store: GraphStore, name: str, params: dict[str, str]) -> Report:
    options = {k: v for k, v in params.items() if k in {o.name for o in ANALYSES[name].options}}
    filters = Filters.from_mapping({k: v for k, v in params.items() if k not in options})
    return ANALYSES[name].run(store, filters, **options)


def has_class(name: str) -> str:
    """XPath condition: the element has CSS class ``name``."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


SORTABLE = has_class("sortable")


def internal_links(doc: lxml_html.HtmlElement) -> set[str]:
    return {h for h in doc.xpath("//a/@href") if h.startswith("/")}


@pytest.mark.parametrize(("world", "name", "case"), PAGE_CASES, indirect=["world"])
def test_page_agrees_with_report(world: tuple[str, TestClient, GraphStore], name: str, case: int) -> None:
    ds, client, store = world
    params = params_of(ds, case)
    response = client.get(f"/analysen/{name}", params=params)
    assert response.status_code == 200, response.text[:500]
    doc = parse(response.text)
    report = expected(store, name, params)
    # summary: every headline number with its value
    shown = {
        dd.get("data-key"): dd.text_content().strip()
        for dd in doc.xpath("//dl[@id='summary']//dd[@data-key]")
    }
    assert shown == {k: str(v) for k, v in report.summary.items()}
    assert all(dt.text_content().strip() for dt in doc.xpath("//dl[@id='summary']//dt"))
    # each report table: a sortable table with one row per finding (or a "no rows" note)
    for table in report.tables:
        section = doc.get_element_by_id(f"t-{table.name}")
        rows = section.xpath(f".//table[{SORTABLE}][@data-table='{table.name}']/tbody/tr")
        assert len(rows) == len(table.rows), table.name
        if table.rows and table.name != "matrix":
            headers = [th.text_content().strip() for th in section.xpath(".//thead//th")]
            assert headers == table.columns
        if table.explain:
            assert table.explain in section.text_content()
    # filters are kept in the form, the downloads and the graph link
    for key, value in params.items():
        selected = doc.xpath(f"//form[@id='analysis-form']//*[@name='{key}']")[0]
        chosen = selected.xpath("option[@selected]")
        assert (chosen[0].get("value") if chosen else selected.get("value")) == value
        for a in doc.xpath("//a[starts-with(@id, 'download-')]"):
            assert (key, value) in parse_qsl(urlsplit(a.get("href")).query)
    graph = doc.xpath("//a[@id='graph-link']")
    if name in GRAPH_VIEWS:
        target = urlsplit(graph[0].get("href"))
        assert target.path == f"/viz/{GRAPH_VIEWS[name]}"
        filters = {k: v for k, v in params.items() if k not in {o.name for o in ANALYSES[name].options}}
        assert dict(parse_qsl(target.query)) == filters
    else:
        assert graph == []


@pytest.mark.parametrize("case", [0, 1])
def test_matrix_heatmap_marks_empty_cells_and_reaches_measures(
    world: tuple[str, TestClient, GraphStore], case: int
) -> None:
    ds, client, store = world
    params = params_of(ds, case)
    doc = parse(client.get("/analysen/matrix", params=params).text)
    report = expected(store, "matrix", params)
    heat = doc.xpath(f"//table[{has_class('heat')}]")[0]
    empty = heat.xpath(f".//td[{has_class('empty')}]")
    assert len(empty) == report.summary["leer"]
    assert all(td.text_content().strip().startswith("—") for td in empty)  # a symbol, not colour alone
    filled = heat.xpath(f".//td[{has_class('num')} and not({has_class('empty')})]")
    assert len(filled) == report.summary["belegt"]
    cells = {(str(r[0]), str(r[2])): r for r in report.table("cells").rows}
    for td in filled:
        target = td.xpath("a")[0].get("href").lstrip("#")
        row = doc.get_element_by_id(target)  # the cell's row in the table of filled cells
        key = (row[0].text_content(), row[2].text_content())
        assert td.text_content().strip() == str(cells[key][4])
        assert td.get("title") == cells[key][5]
        assert {a.text_content() for a in row[5].xpath(".//a")} == set(str(cells[key][5]).split(";"))


@pytest.mark.parametrize(("key", "value"), [tuple(v) for v in CASES["bad_values"]])
def test_bad_filter_value_is_a_400_page_naming_it(
    world: tuple[str, TestClient, GraphStore], key: str, value: str
) -> None:
    _ds, client, _store = world
    response = client.get("/analysen/gaps", params={key: value})
    assert response.status_code == 400
    alert = parse(response.text).xpath("//*[@role='alert']")[0].text_content()
    assert value in alert
    assert "<x>" not in response.text  # escaped


def test_unknown_analysis_and_option(world: tuple[str, TestClient, GraphStore]) -> None:
    _ds, client, _store = world
    assert client.get("/analysen/keine").status_code == 404
    response = client.get("/analysen/matrix", params={"rows": "mond"})
    assert response.status_code == 400
    assert "mond" in parse(response.text).xpath("//*[@role='alert']")[0].text_content()


def test_links_resolve(world: tuple[str, TestClient, GraphStore]) -> None:
    """Every internal link of the analysis pages answers (no 404, no 500); anchors exist."""
    _ds, client, _store = world
    pages = ["/analysen", *(f"/analysen/{n}" for n in ANALYSES)]
    links: set[str] = set()
    for page in pages:
        doc = parse(client.get(page).text)
        for href in internal_links(doc):
            url, fragment = urldefrag(href)
            if fragment and url in ("", page):
                assert doc.get_element_by_id(fragment) is not None
            links.add(url or page)
    assert any(link.startswith("/api/analyse/") for link in links)
    bad = {}
    for link in sorted(links - set(pages)):
        status = client.get(link).status_code
        if status != 200:
            bad[link] = status
    assert bad == {}


@pytest.mark.parametrize("name", sorted(ANALYSES))
def test_csv_download_parses_with_the_page_rows(world: tuple[str, TestClient, GraphStore], name: str) -> None:
    ds, client, _store = world
    params = params_of(ds, 1)
    doc = parse(client.get(f"/analysen/{name}", params=params).text)
    response = client.get(doc.get_element_by_id("download-csv").get("href"))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = [r for r in csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";") if r]
    shown = {
        t.get("data-table"): len(t.xpath("tbody/tr")) for t in doc.xpath(f"//table[{has_class('report')}]")
    }
    if name == "matrix":  # the count table only
        assert len(rows) - 1 == shown["matrix"]
        return
    per_table = Counter(r[0] for r in rows if r[0] != "tabelle")
    assert {k: v for k, v in shown.items() if v} == dict(per_table)


def test_english_switch(world: tuple[str, TestClient, GraphStore]) -> None:
    _ds, client, _store = world
    doc = parse(client.get("/analysen/gaps", params={"lang": "en"}).text)
    assert doc.get("lang") == "en"
    assert doc.xpath("//h1")[0].text_content() == "Gaps"
    assert doc.xpath("//dl[@id='summary']//dt")[0].text_content() == "Measures in view"
    switch = doc.get_element_by_id("lang-switch").get("href")
    page_links = [h for h in internal_links(doc) - {switch} if not h.startswith("/api/")]
    assert page_links and all("lang=en" in h for h in page_links)
    de = parse(client.get(switch).text)
    assert de.get("lang") == "de" and de.xpath("//h1")[0].text_content() == ANALYSES["gaps"].title


def test_index_lists_every_analysis(world: tuple[str, TestClient, GraphStore]) -> None:
    _ds, client, _store = world
    doc = parse(client.get("/analysen").text)
    hrefs = [a.get("href") for a in doc.xpath("//ul[@id='analyses']//h2/a")]
    assert hrefs == [f"/analysen/{n}" for n in ANALYSES]
    assert [a.text_content() for a in doc.xpath("//ul[@id='analyses']//h2/a")] == [
        a.title for a in ANALYSES.values()
    ]
    assert any(a.get("href") == "/analysen" for a in doc.xpath("//header//nav//a"))


def test_start_page_shows_what_is_missing(world: tuple[str, TestClient, GraphStore]) -> None:
    """The start page, the gaps page and /api/analyse/gaps show the same numbers, each explained."""
    _ds, client, store = world
    doc = parse(client.get("/").text)
    block = doc.get_element_by_id("was-fehlt")
    summary = ANALYSES["gaps"].run(store, Filters()).summary
    api = client.get("/api/analyse/gaps").json()["summary"]
    page = parse(client.get("/analysen/gaps").text)
    on_page = {
        dd.get("data-key"): dd.text_content() for dd in page.xpath("//dl[@id='summary']//dd[@data-key]")
    }
    items = block.xpath(".//li")
    assert len(items) == len(START_GAPS)
    for li, name in zip(items, START_GAPS, strict=True):
        section = li.xpath("a")[0].get("href").split("#")[1]
        assert page.get_element_by_id(section).tag == "details"  # the number's own section exists
        shown = li.xpath("strong")[0].text_content()
        assert shown == str(summary[name]) == str(api[name]) == on_page[name]
        assert li.xpath(".//small[@class='meaning']")[0].text_content() == label(f"summary_help.{name}")


@pytest.mark.parametrize("name", list(ANALYSES))
def test_every_number_is_explained_and_sections_open(
    world: tuple[str, TestClient, GraphStore], name: str
) -> None:
    """Summary first, each number with one sentence; the filter form and every section collapsed
    (<details>, the summary line carrying its count); jargon only inside a "Details" part."""
    _ds, client, store = world
    doc = parse(client.get(f"/analysen/{name}").text)
    report = ANALYSES[name].run(store, Filters())
    main = doc.xpath("//main")[0]
    first = [el.tag for el in main if el.tag in ("section", "details", "form")]
    assert first[0] == "section" and main.xpath("section")[0].get("aria-labelledby") == "h-summary"
    for key in report.summary:
        meaning = doc.xpath(f"//dl[@id='summary']//dd[@data-help='{key}']")
        assert meaning and meaning[0].text_content().strip().endswith("."), key
    form = doc.get_element_by_id("analysis-form")
    assert form.getparent().tag == "details" and form.getparent().get("open") is None
    for table in report.tables:
        section = doc.get_element_by_id(f"t-{table.name}")
        assert section.tag == "details" and section.get("open") is None
        count = section.xpath("summary//span[@class='count']")[0].text_content()
        rows = len(table.rows) if table.name != "matrix" else len(report.table("matrix").rows)
        assert count.split()[0] == str(rows)
        if table.explain:
            assert table.explain in section.xpath(".//details[@class='jargon']")[0].text_content()
    visible = " ".join(
        t for t in main.xpath(".//text()[not(ancestor::details[@class='jargon'])]") if t.strip()
    )
    for jargon in ("min_fields", "min_ressorts", "seed", "Tripel", "rg:[a-z]"):
        assert not re.search(rf"\b{jargon}", visible), jargon


def test_matrix_columns_have_readable_labels(world: tuple[str, TestClient, GraphStore]) -> None:
    """Column heads of the heatmap: a short label, the full name on hover (abbr title), no table ids."""
    _ds, client, store = world
    for cols in ("target_group", "actor", "level"):
        doc = parse(client.get("/analysen/matrix", params={"cols": cols}).text)
        heads = doc.xpath("//table[@data-table='matrix']/thead//th[@class='colhead']/abbr")
        report = ANALYSES["matrix"].run(store, Filters(), cols=cols)
        ids = report.table("matrix").columns[2:]
        assert len(heads) == len(ids) > 0
        for abbr, key in zip(heads, ids, strict=True):
            short, full = abbr.text_content(), abbr.get("title")
            assert len(short) <= SHORT_LABEL + 1 and full and len(full) >= len(short.rstrip("…"))
            if cols != "actor":
                assert short != key or short == full  # a name, not the id (unless the id is the name)
                assert full.startswith(short.rstrip("…"))
