"""The framework's structure: the framework itself, level types, levels, fields, goals, actors, target
groups (the files every other file refers to).
"""

from __future__ import annotations

from typing import Final

from rahmengraph.model import value_lists
from rahmengraph.model import vocab as v
from rahmengraph.model.schema.columns import NOTE, SOURCES, Column, FileSpec, Kind

C, K = Column, Kind

STRUCTURE_FILES: Final[tuple[FileSpec, ...]] = (
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
            SOURCES,
            NOTE,
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
            SOURCES,
            NOTE,
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
            SOURCES,
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
            SOURCES,
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
            SOURCES,
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
            SOURCES,
            NOTE,
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
            SOURCES,
        ),
        label="label_de",
    ),
)
