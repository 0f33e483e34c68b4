"""Word tables for the synthetic frameworks of :mod:`bench.generate` (data only, no logic).

Every value that ends up in a controlled column (actor types, dimensions, level kinds, body and
initiative types) is spelled as the cell value of :mod:`rahmengraph.model.value_lists`.
"""

from __future__ import annotations

from typing import Final

#: Handlungsfelder 3.1 … 3.13: (title, short title).
FIELDS: Final = (
    ("Erwerb der deutschen Sprache", "Spracherwerb"),
    ("Politische Teilhabe und zivilgesellschaftliches Engagement", "Politische Teilhabe"),
    ("Stärkung der Quartiere", "Quartiere"),
    ("Frühkindliche und schulische Bildung", "Bildung"),
    ("Ausbildung und Studium", "Ausbildung"),
    ("Arbeitsmarkt und Erwerbsarbeit", "Erwerbsarbeit"),
    ("Gesundheit und Pflege", "Gesundheit"),
    ("Wohnen", "Wohnen"),
    ("Kultur, Sport und Freizeit", "Kultur und Sport"),
    ("Aufenthalt und Einbürgerung", "Einbürgerung"),
    ("Interkulturelle Öffnung der Verwaltung", "Öffnung der Verwaltung"),
    ("Stärkung migrantischer Selbstorganisationen", "Selbstorganisationen"),
    ("Schutz vor Diskriminierung", "Antidiskriminierung"),
)

#: Ziele Z-2.1 … Z-2.4: (title, slide wording).
GOALS: Final = (
    ("Teilhabe und Repräsentanz fördern", "Teilhabe & Repräsentanz"),
    ("Vielfalt und sozialen Zusammenhalt stärken", "Vielfalt & Zusammenhalt"),
    ("Intersektionale Perspektiven berücksichtigen", "Intersektionalität"),
    ("Verwaltung diskriminierungssensibel gestalten", "Diskriminierungssensible Verwaltung"),
)

#: Levels: name → (id, English label, ebenen.typ, parent name). Municipal ones in MUNICIPAL order.
LEVELS: Final = {
    "Land": ("land", "State", "Land", ""),
    "Stadt A": ("stadt-a", "City A", "Kommune", "Land"),
    "Kreis B": ("kreis-b", "District B", "Kommune", "Land"),
    "Stadt C": ("stadt-c", "City C", "Kommune", "Land"),
    "Bund": ("bund", "Federal level", "Bund", ""),
    "EU": ("eu", "European Union", "EU", ""),
}
MUNICIPAL: Final = ("Stadt A", "Kreis B", "Stadt C")

#: Department portfolios before the re-cut: (code, portfolio).
AREAS: Final = (
    ("SOZ", "Soziales"),
    ("INN", "Inneres"),
    ("SPO", "Sport"),
    ("BIL", "Kinder und Bildung"),
    ("GES", "Gesundheit"),
    ("ARB", "Arbeit"),
    ("WIR", "Wirtschaft"),
    ("FIN", "Finanzen"),
    ("JUS", "Justiz"),
    ("KUL", "Kultur"),
    ("BAU", "Bau und Wohnen"),
    ("WIS", "Wissenschaft"),
)
#: Portfolio that is split off the first department at the re-cut.
SPLIT_OFF: Final = ("JUF", "Jugend und Familie")
#: Added to the portfolio of a department renamed 1:1 at the re-cut.
EXTRAS: Final = ("Integration", "Digitales", "Klimaschutz", "Europa", "Verbraucherschutz", "Häfen")

#: Further actors: (kuerzel, name, akteure.typ, where) with where = home | muni | bund | "" (unknown).
OTHERS: Final = (
    ("IB", "Integrationsbeauftragte:r", "Beauftragte", "home"),
    ("MIA", "Migrationsamt", "Behörde", "muni"),
    ("JC", "Jobcenter", "Behörde", "muni"),
    ("VHS", "Volkshochschule", "Träger/Verein", "muni"),
    ("BEIRAT", "Beirat für Teilhabe und Vielfalt", "Beirat/Gremium", "home"),
    ("BAMF", "Bundesamt für Migration und Flüchtlinge", "Bundesbehörde", "bund"),
    ("ADS", "Antidiskriminierungsstelle", "Behörde", "home"),
    ("GBA", "Gleichstellungsbeauftragte", "Beauftragte", "home"),
    ("MSO", "Dachverband der Migrant:innenorganisationen", "Träger/Verein", "home"),
    ("GA", "Gesundheitsamt", "Behörde", "muni"),
    ("AWO", "Arbeiterwohlfahrt", "Träger/Verein", "muni"),
    ("LBB", "Beauftragte:r für Menschen mit Behinderung", "Beauftragte", "home"),
    ("BA", "Agentur für Arbeit", "Bundesbehörde", "bund"),
    ("HWK", "Handwerkskammer", "Kammer", "home"),
    ("DRK", "Deutsches Rotes Kreuz", "Träger/Verein", ""),
    ("FLR", "Flüchtlingsrat", "Träger/Verein", "home"),
    ("SA", "Standesamt", "Behörde", "muni"),
    ("CAR", "Caritasverband", "Träger/Verein", ""),
    ("RAT", "Rat der Religionsgemeinschaften", "Religionsgemeinschaft", "home"),
    ("SPB", "Sportbund", "Träger/Verein", "home"),
    ("QM", "Quartiersmanagement", "Sonstige", "muni"),
    ("FBZ", "Fortbildungszentrum der Verwaltung", "Behörde", "home"),
)

#: Target groups, one per line: id|label_de|label_en|dimension|oberbegriff. Parents before children.
_GROUP_TABLE: Final = """
migrationsgeschichte|Menschen mit Einwanderungsgeschichte|People with a migration history|Herkunft/Migration|
neuzugewanderte|Neu zugewanderte Menschen|Newly arrived migrants|Herkunft/Migration|migrationsgeschichte
fachkraefte|Internationale Fachkräfte|International skilled workers|Herkunft/Migration|migrationsgeschichte
pflegefachkraefte|Pflegefachkräfte aus dem Ausland|Foreign care workers|Herkunft/Migration|fachkraefte
mobile-beschaeftigte|Mobile Beschäftigte|Mobile workers|Herkunft/Migration|migrationsgeschichte
sinti-und-roma|Sinti und Roma|Sinti and Roma|Herkunft/Migration|
auslaendische-personen|Menschen ohne deutsche Staatsangehörigkeit|Foreign nationals|Aufenthaltsstatus|
drittstaatsangehoerige|Drittstaatsangehörige|Third-country nationals|Aufenthaltsstatus|auslaendische-personen
eu-buergerinnen|EU-Bürger:innen|EU citizens|Aufenthaltsstatus|auslaendische-personen
einbuergerung|Einbürgerungsinteressierte|Naturalisation seekers|Aufenthaltsstatus|auslaendische-personen
gefluechtete|Geflüchtete|Refugees|Aufenthaltsstatus|
asylsuchende|Menschen im Asylverfahren|Asylum seekers|Aufenthaltsstatus|gefluechtete
geduldete|Geduldete|Tolerated persons|Aufenthaltsstatus|gefluechtete
ukraine-gefluechtete|Geflüchtete aus der Ukraine|Refugees from Ukraine|Aufenthaltsstatus|gefluechtete
frauen|Frauen und Mädchen|Women and girls|Geschlecht|
gewaltbetroffene-frauen|Von Gewalt betroffene Frauen|Women affected by violence|Geschlecht|frauen
erwerbslose-frauen|Erwerbslose Frauen|Unemployed women|Geschlecht|frauen
maedchen|Mädchen|Girls|Geschlecht|frauen
maenner|Männer|Men|Geschlecht|
junge-menschen|Junge Menschen|Young people|Alter|
kinder|Kinder|Children|Alter|junge-menschen
kita-kinder|Kinder im Kita-Alter|Children of pre-school age|Alter|kinder
jugendliche|Jugendliche|Adolescents|Alter|junge-menschen
schuelerinnen|Schüler:innen|School pupils|Alter|junge-menschen
junge-erwachsene|Junge Erwachsene|Young adults|Alter|junge-menschen
aeltere-menschen|Ältere Menschen|Older people|Alter|
pflegebeduerftige|Pflegebedürftige|People in need of care|Alter|aeltere-menschen
menschen-mit-behinderung|Menschen mit Behinderung|People with disabilities|Behinderung|
gehoerlose|Gehörlose Menschen|Deaf people|Behinderung|menschen-mit-behinderung
psychisch-erkrankte|Psychisch erkrankte Menschen|Mentally ill people|Behinderung|menschen-mit-behinderung
religionsgemeinschaften|Religionsgemeinschaften|Religious communities|Religion|
muslimische-menschen|Muslim:innen|Muslims|Religion|religionsgemeinschaften
juedische-menschen|Jüdische Menschen|Jewish people|Religion|religionsgemeinschaften
queere-menschen|Queere Menschen|Queer people|sexuelle/geschlechtliche Identität|
trans-personen|Trans* Personen|Trans people|sexuelle/geschlechtliche Identität|queere-menschen
soziale-lage|Menschen in schwieriger sozialer Lage|People in difficult social situations|soziale Lage|
langzeitarbeitslose|Langzeitarbeitslose|Long-term unemployed people|soziale Lage|soziale-lage
wohnungslose|Wohnungslose Menschen|Homeless people|soziale Lage|soziale-lage
quartiere|Bewohner:innen benachteiligter Quartiere|Residents of deprived areas|soziale Lage|soziale-lage
geringe-deutschkenntnisse|Menschen mit geringen Deutschkenntnissen|People with limited German|Sprache|
gering-literalisierte|Gering literalisierte Erwachsene|Low-literacy adults|Sprache|geringe-deutschkenntnisse
sprachfoerderbedarf|Kinder mit Sprachförderbedarf|Children needing German|Sprache|geringe-deutschkenntnisse
eltern|Eltern|Parents|Familie|
alleinerziehende|Alleinerziehende|Single parents|Familie|eltern
muetter|Mütter|Mothers|Familie|eltern
familiennachzug|Familien im Nachzug|Family reunification|Familie|
beschaeftigte-verwaltung|Beschäftigte der Verwaltung|Public-sector employees|Sonstige|
nachwuchskraefte|Nachwuchskräfte der Verwaltung|Public-sector trainees|Sonstige|beschaeftigte-verwaltung
unternehmen|Unternehmen und Arbeitgebende|Companies and employers|Sonstige|
ehrenamtliche|Ehrenamtlich Engagierte|Volunteers|Sonstige|
migrantische-organisationen|Migrant:innenorganisationen|Migrant organisations|Sonstige|ehrenamtliche
diskriminierte|Von Diskriminierung Betroffene|People affected by discrimination|Sonstige|
rassismusbetroffene|Von Rassismus Betroffene|People facing racism|Herkunft/Migration|diskriminierte
alle-einwohnerinnen|Alle Einwohner:innen|All residents|Sonstige|
"""
GROUPS: Final[tuple[tuple[str, str, str, str, str], ...]] = tuple(
    (a, b, c, d, e) for a, b, c, d, e in (line.split("|") for line in _GROUP_TABLE.strip().splitlines())
)

#: Bodies: (id, name, gremien.typ (first word = class), turnus).
BODIES: Final = (
    ("G-STG", "Ressortübergreifende Steuerungsgruppe", "Steuerungsgremium", "halbjährlich"),
    (
        "G-AG",
        "Interministerielle Arbeitsgruppe Teilhabe",
        "Arbeitsgremium (ressortübergreifend)",
        "vierteljährlich",
    ),
    ("G-BET", "Beteiligungsforum Teilhabe", "Beteiligungsformat", "jährlich"),
    ("G-BER", "Umsetzungsberichte zum Rahmenkonzept", "Berichtswesen", "alle zwei Jahre"),
    ("G-BR", "Beirat für Teilhabe und Vielfalt", "Beirat (Interessenvertretung)", "monatlich"),
    ("G-NW", "Netzwerk Antidiskriminierung", "Netzwerk", "nach Bedarf"),
    ("G-KOM", "Kommission Interkulturelle Öffnung", "Kommission", "halbjährlich"),
)

#: Measure names: kind of measure, combined with a field's short title.
MEASURE_WORDS: Final = (
    "Programm",
    "Projekt",
    "Fonds",
    "Netzwerk",
    "Beratungsstelle",
    "Kampagne",
    "Leitfaden",
    "Modellvorhaben",
    "Fortbildungsreihe",
    "Lotsendienst",
    "Fachstelle",
    "Förderrichtlinie",
)
PERIODS: Final = ("seit 2018", "2021–2024", "2022–2026", "ab 2024", "laufend", "")
STATUSES: Final = ("laufend", "abgeschlossen", "geplant", "in Vorbereitung", "")
FUNDINGS: Final = ("Landesmittel", "ESF-Mittel", "Bundesmittel", "Eigenmittel der Träger", "", "")
#: sicherheit: level (cell of vocab.CERTAINTY) → reason.
CERTAINTY_REASONS: Final = {
    "hoch": "im Rahmenkonzept mit Federführung genannt",
    "mittel": "Pressemitteilung nennt Programm, Federführung erschlossen",
    "niedrig": "nur indirekt belegt",
}
#: vorhaben.typ (cell of vocab.INITIATIVE_TYPES) → name stem.
INITIATIVES: Final = {
    "Gesetz": "Teilhabe- und Partizipationsgesetz",
    "Bericht": "Umsetzungsbericht",
    "Konzept": "Konzept Interkulturelle Öffnung",
    "Sonstiges": "Fachtag Rahmenkonzept",
}
