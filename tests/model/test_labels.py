"""The bilingual label catalogue: complete for the analyses and the kinds, German by default."""

from __future__ import annotations

from rahmengraph.model.analysis import ANALYSES
from rahmengraph.model.kinds import KINDS
from rahmengraph.model.labels import LABELS, label, lang_of, summary_help, summary_label
from rahmengraph.model.store import GraphStore


def test_every_analysis_has_title_and_help_in_both_languages() -> None:
    for name, analysis in ANALYSES.items():
        for part in ("title", "help"):
            de, en = LABELS[f"analysis.{name}.{part}"]
            assert de and en and de != en
        assert analysis.title == label(f"analysis.{name}.title")
    assert ANALYSES["gaps"].title == "Lücken"


def test_kinds_are_named_from_the_kinds_table() -> None:
    assert label("kind.measure") == "Maßnahmen"
    assert label("kind.measure", "en") == "Measures"
    assert {f"kind.{k}" for k in KINDS} <= set(LABELS)


def test_language_choice() -> None:
    assert lang_of("en") == "en"
    assert lang_of("fr") == "de"
    assert lang_of(None) == "de"
    assert summary_label("leere_zellen", "en") == "Planning gaps in coverage"
    assert summary_help("leere_zellen").startswith("Planungslücken:")
    assert summary_help("unbekannt") == ""
    assert summary_label("unbekannt") == "unbekannt"


def test_every_headline_number_is_explained(musterland_store: GraphStore) -> None:
    """Each summary number of every analysis has one sentence in German and English saying what it
    counts (the analysis pages and the start page show it under the number)."""
    keys = {k for a in ANALYSES.values() for k in a.run(musterland_store).summary}
    assert len(keys) > 40
    for key in keys:
        for lang in ("de", "en"):
            assert summary_help(key, lang).endswith("."), (key, lang)
