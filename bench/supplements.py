"""The supplementary files of a synthetic framework: the framework row, level-exact
responsibilities, bodies, events, initiatives and indicators (all built from the measures)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bench import lexicon as lx
from rahmengraph.model.ordering import natural_key

if TYPE_CHECKING:
    from bench.framework import Framework, Row

#: Event texts before a measure's name; "Geplant:" marks the event as planned (rg:planned).
EVENT_KINDS = ("Start: ", "Zwischenbilanz: ", "Geplant: Ausbau von ")
RESPONSIBILITY_COLUMNS = ("massnahme", "rolle", "akteur", "ebene", "quelle", "anmerkung")


def _nat(items: list[str] | set[str]) -> str:
    return ";".join(sorted(items, key=natural_key))


def _by_id(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=lambda r: natural_key(r["id"]))


def _date(fw: Framework, first: int, last: int) -> str:
    """An ISO date, month or year (all three precisions occur)."""
    y, m, d = fw.rng.randint(first, last), fw.rng.randint(1, 12), fw.rng.randint(1, 28)
    return fw.rng.choice((f"{y}-{m:02d}-{d:02d}", f"{y}-{m:02d}-{d:02d}", f"{y}-{m:02d}", f"{y}"))


def framework_row(fw: Framework) -> Row:
    kuerzel, adopter, _typ = fw.p.adopter
    return {
        "id": f"{fw.name}-2021", "titel": f"Rahmenkonzept Teilhabe und Vielfalt ({fw.name})",
        "kurztitel": "Rahmenkonzept Teilhabe", "ausgabe": "Oktober 2021", "beschlossen": "2021-10",
        "beschlossen_von": kuerzel, "basis_iri": fw.base, "stand": f"synthetisch, beschlossen von {adopter}",
        "quelle": fw.doc, "anmerkung": "Synthetisch erzeugt (bench/generate.py); keine realen Angaben.",
    }  # fmt: skip


def responsibilities(fw: Framework) -> list[Row]:
    """A few rows with an explicit level: the lead on one level, a partner on all the measure's levels."""
    candidates = [m for m in fw.measures if m["federfuehrend"]]
    rows: list[Row] = []
    for m in fw.rng.sample(candidates, min(4, len(candidates))):
        level = fw.rng.choice(m["ebene"].split(";"))
        source = m["quelle_url"].split(" | ")[0]
        lead = m["federfuehrend"].split(";")[-1]
        rows.append({"massnahme": m["id"], "rolle": "federfuehrend", "akteur": lead, "ebene": level,
                     "quelle": source, "anmerkung": f"Auf Ebene {level} führt {lead}."})  # fmt: skip
        if m["beteiligt"]:
            partner = m["beteiligt"].split(";")[0]
            rows.append({"massnahme": m["id"], "rolle": "beteiligt", "akteur": partner, "ebene": m["ebene"],
                         "quelle": source, "anmerkung": ""})  # fmt: skip
    return sorted(rows, key=lambda r: [natural_key(r[c]) for c in RESPONSIBILITY_COLUMNS])


def bodies(fw: Framework) -> list[Row]:
    rows: list[Row] = []
    for k, (gid, name, typ, turnus) in enumerate(lx.BODIES[: fw.p.bodies], start=1):
        members = fw.rng.sample(fw.partners, fw.rng.randint(2, 5))
        acts_as = "BEIRAT" if typ.startswith("Beirat") and "BEIRAT" in fw.partners else ""
        fields = fw.rng.sample(fw.fields, fw.rng.randint(0, 3))
        rows.append({
            "id": gid, "name": name, "typ": typ, "mitglieder": _nat(members), "turnus": turnus,
            "seit": _date(fw, 2015, 2024), "quelle": fw.web("gremium", k), "akteur": acts_as,
            "anmerkung": "Mitglieder synthetisch" if k % 2 else "", "handlungsfelder": _nat(fields),
        })  # fmt: skip
    return _by_id(rows)


def events(fw: Framework) -> list[Row]:
    """The adoption, the re-cut, then dated steps of random measures (some planned)."""
    from bench.framework import RECUT

    kuerzel, adopter, _typ = fw.p.adopter
    new = [a["kuerzel"] for a in fw.actors if a.get("vorgaenger")]
    rows = [
        {"datum": "2021-10", "ereignis": f"{adopter} beschließt das Rahmenkonzept.", "bezug": kuerzel,
         "quelle": fw.doc},
        {"datum": RECUT, "ereignis": "Neuzuschnitt der Ressorts.", "bezug": _nat(new),
         "quelle": fw.web("geschaeftsverteilung", 2023)},
    ]  # fmt: skip
    seen = {(r["datum"], r["ereignis"]) for r in rows}
    while len(rows) < fw.p.events:
        m = fw.rng.choice(fw.measures)
        text = f"{fw.rng.choice(EVENT_KINDS)}{m['name']} ({m['id']})"
        date = _date(fw, 2019, 2026)
        if (date, text) not in seen:
            seen.add((date, text))
            rows.append(
                {"datum": date, "ereignis": text, "bezug": m["id"], "quelle": fw.web("presse", len(rows))}
            )
    return sorted(rows, key=lambda r: (r["datum"], r["ereignis"]))


def initiatives(fw: Framework) -> list[Row]:
    kinds = list(lx.INITIATIVES)
    rows: list[Row] = []
    for k in range(1, fw.p.initiatives + 1):
        typ = kinds[(k - 1) % len(kinds)]
        lead = fw.rng.choice(fw.current) if fw.rng.random() < 0.75 else ""
        about = fw.rng.sample([m["id"] for m in fw.measures], fw.rng.randint(1, 2))
        rows.append({
            "id": f"V-{k:02d}", "name": f"{lx.INITIATIVES[typ]} {k}", "typ": typ, "federfuehrend": lead,
            "stand": f"angekündigt für {2024 + k % 3}", "quelle": fw.web("vorhaben", k), "bezug": _nat(about),
            "anmerkung": "" if lead else "Federführung nicht belegt.",
        })  # fmt: skip
    return _by_id(rows)


def indicators(fw: Framework) -> list[Row]:
    """Indicators for about half of the measures, each measuring one or two of them."""
    measured = fw.rng.sample(fw.measures, len(fw.measures) // 2)
    rows: list[Row] = []
    while measured:
        n = fw.rng.choice((1, 2))
        group, measured = measured[:n], measured[n:]
        k = len(rows) + 1
        fields = {m["handlungsfelder"].split(";")[0] for m in group}
        short = lx.FIELDS[int(sorted(fields, key=natural_key)[0].split(".")[1]) - 1][1]
        rows.append({
            "id": f"IK-{k:02d}", "name": f"Kennzahl {k}: Reichweite {short}", "bereich": short,
            "handlungsfeld": _nat(fields), "quelle": fw.web("statistik", k),
            "massnahmen": _nat([m["id"] for m in group]),
        })  # fmt: skip
    return _by_id(rows)


#: The status wordings of the synthetic frameworks and how they map to the scheme.
STATUS_WORDINGS: tuple[tuple[str, str, str], ...] = (
    ("bestehend", "laufend", "bestehendes Angebot"),
    ("beschlossen", "unbekannt", "Beschluss belegt, Umsetzungsstand nicht"),
    ("geplant", "geplant", "wörtlich"),
    ("im Aufbau", "in Vorbereitung", "im Aufbau"),
    ("laufend", "laufend", "wörtlich"),
    ("umgesetzt", "abgeschlossen", "umgesetzt"),
    ("verstetigt", "dauerhaft verankert", "verstetigt"),
)


def status_mapping(fw: Framework) -> list[Row]:
    rows = [{"wortlaut": w, "status": s, "begruendung": why} for w, s, why in STATUS_WORDINGS]
    return sorted(rows, key=lambda r: natural_key(r["wortlaut"]))


def status(fw: Framework) -> list[Row]:
    """Status records for every tenth measure: a history of two for half of them, one undated else."""
    rows: list[Row] = []
    for i, m in enumerate(fw.measures):
        if i % 10:
            continue
        dates = ("2022", "2024") if i % 20 == 0 else ("",)
        for date in dates:
            wording, state, _why = fw.rng.choice(STATUS_WORDINGS)
            rows.append({"massnahme": m["id"], "stichtag": date, "status": state, "wortlaut": wording,
                         "quelle": fw.web("bericht", i)})  # fmt: skip
    return sorted(
        rows, key=lambda r: [natural_key(r[c]) for c in ("massnahme", "stichtag", "status", "wortlaut")]
    )


def values(fw: Framework, indicators: list[Row]) -> list[Row]:
    """A time series (three years) for every sixth indicator, a target for every other of those."""
    rows: list[Row] = []
    for k, ind in enumerate(indicators[::6]):
        base = fw.rng.randint(10, 60)
        for j, year in enumerate(("2020", "2022", "2024")):
            rows.append({"indikator": ind["id"], "zeitraum": year, "gebiet": "Land",
                         "wert": str(base + 2 * j), "einheit": "%", "art": "Istwert",
                         "quelle": fw.web("statistik", k)})  # fmt: skip
        if k % 2 == 0:
            rows.append({"indikator": ind["id"], "zeitraum": "2027", "gebiet": "Land", "wert": str(base + 10),
                         "einheit": "%", "art": "Zielwert", "quelle": fw.web("statistik", k)})  # fmt: skip
    return sorted(
        rows,
        key=lambda r: [
            natural_key(r.get(c, "")) for c in ("indikator", "zeitraum", "gebiet", "gruppe", "wert")
        ],
    )
