"""Monitoring: indicators, their values (W3C Data Cube observations), implementation status and the
mapping of the sources' status wording.
"""

from __future__ import annotations

from typing import Final

from rahmengraph.model import value_lists
from rahmengraph.model import vocab as v
from rahmengraph.model.schema.columns import NOTE, SOURCES, Column, FileSpec, Kind

C, K = Column, Kind

MONITORING_FILES: Final[tuple[FileSpec, ...]] = (
    FileSpec(
        "indicator",
        "id",
        (
            C("id", K.TEXT, v.NOTATION, required=True),
            C("name", K.DE, v.LABEL, required=True),
            C("bereich", K.DE, v.AREA),
            C("handlungsfeld", K.REFS, v.FIELD, target="field"),
            SOURCES,
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
            SOURCES,
            NOTE,
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
            SOURCES,
            NOTE,
        ),
        required=False,
        help="Umsetzungsstatus je Maßnahme und Stichtag (Statusverlauf)",
    ),
)
