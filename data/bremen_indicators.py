"""Indicator tables of the Bremen dataset, stated here:

* ``INDICATORS``: the indicators of ``indikatoren.csv`` without the values in their names (the
  values are observations in ``kennzahlen_werte.csv``), with unit, direction and results-chain level.
  Integrationsmonitoring and framework figures are **Kontext**: they describe the situation, they
  are no effect of measures.
* ``WORDED``: indicators that ``kennzahlen_werte.csv`` names in words get an id (``KW-nn``).

Direction and level are this dataset's classification, not a source's (said in each note).
"""

from __future__ import annotations

from typing import Final

CLASSIFIED = "Richtung und Stufe: Einordnung dieses Datensatzes, keine Quellenangabe."

#: Indicator id → (name without values, unit, direction, level, measures, note).
INDICATORS: Final[dict[str, tuple[str, str, str, str, str, str]]] = {
    "IM-01": ("Einbürgerungsquote", "%", "höher ist besser", "Kontext", "", ""),
    "IM-02": (
        "Erwerbstätigenquote von Personen mit Migrationshintergrund",
        "%",
        "höher ist besser",
        "Kontext",
        "",
        "",
    ),
    "IM-03": (
        "Kompetenzen von Schüler:innen mit Migrationshintergrund",
        "",
        "höher ist besser",
        "Kontext",
        "",
        "Belegt nur als Aussage: unter dem Bundesdurchschnitt (ohne Zahl).",
    ),
    "IM-04": (
        "Zugehörigkeitsgefühl zu Deutschland bei Menschen mit Migrationshintergrund",
        "%",
        "höher ist besser",
        "Kontext",
        "",
        "",
    ),
    "IM-05": ("Anteil der Wahlberechtigten mit Migrationshintergrund", "%", "neutral", "Kontext", "", ""),
    "IM-06": ("Bevölkerungsanteil mit Migrationshintergrund", "%", "neutral", "Kontext", "", ""),
    "IM-07": (
        "Anteil der Landtagsabgeordneten mit Migrationshintergrund",
        "%",
        "höher ist besser",
        "Kontext",
        "",
        "",
    ),
    "RK-01": (
        "Bevölkerungsanteil mit statistischem Migrationshintergrund im Land Bremen",
        "%",
        "neutral",
        "Kontext",
        "",
        "",
    ),
    "RK-02": (
        "Anteil der Kinder und Jugendlichen mit eigener oder familiärer Einwanderungsgeschichte an ihrer "
        "Altersgruppe",
        "%",
        "neutral",
        "Kontext",
        "",
        "Belegt nur als Aussage: deutlich über die Hälfte (ohne Zahl).",
    ),
    "RK-03": (
        "Anteil nicht wahlberechtigter Einwohner:innen bei der Bürgerschaftswahl",
        "%",
        "niedriger ist besser",
        "Kontext",
        "",
        "",
    ),
    "RK-04": ("Arbeitslosenquote im Land Bremen", "%", "niedriger ist besser", "Kontext", "", ""),
    "RK-05": ("Arbeitslosenquote von Ausländer:innen", "%", "niedriger ist besser", "Kontext", "", ""),
    "RK-06": (
        "Veränderung der Zahl arbeitsloser Ausländer:innen und Deutscher",
        "Anzahl",
        "niedriger ist besser",
        "Kontext",
        "",
        "",
    ),
    "RK-07": (
        "Diskriminierungserfahrungen in der Bevölkerung",
        "",
        "niedriger ist besser",
        "Kontext",
        "",
        "Umfrage der Antidiskriminierungsstelle des Bundes 2017; Wert im Auszug nicht übernommen.",
    ),
    "RK-08": (
        "Anteil rassistischer Diskriminierung an den Beratungsfällen",
        "%",
        "neutral",
        "Kontext",
        "",
        "",
    ),
}

#: Indicator named in words in ``kennzahlen_werte.csv`` → (id, unit, direction, level, field, measures).
WORDED: Final[dict[str, tuple[str, str, str, str, str, str]]] = {
    "Einbürgerungen (Anzahl)": ("KW-01", "Anzahl", "höher ist besser", "Kontext", "", ""),
    "Viertklässler:innen unter dem Mindeststandard (IQB-Bildungstrend)": (
        "KW-02",
        "%",
        "niedriger ist besser",
        "Kontext",
        "",
        "",
    ),
    "Bevölkerungsanteil mit Migrationshintergrund (Zensus 2011)": (
        "KW-03",
        "%",
        "neutral",
        "Kontext",
        "",
        "",
    ),
    "Arbeitslose im Jahresdurchschnitt (Anzahl)": (
        "KW-04",
        "Anzahl",
        "niedriger ist besser",
        "Kontext",
        "",
        "",
    ),
    "Armutsgefährdungsquote": ("KW-05", "%", "niedriger ist besser", "Kontext", "", ""),
    "Anteil der Kinder mit Migrationshintergrund in Kindertageseinrichtungen": (
        "KW-06",
        "%",
        "neutral",
        "Kontext",
        "",
        "",
    ),
    "Anteil Beschäftigter mit Migrationshintergrund im bremischen öffentlichen Dienst": (
        "KW-07",
        "%",
        "höher ist besser",
        "Kontext",
        "",
        "",
    ),
    "Ausländeranteil an der Bevölkerung": ("KW-08", "%", "neutral", "Kontext", "", ""),
    "Betreuungsquote der 3- bis 6-Jährigen": ("KW-09", "%", "höher ist besser", "Kontext", "", ""),
    "Teilnehmende der kommunalen Sprachkurse seit Programmstart (kumuliert)": (
        "KW-10",
        "Anzahl",
        "höher ist besser",
        "Output",
        "3.1",
        "K-3.1-01",
    ),
    "Zusammensetzung des Bremer Rats für Teilhabe und Diversität": (
        "KW-11",
        "%",
        "höher ist besser",
        "Output",
        "3.2",
        "K-3.2-04",
    ),
    "Anteil ausländischer Beschäftigter im öffentlichen Dienst": (
        "KW-12",
        "%",
        "höher ist besser",
        "Kontext",
        "",
        "",
    ),
    "Anteil Teilnehmender mit Migrationshintergrund im BAP-Unterfonds B1": (
        "KW-13",
        "%",
        "höher ist besser",
        "Output",
        "3.6",
        "K-3.6-04",
    ),
}

INDICATOR_HEADER: Final = [
    "id",
    "name",
    "bereich",
    "handlungsfeld",
    "quelle",
    "massnahmen",
    "ziele",
    "einheit",
    "richtung",
    "stufe",
    "anmerkung",
]


def indicator_rows(
    indicators: list[dict[str, str]], values: list[dict[str, str]]
) -> tuple[list[list[str]], list[dict[str, str]]]:
    """The indicators (names without values, with the new columns, plus ``KW-nn``) and the values with
    every indicator given by id. An unknown indicator id or wording raises KeyError."""
    rows = []
    for ind in indicators:
        name, unit, direction, level, measures, note = INDICATORS[ind["id"]]
        original = f"Name in der Faktenbasis: „{ind['name']}“."
        rows.append(
            [
                ind["id"],
                name,
                ind["bereich"],
                ind["handlungsfeld"],
                ind["quelle"],
                measures,
                "",
                unit,
                direction,
                level,
                " ".join(x for x in (note, original, CLASSIFIED) if x),
            ]
        )
    first_source: dict[str, str] = {}
    for v in values:
        first_source.setdefault(v["indikator"], v["quelle"])
    for words, (ident, unit, direction, level, field, measures) in WORDED.items():
        linked = f"Maßnahme laut Anmerkung der Werte: {measures}. " if measures else ""
        rows.append(
            [
                ident,
                words,
                "Kennzahl aus kennzahlen_werte.csv (in Worten benannt)",
                field,
                first_source[words],
                measures,
                "",
                unit,
                direction,
                level,
                f"{linked}{CLASSIFIED}",
            ]
        )
    known = {r[0] for r in rows}
    out = []
    for v in values:
        ident = v["indikator"] if v["indikator"] in known else WORDED[v["indikator"]][0]
        out.append({**v, "indikator": ident})
    return rows, out
