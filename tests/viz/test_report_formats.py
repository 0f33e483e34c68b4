"""The report as HTML, PDF and DOCX: structure, sources, accessibility, reproducibility.

PDF text is read with pypdf, DOCX structure with python-docx, HTML is parsed with lxml.
"""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree
from lxml import html as lxml_html
from pypdf import PdfReader

from rahmengraph.errors import InputError, ParameterError
from rahmengraph.model.bericht import build
from rahmengraph.model.report_content import Bericht
from rahmengraph.model.store import GraphStore
from rahmengraph.viz.report_output import FORMATS, file_name, render_report

CASES = Path(__file__).parent / "cases" / "bericht"
CHAPTERS = (
    "1 Überblick",
    "2 Handlungsfelder und Maßnahmen",
    "3 Änderungen seit dem vorigen Bericht",
    "4 Kennzahlen",
    "5 Land, Stadtgemeinde Bremen und Bremerhaven",
    "6 Lücken und Messbarkeit",
    "Quellenverzeichnis",
)


@pytest.fixture(scope="module")
def report(musterland_store: GraphStore) -> Bericht:
    return build(musterland_store, "2020", "2026", "2026-01-15")


@pytest.fixture(scope="module")
def pdf(report: Bericht) -> bytes:
    return render_report(report, "pdf")


@pytest.fixture(scope="module")
def docx(report: Bericht) -> bytes:
    return render_report(report, "docx")


def test_html_chapters_references_and_charts(report: Bericht) -> None:
    doc = lxml_html.fromstring(render_report(report, "html"))
    assert doc.get("lang") == "de"
    assert [h.text_content() for h in doc.xpath("//h2")] == list(CHAPTERS)
    targets = {li.get("id") for li in doc.xpath("//ol[@class='quellen']/li")}
    links = {a.get("href").removeprefix("#") for a in doc.xpath("//sup[@class='ref']/a")}
    assert links and links <= targets  # every endnote mark points into the source list
    charts = doc.xpath("//figure//*[local-name()='svg']")
    assert charts and all(c.get("role") == "img" and c.get("aria-label") for c in charts)
    # the context indicator says it is no effect of measures, the outcome indicator does not
    i2, i1 = doc.xpath("//h3[@id='kz-I-2']")[0], doc.xpath("//h3[@id='kz-I-1']")[0]
    assert "keine Wirkung" in i2.getnext().getnext().text_content()
    assert "Kontextkennzahl" not in i1.getnext().getnext().text_content()


def test_pdf_text_headings_and_sources(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for chapter in CHAPTERS:
        assert chapter in text
    assert "Sprachkurse für Zugewanderte" in text and "dauerhaft verankert" in text
    assert "musterland.example/bericht-2024.pdf" in text


def test_pdf_is_tagged_with_language_and_declared_dates(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert str(root["/Lang"]).startswith("de")
    meta = reader.metadata
    assert meta is not None and meta["/CreationDate"].startswith("D:20260115")
    assert meta["/Title"].startswith("Umsetzungsbericht")


def test_docx_headings_tables_and_sources(docx: bytes) -> None:
    doc = Document(io.BytesIO(docx))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == list(CHAPTERS)
    measures = next(t for t in doc.tables if t.rows[0].cells[0].text == "ID")
    assert [c.text for c in measures.rows[0].cells][:3] == ["ID", "Maßnahme", "Status"]
    assert measures.rows[1].cells[0].text == "M-1-01"
    start = [p.text for p in doc.paragraphs].index("Quellenverzeichnis")
    sources = [p.text for p in doc.paragraphs[start + 1 :]]
    assert sources[0].startswith("[1] ") and any("bericht-2024.pdf" in s for s in sources)
    assert doc.inline_shapes and doc.core_properties.created.year == 2026


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def footnotes_of(data: bytes) -> tuple[list[str], dict[str, str]]:
    """(footnote ids referenced in the body in order, footnote id → text) read from the package XML."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        types = etree.fromstring(z.read("[Content_Types].xml"))
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        (target,) = [r.get("Target") for r in rels if r.get("Type") == FOOTNOTES_REL]
        assert [o.get("ContentType") for o in types if o.get("PartName") == f"/word/{target}"] == [
            FOOTNOTES_TYPE
        ]
        body = etree.fromstring(z.read("word/document.xml"))
        notes = etree.fromstring(z.read(f"word/{target}"))
    refs = [r.get(f"{W}id") for r in body.iter(f"{W}footnoteReference")]
    texts = {
        n.get(f"{W}id"): "".join(t.text or "" for t in n.iter(f"{W}t")).strip()
        for n in notes.iter(f"{W}footnote")
        if n.get(f"{W}type") is None
    }
    separators = {n.get(f"{W}type") for n in notes.iter(f"{W}footnote")} - {None}
    assert separators == {"separator", "continuationSeparator"}
    return [str(r) for r in refs], {str(k): v for k, v in texts.items()}


def test_docx_sources_are_real_word_footnotes(report: Bericht, docx: bytes) -> None:
    refs, texts = footnotes_of(docx)
    assert refs and refs == [str(n) for n in range(1, len(refs) + 1)]  # numbered in reading order
    assert set(refs) == set(texts)  # every reference has its footnote and no footnote is unused
    assert all(t.startswith("[") for t in texts.values())
    first = report.sources[0]
    assert any(f"[1] {first}" in t for t in texts.values())
    doc = Document(io.BytesIO(docx))
    digits = [r.text.strip() for p in doc.paragraphs for r in p.runs if r.font.superscript and r.text.strip()]
    assert digits == []  # no hand-made superscript numbers any more


def test_docx_in_a_ministry_template_keeps_its_styles_and_header(report: Bericht) -> None:
    data = render_report(report, "docx", template=CASES / "ministerium.docx")
    doc = Document(io.BytesIO(data))
    assert "Ministerium Fließtext" in {s.name for s in doc.styles}
    assert doc.sections[0].header.paragraphs[0].text == "Die Senatorin – Ressortvorlage"
    assert "Platzhalter, der ersetzt wird" not in [p.text for p in doc.paragraphs]
    refs, texts = footnotes_of(data)
    assert refs and set(refs) == set(texts)


def test_a_broken_word_template_is_named(report: Bericht) -> None:
    with pytest.raises(InputError, match=r"kaputt\.docx"):
        render_report(report, "docx", template=CASES / "kaputt.docx")


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_same_data_same_bytes(musterland_store: GraphStore, fmt: str) -> None:
    first = render_report(build(musterland_store, "2020", "2026", "2026-01-15"), fmt)
    time.sleep(1.1)  # a clock-dependent stamp would differ now
    second = render_report(build(musterland_store, "2020", "2026", "2026-01-15"), fmt)
    assert first == second
    if fmt == "docx":
        stamps = {i.date_time for i in zipfile.ZipFile(io.BytesIO(first)).infolist()}
        assert stamps == {(2026, 1, 15, 0, 0, 0)}


def test_another_creation_date_changes_only_the_dates(musterland_store: GraphStore) -> None:
    a = render_report(build(musterland_store, "2020", "2026", "2026-01-15"), "html").decode()
    b = render_report(build(musterland_store, "2020", "2026", "2026-02-01"), "html").decode()
    assert a != b and a.replace("2026-01-15", "2026-02-01") == b


@pytest.mark.parametrize("vorlage", [False, True])
def test_vorlage_is_short_and_has_its_four_parts(report: Bericht, vorlage: bool) -> None:
    pdf = render_report(report, "pdf", vorlage=vorlage)
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    if vorlage:
        assert len(reader.pages) <= 2
        for part in (
            "1 Umsetzungsstand",
            "2 Wichtigste Änderungen",
            "3 Offene Lücken",
            "4 Entscheidungsbedarf",
        ):
            assert part in text
        assert "M-2-01" in text  # the discontinued measure's status change
    else:
        assert len(reader.pages) > 2


def test_unknown_format_and_misplaced_template(report: Bericht) -> None:
    with pytest.raises(ParameterError, match="odt"):
        render_report(report, "odt")
    with pytest.raises(ParameterError, match="nur für das Format docx"):
        render_report(report, "pdf", template=CASES / "ministerium.docx")
    assert file_name(report, "pdf", vorlage=True) == "vorlage-steuerungsrunde-2020-2026.pdf"
