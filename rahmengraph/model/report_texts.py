"""Texts of the report page "Bericht" (the draft Umsetzungsbericht and its downloads)."""

from __future__ import annotations

from typing import Final

#: Key → (German, English); :mod:`rahmengraph.model.labels` joins the tables into one catalogue.
REPORT_TEXTS: Final[dict[str, tuple[str, str]]] = {
    "bericht.title": ("Umsetzungsbericht (Entwurf)", "Implementation report (draft)"),
    "bericht.intro": (
        "Ein Entwurf des Umsetzungsberichts für einen Berichtszeitraum, aus dem Graphen erzeugt: "
        "Überblick, ein Kapitel je Handlungsfeld, Änderungen, Kennzahlen mit Diagrammen, Ebenen, Lücken "
        "und Messbarkeit. Jede Aussage nennt ihre Quelle. Word-Dateien lassen sich weiter bearbeiten.",
        "A draft of the implementation report for a period, generated from the graph (in German).",
    ),
    "bericht.von": ("Berichtszeitraum von", "Period from"),
    "bericht.bis": ("bis", "to"),
    "bericht.stand": ("Stand (Erstellungsdatum im Dokument)", "Date shown as creation date"),
    "bericht.show": ("Zusammenfassung zeigen", "Show summary"),
    "bericht.downloads": ("Herunterladen", "Download"),
    "bericht.report": ("Umsetzungsbericht", "Implementation report"),
    "bericht.vorlage": (
        "Vorlage für die Steuerungsrunde (2 Seiten)",
        "Briefing for the steering group (2 pages)",
    ),
    "bericht.word": ("Mit eigener Word-Vorlage (DOCX)", "With your own Word template (DOCX)"),
    "bericht.word.file": ("Word-Vorlage", "Word template"),
    "bericht.word.button": ("Bericht als DOCX erzeugen", "Create DOCX report"),
    "bericht.status": ("Umsetzungsstand", "Implementation status"),
    "bericht.decisions": ("Entscheidungsbedarf", "Decisions needed"),
    "bericht.changes": ("Änderungen seit dem vorigen Bericht", "Changes since the previous report"),
    "bericht.beteiligung": (
        "Kapitel „Ergebnisse der Beteiligung“ anfügen (Stimmen aus Veranstaltungen im Zeitraum; nur im "
        "Umsetzungsbericht, nicht in der Vorlage)",
        "Add the chapter „Ergebnisse der Beteiligung“ (results of participation: voices from events in the "
        "period; report only, not the briefing)",
    ),
    "bericht.beteiligung.title": ("Ergebnisse der Beteiligung", "Ergebnisse der Beteiligung (participation)"),
    "bericht.context": (
        "Kontextkennzahlen (z. B. Integrationsmonitoring der Länder) beschreiben die Lage; sie sind keine "
        "Wirkung der Maßnahmen.",
        "Context indicators describe the situation; they are no effect of the measures.",
    ),
}
