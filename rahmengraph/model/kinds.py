"""Entity kinds as one table: what a measure, an actor, a Handlungsfeld … is called everywhere.

Every place that needs to know an entity kind reads this table: the loader's file schema (which
file holds it), the IRIs (path segment), the planners' lists (``/api/<collection>``), the question
parameters (what an id looks like), the networkx projection (which class is a node) and the pages
and graph legends (German and English names). The table's order is the menu order of the pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from rahmengraph.model import namespaces
from rahmengraph.model import vocab as v


@dataclass(frozen=True)
class EntityKind:
    key: str  # "measure": the kind's name in code, URLs of /browse and the projection
    cls: str  # base RDF class of its entities
    segment: str  # IRI path segment: {base}{segment}/{id}
    file: str | None  # CSV file of a dataset that holds its rows (None: not a file of its own)
    collection: str | None  # /api/<collection> list of the planners (None: no list)
    singular_de: str
    plural_de: str
    singular_en: str
    plural_en: str
    id_help: str = ""  # what an id of this kind looks like (question and filter forms)
    projected: bool = True  # a node kind of the networkx projection

    def label(self, lang: str = "de", plural: bool = False) -> str:
        """The kind's name in ``lang`` (German unless ``en``)."""
        if lang == "en":
            return self.plural_en if plural else self.singular_en
        return self.plural_de if plural else self.singular_de


_K = EntityKind

KINDS: Final[dict[str, EntityKind]] = {
    k.key: k
    for k in (
        _K(
            "field",
            v.ACTION_FIELD,
            "handlungsfeld",
            "handlungsfelder.csv",
            "handlungsfelder",
            "Handlungsfeld",
            "Handlungsfelder",
            "Action field",
            "Action fields",
            "Nummer, z. B. 3.1",
        ),
        _K(
            "measure",
            v.MEASURE,
            "massnahme",
            "massnahmen.csv",
            "massnahmen",
            "Maßnahme",
            "Maßnahmen",
            "Measure",
            "Measures",
            "ID, z. B. M-3.10-02",
        ),
        _K(
            "actor",
            v.ACTOR,
            "akteur",
            "akteure.csv",
            "akteure",
            "Akteur",
            "Akteure",
            "Actor",
            "Actors",
            "Kürzel, z. B. SASJI",
        ),
        _K(
            "target_group",
            v.TARGET_GROUP,
            "zielgruppe",
            "zielgruppen.csv",
            "zielgruppen",
            "Zielgruppe",
            "Zielgruppen",
            "Target group",
            "Target groups",
            "ID, z. B. gefluechtete",
        ),
        _K("goal", v.GOAL, "ziel", "ziele.csv", "ziele", "Ziel", "Ziele", "Goal", "Goals", "ID, z. B. Z-2.1"),
        _K("body", v.BODY, "gremium", "gremien.csv", "gremien", "Gremium", "Gremien", "Body", "Bodies"),
        _K(
            "level",
            v.LEVEL,
            "ebene",
            "ebenen.csv",
            "ebenen",
            "Ebene",
            "Ebenen",
            "Level",
            "Levels",
            "Name oder ID, z. B. Land oder stadt-bremerhaven",
        ),
        _K(
            "level_type",
            v.LEVEL_KIND_CLASS,
            "ebenentyp",
            "ebenentypen.csv",
            None,
            "Ebenentyp",
            "Ebenentypen",
            "Level type",
            "Level types",
            "Name, z. B. Bezirk",
        ),
        _K(
            "indicator",
            v.INDICATOR,
            "indikator",
            "indikatoren.csv",
            "indikatoren",
            "Indikator",
            "Indikatoren",
            "Indicator",
            "Indicators",
        ),
        _K(
            "initiative",
            v.INITIATIVE,
            "vorhaben",
            "vorhaben.csv",
            "vorhaben",
            "Vorhaben",
            "Vorhaben",
            "Initiative",
            "Initiatives",
        ),
        _K(
            "framework",
            v.FRAMEWORK,
            "rahmenkonzept",
            "rahmen.csv",
            None,
            "Rahmenkonzept",
            "Rahmenkonzept",
            "Framework",
            "Framework",
        ),
        _K(
            "event",
            v.EVENT,
            "ereignis",
            "ereignisse.csv",
            "ereignisse",
            "Ereignis",
            "Ereignisse",
            "Event",
            "Events",
            projected=False,
        ),
        _K(
            "responsibility",
            v.RESPONSIBILITY,
            "zustaendigkeit",
            "zustaendigkeiten.csv",
            None,
            "Zuständigkeit",
            "Zuständigkeiten",
            "Responsibility",
            "Responsibilities",
        ),
        _K("source", v.SOURCE, "quelle", None, None, "Quelle", "Quellen", "Source", "Sources"),
        _K(
            "edition",
            v.EDITION_CLASS,
            "ausgabe",
            None,
            None,
            "Ausgabe",
            "Ausgaben",
            "Edition",
            "Editions",
            projected=False,
        ),
        _K(
            "edition_change",
            v.CHANGE_CLASS,
            "veraenderung",
            None,
            None,
            "Änderung",
            "Änderungen",
            "Change",
            "Changes",
            projected=False,
        ),
        _K(
            "observation",
            v.OBSERVATION,
            "kennzahlwert",
            "kennzahlen_werte.csv",
            None,
            "Kennzahlwert",
            "Kennzahlwerte",
            "Indicator value",
            "Indicator values",
            projected=False,
        ),
        _K(
            "status_record",
            v.STATUS_RECORD,
            "statusmeldung",
            "status.csv",
            None,
            "Statusmeldung",
            "Statusmeldungen",
            "Status record",
            "Status records",
            projected=False,
        ),
        _K(
            "status_wording",
            v.STATUS_WORDING,
            "statuswortlaut",
            "status_zuordnung.csv",
            None,
            "Status-Wortlaut",
            "Status-Wortlaute",
            "Status wording",
            "Status wordings",
            projected=False,
        ),
        _K(
            "area",
            v.STAT_AREA,
            "gebiet",
            None,
            None,
            "Gebiet",
            "Gebiete",
            "Area",
            "Areas",
            projected=False,
        ),
        _K(
            "change",
            v.CHANGE_EVENT,
            "aenderung",
            None,
            None,
            "Neuzuschnitt",
            "Neuzuschnitte",
            "Reorganisation",
            "Reorganisations",
            projected=False,
        ),
    )
}

#: IRI path segment of every kind, and of the dataset's two concept schemes.
SEGMENTS: Final[dict[str, str]] = {
    **{k.key: k.segment for k in KINDS.values()},
    "level_scheme": "ebenen",
    "target_group_scheme": "zielgruppen",
    "edition_catalog": "ausgaben",
    "cube": "kennzahlwerte",
}

#: Base class → kind of the projection's nodes.
BY_CLASS: Final[dict[str, str]] = {k.cls: k.key for k in KINDS.values() if k.projected}


def kind_of_iri(iri: str) -> str | None:
    """Kind of a dataset IRI from its path segment (``…/massnahme/M-1`` → ``measure``)."""
    parts = iri.rsplit("/", 2)
    if len(parts) < 3 or not iri.startswith(namespaces.ROOT):
        return None
    return next((k.key for k in KINDS.values() if k.segment == parts[1]), None)
