"""Who a picture shows as responsible: the Ressort structure (current or 2019–23) and aggregates.

A responsibility names the actor as the source wrote it. A picture shows it under the actors that
existed at the structure's reference date: an actor dissolved before it hands over to its
successors (``rg:successor``), one founded after it goes back to its predecessors. So by default
every measure of the departed Ressorts (e.g. SJIS, SWAE) is shown with the Ressorts cut on
05.07.2023 (SASJI …), and ``ressorts=2019`` shows the structure the framework was adopted under.
Other data: ``aktuell`` is the structure after its largest re-cut (the day most units with a
successor ended), ``2019`` the one before it.

Pictures a room reads stay small by aggregation: Ressorts (Senate departments, the Senate, the
municipalities) and actors in many measures are shown one by one, the rest grouped by actor type;
target groups are collapsed into their diversity dimensions (an intersectional group counts for
the dimensions of every group it intersects).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from rahmengraph.errors import ParameterError
from rahmengraph.viz.graph_data import Graph, in_rels, kind_of, out_rels

RESPONSIBLE: Final = ("lead", "partner")


@dataclass(frozen=True)
class Structure:
    name: str
    date: str  # ISO date (prefix) the actors must be valid on
    title: str  # German


#: Ressort structures a picture can show (option ``ressorts``); the first is the default. Their
#: dates and titles are Bremen's; :func:`structure` takes them from the data's own re-cut.
STRUCTURES: Final[dict[str, Structure]] = {
    s.name: s
    for s in (
        Structure("aktuell", "9999", "Ressortzuschnitt ab 05.07.2023"),
        Structure("2019", "2023-07-04", "Ressortzuschnitt 2019–2023"),
    )
}
_DAY: Final = re.compile(r"\d{4}-\d{2}-\d{2}")


def recuts(g: Graph) -> list[tuple[str, int]]:
    """(day, units) of every re-cut in the data: days on which units with a successor ended, the
    most units first (then the latest)."""
    ended: dict[str, int] = {}
    for n, a in g.nodes(data=True):
        until = str(a.get("valid_until") or "")
        if (
            a.get("kind") == "actor"
            and _DAY.fullmatch(until)
            and any(r == "successor" for _v, r in out_rels(g, n))
        ):
            ended[until] = ended.get(until, 0) + 1
    return sorted(ended.items(), key=lambda kv: (-kv[1], [-int(x) for x in kv[0].split("-")]))


def _german(day: str) -> str:
    y, m, d = day.split("-")
    return f"{d}.{m}.{y}"


def _structures(g: Graph | None) -> dict[str, Structure]:
    """The two structures of the data: after its largest re-cut and before it (since the re-cut
    before that, if any); without a re-cut the current one only."""
    if g is None:
        return STRUCTURES
    cuts = recuts(g)
    if not cuts:
        return {
            "aktuell": Structure("aktuell", "9999", "aktueller Ressortzuschnitt"),
            "2019": STRUCTURES["2019"],
        }
    main = cuts[0][0]
    before = (date.fromisoformat(main) - timedelta(days=1)).isoformat()
    earlier = sorted(day for day, _n in cuts if day < main)
    old = (
        f"Ressortzuschnitt {earlier[-1][:4]}–{main[:4]}"
        if earlier
        else f"Ressortzuschnitt bis {_german(before)}"
    )
    return {
        "aktuell": Structure("aktuell", "9999", f"Ressortzuschnitt ab {_german(main)}"),
        "2019": Structure("2019", before, old),
    }


#: Actor types shown one by one in the aggregated pictures (others: one node per type).
ONE_BY_ONE: Final = ("Senatsressort", "Senat", "Kommune")
#: Actors in at least this many measures are shown one by one, whatever their type …
MANY_MEASURES: Final = 6
#: … the busiest this many of them (a large framework keeps its pictures small).
MOST_BUSY: Final = 12


def structure(options: Mapping[str, str], g: Graph | None = None) -> Structure:
    """The structure named by option ``ressorts``: ``aktuell`` (after the data's largest re-cut),
    ``2019`` (before it) or a date (JJJJ-MM-TT)."""
    known = _structures(g)
    name = options.get("ressorts") or next(iter(known))
    if name in known:
        return known[name]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", name):
        return Structure(name, name, f"Ressortzuschnitt am {name}")
    raise ParameterError(
        f"Unbekannter Ressortzuschnitt {name!r} (Parameter ressorts); bekannt: "
        f"{', '.join(STRUCTURES)} oder ein Datum JJJJ-MM-TT"
    )


def _valid(g: Graph, actor: str, date: str) -> tuple[bool, bool]:
    """(ended before ``date``, not yet founded on ``date``)."""
    a = g.nodes[actor]
    until, since = a.get("valid_until"), a.get("valid_from")
    return bool(until and str(until) <= date), bool(since and str(since) > date)


def holders(g: Graph, actor: str, date: str) -> list[str]:
    """The actors holding ``actor``'s responsibilities on ``date`` (itself when it existed then)."""
    found: list[str] = []
    todo, seen = [actor], {actor}
    while todo:
        a = todo.pop(0)
        ended, unborn = _valid(g, a, date)
        if ended:
            nexts = [v for v, r in out_rels(g, a) if r == "successor"]
        elif unborn:
            nexts = [u for u, r in in_rels(g, a) if r == "successor"]
        else:
            nexts = []
        if not (ended or unborn) or not nexts:
            found.append(a)  # valid then, or without a known successor/predecessor
        for n in nexts:
            if n not in seen:
                seen.add(n)
                todo.append(n)
    return found


def lead_in_office(g: Graph, measure: str, date: str) -> set[str] | None:
    """Of the measure's own chain of leads (history, then the joint current leads), the ones in
    office on ``date`` (a later step takes over once one of its actors exists); None without a
    chain. Same rule as the model's."""
    steps: dict[int, list[str]] = {}
    for u, _, d in g.in_edges(measure, data=True):
        if d.get("rel") in ("lead", "former_lead") and int(d.get("position", -1)) >= 0:
            steps.setdefault(int(d["position"]), []).append(u)
    chain = [steps[p] for p in sorted(steps)]
    now = set(chain[0]) if chain else None
    for step in chain[1:]:
        if any(not g.nodes[a].get("valid_from") or str(g.nodes[a]["valid_from"]) <= date for a in step):
            now = set(step)
    return now


def responsibilities(g: Graph, measures: Iterable[str], date: str) -> dict[tuple[str, str], str]:
    """(actor, measure) → ``lead`` or ``partner`` under the structure of ``date`` (lead wins); of
    a measure's own chain of leads only the ones in office on ``date``."""
    out: dict[tuple[str, str], str] = {}
    held: dict[str, list[str]] = {}
    for m in measures:
        current = lead_in_office(g, m, date)
        for named, rel in in_rels(g, m):
            if rel == "former_lead":
                rel = "lead"
            elif rel not in RESPONSIBLE:
                continue
            if rel == "lead" and current is not None and named not in current:
                continue
            if named not in held:
                held[named] = holders(g, named, date)
            for a in held[named]:
                if out.get((a, m)) != "lead":
                    out[(a, m)] = rel
    return out


def actor_type(g: Graph, actor: str) -> str:
    return str(g.nodes[actor].get("actor_type") or "Sonstige")


def group_id(kind: str, key: str) -> str:
    return f"{kind}:{key}"


def actor_units(g: Graph, work: Mapping[str, set[str]]) -> dict[str, str]:
    """Actor → the node that shows it: itself (Ressorts, the busiest actors) or its type's group."""
    busy = sorted(
        (a for a, ms in work.items() if actor_type(g, a) not in ONE_BY_ONE and len(ms) >= MANY_MEASURES),
        key=lambda a: (-len(work[a]), str(g.nodes[a].get("key", a))),
    )[:MOST_BUSY]
    alone = set(busy) | {a for a in work if actor_type(g, a) in ONE_BY_ONE}
    return {a: a if a in alone else group_id("actor_group", actor_type(g, a)) for a in work}


def dimensions_of(g: Graph, group: str) -> list[str]:
    """Diversity dimensions a target group stands for (an intersection: those of its parts)."""
    parts = [v for v, r in out_rels(g, group) if r == "intersection_of"]
    dims = [str(g.nodes[p].get("dimension") or "Sonstige") for p in parts] or [
        str(g.nodes[group].get("dimension") or "Sonstige")
    ]
    return sorted(set(dims))


def targeted(g: Graph, measure: str) -> list[str]:
    return [v for v, r in out_rels(g, measure) if r == "targets" and kind_of(g, v) == "target_group"]
