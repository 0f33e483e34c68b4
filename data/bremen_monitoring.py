"""Monitoring tables of the Bremen dataset, stated here (not guessed at load time):

* ``STATUS_MAP``: each of the fact base's status wordings (``massnahmen.status``) → a status of the
  scheme, with the reason. Written to ``data/bremen/status_zuordnung.csv``; a wording that is not
  in the table becomes ``unbekannt`` (and the build says so).
* ``status_rows``: one status record per measure from its wording (reporting date where the wording
  names one, e.g. "Stand 2020"), plus dated records from ``aenderungen.csv`` (``DATED``).
* ``INDICATORS``: the indicators of ``indikatoren.csv`` without the values in their names (the
  values are observations in ``kennzahlen_werte.csv``), with unit, direction and results-chain level.
  Integrationsmonitoring and framework figures are **Kontext**: they describe the situation, they
  are no effect of measures.
* ``WORDED``: indicators that ``kennzahlen_werte.csv`` names in words get an id (``KW-nn``).

Direction and level are this dataset's classification, not a source's (said in each note).
"""

from __future__ import annotations

import re
from typing import Final

CLASSIFIED = "Richtung und Stufe: Einordnung dieses Datensatzes, keine Quellenangabe."

G, V, L, D, A, E, U = (
    "geplant",
    "in Vorbereitung",
    "laufend",
    "dauerhaft verankert",
    "abgeschlossen",
    "eingestellt",
    "unbekannt",
)

#: Wording → (status, reason of the mapping).
STATUS_MAP: Final[dict[str, tuple[str, str]]] = {
    "2. Plan vorgelegt, Befassung der Bürgerschaft": (L, "Aktionsplan in Fortschreibung: Umsetzung läuft"),
    "Beteiligungsprozess abgeschlossen; Bürgerbeteiligung ab März 2025; Vorlage zum Jahreswechsel "
    "2025/26 angekündigt": (V, "Plan noch nicht vorgelegt, Erarbeitung läuft"),
    "Bundesförderung beendet; Fortführung durch das Land nicht belegt": (E, "Förderung beendet"),
    "Bundesprogramm beendet (Bundesseite als Rückschau); in Bremen im Kita-Einstiegshaus verstetigt": (
        D,
        "in Bremen verstetigt",
    ),
    "Förderprogramm (Stand der Quelle)": (U, "nennt die Art der Maßnahme, keinen Umsetzungsstand"),
    "Stand 2020: laufend": (L, "„laufend“ mit Stichtag"),
    "Stand 2022; Fortführung nicht belegt": (L, "lief zum Stichtag; Fortführung offen"),
    "Stand 2023/24": (L, "Angebot lief zum Stichtag"),
    "Stand Anfang 2021 aktiv": (L, "„aktiv“ mit Stichtag"),
    "Stand Januar 2020; Fortführung nicht belegt": (L, "lief zum Stichtag; Fortführung offen"),
    "Strategie liegt vor; Umsetzung der Empfehlungen nicht belegt": (A, "Strategie erarbeitet"),
    "Zielsetzung/laufend": (L, "„laufend“"),
    "abgeschlossen": (A, "wörtlich"),
    "angekündigt (Absichtserklärung)": (G, "nur angekündigt"),
    "ausgeschrieben 2021; Umsetzung nicht belegt": (V, "ausgeschrieben, Umsetzung nicht belegt"),
    "beauftragt": (V, "beauftragt, noch nicht umgesetzt"),
    "beauftragt (Konzept); Umsetzung nicht belegt": (V, "beauftragt, Umsetzung nicht belegt"),
    "beauftragt (Umsetzung nicht belegt)": (V, "beauftragt, Umsetzung nicht belegt"),
    "beendet (abgelöst durch Sozialer Zusammenhalt)": (E, "beendet, abgelöst durch ein Nachfolgeprogramm"),
    "beschlossen 2017": (U, "Beschluss belegt, Umsetzungsstand nicht"),
    "beschlossen 2020": (U, "Beschluss belegt, Umsetzungsstand nicht"),
    "beschlossen, in Umsetzung": (L, "„in Umsetzung“"),
    "bestehend": (L, "bestehendes Angebot"),
    "bestehend (Stand der Quelle)": (L, "bestehendes Angebot"),
    "bestehend (Stand der Quellen)": (L, "bestehendes Angebot"),
    "bestehendes Angebot": (L, "bestehendes Angebot"),
    "durchgeführt; Abschluss nicht belegt": (
        U,
        "ob die Maßnahme noch läuft oder abgeschlossen ist, ist offen",
    ),
    "durchgeführt; Empfehlungen verwertet": (A, "durchgeführt und ausgewertet"),
    "durchgeführt; Fortsetzung nicht belegt": (A, "durchgeführt, keine Fortsetzung belegt"),
    "eingerichtet": (D, "als Gremium eingerichtet"),
    "erfolgt": (A, "wörtlich"),
    "fortgesetzt (Stand 2020)": (L, "„fortgesetzt“ mit Stichtag"),
    "geplant": (G, "wörtlich"),
    "geplant/fortlaufend": (G, "künftig, ohne Datum"),
    "gesetzlich eingerichtet; Betriebsaufnahme laut CDU/FDP-Antrag (undatiert, nach April 2024) noch nicht "
    "erfolgt": (V, "gesetzlich eingerichtet, Betrieb noch nicht aufgenommen"),
    "gestartet 2022; heutiger Stand nicht belegt": (L, "lief ab dem Stichtag; heutiger Stand offen"),
    "im Aufbau": (V, "im Aufbau"),
    "in Kraft": (D, "Regelung in Kraft"),
    "in Kraft (Stand der Quelle)": (D, "Regelung in Kraft"),
    "in Umsetzung; Einnahmen 2025 wegen Klagen geringer als geplant": (L, "„in Umsetzung“"),
    "laufend": (L, "wörtlich"),
    "laufend (Ausschreibung 2025)": (L, "wörtlich"),
    "laufend (Fortsetzung)": (L, "wörtlich"),
    "laufend (Stand 2020)": (L, "wörtlich, mit Stichtag"),
    "laufend (Stand 2021)": (L, "wörtlich, mit Stichtag"),
    "laufend (Stand 2022)": (L, "wörtlich, mit Stichtag"),
    "laufend (Stand 2023)": (L, "wörtlich, mit Stichtag"),
    "laufend (Stand 2024)": (L, "wörtlich, mit Stichtag"),
    "laufend (Stand Oktober 2021)": (L, "wörtlich, mit Stichtag"),
    "laufend (Stand der Quelle)": (L, "wörtlich"),
    "laufend (Text: 'entwickelt ... weiter')": (L, "wörtlich (aus dem Präsens des Textes)"),
    "laufend (Text: „wird … erfolgen“)": (L, "wörtlich (aus dem Text)"),
    "laufend (Umsetzung wird 2021 neu betrachtet)": (L, "wörtlich"),
    "laufend (im Präsens beschrieben)": (L, "wörtlich (aus dem Präsens des Textes)"),
    "laufend (verstetigt)": (D, "verstetigt"),
    "umgesetzt": (A, "umgesetzt"),
    "umgesetzt (Erlass 2021)": (A, "umgesetzt"),
    "veröffentlicht": (A, "veröffentlicht"),
}

#: Reasons and successors of the discontinued measures (from their wording and ``massnahmen.csv``).
DISCONTINUED: Final[dict[str, tuple[str, str]]] = {
    "K-3.4-05": ("Bundesförderung Ende 2022 beendet; Fortführung durch das Land nicht belegt", ""),
    "M-3.3-02": ("abgelöst durch das Bund-Länder-Programm Sozialer Zusammenhalt", "M-3.3-03"),
}

#: Dated status records from ``aenderungen.csv`` (measure, date, status, wording, source).
DATED: Final = (
    (
        "M-3.7-02",
        "2021-12-16",
        V,
        "Gründung des Trägervereins LIGA e.V. für das Gesundheitszentrum Gröpelingen",
        "http://senatspressestelle.bremen.de/ressorts/detail.php?asl=bremen02.c.732.de&gsid=bremen146.c.374725.de",
    ),
    (
        "M-3.7-02",
        "2022-09",
        L,
        "Das Gesundheitszentrum LIGA in Gröpelingen eröffnet",
        "https://spot-bremen.de/magazin/in-der-nachbarschaft/neues-gesundheitszentrum-liga-in-groepelingen/",
    ),
    (
        "K-3.4-05",
        "2022-12",
        E,
        "Die Bundesförderung „Sprach-Kitas“ endet Ende 2022",
        "https://www.weser-kurier.de/bremen/bund-streicht-finanzierung-sprachfoerderung-in-64-bremer-kitas-"
        "bedroht-doc7lv0fj1dqzo1eehb1jw",
    ),
)

_MONTHS = {
    "Januar": "01",
    "Februar": "02",
    "März": "03",
    "April": "04",
    "Mai": "05",
    "Juni": "06",
    "Juli": "07",
    "August": "08",
    "September": "09",
    "Oktober": "10",
    "November": "11",
    "Dezember": "12",
}
_STAND = re.compile(r"Stand (?:Anfang )?(?:(\w+) )?(\d{4})\b|gestartet (\d{4})")

STATUS_HEADER: Final = [
    "massnahme",
    "stichtag",
    "status",
    "wortlaut",
    "grund",
    "nachfolger",
    "quelle",
    "anmerkung",
]
MAPPING_HEADER: Final = ["wortlaut", "status", "begruendung"]


def reporting_date(wording: str) -> str:
    """The date a wording names (``Stand Oktober 2021`` → ``2021-10``), else ``""`` (undated)."""
    m = _STAND.search(wording)
    if not m:
        return ""
    if m.group(3):
        return m.group(3)
    month = _MONTHS.get(m.group(1) or "")
    return f"{m.group(2)}-{month}" if month else m.group(2)


def mapping_rows() -> list[list[str]]:
    return [[w, s, why] for w, (s, why) in STATUS_MAP.items()]


def status_rows(measures: list[dict[str, str]]) -> tuple[list[list[str]], list[str]]:
    """Status records and the wordings that are not in :data:`STATUS_MAP` (→ unbekannt)."""
    rows, unmapped = [], []
    for m in measures:
        wording = m["status"]
        if not wording:
            continue
        status, _why = STATUS_MAP.get(wording, (U, ""))
        if wording not in STATUS_MAP:
            unmapped.append(wording)
        reason, successor = DISCONTINUED.get(m["id"], ("", "")) if status == E else ("", "")
        note = (
            "Stichtag aus dem Wortlaut" if reporting_date(wording) else "Stand der Quelle, Datum nicht belegt"
        )
        rows.append(
            [m["id"], reporting_date(wording), status, wording, reason, successor, m["quelle_url"], note]
        )
    for measure, date, status, wording, source in DATED:
        reason, successor = DISCONTINUED.get(measure, ("", "")) if status == E else ("", "")
        rows.append([measure, date, status, wording, reason, successor, source, "aus aenderungen.csv"])
    return rows, unmapped


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
