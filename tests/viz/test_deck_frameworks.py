"""The deck views (Gesamtbild, Handlungsfeld-Fokus, Ressort-Netz, Abhängigkeiten, Lücken) draw one
framework: option ``rahmen`` (default: the first of the store), an unknown id is an error (#20)."""

from __future__ import annotations

import pytest

from rahmengraph.errors import ParameterError
from rahmengraph.model.filters import Filters
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.store import GraphStore
from rahmengraph.viz.views import VIEWS

TwoFrameworks = tuple[GraphStore, list[Dataset]]
BASES = {
    "musterland-2021": "https://w3id.org/rahmengraph/musterland/",
    "nachbarland-2023": "https://w3id.org/rahmengraph/nachbarland/",
}
DECKS = ("gesamtbild", "handlungsfeld", "ressort-netz", "abhaengigkeiten", "luecken")


def _bases(doc: dict[str, object]) -> set[str]:
    """The frameworks whose entities a page draws (by IRI base)."""
    iris = {str(n["iri"]) for n in doc["nodes"]}  # type: ignore[attr-defined]
    return {fw for fw, base in BASES.items() if any(i.startswith(base) for i in iris)}


@pytest.mark.parametrize("view", DECKS)
def test_a_deck_draws_the_first_framework_unless_told(two_frameworks: TwoFrameworks, view: str) -> None:
    store, _datasets = two_frameworks
    first = VIEWS[view].data(store, Filters(), {})
    assert _bases(first) == {"musterland-2021"}
    assert first["options"]["rahmen"] == "musterland-2021"
    other = VIEWS[view].data(store, Filters(), {"rahmen": "nachbarland-2023"})
    assert _bases(other) == {"nachbarland-2023"}
    assert other["title"].endswith("Teilhabekonzept")


def test_the_choices_of_a_deck_are_its_frameworks_own(two_frameworks: TwoFrameworks) -> None:
    store, _datasets = two_frameworks
    doc = VIEWS["gesamtbild"].data(store, Filters(), {"rahmen": "nachbarland-2023"})
    actors = [key for key, _name in doc["choices"]["actor"]["items"]]
    assert len(actors) == len(set(actors))  # IB only once: Nachbarland's


def test_an_unknown_framework_is_an_error(two_frameworks: TwoFrameworks) -> None:
    store, _datasets = two_frameworks
    with pytest.raises(ParameterError) as caught:
        VIEWS["gesamtbild"].data(store, Filters(), {"rahmen": "hamburg"})
    assert "'hamburg'" in str(caught.value) and "musterland-2021, nachbarland-2023" in str(caught.value)


def test_with_one_framework_the_page_stays_as_it_was(musterland_store: GraphStore) -> None:
    doc = VIEWS["gesamtbild"].data(musterland_store, Filters(), {})
    assert "rahmen" not in doc["options"] and doc["title"] == "Gesamtbild"


def test_the_unit_structure_comes_from_the_datas_own_recut(
    hansestadt_store: GraphStore, bremen_store: GraphStore
) -> None:
    now = VIEWS["gesamtbild"].data(hansestadt_store, Filters(), {})
    assert now["structure_title"] == "Behördenzuschnitt ab 01.07.2020"
    assert now["structure_other_title"] == "Behördenzuschnitt bis 30.06.2020"
    before = VIEWS["gesamtbild"].data(hansestadt_store, Filters(), {"ressorts": "2019"})
    assert before["structure_title"] == "Behördenzuschnitt bis 30.06.2020"
    for filters in (Filters(), Filters(field=("3.1",))):  # Bremen's titles, whatever the filter
        bremen = VIEWS["gesamtbild"].data(bremen_store, filters, {})
        assert bremen["structure_title"] == "Ressortzuschnitt ab 05.07.2023"
        assert bremen["structure_other_title"] == "Ressortzuschnitt 2019–2023"
