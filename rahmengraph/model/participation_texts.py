"""Texts of the participation pages: the events, one event's input, the phone page ("Mitmachen")."""

from __future__ import annotations

from typing import Final

#: Key → (German, English); :mod:`rahmengraph.model.labels` joins the tables into one catalogue.
PARTICIPATION_TEXTS: Final[dict[str, tuple[str, str]]] = {
    "nav.beteiligung": ("Beteiligung", "Participation"),
    "beteiligung.title": ("Beteiligung", "Participation"),
    "beteiligung.intro": (
        "Was Fachtage, Workshops und Konsultationen zum Rahmenkonzept beitragen: Kommentare, Fragen, "
        "bestätigte Lücken und Vorschläge für neue Maßnahmen. Die Beiträge stehen in eigenen Graphen "
        "je Veranstaltung und ändern das Rahmenkonzept nicht; aufgenommen wird ein Beitrag nur über "
        "eine neue Ausgabe.",
        "What Fachtage, workshops and consultations contribute to the framework: comments, questions, "
        "confirmed gaps and proposals for new measures. The input lives in its own graph per event and "
        "does not change the framework; input is taken up only through a new edition.",
    ),
    "beteiligung.events": ("Veranstaltungen", "Events"),
    "beteiligung.none": ("Noch keine Veranstaltung.", "No event yet."),
    "beteiligung.event": ("Veranstaltung", "Event"),
    "beteiligung.framework": ("Rahmenkonzept", "Framework"),
    "beteiligung.date": ("Datum", "Date"),
    "beteiligung.format": ("Format", "Format"),
    "beteiligung.window": ("Zeitraum", "Time window"),
    "beteiligung.state": ("Stand", "State"),
    "beteiligung.open": ("offen", "open"),
    "beteiligung.closed": ("geschlossen", "closed"),
    "beteiligung.fields": ("Handlungsfelder", "Fields of action"),
    "beteiligung.all_fields": ("alle", "all"),
    "beteiligung.names": ("Namen erfragt", "Names asked"),
    "beteiligung.edition": ("Ausgabe", "Edition"),
    "beteiligung.count": ("Beiträge", "Contributions"),
    "beteiligung.yes": ("ja", "yes"),
    "beteiligung.no": ("nein", "no"),
    "beteiligung.new": ("Veranstaltung eröffnen", "Open an event"),
    "beteiligung.new.intro": (
        "Für Moderatorinnen und Moderatoren: mit dem Update-Token des Servers. Der Zugangscode für die "
        "Teilnehmenden wird nur einmal angezeigt und nur als Prüfsumme gespeichert.",
        "For facilitators: with the server's update token. The participants' access code is shown "
        "once and stored only as a hash.",
    ),
    "beteiligung.new.title": ("Titel", "Title"),
    "beteiligung.new.format.help": (
        "Gremium oder Format (z. B. Fachtag, Workshop)",
        "Body or format (e.g. Fachtag, workshop)",
    ),
    "beteiligung.new.begin": ("Beginn", "Begins"),
    "beteiligung.new.end": ("Ende", "Ends"),
    "beteiligung.new.names": (
        "Nach Namen fragen (freiwillige Angabe der Teilnehmenden)",
        "Ask for names (participants may give one)",
    ),
    "beteiligung.token": ("Update-Token", "Update token"),
    "beteiligung.new.submit": ("Eröffnen", "Open"),
    "beteiligung.import": ("Datei aus einem Workshop übernehmen", "Take in a workshop file"),
    "beteiligung.import.intro": (
        "Eine Datei *.beteiligung.json aus einer Workshop-Datei ohne Server (rahmengraph viz … -o "
        "datei.html, „Als Datei exportieren“). Schon übernommene Beiträge werden erkannt und nicht "
        "doppelt gespeichert.",
        "A *.beteiligung.json file from a workshop file without a server (rahmengraph viz … -o "
        "file.html, “Als Datei exportieren”). Input taken in before is recognised and not stored twice.",
    ),
    "beteiligung.import.file": ("Datei", "File"),
    "beteiligung.import.submit": ("Übernehmen", "Take in"),
    "beteiligung.downloads": ("Herunterladen", "Download"),
    "beteiligung.by_node": ("Beiträge je Knoten", "Contributions per node"),
    "beteiligung.target": ("Bezug", "Target"),
    "beteiligung.total": ("zusammen", "total"),
    "beteiligung.by_field": ("Beiträge nach Handlungsfeld und Art", "Contributions by field and kind"),
    "beteiligung.crosscutting": ("Übergreifend (Ressorts, Zielgruppen, Ebenen)", "Cross-cutting"),
    "beteiligung.whole": ("Rahmen insgesamt", "The framework as a whole"),
    "beteiligung.gap": ("Lücke", "Gap"),
    "beteiligung.status": ("Status", "Status"),
    "beteiligung.reason": ("Grund", "Reason"),
    "beteiligung.group": ("Gruppe", "Group"),
    "beteiligung.created": ("erstellt", "created"),
    "beteiligung.proposal": ("Vorschlag", "Proposal"),
    "beteiligung.proposal.groups": ("Zielgruppen", "Target groups"),
    "beteiligung.proposal.level": ("Ebene", "Level"),
    "beteiligung.proposal.lead": ("Federführung", "Lead"),
    "beteiligung.hidden": ("verborgen", "hidden"),
    "beteiligung.status.neu": ("neu", "new"),
    "beteiligung.status.in-pruefung": ("in Prüfung", "under review"),
    "beteiligung.status.aufgenommen": ("aufgenommen", "taken up"),
    "beteiligung.status.nicht-aufgenommen": ("nicht aufgenommen", "not taken up"),
    "beteiligung.change": ("Änderung in der Ausgabe (IRI)", "Change in the edition (IRI)"),
    "beteiligung.edit": ("Bearbeiten", "Edit"),
    "beteiligung.empty": ("Noch keine Beiträge.", "No contributions yet."),
    "beteiligung.mitmachen": ("Mitmachen", "Take part"),
    "beteiligung.mitmachen.link": ("Seite zum Mitmachen (Handy)", "Page to take part (phone)"),
    "beteiligung.graph.link": ("Auf dem Graphen erfassen (Beamer)", "Capture on the graph (projector)"),
    "beteiligung.tools": ("Moderation", "Facilitation"),
    "beteiligung.tools.intro": (
        "Mit dem Update-Token: die Veranstaltung schließen, den Status eines Beitrags setzen, einen "
        "Beitrag verbergen (er bleibt gespeichert, wird aber nicht mehr gezeigt).",
        "With the update token: close the event, set a contribution's status, hide a contribution "
        "(kept, but no longer shown).",
    ),
    "beteiligung.close": ("Jetzt schließen", "Close now"),
    "beteiligung.save": ("Speichern", "Save"),
    "beteiligung.hide": ("verbergen", "hide"),
    "beteiligung.closed.note": (
        "Diese Veranstaltung ist geschlossen: Beiträge sind nicht mehr möglich.",
        "This event is closed: no more contributions.",
    ),
    "beteiligung.token.missing": (
        "Diese Seite braucht den Zugangscode der Veranstaltung (Link oder QR-Code der Moderation).",
        "This page needs the event's access code (link or QR code from the facilitators).",
    ),
    "beteiligung.code": ("Zugangscode", "Access code"),
    "beteiligung.qr": ("QR-Code zum Mitmachen", "QR code to take part"),
    "beteiligung.qr.help": (
        "Mit der Handykamera scannen; der Code gilt, solange die Veranstaltung offen ist.",
        "Scan with a phone camera; the code works while the event is open.",
    ),
    "beteiligung.noscript": ("Das Formular braucht JavaScript.", "The form needs JavaScript."),
    "beteiligung.privacy": (
        "Es werden keine Namen und keine IP-Adressen gespeichert.",
        "No names and no IP addresses are stored.",
    ),
    "beteiligung.privacy.names": (
        "Diese Veranstaltung fragt nach Namen (freiwillig). IP-Adressen werden nicht gespeichert.",
        "This event asks for names (optional). IP addresses are not stored.",
    ),
}
