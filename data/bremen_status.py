"""Status tables of the Bremen dataset, stated here (not guessed at load time):

* ``STATUS_MAP``: each of the fact base's status wordings (``massnahmen.status``) → a status of the
  scheme, with the reason. Written to ``data/bremen/status_zuordnung.csv``; a wording that is not
  in the table becomes ``unbekannt`` (and the build says so).
* ``status_rows``: one status record per measure from its wording (reporting date where the wording
  names one, e.g. "Stand 2020"), plus dated records from ``aenderungen.csv`` (``DATED``).
"""

from __future__ import annotations

import re
from typing import Final

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
