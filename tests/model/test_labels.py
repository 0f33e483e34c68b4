"""The bilingual label catalogue: complete for the analyses and the kinds, German by default."""

from __future__ import annotations

from rahmengraph.model.analysis import ANALYSES
from rahmengraph.model.kinds import KINDS
from rahmengraph.model.labels import LABELS, label, lang_of, summary_label


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
    assert summary_label("leere_zellen", "en") == "Empty cells of the coverage matrices"
    assert summary_label("unbekannt") == "unbekannt"
