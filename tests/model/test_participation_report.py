"""The report's opt-in chapter "Ergebnisse der Beteiligung": labelled, counted, decisions and changes."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import docx
import pytest
from lxml import html

from rahmengraph.model.bericht import PARTICIPATION_NOTE, build
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.loading.writing import load
from rahmengraph.model.participation import intake, workflow
from rahmengraph.model.participation.entries import StatusChange
from rahmengraph.model.participation.results import results
from rahmengraph.model.store import GraphStore
from rahmengraph.model.stores.oxigraph import OxigraphStore
from rahmengraph.viz.report_html import report_html
from rahmengraph.viz.report_output import render_report

CASE = Path(__file__).resolve().parent.parent / "cases" / "beteiligung" / "fachtag.beteiligung.json"
CHANGE = "https://w3id.org/rahmengraph/musterland/veraenderung/2023-06-30/013"


@pytest.fixture(scope="module")
def world(musterland_dir: Path) -> tuple[GraphStore, Dataset]:
    """Musterland with the Fachtag file imported, one input adopted and one declined."""
    store = OxigraphStore()
    ds = load(store, musterland_dir)
    plan = intake.import_file(store, ds, CASE.read_bytes(), CASE.name, datetime(2026, 12, 1, tzinfo=UTC))
    store.update(plan.update)
    adopted = StatusChange(status="aufgenommen", aenderung=CHANGE)
    store.update(workflow.change(store, ds, "0b7a4e1c-3a55-4d1e-9d7e-1f0b6a3c2d01", adopted))
    declined = StatusChange(status="nicht-aufgenommen", grund="<script>alert(1)</script> nicht zuständig")
    store.update(workflow.change(store, ds, "0b7a4e1c-3a55-4d1e-9d7e-1f0b6a3c2d02", declined))
    return store, ds


def test_the_chapter_counts_each_event_of_the_period_and_the_decisions(
    world: tuple[GraphStore, Dataset],
) -> None:
    store, ds = world
    lines = results(store, "2026", "2026", base=ds.base)
    assert [text for text, _s in lines] == [
        "Fachtag Teilhabe 2026 (2026-11-30): 4 Beiträge – 1 Kommentare, 1 Fragen, 1 bestätigte Lücken, "
        "1 Maßnahmenvorschläge; Bearbeitungsstand: 2 neu, 1 aufgenommen, 1 nicht aufgenommen.",
        "Kommentar zu „Sprachkurse für Zugewanderte“: aufgenommen",
        "Frage zu „Sprache“: nicht aufgenommen (<script>alert(1)</script> nicht zuständig)",
    ]
    assert lines[1][1] == [CHANGE]
    assert results(store, "2023", "2025", base=ds.base) == []


def test_the_report_shows_the_chapter_only_when_asked_and_labelled(world: tuple[GraphStore, Dataset]) -> None:
    store, ds = world
    plain = html.fromstring(report_html(build(store, "2026", "2026", "2026-12-02")))
    assert plain.get_element_by_id("beteiligung", None) is None
    voices = partial(results, base=ds.base)
    page = html.fromstring(report_html(build(store, "2026", "2026", "2026-12-02", participation=voices)))
    chapter = page.get_element_by_id("beteiligung")
    assert chapter.findtext("h2") == "7 Ergebnisse der Beteiligung"
    assert chapter.findtext("p") == PARTICIPATION_NOTE
    items = [li.text_content() for li in chapter.iter("li")]
    assert len(items) == 3 and "<script>alert(1)</script>" in items[2]  # shown as text
    assert not page.xpath("//script")
    empty = html.fromstring(report_html(build(store, "2020", "2020", "2026-12-02", participation=voices)))
    assert [li.text_content() for li in empty.get_element_by_id("beteiligung").iter("li")] == [
        "Keine Beteiligungsveranstaltung im Berichtszeitraum."
    ]


def test_the_word_report_has_the_chapter_too(world: tuple[GraphStore, Dataset]) -> None:
    store, ds = world
    b = build(store, "2026", "2026", "2026-12-02", participation=partial(results, base=ds.base))
    paragraphs = [p.text for p in docx.Document(io.BytesIO(render_report(b, "docx"))).paragraphs]
    start = paragraphs.index("7 Ergebnisse der Beteiligung")
    assert paragraphs[start + 1] == PARTICIPATION_NOTE
    assert paragraphs[start + 2].startswith("Fachtag Teilhabe 2026 (2026-11-30): 4 Beiträge")
