"""Measures and what hangs on them: responsibilities per level, bodies, dated events, initiatives."""

from __future__ import annotations

from typing import Final

from rahmengraph.model import value_lists
from rahmengraph.model import vocab as v
from rahmengraph.model.schema.columns import NOTE, SOURCES, Column, FileSpec, Kind

C, K = Column, Kind

MEASURE_FILES: Final[tuple[FileSpec, ...]] = (
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
            SOURCES,
            NOTE,
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
            SOURCES,
            C("akteur", K.REFS, v.ACTS_AS, target="actor"),
            NOTE,
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
            SOURCES,
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
            SOURCES,
            C("bezug", K.ANYREFS, v.CONCERNS),
            NOTE,
        ),
        required=False,
    ),
)
