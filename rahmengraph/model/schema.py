"""The tabular dataset format as data: files, columns, what each column means in the graph.

The loader (table → RDF) and the exporter (RDF → table) both read this one table, so the two
directions cannot drift apart. Column kinds:

========  =====================================================================================
TEXT      plain literal (ids, numbers kept as text)
DE / EN   literal with language tag ``de`` / ``en``
INT       ``xsd:integer``
DATE      ISO date, month or year → ``xsd:date`` / ``xsd:gYearMonth`` / ``xsd:gYear``
REFS      ``;``-list of keys of another file (``target``)
ANYREFS   ``;``-list of keys of any keyed file
LEVELS    ``;``-list of level names from ``ebenen.csv``
SOURCES   `` | ``-list of sources (URL or document reference); the first is the primary source
ENUM      one value of a controlled vocabulary (``vocab`` table) → its IRI
BOOL      ``ja`` or ``nein`` → ``xsd:boolean``
CLASS     one value of a controlled vocabulary → ``rdf:type`` of the row's entity
SPECIAL   handled by the mapping code (named in ``help``)
========  =====================================================================================
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Final

from rahmengraph.model import value_lists
from rahmengraph.model import vocab as v
from rahmengraph.model.kinds import KINDS


class Kind(Enum):
    TEXT = "text"
    DE = "de"
    EN = "en"
    INT = "int"
    DATE = "date"
    REFS = "refs"
    ANYREFS = "anyrefs"
    LEVELS = "levels"
    SOURCES = "sources"
    ENUM = "enum"
    BOOL = "bool"
    CLASS = "class"
    SPECIAL = "special"


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    predicate: str | None = None
    target: str | None = None  # REFS: entity kind of the referenced file
    vocab: dict[str, value_lists.Term] | None = None  # ENUM / CLASS
    required: bool = False  # the cell must not be empty
    optional: bool = False  # the whole column may be missing from the file
    help: str = ""


@dataclass(frozen=True)
class FileSpec:
    entity: str  # key of kinds.KINDS (which also names the file and the rows' base class)
    key: str | None  # key column (None: no key, e.g. events)
    columns: tuple[Column, ...]
    required: bool = True  # the file must exist
    help: str = ""
    label: str | None = None  # column that also gives rdfs:label (when its predicate is another one)
    renamed: dict[str, str] = field(default_factory=dict)  # old column name → new one (still read)

    @property
    def file(self) -> str:
        name = KINDS[self.entity].file
        assert name is not None
        return name

    @property
    def cls(self) -> str:
        """Base class of the rows' entities."""
        return KINDS[self.entity].cls

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def mandatory(self) -> list[str]:
        return [c.name for c in self.columns if not c.optional]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


C, K = Column, Kind
_SRC = C("quelle", K.SOURCES, v.DCT_SOURCE, required=True, help="Quelle(n), erste = Hauptquelle")
_NOTE = C("anmerkung", K.DE, v.NOTE, help="Erläuterungen, Unsicherheiten")

FILES: Final[tuple[FileSpec, ...]] = (
    FileSpec(
        "framework",
        "id",
        (
            C("id", K.TEXT, v.NOTATION, required=True),
            C("titel", K.DE, v.TITLE, required=True),
            C("kurztitel", K.DE, v.SHORT_TITLE),
            C("ausgabe", K.DE, v.EDITION),
            C("beschlossen", K.DATE, v.ISSUED),
            C("beschlossen_von", K.REFS, v.ADOPTED_BY, target="actor"),
            C("basis_iri", K.SPECIAL, required=True, help="Basis aller Daten-IRIs; Name des Graphen"),
            C("stand", K.DE, v.STATUS_NOTE),
            _SRC,
            _NOTE,
            C("begriff_rahmen", K.DE, v.TERM_FRAMEWORK, optional=True, help="z. B. Integrationskonzept"),
            C("begriff_einheit", K.DE, v.TERM_UNIT, optional=True, help="z. B. Behörde"),
            C("begriff_einheiten", K.DE, v.TERM_UNITS, optional=True, help="z. B. Behörden"),
            C("begriff_neuschnitt", K.DE, v.TERM_RECUT, optional=True, help="z. B. Behördenneuschnitt"),
        ),
        help="das Rahmenkonzept selbst (genau eine Zeile)",
        label="titel",
    ),
    FileSpec(
        "level_type",
        "typ",
        (
            C("typ", K.TEXT, v.NOTATION, required=True, help="Name des Typs, wie in ebenen.typ"),
            C("label_en", K.EN, v.PREF_LABEL),
            C("teil_von", K.SPECIAL, v.PART_OF_KIND, help="Typ, zu dem Ebenen dieses Typs gehören"),
            C(
                "eigene_ebene",
                K.BOOL,
                v.OWN_LEVEL,
                required=True,
                help="handelt das Rahmenkonzept hier selbst",
            ),
            C("vergleichen", K.BOOL, v.COMPARE_UNITS, required=True, help="Ebenen dieses Typs untereinander"),
            C("gegenstueck", K.BOOL, v.EXPECT_COUNTERPART, required=True, help="zu Maßnahmen von teil_von"),
            _SRC,
            _NOTE,
        ),
        required=False,
        help="Ebenentypen, die der Datensatz erklärt (sonst Land, Kommune, Bund, EU)",
        label="typ",
    ),
    FileSpec(
        "level",
        "name",
        (
            C("name", K.SPECIAL, required=True, help="Schreibweise in allen ebene-Zellen"),
            C("id", K.TEXT, v.NOTATION, required=True, help="Slug für die IRI"),
            C("label_en", K.EN, v.PREF_LABEL),
            C("typ", K.SPECIAL, v.LEVEL_KIND, vocab=value_lists.LEVEL_KINDS, required=True, help="Ebenentyp"),
            C("uebergeordnet", K.LEVELS, v.BROADER),
            _SRC,
        ),
        help="Ebenen (Land, Kommunen, Bund, EU)",
        label="name",
    ),
    FileSpec(
        "field",
        "nummer",
        (
            C("nummer", K.TEXT, v.NOTATION, required=True),
            C("titel", K.DE, v.LABEL, required=True),
            C("kurztitel", K.DE, v.SHORT_TITLE),
            C("seite", K.INT, v.PAGE),
            C("unterabschnitte", K.SPECIAL, v.SUBSECTION, help="Unterabschnitte, mit ; getrennt"),
            _SRC,
        ),
    ),
    FileSpec(
        "goal",
        "id",
        (
            C("id", K.TEXT, v.NOTATION, required=True),
            C("nummer", K.TEXT, v.CHAPTER),
            C("titel", K.DE, v.LABEL, required=True),
            C("kurztitel", K.DE, v.SHORT_TITLE, help="Kurzform des Ziels (früher kurztitel_seed)"),
            C("beschreibung", K.DE, v.DESCRIPTION),
            _SRC,
            C(
                "handlungsfelder",
                K.REFS,
                v.FIELD,
                target="field",
                optional=True,
                help="belegte Handlungsfelder",
            ),
            C("massnahmen", K.REFS, v.REALISED_BY, target="measure", optional=True, help="belegte Maßnahmen"),
            C(
                "oberziel",
                K.REFS,
                v.SUB_GOAL_OF,
                target="goal",
                optional=True,
                help="macht das Ziel zum Teilziel dieses Ziels",
            ),
        ),
        renamed={"kurztitel_seed": "kurztitel"},
    ),
    FileSpec(
        "actor",
        "kuerzel",
        (
            C("kuerzel", K.TEXT, v.NOTATION, required=True),
            C("name", K.DE, v.LABEL, required=True),
            C("typ", K.CLASS, vocab=value_lists.ACTOR_TYPES, required=True),
            C("ebene", K.LEVELS, v.LEVEL_P),
            C("gueltig_von", K.DATE, v.VALID_FROM),
            C("gueltig_bis", K.DATE, v.VALID_UNTIL),
            C("nachfolger", K.REFS, v.SUCCESSOR, target="actor"),
            C("vorgaenger", K.REFS, v.PREDECESSOR, target="actor"),
            _SRC,
            _NOTE,
        ),
    ),
    FileSpec(
        "target_group",
        "id",
        (
            C("id", K.TEXT, v.NOTATION, required=True),
            C("label_de", K.DE, v.PREF_LABEL, required=True),
            C("label_en", K.EN, v.PREF_LABEL),
            C("dimension", K.ENUM, v.DIMENSION_P, vocab=value_lists.DIMENSIONS, required=True),
            C("oberbegriff", K.REFS, v.BROADER, target="target_group"),
            C("schnitt_aus", K.REFS, v.INTERSECTION_OF, target="target_group"),
            _SRC,
        ),
        label="label_de",
    ),
    FileSpec(
        "measure",
        "id",
        (
            C("id", K.TEXT, v.NOTATION, required=True),
            C("name", K.DE, v.LABEL, required=True),
            C("beschreibung", K.DE, v.DESCRIPTION),
            C("handlungsfelder", K.SPECIAL, v.FIELD, target="field", help="erstes = Haupt-Handlungsfeld"),
            C("federfuehrend", K.SPECIAL, v.LED_BY, target="actor", help="Zuständigkeit, Rolle federführend"),
            C("beteiligt", K.SPECIAL, v.PARTNER_P, target="actor", help="Zuständigkeit, Rolle beteiligt"),
            C("ebene", K.LEVELS, v.LEVEL_P),
            C("zielgruppen", K.REFS, v.TARGET_GROUP_P, target="target_group"),
            C("zeitraum", K.DE, v.PERIOD),
            C("status", K.DE, v.STATUS),
            C("finanzierung", K.DE, v.FUNDING),
            C("quelle_url", K.SOURCES, v.DCT_SOURCE, required=True),
            C("quelle_hinweis", K.DE, v.SOURCE_NOTE),
            C("beleg", K.ENUM, v.EVIDENCE_P, vocab=value_lists.EVIDENCE, required=True),
            C("sicherheit", K.SPECIAL, v.CERTAINTY_P, help="hoch|mittel|niedrig: Begründung"),
            C("abhaengig_von", K.REFS, v.DEPENDS_ON, target="measure", optional=True),
            C(
                "federfuehrung_bisher",
                K.SPECIAL,
                v.LEAD_HISTORY,
                target="actor",
                optional=True,
                help="frühere Federführung in zeitlicher Folge (Verlauf, nicht gemeinsam)",
            ),
        ),
    ),
    FileSpec(
        "responsibility",
        None,
        (
            C("massnahme", K.SPECIAL, v.RESPONSIBILITY_OF, target="measure", required=True),
            C("rolle", K.SPECIAL, v.HAD_ROLE, vocab=value_lists.ROLES, required=True),
            C("akteur", K.SPECIAL, v.PROV_AGENT, target="actor", required=True),
            C("ebene", K.LEVELS, v.LEVEL_P, required=True),
            _SRC,
            _NOTE,
        ),
        required=False,
        help="ebenengenaue Zuständigkeiten",
    ),
    FileSpec(
        "body",
        "id",
        (
            C("id", K.TEXT, v.NOTATION, required=True),
            C("name", K.DE, v.LABEL, required=True),
            C("typ", K.SPECIAL, v.BODY_TYPE, vocab=value_lists.BODY_TYPES, help="erstes Wort → Klasse"),
            C("mitglieder", K.REFS, v.HAS_MEMBER, target="actor"),
            C("turnus", K.DE, v.RHYTHM),
            C("seit", K.DATE, v.SINCE),
            _SRC,
            C("akteur", K.REFS, v.ACTS_AS, target="actor"),
            _NOTE,
            C("handlungsfelder", K.REFS, v.FIELD, target="field", optional=True),
        ),
        required=False,
    ),
    FileSpec(
        "event",
        None,
        (
            C("datum", K.SPECIAL, required=True, help="ISO-Datum, -Monat oder -Jahr"),
            C("ereignis", K.DE, v.DESCRIPTION, required=True),
            C("bezug", K.ANYREFS, v.CONCERNS),
            _SRC,
        ),
        required=False,
        label="ereignis",
    ),
    FileSpec(
        "initiative",
        "id",
        (
            C("id", K.TEXT, v.NOTATION, required=True),
            C("name", K.DE, v.LABEL, required=True),
            C("typ", K.CLASS, vocab=value_lists.INITIATIVE_TYPES, required=True),
            C("federfuehrend", K.REFS, v.LED_BY, target="actor"),
            C("stand", K.DE, v.STATUS_NOTE),
            _SRC,
            C("bezug", K.ANYREFS, v.CONCERNS),
            _NOTE,
        ),
        required=False,
    ),
    FileSpec(
        "indicator",
        "id",
        (
            C("id", K.TEXT, v.NOTATION, required=True),
            C("name", K.DE, v.LABEL, required=True),
            C("bereich", K.DE, v.AREA),
            C("handlungsfeld", K.REFS, v.FIELD, target="field"),
            _SRC,
            C("massnahmen", K.REFS, v.MEASURES_P, target="measure", optional=True),
            C("ziele", K.REFS, v.GOAL_P, target="goal", optional=True),
            C("einheit", K.TEXT, v.UNIT, optional=True, help="z. B. %, Anzahl, Prozentpunkte"),
            C("richtung", K.ENUM, v.DIRECTION, vocab=value_lists.DIRECTIONS, optional=True),
            C("stufe", K.ENUM, v.RESULTS_LEVEL, vocab=value_lists.RESULTS_LEVELS, optional=True),
            C("anmerkung", K.DE, v.NOTE, optional=True),
        ),
        required=False,
    ),
    FileSpec(
        "observation",
        None,
        (
            C("indikator", K.REFS, v.OBS_INDICATOR, target="indicator", required=True),
            C(
                "zeitraum",
                K.SPECIAL,
                v.REF_PERIOD,
                help="JJJJ, JJJJ-MM oder Intervall JJJJ/JJJJ; leer: nicht belegt",
            ),
            C("gebiet", K.SPECIAL, v.REF_AREA, help="z. B. Land Bremen, Stadtgemeinde Bremen, Bund"),
            C("gruppe", K.SPECIAL, v.POPULATION_GROUP, help="Bevölkerungsgruppe; leer: insgesamt"),
            C("wert", K.SPECIAL, v.OBS_VALUE, required=True, help="Zahl mit Dezimalpunkt"),
            C("einheit", K.TEXT, v.UNIT),
            C("art", K.ENUM, v.VALUE_KIND, vocab=value_lists.VALUE_KINDS, required=True),
            _SRC,
            _NOTE,
        ),
        required=False,
        help="Werte der Kennzahlen (W3C Data Cube: qb:Observation)",
    ),
    FileSpec(
        "status_wording",
        "wortlaut",
        (
            C("wortlaut", K.DE, v.STATUS_WORDING_P, required=True, help="Wortlaut der Quelle"),
            C(
                "status",
                K.ENUM,
                v.IMPLEMENTATION_STATUS,
                vocab=value_lists.IMPLEMENTATION_STATUSES,
                required=True,
            ),
            C("begruendung", K.DE, v.NOTE, help="warum dieser Status"),
        ),
        required=False,
        help="Zuordnung der Status-Wortlaute der Quellen zum Status-Schema",
        label="wortlaut",
    ),
    FileSpec(
        "status_record",
        None,
        (
            C("massnahme", K.REFS, v.STATUS_OF, target="measure", required=True),
            C(
                "stichtag",
                K.DATE,
                v.REPORTING_DATE,
                help="Berichtsstand; leer: Stand der Quelle, Datum nicht belegt",
            ),
            C(
                "status",
                K.ENUM,
                v.IMPLEMENTATION_STATUS,
                vocab=value_lists.IMPLEMENTATION_STATUSES,
                required=True,
            ),
            C("wortlaut", K.DE, v.STATUS_WORDING_P, help="Wortlaut der Quelle"),
            C("grund", K.DE, v.STATUS_REASON, help="Pflicht bei eingestellt"),
            C("nachfolger", K.REFS, v.SUCCESSOR_MEASURE, target="measure", help="Nachfolgemaßnahme"),
            _SRC,
            _NOTE,
        ),
        required=False,
        help="Umsetzungsstatus je Maßnahme und Stichtag (Statusverlauf)",
    ),
)

FILES_BY_ENTITY: Final = {f.entity: f for f in FILES}
