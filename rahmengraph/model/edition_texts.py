"""Texts of the editions: the page "Änderungen", the upload of a new edition and an entity's "Verlauf"."""

from __future__ import annotations

from typing import Final

#: Key → (German, English); :mod:`rahmengraph.model.labels` joins the tables into one catalogue.
EDITION_TEXTS: Final[dict[str, tuple[str, str]]] = {
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
    "aenderungen.graph": (
        "Als Graph zeigen (neu, geändert, eingestellt, Federführung übertragen)",
        "Show as graph (new, changed, ended, lead moved)",
    ),
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
}
