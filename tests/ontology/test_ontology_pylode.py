"""pyLODE (the real command line) documents the ontology as the ontology: its IRI, its title, its
creator and dates; the one-language renditions give one heading per term ("Akteur", not
"AkteurActor")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html

from rahmengraph.model import namespaces
from rahmengraph.model.ontology import ontology_in, ontology_turtle

PYLODE = Path(sys.executable).with_name("pylode")
TITLE_DE = "rahmengraph-Ontologie: ressortübergreifende Rahmenkonzepte"


def pylode(tmp_path: Path, turtle: str) -> html.HtmlElement:
    source, target = tmp_path / "ontologie.ttl", tmp_path / "ontologie.html"
    source.write_text(turtle, encoding="utf-8")
    done = subprocess.run([str(PYLODE), str(source), "-o", str(target)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return html.document_fromstring(target.read_text(encoding="utf-8"))


def metadata(doc: html.HtmlElement) -> dict[str, str]:
    """``Metadata`` section of the document: dt text → dd text."""
    section = doc.get_element_by_id("metadata")
    return {dt.text_content().strip(): dt.getnext().text_content().strip() for dt in section.iter("dt")}


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> html.HtmlElement:
    return pylode(tmp_path_factory.mktemp("pylode"), ontology_turtle())


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> html.HtmlElement:
    return pylode(tmp_path_factory.mktemp("pylode-de"), ontology_in("de"))


def test_the_ontology_is_the_document(full: html.HtmlElement) -> None:
    meta = metadata(full)
    assert meta["IRI"] == namespaces.ONTOLOGY_IRI
    assert meta["Version Iri"] == namespaces.ONTOLOGY_VERSION_IRI
    heading = full.get_element_by_id("metadata").find("h1").text_content()
    assert TITLE_DE in heading
    assert "Belegarten" not in heading and "Diversitätsdimensionen" not in heading  # no value list


def test_creator_publisher_and_dates_are_shown(full: html.HtmlElement) -> None:
    meta = metadata(full)
    names = ("rahmengraph-Projekt", "rahmengraph project")  # the organisation's name (de or en)
    assert any(n in meta["Creator"] for n in names), meta["Creator"]
    assert any(n in meta["Publisher"] for n in names), meta["Publisher"]
    assert meta["Date Created"] == "2026-11-25"
    assert meta["Date Modified"].startswith("20")


def test_one_language_rendition_has_one_heading_per_term(german: html.HtmlElement) -> None:
    assert german.findtext(".//title") == TITLE_DE
    assert german.get_element_by_id("metadata").find("h1").text_content().strip() == TITLE_DE
    actor = german.get_element_by_id("Actor").find("h3").text.strip()
    assert actor == "Akteur"
