"""Web pages over HTTP (FastAPI TestClient), parsed as HTML, for Bremen and the Musterland test
framework: every page renders, every internal link resolves (crawl from /), no 500 anywhere,
every script and style is served by us, the Fragen answers download as parseable CSV/XLSX."""

from __future__ import annotations

import csv
import io
import json
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urldefrag, urlsplit

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html
from openpyxl import load_workbook

from rahmengraph.api.app import create_app
from rahmengraph.config import Settings
from rahmengraph.model.kinds import KINDS
from rahmengraph.model.labels import label
from rahmengraph.model.ordering import natural_key
from rahmengraph.model.questions import questions
from rahmengraph.viz.static_files import editor_available

ROOT = Path(__file__).resolve().parents[2]
DATASETS = {"bremen": ROOT / "data" / "bremen", "musterland": ROOT / "tests" / "cases" / "musterland"}
PAGES = ["/", "/fragen", "/sparql-editor", "/suche?q=ressort", "/browse", "/ontologie", "/graphen"]
#: Graph views are expensive to lay out: the crawl checks this many links per view.
VIZ_LINKS_PER_VIEW = 2


@pytest.fixture(scope="module", params=sorted(DATASETS))
def client(request: pytest.FixtureRequest) -> Iterator[TestClient]:
    values: dict[str, object] = {"dataset": DATASETS[request.param], "store": "oxigraph:memory"}
    settings = Settings(**values, query_workers=1)  # type: ignore[arg-type]
    with TestClient(create_app(settings)) as c:
        yield c


def parse(text: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(text)


def internal_links(doc: lxml_html.HtmlElement) -> set[str]:
    out = set()
    for el in doc.xpath("//a[@href][not(@download)] | //link[@href] | //script[@src]"):  # files: not pages
        target = el.get("href") or el.get("src") or ""
        url, _frag = urldefrag(target)
        if url.startswith("/") and not url.startswith("//"):
            out.add(url)
    return out


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_as_html(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text[:500]
    doc = parse(response.text)
    assert doc.get("lang") == "de"
    assert len(doc.xpath("//main[@id='inhalt']")) == 1
    assert doc.xpath("//h1")
    assert doc.xpath("//a[@id='lang-switch']")


def test_crawl_every_internal_link(client: TestClient) -> None:
    seen: set[str] = set()
    queue = deque(["/", "/sparql-editor", "/?lang=en"])
    per_view: dict[str, int] = {}
    failures = []
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        path = urlsplit(url).path
        if path.startswith("/viz/") and not path.startswith("/viz/static/"):
            per_view[path] = per_view.get(path, 0) + 1
            if per_view[path] > VIZ_LINKS_PER_VIEW:
                continue
        response = client.get(url)
        if response.status_code != 200:
            failures.append((url, response.status_code, response.text[:300]))
            continue
        if response.headers.get("content-type", "").startswith("text/html") and not path.startswith("/viz/"):
            queue.extend(internal_links(parse(response.text)) - seen)
    assert not failures
    assert len(seen) > 20  # the crawl really walked the site


def test_every_script_and_style_is_ours(client: TestClient) -> None:
    for path in PAGES:
        doc = parse(client.get(path).text)
        for el in doc.xpath("//script[@src] | //link[@rel='stylesheet']"):
            target = el.get("src") or el.get("href") or ""
            assert target.startswith("/") and not target.startswith("//"), (path, target)
            assert client.get(target).status_code == 200


def test_language_switch(client: TestClient) -> None:
    de = parse(client.get("/fragen").text)
    switch = de.xpath("//a[@id='lang-switch']")[0].get("href")
    assert parse_qs(urlsplit(switch).query)["lang"] == ["en"]
    en = parse(client.get(switch).text)
    assert en.get("lang") == "en"
    assert en.xpath("//h1")[0].text_content() != de.xpath("//h1")[0].text_content()
    back = en.xpath("//a[@id='lang-switch']")[0].get("href")
    assert "lang" not in parse_qs(urlsplit(back).query)
    # links of an English page stay English
    nav = en.xpath("//header//nav//a/@href")
    assert nav and all("lang=en" in h for h in nav)


def _first_option(doc: lxml_html.HtmlElement, name: str) -> str:
    values = [v for v in doc.xpath(f"//select[@name='{name}']/option/@value") if v]
    assert values, f"no choices for {name}"
    return str(values[0])


@pytest.mark.parametrize("name", sorted(questions()))
def test_question_form_answer_and_downloads(client: TestClient, name: str) -> None:
    form = parse(client.get(f"/fragen/{name}").text)
    required = form.xpath("//form[@class='question']//select[@required]/@name")
    params = {str(p): _first_option(form, str(p)) for p in required}
    response = client.get(f"/fragen/{name}", params=params)
    assert response.status_code == 200, response.text[:500]
    doc = parse(response.text)
    header = [th.text_content().strip() for th in doc.xpath("//table[@id='answer']/thead//th")]
    rows = doc.xpath("//table[@id='answer']/tbody/tr")
    assert doc.xpath("//details[@class='sparql']//code")[0].text_content().strip()
    csv_href = doc.xpath("//a[@id='download-csv']/@href")[0]
    got = client.get(csv_href)
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(got.content.decode("utf-8-sig")), delimiter=";"))
    if rows:
        assert table[0] == header
    assert len(table) - 1 == len(rows)
    xlsx = client.get(doc.xpath("//a[@id='download-xlsx']/@href")[0])
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None and sheet.max_row == len(table)


def test_question_with_bad_value_says_which(client: TestClient) -> None:
    response = client.get("/fragen/massnahmen-handlungsfeld", params={"field": "99.99"})
    assert response.status_code == 400
    assert "99.99" in parse(response.text).xpath("//*[@role='alert']")[0].text_content()


def test_unknown_pages_are_404_not_500(client: TestClient) -> None:
    for path in ("/fragen/gibt-es-nicht", "/browse/gibt-es-nicht", "/ontologie/x.ttl", "/static/x.js"):
        assert client.get(path).status_code == 404, path


def test_search_escapes_and_finds(client: TestClient) -> None:
    evil = "<script>alert(1)</script>"
    doc = parse(client.get("/suche", params={"q": evil}).text)
    assert not [s for s in doc.xpath("//script") if "alert" in s.text_content()]
    assert evil in doc.xpath("//input[@id='q']/@value")
    measure = parse(client.get("/browse/measure").text).xpath("//table//tbody/tr[1]/td[1]")[0].text_content()
    hits = parse(client.get("/suche", params={"q": measure}).text)
    assert measure in [td.text_content() for td in hits.xpath("//tbody/tr/td[2]")]


def test_ontology_downloads_are_turtle(client: TestClient) -> None:
    doc = parse(client.get("/ontologie").text)
    files = [h for h in doc.xpath("//a/@href") if h.startswith("/ontologie/")]
    assert files
    for href in files:
        response = client.get(href)
        assert response.status_code == 200 and "@prefix" in response.text


@pytest.mark.parametrize("lang", ["de", "en"])
def test_sparql_editor_offers_graph_view(client: TestClient, lang: str) -> None:
    if not editor_available():
        pytest.skip("Yasgui ist nicht installiert (npm ci)")
    doc = parse(client.get("/sparql-editor", params={"lang": lang}).text)
    scripts = [str(s) for s in doc.xpath("//script/@src")]
    # vis-network from the graph views' route, loaded before the plugin, which loads before Yasgui is built
    order = [
        "/static/vendor/yasgui.min.js",
        "/viz/static/vis-network.min.js",
        "/static/sparql-graph.js",
        "/static/sparql.js",
    ]
    assert [s for s in scripts if s in order] == order
    assert "/viz/static/vis-network.css" in doc.xpath("//link[@rel='stylesheet']/@href")
    text = json.loads(doc.xpath("//script[@id='sparql-graph-text']")[0].text_content())
    assert text["label"] == label("sparql.graph", lang)
    assert "{nodes}" in text["summary"] and "{max}" in text["capped"] and "{total}" in text["capped"]
    assert doc.xpath("//p[@id='graph-hint']")[0].text_content() == label("sparql.graph.help", lang)


@pytest.mark.parametrize("name", sorted(questions()))
def test_answer_reads_german(client: TestClient, name: str) -> None:
    """Headings from the question's declaration, ja/nein, ids as links, natural order, graph link
    with the question's parameters."""
    q = questions()[name]
    form = parse(client.get(f"/fragen/{name}").text)
    params = {
        str(p): _first_option(form, str(p)) for p in form.xpath("//form[@class='question']//select/@name")
    }
    params = {k: v for k, v in params.items() if k != "role"}
    doc = parse(client.get(f"/fragen/{name}", params=params).text)
    header = [th.text_content().strip() for th in doc.xpath("//table[@id='answer']/thead//th")]
    if not header:
        return
    assert header == [c.heading for c in q.columns], name
    rows = [[td for td in tr.xpath("td")] for tr in doc.xpath("//table[@id='answer']/tbody/tr")]
    assert not [td for row in rows for td in row if td.text_content().strip() in ("true", "false")]
    for i, column in enumerate(q.columns):
        if column.kind:
            assert all(row[i].xpath("./a/@href") for row in rows if row[i].text_content().strip()), column
    graph = doc.xpath("//a[starts-with(@href, '/viz/')]/@href")
    for key, value in params.items():
        if graph and value and key in ("field", "level", "actor", "target_group", "evidence"):
            assert parse_qs(urlsplit(graph[0]).query).get(key) == [value], (key, graph)


def test_answer_in_natural_order(client: TestClient) -> None:
    doc = parse(client.get("/fragen/massnahmen-ohne-indikator").text)
    ids = [tr.xpath("td")[0].text_content().strip() for tr in doc.xpath("//table[@id='answer']/tbody/tr")]
    assert ids == sorted(ids, key=natural_key)


@pytest.mark.parametrize("q", ["ma", "ressort", "zielgruppe", "beleg"])
def test_search_names_every_hits_type(client: TestClient, q: str) -> None:
    """Every hit says what it is (ontology terms too), singular: one measure is a "Maßnahme"."""
    doc = parse(client.get("/suche", params={"q": q}).text)
    rows = doc.xpath("//table//tbody/tr")
    assert rows, q
    for tr in rows:
        cells = [td.text_content().strip() for td in tr.xpath("td")]
        assert cells[-1], cells
        assert cells[-1] not in {k.plural_de for k in KINDS.values()} - {
            k.singular_de for k in KINDS.values()
        }
