"""Forms, help texts and examples speak the loaded framework's terms and show ids of its data: the
city-state ``hansestadt`` (Integrationskonzept, Behörden) shows no Bremen word or id, Bremen keeps
its own ("Ressort", ``3.1``, ``SASJI``, ``M-3.10-02``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rahmengraph.api.app import create_app
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.loading.writing import load
from rahmengraph.model.store import GraphStore
from rahmengraph.model.stores.oxigraph import OxigraphStore
from tests.api.conftest import settings

#: Bremen's words and the ids its help texts used to show.
BREMEN = re.compile(
    r"\bRessort\w*|\bressort\w+|\bRahmenkonzept\w*|\bSASJI\b|\bSJIS\b|\bM-3\.10-02\b|\b3\.1\b|Bremerhaven"
)
#: Pages with forms, help and graph filters (the answers' data are the data's own).
PAGES = (
    "/",
    "/fragen",
    "/analysen",
    "/graphen",
    "/analysen/gaps",
    "/analysen/overlaps",
    "/analysen/matrix",
    "/analysen/abhaengigkeiten",
    "/fragen/ressort-partner",
    "/fragen/quellen",
    "/fragen/zustaendigkeit-ebene",
    "/fragen/massnahmen-handlungsfeld",
    "/viz/gesamtbild",
    "/viz/ressort-netz",
    "/viz/luecken",
)


class _Shown(HTMLParser):
    """Every text a reader sees: data, titles, labels, placeholders, options (and the graph pages'
    embedded JSON, whose strings the page script shows)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.extend(v for k, v in attrs if k in ("title", "placeholder", "aria-label") and v)


def shown(html: str) -> str:
    parser = _Shown()
    parser.feed(html)
    return " ".join(parser.parts)


def _client(store: GraphStore, ds: Dataset, folder: Path) -> TestClient:
    return TestClient(create_app(settings(folder, query_workers=1), store, ds))


@pytest.fixture(scope="module")
def hansestadt(hansestadt_dir: Path) -> Iterator[TestClient]:
    store = OxigraphStore()
    ds = load(store, hansestadt_dir)
    with _client(store, ds, hansestadt_dir) as c:
        yield c


@pytest.fixture(scope="module")
def bremen(bremen_loaded: tuple[GraphStore, Dataset], bremen_dir: Path) -> Iterator[TestClient]:
    with _client(*bremen_loaded, bremen_dir) as c:
        yield c


@pytest.mark.parametrize("path", PAGES)
def test_a_city_state_reads_no_bremen_wording(hansestadt: TestClient, path: str) -> None:
    r = hansestadt.get(path)
    assert r.status_code == 200
    text = shown(r.text)
    assert not BREMEN.findall(text), BREMEN.findall(text)


def test_question_help_speaks_the_frameworks_terms_and_shows_its_ids(hansestadt: TestClient) -> None:
    found = {q["name"]: q for q in hansestadt.get("/api/fragen").json()}
    assert not BREMEN.findall(str(found))
    helps = {(q["name"], p["name"]): p["hilfe"] for q in found.values() for p in q["parameter"]}
    assert helps["ressort-partner", "actor"] == "Akteur (Kürzel, z. B. BAGSFI)"
    assert helps["quellen", "measure"] == "Maßnahme (ID, z. B. H-0-01)"
    assert helps["massnahmen-handlungsfeld", "field"] == "Handlungsfeld (Nummer, z. B. 1)"
    assert "Integrationskonzept" in found["handlungsfelder-uebersicht"]["beschreibung"]
    assert "Behördenneuschnitt" in found["zustaendig-heute"]["beschreibung"]


def test_analysis_and_graph_filters_name_the_frameworks_units(hansestadt: TestClient) -> None:
    page = shown(hansestadt.get("/analysen/gaps").text)
    assert "Behörde / Akteur" in page and "Akteur/Behörde (Kürzel), gleich welche Rolle" in page
    graph = hansestadt.get("/viz/gesamtbild").text
    assert '"actor":{"label":"Behörde/Akteur"' in graph and '"units":"Behörden"' in graph
    assert "Behörde-Netz" in shown(hansestadt.get("/graphen").text)


def test_bremen_keeps_its_words_and_examples(bremen: TestClient) -> None:
    found = bremen.get("/api/fragen").json()
    helps = {(q["name"], p["name"]): p["hilfe"] for q in found for p in q["parameter"]}
    assert helps["ressort-partner", "actor"] == "Akteur (Kürzel, z. B. SASJI)"
    assert helps["quellen", "measure"] == "Maßnahme (ID, z. B. M-3.10-02)"
    assert helps["massnahmen-handlungsfeld", "field"] == "Handlungsfeld (Nummer, z. B. 3.1)"
    assert helps["zustaendigkeit-ebene", "level"] == "nur diese Ebene (z. B. Stadt Bremerhaven)"
    page = shown(bremen.get("/analysen/gaps").text)
    assert "Ressort / Akteur" in page and "Akteur/Ressort (Kürzel), gleich welche Rolle" in page
    assert "Ressort-Netz" in shown(bremen.get("/graphen").text)
    assert '"actor":{"label":"Ressort/Akteur"' in bremen.get("/viz/gesamtbild").text


def test_ontology_examples_query_the_loaded_data(hansestadt: TestClient, bremen: TestClient) -> None:
    for lang in ("de", "en"):
        page = shown(hansestadt.get(f"/ontologie?lang={lang}").text)
        assert "rahmengraph/bremen/" not in page and "SASJI" not in page and '"3.1"' not in page
        assert "Bremerhaven" not in page and "Stadtgemeinde Bremen" not in page
        assert "<https://w3id.org/rahmengraph/nordhafen/akteur/BAGSFI>" in page
    bremens = shown(bremen.get("/ontologie").text)
    assert "<https://w3id.org/rahmengraph/bremen/akteur/SASJI>" in bremens and "Stadt Bremerhaven" in bremens
