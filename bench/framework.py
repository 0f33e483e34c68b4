"""One synthetic framework as rows of the tabular format: shape by profile, randomness by seed.

All randomness comes from one ``random.Random`` seeded with ``"<seed>:<name>"``, so each framework
is reproducible on its own. Rows come out in the canonical order of the exporter: natural sort by
key, events by date, levels in declared order; list cells sorted the way the exporter writes them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Final

from bench import lexicon as lx
from bench import supplements as sup
from rahmengraph.model.ordering import natural_key

Row = dict[str, str]
XSS_NAME: Final = "<img src=x onerror=alert(1)>"
FIRST_TERM: Final = "2019-08-15"
RECUT: Final = "2023-07-05"


@dataclass(frozen=True)
class Profile:
    """Size and shape of one synthetic framework."""

    measures: int
    groups: int  # target groups without the intersectional ones
    intersections: int
    departments: int  # departments before the re-cut (≥ 3: one is split, two are merged)
    dept_code: str  # first letter of department kürzel
    dept_name: str
    dept_type: str  # akteure.typ of departments
    others: int  # further actors from lexicon.OTHERS
    home: str  # level the departments work on
    adopter: tuple[str, str, str]  # kuerzel, name, typ of the body that adopted the framework
    bodies: int
    events: int
    initiatives: int


PROFILES: Final = {
    "bremen": Profile(100, 52, 8, 12, "S", "Senator:in für", "Senatsressort", 22, "Land",
                      ("SENAT", "Senat", "Senat"), 6, 24, 6),
    "land": Profile(40, 28, 5, 12, "S", "Ministerium für", "Senatsressort", 10, "Land",
                    ("LREG", "Landesregierung", "Senat"), 4, 8, 3),
    "kreis": Profile(28, 24, 4, 6, "D", "Dezernat für", "Behörde", 8, "Kreis B",
                     ("KT", "Kreistag", "Parlament"), 3, 6, 2),
}  # fmt: skip


def _nat(items: list[str]) -> str:
    return ";".join(sorted(items, key=natural_key))


def _sorted(rows: list[Row], key: str) -> list[Row]:
    return sorted(rows, key=lambda r: natural_key(r[key]))


class Framework:
    """Rows of every file of one framework, built on construction."""

    def __init__(self, name: str, profile: Profile, seed: int, base: str, xss: bool = False) -> None:
        self.name, self.p, self.base = name, profile, base
        self.rng = random.Random(f"{seed}:{name}")
        self.doc = f"https://dokumente.example.org/{name}/rahmenkonzept.pdf"
        self.fields = [f"3.{i}" for i in range(1, len(lx.FIELDS) + 1)]
        self.levels = self._level_names()
        self.actors: list[Row] = []
        self.successors: dict[str, list[str]] = {}
        self.current: list[str] = []  # leads today: new departments, authorities, commissioners
        self.partners: list[str] = []  # every actor that still exists
        self._actors()
        self.groups = self._groups()
        self.measures: list[Row] = []
        for i in range(profile.measures):
            self.measures.append(self._measure(i))
        if xss:
            self.measures[0]["name"] = XSS_NAME

    # --- sources ---------------------------------------------------------------------------------

    def page(self, n: int) -> str:
        return f"{self.doc}#page={n}"

    def web(self, kind: str, n: int) -> str:
        return f"https://www.example.org/{self.name}/{kind}/{n:03d}"

    # --- levels and actors -----------------------------------------------------------------------

    def _level_names(self) -> list[str]:
        home = [self.p.home] if self.p.home in lx.MUNICIPAL else []
        rest = [m for m in lx.MUNICIPAL if m not in home]
        chosen = home + self.rng.sample(rest, self.rng.randint(1 - len(home), 2 - len(home)))
        municipal = [m for m in lx.MUNICIPAL if m in chosen]
        return ["Land", *municipal, "Bund", *(["EU"] if self.rng.random() < 0.5 else [])]

    def _actor(self, kuerzel: str, name: str, typ: str, ebene: str, **more: str) -> None:
        src = more.pop("quelle", self.web("akteur", len(self.actors) + 1))
        self.actors.append(
            {"kuerzel": kuerzel, "name": name, "typ": typ, "ebene": ebene, "quelle": src, **more}
        )

    def _actors(self) -> None:
        p, code = self.p, self.p.dept_code
        areas = lx.AREAS[: p.departments]
        org = self.web("geschaeftsverteilung", 2019)
        new: list[tuple[str, str, list[str]]] = [  # kuerzel, portfolio, predecessors
            (f"{code}{areas[0][0]}N", areas[0][1], [f"{code}{areas[0][0]}"]),
            (f"{code}{lx.SPLIT_OFF[0]}", lx.SPLIT_OFF[1], [f"{code}{areas[0][0]}"]),
            (f"{code}{areas[1][0]}{areas[2][0]}", f"{areas[1][1]} und {areas[2][1]}",
             [f"{code}{areas[1][0]}", f"{code}{areas[2][0]}"]),
        ]  # fmt: skip
        for i, (c, area) in enumerate(areas[3:]):
            new.append((f"{code}{c}N", f"{area} und {lx.EXTRAS[i % len(lx.EXTRAS)]}", [f"{code}{c}"]))
        for kz, _area, before in new:
            for old in before:
                self.successors.setdefault(old, []).append(kz)
        merged = new[2][2]
        for c, area in areas:
            kz = f"{code}{c}"
            note = "beim Neuzuschnitt aufgeteilt" if len(self.successors[kz]) > 1 else ""
            note = "beim Neuzuschnitt zusammengelegt" if kz in merged else note
            dates = {"gueltig_von": FIRST_TERM, "gueltig_bis": RECUT, "anmerkung": note}
            links = {"nachfolger": _nat(self.successors[kz]), "quelle": org}
            self._actor(kz, f"{p.dept_name} {area}", p.dept_type, p.home, **dates, **links)
        for kz, area, before in new:
            links = {"vorgaenger": _nat(before), "quelle": self.web("geschaeftsverteilung", 2023)}
            self._actor(kz, f"{p.dept_name} {area}", p.dept_type, p.home, gueltig_von=RECUT, **links)
        self.current = [kz for kz, _a, _b in new]
        self._actor(*p.adopter, p.home)
        municipal = [lv for lv in self.levels if lx.LEVELS[lv][2] == "Kommune"]
        for lv in municipal:
            self._actor(f"KOM-{lx.LEVELS[lv][0].upper()}", f"Verwaltung {lv}", "Kommune", lv)
        where = {"home": p.home, "bund": "Bund", "": ""}
        for kz, name, typ, at in lx.OTHERS[: p.others]:
            ebene = self.rng.choice(municipal) if at == "muni" else where[at]
            self._actor(kz, f"{name} {ebene}".strip() if at == "muni" else name, typ, ebene)
            if typ in ("Behörde", "Beauftragte"):
                self.current.append(kz)
        self.partners = [a["kuerzel"] for a in self.actors if not a.get("gueltig_bis")]

    # --- target groups ---------------------------------------------------------------------------

    def _groups(self) -> list[Row]:
        tops = [g for g in lx.GROUPS if not g[4]]
        pick = self.rng.sample([g for g in lx.GROUPS if g[4]], max(0, self.p.groups - len(tops)))
        chosen = {g[0] for g in pick} | {g[0] for g in tops}
        rows = []
        for gid, de, en, dim, parent in lx.GROUPS:
            if gid in chosen:
                parent = parent if parent in chosen else ""
                rows.append(dict(id=gid, label_de=de, label_en=en, dimension=dim, oberbegriff=parent,
                                 quelle=self.page(self.rng.randint(4, 12))))  # fmt: skip
        parts, made = [g for g in lx.GROUPS if g[0] in chosen], 0
        while made < self.p.intersections:
            comps = self.rng.sample(parts, self.rng.choice((2, 2, 3)))
            gid = "-x-".join(c[0] for c in comps)
            nested = any(c[4] == d[0] for c in comps for d in comps)
            if nested or len({c[3] for c in comps}) < len(comps) or any(r["id"] == gid for r in rows):
                continue
            rows.append(dict(
                id=gid, label_de=f"{comps[0][1]} (zugleich {', '.join(c[1] for c in comps[1:])})",
                label_en=f"{comps[0][2]} (also {', '.join(c[2] for c in comps[1:])})", dimension=comps[0][3],
                schnitt_aus=_nat([c[0] for c in comps]), quelle=self.page(self.rng.randint(12, 14)),
            ))  # fmt: skip
            made += 1
        return _sorted(rows, "id")

    # --- measures --------------------------------------------------------------------------------

    def _leads(self) -> tuple[list[str], str]:
        r, rng = self.rng.random(), self.rng
        if r < 0.06:
            return [], ""  # a visible gap: nobody named
        old = rng.choice(sorted(self.successors, key=natural_key))
        if r < 0.20:
            return [old, rng.choice(self.successors[old])], "2020–2025"
        if r < 0.28:
            return [old], "2019–2022"
        return [rng.choice(self.current)], rng.choice(lx.PERIODS)

    def _measure(self, i: int) -> Row:
        rng = self.rng
        field = self.fields[i % len(self.fields)]
        prefix = "M" if rng.random() < 0.7 else "K"
        number = 1 + sum(1 for m in self.measures if m["id"].startswith(f"{prefix}-{field}-"))
        mid = f"{prefix}-{field}-{number:02d}"
        extra = rng.sample([f for f in self.fields if f != field], rng.choice((0, 0, 0, 1, 2)))
        leads, period = self._leads()
        n_partners = max(0 if leads else 1, min(rng.choice((0, 0, 0, 1, 1, 2)), 3 - len(leads)))
        partners = rng.sample([a for a in self.partners if a not in leads], n_partners)
        levels = rng.sample(self.levels, rng.choice((1, 1, 2)))
        groups = rng.sample([g["id"] for g in self.groups], rng.choice((1, 1, 2, 2, 3, 4)))
        title, short = lx.FIELDS[int(field.split(".")[1]) - 1]
        page = 14 + 3 * int(field.split(".")[1]) + rng.randint(0, 2)
        sources = [self.page(page) if prefix == "M" else self.web("presse", rng.randint(1, 60))]
        if rng.random() < 0.25:
            sources.append(self.web("bericht", rng.randint(1, 30)))
        level, reason = rng.choice(list(lx.CERTAINTY_REASONS.items()))
        depends = (
            rng.sample([m["id"] for m in self.measures], rng.randint(1, 2))
            if i > 5 and rng.random() < 0.15
            else []
        )
        return {
            "id": mid, "name": f"{rng.choice(lx.MEASURE_WORDS)} {short} {number}",
            "beschreibung": f"Synthetische Maßnahme im Handlungsfeld {title}.",
            "handlungsfelder": ";".join([field, *sorted(extra, key=natural_key)]),
            "federfuehrend": ";".join(leads[-1:]), "beteiligt": ";".join(partners),
            "ebene": ";".join(lv for lv in self.levels if lv in levels), "zielgruppen": _nat(groups),
            "zeitraum": period, "status": rng.choice(lx.STATUSES), "finanzierung": rng.choice(lx.FUNDINGS),
            "quelle_url": " | ".join([sources[0], *sorted(sources[1:], key=natural_key)]),
            "quelle_hinweis": f"S. {page}" if prefix == "M" else "",
            "beleg": "rahmenkonzept" if prefix == "M" else "kontext",
            "sicherheit": f"{level}: {reason}", "abhaengig_von": _nat(depends),
            "federfuehrung_bisher": ";".join(leads[:-1]),  # the lead's history, oldest first
        }  # fmt: skip

    # --- the other files -------------------------------------------------------------------------

    def tables(self) -> dict[str, list[Row]]:
        """File name → rows in canonical order."""
        fields = [
            {"nummer": nr, "titel": t, "kurztitel": s, "seite": str(13 + 3 * i),
             "unterabschnitte": f"{nr}.1 Ausgangslage;{nr}.2 Maßnahmen" if i % 3 == 0 else "",
             "quelle": self.page(13 + 3 * i)}
            for i, (nr, (t, s)) in enumerate(zip(self.fields, lx.FIELDS, strict=True), start=1)
        ]  # fmt: skip
        goals = [
            {"id": f"Z-2.{i}", "nummer": f"2.{i}", "titel": t, "kurztitel": s,
             "beschreibung": f"Synthetisches Ziel {i}.", "quelle": self.page(6 + 2 * i),
             "handlungsfelder": _nat(self.fields[i - 1 :: len(lx.GOALS)])}
            for i, (t, s) in enumerate(lx.GOALS, start=1)
        ]  # fmt: skip
        levels = [
            {"name": lv, "id": lx.LEVELS[lv][0], "label_en": lx.LEVELS[lv][1], "typ": lx.LEVELS[lv][2],
             "uebergeordnet": lx.LEVELS[lv][3], "quelle": self.page(3)}
            for lv in self.levels
        ]  # fmt: skip
        indicators = sup.indicators(self)
        return {
            "rahmen.csv": [sup.framework_row(self)],
            "ebenen.csv": levels,
            "handlungsfelder.csv": fields,
            "ziele.csv": goals,
            "akteure.csv": _sorted(self.actors, "kuerzel"),
            "zielgruppen.csv": self.groups,
            "massnahmen.csv": _sorted(self.measures, "id"),
            "zustaendigkeiten.csv": sup.responsibilities(self),
            "gremien.csv": sup.bodies(self),
            "ereignisse.csv": sup.events(self),
            "vorhaben.csv": sup.initiatives(self),
            "indikatoren.csv": indicators,
            "kennzahlen_werte.csv": sup.values(self, indicators),
            "status.csv": sup.status(self),
            "status_zuordnung.csv": sup.status_mapping(self),
        }
