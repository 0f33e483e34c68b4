"""The bilingual label catalogue: every German text a reader sees, with its English twin.

One table, key → (German, English), read by the CLI's text reports, the web pages and the
downloads alike. Keys are grouped by a prefix: ``kind.<kind>`` (plural names of the entity kinds,
from :mod:`rahmengraph.model.kinds`), ``summary.<key>`` (headline numbers of the analyses),
``analysis.<name>.title|help``, ``filter.<name>`` and the interface texts (``nav.…``,
``start.…``, ``fragen.…`` …).
"""

from __future__ import annotations

from typing import Final

from rahmengraph.model.kinds import KINDS

#: Languages of the interface, the first one is the default.
LANGS: Final = ("de", "en")

_INTERFACE: Final[dict[str, tuple[str, str]]] = {
    "site": ("rahmengraph", "rahmengraph"),
    "skip": ("Zum Inhalt springen", "Skip to content"),
    "nav": ("Hauptnavigation", "Main navigation"),
    "nav.start": ("Start", "Home"),
    "nav.fragen": ("Fragen", "Questions"),
    "nav.sparql": ("SPARQL", "SPARQL"),
    "nav.browse": ("Stöbern", "Browse"),
    "nav.ontologie": ("Ontologie", "Ontology"),
    "nav.graphen": ("Graphen", "Graphs"),
    "lang.switch": ("English", "Deutsch"),
    "lang.switch.label": ("Sprache wechseln", "Switch language"),
    "breadcrumb": ("Brotkrümelpfad", "Breadcrumb"),
    "search": ("Suche", "Search"),
    "search.label": ("Suche nach Bezeichnung oder ID", "Search by label or id"),
    "search.button": ("Suchen", "Search"),
    "search.results": ("Treffer für", "Results for"),
    "search.none": ("Keine Treffer.", "No results."),
    "search.hint": ("Mindestens zwei Zeichen eingeben.", "Enter at least two characters."),
    "start.title": ("Wissensgraph Rahmenkonzept", "Policy framework knowledge graph"),
    "start.intro": (
        "Dieser Server macht ein ressortübergreifendes Rahmenkonzept als Wissensgraph zugänglich: "
        "wer ist wofür zuständig, auf welcher Ebene, mit wem, und was fehlt. Jede Aussage trägt ihre Quelle.",
        "This server makes a cross-department policy framework available as a knowledge graph: who is "
        "responsible for what, on which level, with whom, and what is missing. "
        "Every fact carries its source.",
    ),
    "start.frameworks": ("Datenbestand", "Data"),
    "start.edition": ("Ausgabe", "Edition"),
    "start.issued": ("Beschlossen", "Adopted"),
    "start.status": ("Stand der Daten", "Data status"),
    "start.sources": ("Quellen", "Sources"),
    "start.note": ("Bekannte Lücken und Hinweise", "Known gaps and notes"),
    "start.completeness": (
        "Wie vollständig sind die öffentlichen Daten?",
        "How complete is the public data?",
    ),
    "start.measures": ("Maßnahmen insgesamt", "Measures in total"),
    "start.gaps": ("Offene Stellen", "Open gaps"),
    "start.entry": ("Einstiege", "Where to start"),
    "start.entry.planer": ("Für Planer:innen", "For planners"),
    "start.entry.planer.text": (
        "Wiederkehrende Fragen als Formulare, Antworten als Tabelle, CSV und Excel.",
        "Recurring questions as forms, answers as table, CSV and Excel.",
    ),
    "start.entry.research": ("Für Forschende", "For researchers"),
    "start.entry.research.text": (
        "SPARQL-Editor mit den Präfixen der Ontologie, Ontologie-Dokumentation und Quellen jeder Aussage.",
        "SPARQL editor with the ontology's prefixes, ontology documentation and the source of every fact.",
    ),
    "downloads.title": ("Downloads", "Downloads"),
    "downloads.intro": (
        "Der ganze Datensatz in jedem Format, unter stabilen Adressen.",
        "The whole dataset in every format, at stable addresses.",
    ),
    "downloads.file": ("Datei", "File"),
    "downloads.format": ("Format", "Format"),
    "start.void": ("Datensatzbeschreibung (DCAT-AP.de, VoID)", "Dataset description (DCAT-AP.de, VoID)"),
    "start.entry.facil": ("Für Moderation und Workshops", "For facilitators"),
    "start.entry.facil.text": (
        "Interaktive Graphen, die auch ohne Netz auf dem Beamer laufen.",
        "Interactive graphs that work offline on a projector.",
    ),
    "start.counts": ("Inhalt", "Contents"),
    "count": ("Anzahl", "Count"),
    "fragen.title": ("Fragen an den Graphen", "Questions to the graph"),
    "fragen.intro": (
        "Jede Frage ist eine gespeicherte SPARQL-Abfrage mit Parametern. Die Antwort lässt sich "
        "herunterladen und als Graph zeigen.",
        "Each question is a stored SPARQL query with parameters. "
        "Answers can be downloaded and shown as a graph.",
    ),
    "fragen.ask": ("Antwort zeigen", "Show answer"),
    "fragen.any": ("— alle —", "— any —"),
    "fragen.required": ("Pflichtangabe", "required"),
    "fragen.answer": ("Antwort", "Answer"),
    "fragen.rows": ("Zeilen", "rows"),
    "fragen.download": ("Herunterladen", "Download"),
    "fragen.graph": ("Als Graph zeigen", "Show as graph"),
    "fragen.sparql": ("SPARQL anzeigen", "Show SPARQL"),
    "fragen.open_editor": ("Im SPARQL-Editor öffnen", "Open in the SPARQL editor"),
    "fragen.sort": ("Sortieren nach", "Sort by"),
    "fragen.empty": ("Keine Zeilen.", "No rows."),
    "sparql.title": ("SPARQL-Editor", "SPARQL editor"),
    "sparql.intro": (
        "Abfragen laufen gegen den SPARQL-1.1-Endpunkt dieses Servers. Die Präfixe der Ontologie "
        "sind vorbelegt; die Abfrage steht in der Adresse und lässt sich so teilen.",
        "Queries run against this server's SPARQL 1.1 endpoint. The ontology's prefixes are pre-declared; "
        "the query is kept in the address so it can be shared.",
    ),
    "sparql.limits": ("Grenzen des Servers", "Server limits"),
    "sparql.timeout": ("Zeitlimit je Abfrage", "Time limit per query"),
    "sparql.seconds": ("Sekunden", "seconds"),
    "sparql.maxrows": ("Höchstens Ergebniszeilen", "Maximum result rows"),
    "sparql.examples": ("Beispielabfragen (die benannten Fragen)", "Example queries (the named questions)"),
    "sparql.example.load": ("Beispiel laden", "Load example"),
    "sparql.endpoint": ("Endpunkt", "Endpoint"),
    "sparql.download": ("Ergebnis herunterladen als", "Download result as"),
    "sparql.prefixes": ("Vorbelegte Präfixe", "Pre-declared prefixes"),
    "sparql.noscript": (
        "Der Editor braucht JavaScript. Ohne JavaScript: Abfrage hier eingeben und abschicken.",
        "The editor needs JavaScript. Without JavaScript: enter the query here and submit.",
    ),
    "sparql.run": ("Abfrage ausführen", "Run query"),
    "sparql.graph": ("Als Graph", "As graph"),
    "sparql.graph.help": (
        "„Als Graph“ zeigt Ergebnisse von CONSTRUCT/DESCRIBE und von SELECT mit ?s ?p ?o als Netz.",
        "“As graph” draws the results of CONSTRUCT/DESCRIBE and of SELECT with ?s ?p ?o as a network.",
    ),
    "sparql.graph.summary": ("{nodes} Knoten, {edges} Kanten", "{nodes} nodes, {edges} edges"),
    "sparql.graph.capped": (
        "Nur die ersten {max} von {total} Knoten werden gezeigt.",
        "Only the first {max} of {total} nodes are shown.",
    ),
    "sparql.graph.canvas": ("Ergebnisse als Graph", "Results as a graph"),
    "sparql.ui.table": ("Tabelle", "Table"),
    "sparql.ui.response": ("Antwort", "Response"),
    "sparql.ui.simple": ("Einfache Ansicht", "Simple view"),
    "sparql.ui.ellipse": ("Kürzen", "Ellipse"),
    "sparql.ui.filter": ("Ergebnisse filtern", "Filter query results"),
    "sparql.ui.pagesize": ("Zeilen je Seite", "Page size"),
    "sparql.ui.all": ("Alle", "All"),
    "sparql.ui.row": ("1 Ergebnis", "1 result"),
    "sparql.ui.rows": ("{n} Ergebnisse", "{n} results"),
    "sparql.ui.answer": ("Antwort", "Response"),
    "sparql.ui.seconds": ("in {s} Sekunden", "in {s} seconds"),
    "sparql.ui.error": ("Der Server hat die Abfrage abgelehnt", "The server refused the query"),
    "sparql.ui.noanswer": ("Keine Antwort vom Server", "No answer from the server"),
    "sparql.ui.query": ("SPARQL-Abfrage", "SPARQL query"),
    "sparql.ui.endpoint": ("SPARQL-Endpunkt", "SPARQL endpoint"),
    "sparql.ui.newtab": ("Neuer Reiter", "New tab"),
    "sparql.ui.info": ("Zeilen _START_ bis _END_ von _TOTAL_", "Rows _START_ to _END_ of _TOTAL_"),
    "sparql.ui.empty": ("Keine Ergebnisse", "No results"),
    "sparql.ui.filtered": ("(gefiltert aus _MAX_)", "(filtered from _MAX_)"),
    "browse.title": ("Stöbern", "Browse"),
    "browse.key": ("ID", "Id"),
    "browse.label": ("Bezeichnung", "Label"),
    "browse.framework": ("Rahmenkonzept", "Framework"),
    "entity.type": ("Typ", "Type"),
    "value.true": ("ja", "yes"),
    "type.class": ("Klasse der Ontologie", "Ontology class"),
    "type.property": ("Eigenschaft der Ontologie", "Ontology property"),
    "type.concept": ("Begriff", "Concept"),
    "type.scheme": ("Begriffsliste", "Concept scheme"),
    "type.ontology": ("Begriff der Ontologie", "Ontology term"),
    "type.resource": ("Eintrag", "Entry"),
    "value.false": ("nein", "no"),
    "entity.facts": ("Aussagen", "Statements"),
    "entity.property": ("Eigenschaft", "Property"),
    "entity.value": ("Wert", "Value"),
    "entity.source": ("Quelle", "Source"),
    "entity.sources": ("Quellen dieser Seite", "Sources of this page"),
    "entity.incoming": ("Verweise auf diese Seite", "Referenced by"),
    "entity.responsibilities": ("Zuständigkeiten", "Responsibilities"),
    "entity.role": ("Rolle", "Role"),
    "entity.actor": ("Akteur", "Actor"),
    "entity.levels": ("Ebenen", "Levels"),
    "entity.basis": ("Grundlage der Ebene", "Level basis"),
    "entity.today": ("Heute zuständig", "Responsible today"),
    "entity.today.text": (
        "Nach Ressortneuschnitten (Nachfolger ohne Enddatum):",
        "After re-organisations (successors without end date):",
    ),
    "entity.graph": ("Im Graphen zeigen", "Show in the graph"),
    "entity.iri": ("IRI", "IRI"),
    "entity.formats": ("Als RDF", "As RDF"),
    "ontologie.title": ("Ontologie", "Ontology"),
    "ontologie.intro": (
        "Erzeugt aus den Turtle-Dateien der Ontologie; Klassen und Eigenschaften mit Definition und "
        "Beispielen.",
        "Generated from the ontology's Turtle files; classes and properties with definitions and examples.",
    ),
    "ontologie.classes": ("Klassen", "Classes"),
    "ontologie.properties": ("Eigenschaften", "Properties"),
    "ontologie.individuals": ("Kontrollierte Werte", "Controlled values"),
    "ontologie.reused": ("Nachgenutzte Vokabulare", "Reused vocabularies"),
    "ontologie.download": ("Herunterladen", "Download"),
    "ontologie.super": ("Oberklasse", "Superclass"),
    "ontologie.domain": ("Definitionsbereich", "Domain"),
    "ontologie.range": ("Wertebereich", "Range"),
    "ontologie.example": ("Beispiel", "Example"),
    "ontologie.note": ("Hinweis", "Note"),
    "ontologie.uses": ("Verwendungen im Datenbestand", "Uses in the data"),
    "graphen.title": ("Graphen", "Graphs"),
    "graphen.intro": (
        "Interaktive Netzwerkansichten für Workshops; alle Filter stehen in der Adresse.",
        "Interactive network views for workshops; all filters are kept in the address.",
    ),
    "error.title": ("Fehler", "Error"),
    "nav.analysen": ("Analysen", "Analyses"),
    "sparql.stand": ("Stand", "As of"),
    "sparql.stand.current": (
        "aktuelle Ausgaben (frühere: ?stand=Datum oder Ausgabe, oder GRAPH/FROM)",
        "current editions (earlier ones: ?stand=date or edition, or GRAPH/FROM)",
    ),
    "nav.aenderungen": ("Änderungen", "Changes"),
    "aenderungen.preview": ("Neue Ausgabe prüfen", "Check a new edition"),
    "aenderungen.preview.intro": (
        "Noch ist nichts geschrieben: Prüfung und Änderungen gegenüber der aktuellen Ausgabe. Erst mit "
        "„Ausgabe schreiben“ wird die neue Ausgabe zur aktuellen; die bisherige bleibt abrufbar.",
        "Nothing is written yet: checks and changes against the current edition. Only “Write edition” "
        "makes the new edition the current one; the former one stays available.",
    ),
    "aenderungen.decided": ("beschlossen von", "decided by"),
    "aenderungen.warnings": ("Warnungen der Prüfung", "Warnings of the check"),
    "aenderungen.no_warnings": ("keine", "none"),
    "aenderungen.token": ("Update-Token", "Update token"),
    "aenderungen.confirm": ("Ausgabe schreiben", "Write edition"),
    "aenderungen.cancel": ("Abbrechen", "Cancel"),
    "aenderungen.upload": ("Neue Ausgabe hochladen", "Upload a new edition"),
    "aenderungen.upload.intro": (
        "Die aktuelle Ausgabe als Arbeitsmappe exportieren (Downloads), bearbeiten und hier hochladen: "
        "zuerst kommen Prüfung und Änderungen, geschrieben wird erst nach Bestätigung.",
        "Export the current edition as a workbook (downloads), edit it and upload it here: checks and "
        "changes come first, nothing is written before you confirm.",
    ),
    "aenderungen.file": ("Arbeitsmappe (.xlsx, .ods)", "Workbook (.xlsx, .ods)"),
    "aenderungen.id": ("Kennung", "Identifier"),
    "aenderungen.id.help": ("leer: das Datum", "empty: the date"),
    "aenderungen.note": ("Anmerkung (worauf die Ausgabe beruht)", "Note (what the edition rests on)"),
    "aenderungen.check": ("Prüfen und Änderungen zeigen", "Check and show changes"),
    "entity.history": ("Verlauf", "History"),
    "entity.history.ausgabe": ("erstmals in Ausgabe", "first in edition"),
    "entity.history.aenderung": ("Änderung", "Change"),
    "entity.history.ereignis": ("Ereignis", "Event"),
    "aenderungen.title": ("Änderungen zwischen Ausgaben", "Changes between editions"),
    "aenderungen.intro": (
        "Was sich von einer Ausgabe des Rahmenkonzepts zur anderen geändert hat: berechnet aus den "
        "Ausgaben, mit dem belegten Grund und der Quelle aus aenderungen.csv.",
        "What changed from one edition of the framework to another: computed from the editions, with "
        "the documented reason and source from aenderungen.csv.",
    ),
    "aenderungen.none": (
        "Dieser Datensatz hat keine Ausgaben (ausgaben.csv).",
        "This dataset has no editions (ausgaben.csv).",
    ),
    "aenderungen.editions": ("Ausgaben", "Editions"),
    "aenderungen.from": ("von", "from"),
    "aenderungen.to": ("bis", "to"),
    "aenderungen.field": ("Handlungsfeld", "Action field"),
    "aenderungen.actor": ("Ressort oder Akteur", "Department or actor"),
    "aenderungen.level": ("Ebene", "Level"),
    "aenderungen.type": ("Art der Änderung", "Type of change"),
    "aenderungen.show": ("Anzeigen", "Show"),
    "aenderungen.count": ("Änderungen", "changes"),
    "aenderungen.name": ("Bezeichnung", "Name"),
    "aenderungen.what": ("vorher / nachher", "before / after"),
    "aenderungen.successor": ("Nachfolge", "Successor"),
    "aenderungen.date": ("Datum", "Date"),
    "aenderungen.reason": ("Grund", "Reason"),
    "aenderungen.source": ("Quelle", "Source"),
    "aenderungen.link": ("Quelle", "Source"),
    "aenderungen.no_reason": ("kein belegter Grund", "no documented reason"),
    "aenderungen.only_documented": (
        "belegt, in den Ausgaben nicht sichtbar",
        "documented, not visible in the editions",
    ),
    "nav.bericht": ("Bericht", "Report"),
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
    "bericht.context": (
        "Kontextkennzahlen (z. B. Integrationsmonitoring der Länder) beschreiben die Lage; sie sind keine "
        "Wirkung der Maßnahmen.",
        "Context indicators describe the situation; they are no effect of the measures.",
    ),
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
    "analysen.summary": ("Auf einen Blick", "At a glance"),
    "analysen.empty_cell": ("keine Maßnahme", "no measure"),
    "analysen.legend": (
        "Zahl = Maßnahmen in der Zelle; — = leere Zelle (keine Maßnahme).",
        "Number = measures in the cell; — = empty cell (no measure).",
    ),
    "start.missing": ("Was fehlt?", "What is missing?"),
    "start.missing.more": ("Alle Lücken ansehen", "See all gaps"),
}

#: Headline numbers of the analyses (``Report.summary`` keys).
_SUMMARY: Final[dict[str, tuple[str, str]]] = {
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
_ANALYSES: Final[dict[str, tuple[str, str]]] = {
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
        "Abhängigkeitsgraph der Ressorts (rg:dependsOn zwischen Maßnahmen und geteilte Zuständigkeit): "
        "Knotenpunkte, Schwachstellen (Artikulationspunkte, Brücken), Ketten über mindestens drei "
        "Ressorts, Gemeinschaften.",
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
        "Der SHACL-Prüfbericht, gruppiert nach Handlungsfeld und Ressort.",
        "The SHACL report grouped by field and department.",
    ),
}

#: Filters of the analyses and lists (the help text comes from ``filters.FILTER_KINDS``).
_FILTERS: Final[dict[str, tuple[str, str]]] = {
    "field": ("Handlungsfeld", "Action field"),
    "actor": ("Ressort / Akteur", "Department / actor"),
    "level": ("Ebene", "Level"),
    "target_group": ("Zielgruppe", "Target group"),
    "evidence": ("Beleg", "Evidence"),
}

#: Key → (German, English).
LABELS: Final[dict[str, tuple[str, str]]] = {
    **{f"kind.{k.key}": (k.plural_de, k.plural_en) for k in KINDS.values()},
    **_INTERFACE,  # after the kinds: a page's own wording wins ("Akteure und Ressorts")
    "kind.ontology": ("Ontologie", "Ontology"),
    **{f"summary.{k}": pair for k, pair in _SUMMARY.items()},
    **{f"analysis.{k}": pair for k, pair in _ANALYSES.items()},
    **{f"filter.{k}": pair for k, pair in _FILTERS.items()},
}


def lang_of(value: str | None) -> str:
    """The interface language for a ``lang`` value (German unless ``en``)."""
    return value if value in LANGS else LANGS[0]


def label(key: str, lang: str = "de") -> str:
    """The text of ``key`` in ``lang``; an unknown key is a programming error (KeyError)."""
    de, en = LABELS[key]
    return en if lang == "en" else de


def label_or(key: str, fallback: str, lang: str = "de") -> str:
    """The text of ``key`` in ``lang``, or ``fallback`` when the catalogue has no such key."""
    return label(key, lang) if key in LABELS else fallback


def summary_label(key: str, lang: str = "de") -> str:
    """Label of an analysis' summary number; unknown keys are shown as they are."""
    return label_or(f"summary.{key}", key, lang)
