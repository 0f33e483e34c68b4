"""Texts of the analyses: the analyses page, each analysis' title and help, its headline numbers
(``Report.summary`` keys) and the filters.
"""

from __future__ import annotations

from typing import Final

#: Key → (German, English); :mod:`rahmengraph.model.labels` joins the tables into one catalogue.
ANALYSIS_PAGE_TEXTS: Final[dict[str, tuple[str, str]]] = {
    "analysen.title": ("Analysen", "Analyses"),
    "analysen.intro": (
        "Was fehlt, was überschneidet sich, wer hängt von wem ab? Jede Zeile nennt die Maßnahmen, "
        "Akteure und Quellen, aus denen sie folgt.",
        "What is missing, what overlaps, who depends on whom? Every row names the measures, actors "
        "and sources it follows from.",
    ),
    "analysen.filters": ("Filter", "Filters"),
    "analysen.options": ("Optionen der Analyse", "Options of the analysis"),
    "analysen.run": ("Analyse anzeigen", "Show analysis"),
    "analysen.stand": ("Stand (Ausgabe)", "As of (edition)"),
    "analysen.stand.current": ("aktuelle Ausgabe", "current edition"),
    "analysen.stand.help": (
        "Die Analyse für eine frühere Ausgabe des Rahmenkonzepts (auch ?stand=JJJJ-MM-TT in der Adresse).",
        "The analysis for an earlier edition of the framework (also ?stand=YYYY-MM-DD in the address).",
    ),
    "analysen.summary": ("Auf einen Blick", "At a glance"),
    "analysen.sections": (
        "Befunde im Einzelnen (zum Öffnen anklicken)",
        "Findings in detail (click to open)",
    ),
    "analysen.details": ("Details", "Details"),
    "analysen.filters_toggle": ("Filter und Optionen ändern", "Change filters and options"),
    "analysen.no_filter": ("keine Filter: alle Maßnahmen", "no filters: all measures"),
    "analysen.default": ("Standard", "Default"),
    "analysen.empty_cell": ("keine Maßnahme", "no measure"),
    "analysen.legend": (
        "Zahl = Maßnahmen in der Zelle; — = leere Zelle (keine Maßnahme).",
        "Number = measures in the cell; — = empty cell (no measure).",
    ),
}

#: Headline numbers of the analyses (``Report.summary`` keys).
SUMMARY: Final[dict[str, tuple[str, str]]] = {
    "massnahmen": ("Maßnahmen im Blick", "Measures in view"),
    "rahmenkonzepte": ("Rahmenkonzepte im Speicher", "Frameworks in the store"),
    "gemeinsame_zielgruppen": (
        "Zielgruppen, die alle Rahmenkonzepte (gleich benannt) haben",
        "Target groups every framework has (same name)",
    ),
    "multi_field": ("Maßnahmen in mehreren Handlungsfeldern", "Measures in several fields"),
    "field_network": ("Handlungsfeld-Paare mit gemeinsamen Maßnahmen", "Field pairs sharing measures"),
    "collaboration": ("Zusammenarbeit je Rolle und Ebene", "Collaboration per role and level"),
    "collaboration_network": ("Akteurspaare mit gemeinsamen Maßnahmen", "Actor pairs sharing measures"),
    "broad_actors": ("Akteure in vielen Handlungsfeldern", "Actors in many fields"),
    "duplicates": ("Mögliche Doppelungen", "Possible duplication"),
    "leere_zellen": ("Planungslücken in der Abdeckung", "Planning gaps in coverage"),
    "intersectional": ("Intersektionale Lücken", "Intersectional gaps"),
    "intersectional_by_field": ("Intersektionale Lücken je Handlungsfeld", "Intersectional gaps per field"),
    "municipal_fields": (
        "Handlungsfelder nur auf einem Teil vergleichbarer Ebenen",
        "Fields on only some comparable levels (municipalities, districts …)",
    ),
    "municipal_groups": (
        "Zielgruppen nur auf einem Teil vergleichbarer Ebenen",
        "Target groups on only some comparable levels (municipalities, districts …)",
    ),
    "land_without_municipal": (
        "Maßnahmen ohne Gegenstück auf der Ebene darunter",
        "Measures without counterpart on the level below (e.g. state → municipality)",
    ),
    "measures_without_indicator": ("Maßnahmen ohne eigene Kennzahl", "Measures without own indicator"),
    "measures_without_field": ("Maßnahmen ohne Handlungsfeld", "Measures without field of action"),
    "measures_unmeasured": ("Maßnahmen ohne jede Kennzahl", "Measures without any indicator"),
    "goals_without_measures": ("Ziele ohne Maßnahmen", "Goals without measures"),
    "goals_without_indicators": ("Ziele ohne Kennzahlen", "Goals without indicators"),
    "goals_unlinked": ("Ziele ohne belegte Verknüpfung (nicht belegt)", "Goals without documented links"),
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
    "kennzahlen": ("Kennzahlen im Blick", "Indicators in view"),
    "kontext": ("davon Kontextkennzahlen (keine Wirkung von Maßnahmen)", "of which context indicators"),
    "without_values": ("Kennzahlen ohne Werte", "Indicators without values"),
    "without_target": ("Kennzahlen ohne Zielwert", "Indicators without target"),
    "stale": ("Kennzahlen ohne aktuellen Istwert", "Indicators without recent value"),
    "outputs_without_outcome": ("Output-Kennzahlen ohne Outcome darüber", "Outputs without outcome"),
    "progress": ("Fortschritt zum Zielwert (belegt)", "Progress towards target"),
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

#: Title and help of each analysis.
ANALYSES: Final[dict[str, tuple[str, str]]] = {
    "overlaps.title": ("Überschneidungen", "Overlaps"),
    "overlaps.help": (
        "Maßnahmen in mehreren Handlungsfeldern, Handlungsfeld-Netz, Ressort-Zusammenarbeit "
        "(federführend/beteiligt, je Ebene), Ressorts in vielen Handlungsfeldern, mögliche Doppelungen.",
        "Measures in several fields, field network, collaboration of departments, "
        "departments in many fields, possible duplication.",
    ),
    "gaps.title": ("Lücken", "Gaps"),
    "gaps.help": (
        "Leere Zellen der Abdeckungsmatrizen, intersektionale Lücken, Ebenen-Lücken, Messbarkeit, "
        "Zuständigkeit, Governance.",
        "Empty cells of the coverage matrices, intersectional, level, measurability, "
        "responsibility and governance gaps.",
    ),
    "abhaengigkeiten.title": ("Ressortübergreifende Abhängigkeiten", "Cross-department dependencies"),
    "abhaengigkeiten.help": (
        "Wer hängt von wem ab, über gemeinsame Maßnahmen oder Maßnahmen, die aufeinander aufbauen: "
        "Knotenpunkte, Schwachstellen, Ketten über mindestens drei Ressorts, Gruppen, die eng "
        "zusammenarbeiten.",
        "Hubs, single points of failure, chains across three or more departments, communities.",
    ),
    "matrix.title": ("Abdeckungsmatrix", "Coverage matrix"),
    "matrix.help": (
        "Maßnahmen je Zelle zweier Dimensionen (Handlungsfeld, Zielgruppe, Ebene, Akteur) mit leeren Zellen.",
        "Measures per cell of two dimensions, with the empty cells.",
    ),
    "messbarkeit.title": ("Messbarkeit und Evaluation", "Measurability and evaluation"),
    "messbarkeit.help": (
        "Ziele, Handlungsfelder und Maßnahmen ohne Kennzahl; Kennzahlen ohne Werte, ohne Zielwert, ohne "
        "aktuellen Istwert; Output-Kennzahlen ohne Outcome darüber; Fortschritt zum Zielwert. "
        "Kontextkennzahlen (z. B. Integrationsmonitoring) beschreiben die Lage, keine Wirkung.",
        "Goals, fields and measures without indicator; indicators without values, target or recent value; "
        "outputs without outcome; progress towards targets. Context indicators describe the situation, "
        "not an effect.",
    ),
    "datenqualitaet.title": ("Datenqualität", "Data quality"),
    "datenqualitaet.help": (
        "Was in den Daten fehlt oder nicht stimmt (Prüfregeln des Datenmodells), gruppiert nach "
        "Handlungsfeld und Ressort.",
        "What is missing or wrong in the data (the data model's rules), grouped by field and department.",
    ),
    "vergleich.title": ("Vergleich der Rahmenkonzepte", "Comparing frameworks"),
    "vergleich.help": (
        "Die geladenen Rahmenkonzepte nebeneinander (je eine Spalte): Maßnahmen, Handlungsfelder, "
        "Zielgruppen, Ebenen, Federführung, Anteil intersektionaler Maßnahmen, Dimensionen und Zielgruppen.",
        "The loaded frameworks side by side (one column each): measures, fields, target groups, levels, "
        "leads, share of intersectional measures, dimensions and target groups.",
    ),
}

#: Filters of the analyses and lists (the help text comes from ``filters.FILTER_KINDS``).
FILTERS: Final[dict[str, tuple[str, str]]] = {
    "field": ("Handlungsfeld", "Action field"),
    "actor": ("Ressort / Akteur", "Department / actor"),
    "level": ("Ebene", "Level"),
    "target_group": ("Zielgruppe", "Target group"),
    "evidence": ("Beleg", "Evidence"),
}
