"""The one Jinja2 environment of the web interface and its German/English message catalogue.

Templates live in ``rahmengraph/viz/templates`` (package data) and are rendered with autoescape
on: data never reaches the page unescaped. The language comes from ``?lang=de|en`` (German when
absent or unknown); every visible text of a template is a key of :data:`MESSAGES`.
"""

from __future__ import annotations

from typing import Final
from urllib.parse import parse_qsl, urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

#: Languages of the interface, the first one is the default.
LANGS: Final = ("de", "en")

#: Message key → (German, English).
MESSAGES: Final[dict[str, tuple[str, str]]] = {
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
    "browse.title": ("Stöbern", "Browse"),
    "browse.key": ("ID", "Id"),
    "browse.label": ("Bezeichnung", "Label"),
    "browse.framework": ("Rahmenkonzept", "Framework"),
    "entity.type": ("Typ", "Type"),
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
    "graphen.none": (
        "Die Graph-Ansichten sind noch nicht installiert.",
        "The graph views are not installed.",
    ),
    "error.title": ("Fehler", "Error"),
    "nav.analysen": ("Analysen", "Analyses"),
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
    "kind.framework": ("Rahmenkonzept", "Framework"),
    "kind.goal": ("Ziele", "Goals"),
    "kind.field": ("Handlungsfelder", "Action fields"),
    "kind.measure": ("Maßnahmen", "Measures"),
    "kind.actor": ("Akteure und Ressorts", "Actors and departments"),
    "kind.target_group": ("Zielgruppen", "Target groups"),
    "kind.level": ("Ebenen", "Levels"),
    "kind.body": ("Gremien", "Bodies"),
    "kind.indicator": ("Indikatoren", "Indicators"),
    "kind.initiative": ("Vorhaben", "Initiatives"),
    "kind.event": ("Ereignisse", "Events"),
    "kind.source": ("Quellen", "Sources"),
    "kind.ontology": ("Ontologie", "Ontology"),
}


def lang_of(value: str | None) -> str:
    """The interface language for a ``lang`` query value (German unless ``en``)."""
    return value if value in LANGS else LANGS[0]


def message(key: str, lang: str) -> str:
    """The text of ``key`` in ``lang``; an unknown key is a programming error."""
    de, en = MESSAGES[key]
    return en if lang == "en" else de


def with_lang(path: str, lang: str, params: dict[str, str] | None = None) -> str:
    """A local URL with ``params`` and ``lang`` added (``lang`` only for English: German is the
    default); an existing query string and ``#fragment`` of ``path`` are kept."""
    base, _, fragment = path.partition("#")
    base, _, existing = base.partition("?")
    query = dict(parse_qsl(existing))
    query.update({k: v for k, v in (params or {}).items() if v})
    query.pop("lang", None)
    if lang != LANGS[0]:
        query["lang"] = lang
    out = f"{base}?{urlencode(query)}" if query else base
    return f"{out}#{fragment}" if fragment else out


def local(href: str, lang: str) -> str:
    """``href`` with the language kept when it is one of our pages, unchanged when external."""
    return with_lang(href, lang) if href.startswith("/") else href


ENV: Final = Environment(
    loader=PackageLoader("rahmengraph.viz", "templates"),
    autoescape=select_autoescape(["html"], default_for_string=True, default=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(
    template: str, lang: str, path: str, params: dict[str, str] | None = None, **context: object
) -> str:
    """Render a page template; ``path``/``params`` give the address for the language switch."""
    other = "en" if lang == "de" else "de"
    return ENV.get_template(template).render(
        lang=lang,
        t=lambda key: message(key, lang),
        link=lambda h: local(h, lang),
        url=lambda p, **q: with_lang(p, lang, {k: str(v) for k, v in q.items() if v is not None}),
        switch_url=with_lang(path, other, {k: v for k, v in (params or {}).items() if k != "lang"}),
        **context,
    )
