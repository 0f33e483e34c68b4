"""A framework's own terms and examples from its data, instead of Bremen's words and ids."""

from __future__ import annotations

from html.parser import HTMLParser

from rahmengraph.model.store import GraphStore
from rahmengraph.model.terms import DEFAULT, Terms, examples, in_terms, terms, with_example
from rahmengraph.viz.question_pages import question_page


def test_a_dataset_names_its_own_terms(hansestadt_store: GraphStore, musterland_store: GraphStore) -> None:
    assert terms(hansestadt_store) == Terms(
        "Integrationskonzept", "Behörde", "Behörden", "Behördenneuschnitt"
    )
    assert terms(musterland_store) == DEFAULT  # declares none: the German defaults


def test_texts_speak_the_frameworks_terms() -> None:
    own = Terms("Integrationskonzept", "Behörde", "Behörden", "Behördenneuschnitt")
    text = "Ressort-Netz nach dem Ressortneuschnitt: alle Ressorts des Rahmenkonzepts"
    assert (
        in_terms(text, own)
        == "Behörde-Netz nach dem Behördenneuschnitt: alle Behörden des Integrationskonzepts"
    )
    assert in_terms(text, DEFAULT) == text


def test_examples_come_from_the_loaded_data(hansestadt_store: GraphStore) -> None:
    found = examples(hansestadt_store)
    assert found["actor"] == "BAGSFI"  # leads or takes part in the most measures
    assert found["measure"] == "H-0-01"  # first in natural order
    assert found["level"].startswith(("Bezirk", "Nordhafen"))
    assert with_example("Akteur (Kürzel, z. B. SASJI)", found["actor"]) == "Akteur (Kürzel, z. B. BAGSFI)"
    assert with_example("Akteur (Kürzel, z. B. SASJI)", None) == "Akteur (Kürzel)"


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def test_question_form_shows_examples_and_terms_of_the_data(hansestadt_store: GraphStore) -> None:
    shown = {}
    for name in ("massnahmen-handlungsfeld", "handlungsfelder-uebersicht"):
        html, status = question_page(hansestadt_store, name, {}, "de")
        assert status == 200
        parser = _Text()
        parser.feed(html)
        shown[name] = " ".join(parser.parts)
    form = shown["massnahmen-handlungsfeld"]
    assert "z. B. 1" in form and "3.1" not in form and "Stadt Bremerhaven" not in form
    overview = shown["handlungsfelder-uebersicht"]
    assert "aus dem Integrationskonzept" in overview
    assert "aus dem Rahmenkonzept" not in overview
