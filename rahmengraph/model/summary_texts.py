"""What each headline number of the analyses means: one sentence per ``Report.summary`` key, saying
what it counts and why it matters to a planner (shown under the number on the analysis pages).
"""

from __future__ import annotations

from typing import Final

#: One sentence per headline number: what it counts and why it matters (``summary.<key>.help``).
SUMMARY_HELP: Final[dict[str, tuple[str, str]]] = {
    "massnahmen": (
        "Maßnahmen, die die Filter erfassen; alle anderen Zahlen beziehen sich auf sie.",
        "Measures the filters select; every other number refers to them.",
    ),
    "rahmenkonzepte": (
        "Rahmenkonzepte, die der Vergleich nebeneinanderstellt (eines je Land oder Kommune).",
        "Frameworks the comparison sets side by side (one per Land or municipality).",
    ),
    "gemeinsame_zielgruppen": (
        "Zielgruppen, die jedes Rahmenkonzept unter gleichem Namen nennt: nur sie lassen sich direkt "
        "vergleichen.",
        "Target groups every framework names alike: only these can be compared directly.",
    ),
    "multi_field": (
        "Maßnahmen, die mehreren Handlungsfeldern zugeordnet sind: hier muss abgestimmt werden, wer "
        "berichtet.",
        "Measures assigned to several fields: here someone must agree who reports.",
    ),
    "field_network": (
        "Paare von Handlungsfeldern mit mindestens einer gemeinsamen Maßnahme: zeigt, wo Felder "
        "zusammenhängen.",
        "Pairs of fields sharing at least one measure: shows where fields hang together.",
    ),
    "collaboration": (
        "Zeilen Akteur × Rolle × Ebene mit ihren Maßnahmen: wer wo federführt und wo mitwirkt.",
        "Rows actor × role × level with their measures: who leads and who takes part where.",
    ),
    "collaboration_network": (
        "Paare von Akteuren, die mindestens eine Maßnahme gemeinsam tragen: die Zusammenarbeit im "
        "Rahmenkonzept.",
        "Pairs of actors sharing at least one measure: the collaboration within the framework.",
    ),
    "broad_actors": (
        "Akteure, die in mindestens so vielen Handlungsfeldern tätig sind wie eingestellt: sie "
        "brauchen den Überblick.",
        "Actors active in at least the set number of fields: they need the overview.",
    ),
    "duplicates": (
        "Zellen Handlungsfeld × Zielgruppe × Ebene mit Maßnahmen verschiedener federführender Stellen: "
        "prüfen, ob dasselbe zweimal getan wird.",
        "Cells field × target group × level with measures of different leads: check whether the same is "
        "done twice.",
    ),
    "leere_zellen": (
        "Planungslücken: Handlungsfeld ohne Maßnahme auf einer Ebene des Rahmenkonzepts oder ohne Maßnahme "
        "eines Ressorts bzw. einer Stelle, die im Rahmenkonzept irgendwo federführend ist (Partner wie "
        "Kirchen oder Bundesbehörden zählen nicht).",
        "Planning gaps: a field without a measure on one of the framework's levels, or without a measure of "
        "a department or unit that leads somewhere in the framework (partners such as churches or federal "
        "agencies do not count).",
    ),
    "intersectional": (
        "Kombinierte Zielgruppen (z. B. geflüchtete Frauen), die keine Maßnahme anspricht, obwohl jede "
        "Teilgruppe für sich angesprochen wird.",
        "Combined target groups (e.g. refugee women) no measure addresses although each part is addressed "
        "on its own.",
    ),
    "intersectional_by_field": (
        "Dasselbe je Handlungsfeld: in welchem Feld eine genannte Kombination von Zielgruppen fehlt.",
        "The same per field: in which field a named combination of target groups is missing.",
    ),
    "municipal_fields": (
        "Handlungsfelder mit Maßnahmen in einer Kommune, aber keiner in einer anderen: Angebote, die nicht "
        "überall ankommen.",
        "Fields with measures in one municipality but none in another: offers that do not reach everywhere.",
    ),
    "municipal_groups": (
        "Zielgruppen, die nur in einem Teil der Kommunen eine Maßnahme haben.",
        "Target groups with a measure in only some municipalities.",
    ),
    "land_without_municipal": (
        "Landesmaßnahmen in Feldern mit kommunalen Maßnahmen, aber ohne kommunales Gegenstück: prüfen, ob "
        "die Umsetzung vor Ort geregelt ist.",
        "State measures in fields with municipal measures but without a municipal counterpart: check that "
        "local implementation is arranged.",
    ),
    "measures_without_indicator": (
        "Maßnahmen, die keine Kennzahl selbst misst (die Kennzahl ihres Handlungsfelds kann es geben): "
        "ihr Beitrag ist im Bericht nicht einzeln belegbar.",
        "Measures no indicator measures itself (their field may have one): their contribution cannot be "
        "shown on its own in the report.",
    ),
    "measures_unmeasured": (
        "Die strengere Zahl: Maßnahmen ohne eigene Kennzahl, deren Handlungsfelder auch keine haben – über "
        "ihre Wirkung sagt der Bericht nichts.",
        "The stricter number: measures without own indicator whose fields have none either – the report "
        "says nothing about their effect.",
    ),
    "goals_without_measures": (
        "Ziele, zu denen keine Maßnahme gehört: sie werden nicht verfolgt.",
        "Goals no measure belongs to: nobody pursues them.",
    ),
    "goals_without_indicators": (
        "Ziele ohne Kennzahl: ob sie erreicht werden, lässt sich nicht zeigen.",
        "Goals without an indicator: whether they are reached cannot be shown.",
    ),
    "goals_unlinked": (
        "Ziele, für die keine Quelle eine Verbindung zu Maßnahmen, Feldern oder Kennzahlen belegt: nicht "
        "belegt, nicht unbedingt fehlend.",
        "Goals no source links to measures, fields or indicators: undocumented, not necessarily missing.",
    ),
    "fields_without_indicator": (
        "Handlungsfelder ohne Kennzahl, auch für keine ihrer Maßnahmen: ein ganzes Feld ohne Messung.",
        "Fields without an indicator, none for their measures either: a whole field unmeasured.",
    ),
    "measures_without_lead": (
        "Maßnahmen ohne federführende Stelle: niemand ist verantwortlich.",
        "Measures without a lead: nobody is responsible.",
    ),
    "dissolved_leads": (
        "Maßnahmen, deren federführende Stelle aufgelöst ist und keine Nachfolge hat.",
        "Measures whose lead was dissolved without a successor.",
    ),
    "derived_only": (
        "Maßnahmen, deren Ebene nur aus der Ebene der Federführung abgeleitet ist, nicht aus der Quelle.",
        "Measures whose level is only derived from the lead's level, not stated by the source.",
    ),
    "fields_without_participation": (
        "Handlungsfelder ohne Gremium oder Beteiligungsformat: Betroffene reden dort nicht mit.",
        "Fields without a body or participation format: those affected have no say there.",
    ),
    "bodies_without_members": (
        "Gremien ohne erfasste Mitglieder: wer dort mitredet, ist nicht bekannt.",
        "Bodies without recorded members: who takes part is unknown.",
    ),
    "measures_without_field": (
        "Maßnahmen ohne Handlungsfeld in der Quelle: sie fehlen in jeder Matrix nach Handlungsfeldern.",
        "Measures the source assigns no field of action: they are missing from every matrix by field.",
    ),
    "kennzahlen": (
        "Kennzahlen, die die Filter erfassen.",
        "Indicators the filters select.",
    ),
    "kontext": (
        "Kennzahlen, die die Lage beschreiben (z. B. Integrationsmonitoring), nicht die Wirkung von "
        "Maßnahmen.",
        "Indicators describing the situation (e.g. integration monitoring), not the effect of measures.",
    ),
    "without_values": (
        "Kennzahlen ohne einen einzigen Wert: im Bericht bleibt die Zeile leer.",
        "Indicators without a single value: their line in the report stays empty.",
    ),
    "without_target": (
        "Kennzahlen ohne Zielwert: Fortschritt lässt sich nicht beurteilen.",
        "Indicators without a target: progress cannot be judged.",
    ),
    "stale": (
        "Kennzahlen ohne Istwert aus den letzten Jahren (Option jahr): der Bericht kann nur Altes zeigen.",
        "Indicators without a value from recent years (option jahr): the report can only show old figures.",
    ),
    "outputs_without_outcome": (
        "Output-Kennzahlen (was getan wurde) ohne Outcome-Kennzahl (was sich ändert) darüber.",
        "Output indicators (what was done) without an outcome indicator (what changes) above them.",
    ),
    "progress": (
        "Kennzahlen mit Ausgangs-, Ist- und Zielwert, deren Fortschritt sich berechnen lässt.",
        "Indicators with baseline, current and target value whose progress can be computed.",
    ),
    "akteure": (
        "Akteure, die über gemeinsame Maßnahmen verbunden sind.",
        "Actors linked through shared measures.",
    ),
    "verbindungen": (
        "Paare von Akteuren mit gemeinsamer Maßnahme (Linien im Netz).",
        "Pairs of actors with a shared measure (lines in the network).",
    ),
    "teilnetze": (
        "Getrennte Teile des Netzes: Gruppen von Akteuren ohne jede gemeinsame Maßnahme mit den anderen.",
        "Separate parts of the network: groups of actors sharing no measure with the others.",
    ),
    "articulation_points": (
        "Akteure, ohne die das Netz zerfiele: fallen sie aus, verlieren andere jede Verbindung.",
        "Actors without whom the network falls apart: if they drop out, others lose every link.",
    ),
    "bridges": (
        "Einzelne Verbindungen, ohne die das Netz zerfiele: nur eine Maßnahme hält zwei Teile zusammen.",
        "Single links without which the network falls apart: one measure holds two parts together.",
    ),
    "chains": (
        "Ketten von Maßnahmen, die aufeinander aufbauen und mehrere Ressorts berühren: dort muss "
        "abgestimmt werden.",
        "Chains of measures building on each other across several departments: these need coordination.",
    ),
    "communities": (
        "Gruppen von Akteuren, die untereinander viel mehr zusammenarbeiten als mit anderen.",
        "Groups of actors working together much more than with others.",
    ),
    "zellen": (
        "Zellen der Matrix (Zeilen × Spalten des gewählten Rahmenkonzepts).",
        "Cells of the matrix (rows × columns of the chosen framework).",
    ),
    "belegt": (
        "Zellen mit mindestens einer Maßnahme.",
        "Cells with at least one measure.",
    ),
    "leer": (
        "Zellen ohne Maßnahme; ob eine davon eine Lücke ist, entscheidet die Fachplanung (siehe "
        "Analyse Lücken).",
        "Cells without a measure; whether one is a gap is for the planners to decide (see the gaps "
        "analysis).",
    ),
    "befunde": (
        "Alle Prüfbefunde der SHACL-Regeln zusammen.",
        "All findings of the SHACL rules together.",
    ),
    "Verstoß": (
        "Verstöße gegen Pflichtregeln: diese Daten sind falsch und müssen korrigiert werden.",
        "Violations of mandatory rules: these data are wrong and must be corrected.",
    ),
    "Warnung": (
        "Warnungen: die Daten sind gültig, aber vermutlich unvollständig (z. B. fehlende Quelle).",
        "Warnings: the data are valid but probably incomplete (e.g. a missing source).",
    ),
    "Hinweis": (
        "Hinweise zur Verbesserung, kein Fehler.",
        "Suggestions for improvement, no error.",
    ),
}
