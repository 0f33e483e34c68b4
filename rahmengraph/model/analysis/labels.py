"""Labels of the analyses' summary numbers, for every reader: CLI text, web pages, downloads."""

from __future__ import annotations

from typing import Final

#: Summary key → (German, English) label; unknown keys are shown as they are.
SUMMARY_LABELS: Final[dict[str, tuple[str, str]]] = {
    "massnahmen": ("Maßnahmen im Blick", "Measures in view"),
    "multi_field": ("Maßnahmen in mehreren Handlungsfeldern", "Measures in several fields"),
    "field_network": ("Handlungsfeld-Paare mit gemeinsamen Maßnahmen", "Field pairs sharing measures"),
    "collaboration": ("Zusammenarbeit je Rolle und Ebene", "Collaboration per role and level"),
    "collaboration_network": ("Akteurspaare mit gemeinsamen Maßnahmen", "Actor pairs sharing measures"),
    "broad_actors": ("Akteure in vielen Handlungsfeldern", "Actors in many fields"),
    "duplicates": ("Mögliche Doppelungen", "Possible duplication"),
    "leere_zellen": ("Leere Zellen der Abdeckungsmatrizen", "Empty cells of the coverage matrices"),
    "intersectional": ("Intersektionale Lücken", "Intersectional gaps"),
    "intersectional_by_field": ("Intersektionale Lücken je Handlungsfeld", "Intersectional gaps per field"),
    "municipal_fields": (
        "Handlungsfelder nur in einem Teil der Kommunen",
        "Fields in only some municipalities",
    ),
    "municipal_groups": (
        "Zielgruppen nur in einem Teil der Kommunen",
        "Target groups in only some municipalities",
    ),
    "land_without_municipal": (
        "Landesmaßnahmen ohne kommunales Gegenstück",
        "State measures without local counterpart",
    ),
    "measures_without_indicator": ("Maßnahmen ohne eigene Kennzahl", "Measures without own indicator"),
    "measures_unmeasured": ("Maßnahmen ohne jede Kennzahl", "Measures without any indicator"),
    "goals_without_measures": ("Ziele ohne Maßnahmen", "Goals without measures"),
    "goals_without_indicators": ("Ziele ohne Kennzahlen", "Goals without indicators"),
    "fields_without_indicator": ("Handlungsfelder ohne Kennzahl", "Fields without indicator"),
    "measures_without_lead": ("Maßnahmen ohne Federführung", "Measures without lead"),
    "dissolved_leads": (
        "Aufgelöste federführende Stellen ohne Nachfolge",
        "Dissolved leads without successor",
    ),
    "derived_only": ("Maßnahmen mit nur abgeleiteten Ebenen", "Measures with derived levels only"),
    "fields_without_participation": (
        "Handlungsfelder ohne Beteiligungsformat",
        "Fields without participation",
    ),
    "bodies_without_members": ("Gremien ohne Mitglieder", "Bodies without members"),
    "akteure": ("Akteure im Netz", "Actors in the network"),
    "verbindungen": ("Verbindungen", "Links"),
    "teilnetze": ("Teilnetze", "Components"),
    "articulation_points": ("Schwachstellen (Akteure)", "Single points of failure (actors)"),
    "bridges": ("Brücken", "Bridges"),
    "chains": ("Ketten über mehrere Ressorts", "Chains across departments"),
    "communities": ("Gemeinschaften", "Communities"),
    "zellen": ("Zellen", "Cells"),
    "belegt": ("Belegte Zellen", "Filled cells"),
    "leer": ("Leere Zellen", "Empty cells"),
    "befunde": ("Prüfbefunde", "Findings"),
    "Verstoß": ("Verstöße", "Violations"),
    "Warnung": ("Warnungen", "Warnings"),
    "Hinweis": ("Hinweise", "Notes"),
}


def summary_label(key: str, lang: str = "de") -> str:
    """German (or English) label of a summary key; unknown keys are returned as they are."""
    de, en = SUMMARY_LABELS.get(key, (key, key))
    return en if lang == "en" else de
