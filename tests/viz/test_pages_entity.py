"""Linked-data entity pages and the ontology documentation, parsed as HTML; expectations come
from the dataset files beside them (tests/cases/musterland, data/bremen), not from constants."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import html as lxml_html
from rdflib import Graph
from rdflib.namespace import OWL, RDF

from rahmengraph.model import namespaces, vocab
from rahmengraph.model.kinds import SEGMENTS
from rahmengraph.model.loading.writing import load
from rahmengraph.model.store import GraphStore
from rahmengraph.model.stores.oxigraph import OxigraphStore
from rahmengraph.viz.documentation import ontology_page
from rahmengraph.viz.entity import render_entity
from rahmengraph.viz.views import VIEWS

ROOT = Path(__file__).resolve().parents[2]
XSS_CASE = Path(__file__).parent / "cases" / "xss"


def rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def base_of(folder: Path) -> str:
    return rows(folder, "rahmen.csv")[0]["basis_iri"]


def page(store: GraphStore, iri: str, lang: str = "de") -> lxml_html.HtmlElement:
    text = render_entity(store, iri, lang)
    assert text is not None, iri
    return lxml_html.fromstring(text)


def test_unknown_iri_is_none(musterland_store: GraphStore) -> None:
    assert (
        render_entity(musterland_store, namespaces.ROOT + "musterland/massnahme/GIBT-ES-NICHT", "de") is None
    )


@pytest.mark.parametrize("dataset", ["musterland", "bremen"])
def test_every_measure_page_shows_label_facts_and_sources(
    dataset: str, request: pytest.FixtureRequest
) -> None:
    store: GraphStore = request.getfixturevalue(f"{dataset}_store")
    folder: Path = request.getfixturevalue(f"{dataset}_dir")
    base = base_of(folder)
    for row in rows(folder, "massnahmen.csv"):
        doc = page(store, f"{base}{SEGMENTS['measure']}/{row['id']}")
        assert row["name"].strip() in doc.xpath("//h1")[0].text_content()
        source_ids = set(doc.xpath("//ol[@class='sources']/li/@id"))
        assert source_ids, row["id"]
        facts = doc.xpath("//table[@class='facts']/tbody/tr")
        assert facts
        for fact in facts:
            refs = fact.xpath("./td[last()]/a/@href")
            assert refs and {r.removeprefix("#") for r in refs} <= source_ids
        crumbs = doc.xpath("//nav[@class='crumbs']//li")
        assert crumbs[-1].get("aria-current") == "page"
        assert "/browse/measure" in doc.xpath("//nav[@class='crumbs']//a/@href")


def test_responsible_today_follows_successors(musterland_store: GraphStore, musterland_dir: Path) -> None:
    base = base_of(musterland_dir)
    actors = {r["kuerzel"]: r for r in rows(musterland_dir, "akteure.csv")}
    recut = [a for a in actors.values() if a["gueltig_bis"] and a["nachfolger"]]
    assert recut, "the test framework must contain a re-cut department"
    for actor in recut:
        successors = {actors[k]["name"] for k in actor["nachfolger"].split(";")}
        doc = page(musterland_store, f"{base}{SEGMENTS['actor']}/{actor['kuerzel']}")
        shown = {s.text_content() for s in doc.xpath("//section[@aria-labelledby='h-today']//strong")}
        assert successors <= shown
        # a chain of leads (MSI;MJI) is the measure's own history: only where the re-cut actor is
        # the measure's latest lead do its successors hold the measure today
        led = [
            m
            for m in rows(musterland_dir, "massnahmen.csv")
            if m["federfuehrend"].split(";")[-1] == actor["kuerzel"]
        ]
        for measure in led:
            mdoc = page(musterland_store, f"{base}{SEGMENTS['measure']}/{measure['id']}")
            today = {s.text_content() for s in mdoc.xpath("//section[@aria-labelledby='h-today']//strong")}
            assert successors <= today, measure["id"]


def test_measure_lists_its_responsibilities(musterland_store: GraphStore, musterland_dir: Path) -> None:
    base = base_of(musterland_dir)
    names = {r["kuerzel"]: r["name"] for r in rows(musterland_dir, "akteure.csv")}
    for m in rows(musterland_dir, "massnahmen.csv"):
        named = {k for col in ("federfuehrend", "beteiligt") for k in m[col].split(";") if k}
        doc = page(musterland_store, f"{base}{SEGMENTS['measure']}/{m['id']}")
        shown = {
            td.text_content() for td in doc.xpath("//section[@aria-labelledby='h-resp']//tbody/tr/td[3]")
        }
        assert {names[k] for k in named} <= shown, m["id"]


def test_graph_link_when_views_installed(musterland_store: GraphStore, musterland_dir: Path) -> None:
    base = base_of(musterland_dir)
    number = rows(musterland_dir, "handlungsfelder.csv")[0]["nummer"]
    doc = page(musterland_store, f"{base}{SEGMENTS['field']}/{number}")
    links = [h for h in doc.xpath("//a/@href") if h.startswith("/viz/")]
    assert bool(links) == ("handlungsfeld" in VIEWS)


def test_english_page_keeps_language_in_links(musterland_store: GraphStore, musterland_dir: Path) -> None:
    base = base_of(musterland_dir)
    doc = page(
        musterland_store,
        f"{base}{SEGMENTS['measure']}/{rows(musterland_dir, 'massnahmen.csv')[0]['id']}",
        "en",
    )
    assert doc.get("lang") == "en"
    local = [h for h in doc.xpath("//main//a/@href") if h.startswith("/")]
    assert local and all("lang=en" in h for h in local)


def test_hostile_text_is_escaped() -> None:
    store = OxigraphStore()
    load(store, XSS_CASE)
    iris = [r[0].value for r in store.select(f"SELECT DISTINCT ?e WHERE {{ ?e <{vocab.LABEL}> ?l }}")]
    assert iris
    for iri in iris:
        doc = page(store, iri)
        assert not doc.xpath("//img | //*[@onerror] | //script[not(@src)]"), iri


def test_ontology_page_documents_every_class_and_property(musterland_store: GraphStore) -> None:
    g = Graph()
    g.parse(ROOT / "rahmengraph" / "ontology" / "rahmengraph.ttl", format="turtle")
    terms = {
        str(s)[len(namespaces.RG) :]
        for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for s in g.subjects(RDF.type, t)
        if str(s).startswith(namespaces.RG)
    }
    assert terms
    doc = lxml_html.fromstring(ontology_page(musterland_store, "de"))
    documented = set(doc.xpath("//article[@class='term']/@id"))
    assert terms <= documented
    for term in doc.xpath("//article[@class='term']"):
        assert term.xpath("./h3") and term.xpath(".//dt")


def _groups(doc: lxml_html.HtmlElement) -> dict[str, set[str]]:
    """Property name (facts table and "Verweise") → the link texts listed under it."""
    out: dict[str, set[str]] = {}
    for row in doc.xpath("//table[@class='facts']/tbody/tr"):
        out.setdefault(row.xpath("./th")[0].text_content().strip(), set()).update(
            a.text_content().strip() for a in row.xpath("./td[1]//a")
        )
    for dt in doc.xpath("//dl[@class='backlinks']/dt"):
        dd = dt.getnext()
        out.setdefault(dt.text_content().strip(), set()).update(
            a.text_content().strip() for a in dd.xpath(".//a")
        )
    return out


@pytest.mark.parametrize("dataset", ["musterland", "bremen"])
def test_successor_and_predecessor_point_the_right_way(dataset: str, request: pytest.FixtureRequest) -> None:
    store: GraphStore = request.getfixturevalue(f"{dataset}_store")
    folder: Path = request.getfixturevalue(f"{dataset}_dir")
    base = base_of(folder)
    actors = {r["kuerzel"]: r for r in rows(folder, "akteure.csv")}
    checked = 0
    for key, row in actors.items():
        for later in filter(None, (k.strip() for k in row["nachfolger"].split(";"))):
            groups = _groups(page(store, f"{base}{SEGMENTS['actor']}/{later}"))
            name = row["name"].strip()
            assert name in groups.get("Vorgänger", set()), (key, later)
            assert name not in groups.get("Nachfolger", set()), (key, later)
            checked += 1
    assert checked


@pytest.mark.parametrize("dataset", ["musterland", "bremen"])
def test_entity_pages_read_german_not_raw_names(dataset: str, request: pytest.FixtureRequest) -> None:
    store: GraphStore = request.getfixturevalue(f"{dataset}_store")
    folder: Path = request.getfixturevalue(f"{dataset}_dir")
    base = base_of(folder)
    for kind, file, column in (("measure", "massnahmen.csv", "id"), ("actor", "akteure.csv", "kuerzel")):
        for row in rows(folder, file):
            doc = page(store, f"{base}{SEGMENTS[kind]}/{row[column]}")
            names = [
                *doc.xpath("//table[@class='facts']/tbody/tr/th"),
                *doc.xpath("//dl[@class='backlinks']/dt"),
            ]
            raw = [n.text_content() for n in names if re.fullmatch(r"[a-z]+:\w+", n.text_content().strip())]
            assert not raw, (row[column], raw)
            notes = [n.text_content() for n in doc.xpath("//small[@class='note']")]
            assert not [n for n in notes if n.startswith("xsd:")], (row[column], notes)
            if row.get("beschreibung", "").strip():
                first = doc.xpath("//article/h1/following-sibling::*[1]")[0]
                assert first.get("class") == "lead description"
                assert first.text_content().strip() == row["beschreibung"].strip()
            for a in doc.xpath("//a[@href]"):
                assert urlsplit(a.get("href")).scheme in ("", "http", "https"), a.get("href")
            for li in doc.xpath("//ol[@class='sources']/li"):
                text = li.text_content().strip()
                if text.startswith(("http://", "https://")):
                    assert li.xpath("./a/@href") == [text], text


def test_entity_page_in_english_reads_english(bremen_store: GraphStore, bremen_dir: Path) -> None:
    row = rows(bremen_dir, "massnahmen.csv")[0]
    doc = page(bremen_store, f"{base_of(bremen_dir)}{SEGMENTS['measure']}/{row['id']}", "en")
    names = {th.text_content().strip() for th in doc.xpath("//table[@class='facts']/tbody/tr/th")}
    assert "Beschreibung" not in names and "Handlungsfeld" not in names, names
