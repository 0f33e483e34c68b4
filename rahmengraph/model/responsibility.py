"""Who is responsible for a measure on a day (default: today): the measure's own lead history,
then re-organisations (``rg:successor``) to the actors in office that day.

The measure's own lead history (``federfuehrung_bisher``, ``rg:leadHistory``) and its current leads
(``federfuehrend``, jointly, all at the position after the history) form a chain: only the step in
office on the day counts (the last whose actors' ``rg:validFrom`` is not after it). A
responsibility names the actor as the source wrote it; where that actor was dissolved or re-cut by
then (``rg:validUntil``), its successors take over — possibly several, when a Ressort was split.
The path through the successors is kept, so a planner sees *why* an actor is responsible.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pyoxigraph as ox

from rahmengraph.errors import NotFound
from rahmengraph.model import value_lists
from rahmengraph.model import vocab as v
from rahmengraph.model.store import GraphStore, text

ROLE_CELLS = {t.iri: t.cell for t in value_lists.ROLES.values()}


@dataclass(frozen=True)
class Actor:
    id: str
    label: str
    iri: str
    valid_until: str | None = None
    valid_from: str | None = None


@dataclass(frozen=True)
class Today:
    """A current actor and the chain of ids leading to it (starting with the named actor)."""

    actor: Actor
    path: tuple[str, ...]


@dataclass
class Succession:
    """One responsibility of the measure: the actor the source names, its role, who holds it today."""

    named: Actor
    role: str  # cell spelling: federfuehrend / beteiligt
    today: list[Today] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(t.actor.iri != self.named.iri for t in self.today)


def measure_iri(store: GraphStore, ident: str) -> str:
    """IRI of a measure given its id (or its IRI)."""
    if ident.startswith(("http://", "https://")):
        return ident
    found = store.select(f"SELECT ?m WHERE {{ ?m a <{v.MEASURE}> ; <{v.NOTATION}> {ox.Literal(ident)} }}")
    if not found.rows or not isinstance(found.rows[0][0], ox.NamedNode):
        raise NotFound(f"Maßnahme {ident!r} gibt es nicht (Pfad-Parameter id)")
    return found.rows[0][0].value


def _actors(store: GraphStore) -> tuple[dict[str, Actor], dict[str, list[str]]]:
    table = store.select(
        f"SELECT ?a ?id ?label ?succ ?end ?start WHERE {{ ?a a <{v.ACTOR}> ; "
        f"<{v.NOTATION}> ?id ; <{v.LABEL}> ?label ."
        f" OPTIONAL {{ ?a <{v.SUCCESSOR}> ?succ }} OPTIONAL {{ ?a <{v.VALID_UNTIL}> ?end }}"
        f" OPTIONAL {{ ?a <{v.VALID_FROM}> ?start }} }}"
    )
    actors: dict[str, Actor] = {}
    successors: dict[str, list[str]] = {}
    for a, ident, label, succ, end, start in table:
        if not isinstance(a, ox.NamedNode) or ident is None or label is None:
            continue
        actors[a.value] = Actor(text(ident) or "", text(label) or "", a.value, text(end), text(start))
        succs = successors.setdefault(a.value, [])
        if isinstance(succ, ox.NamedNode) and succ.value not in succs:
            succs.append(succ.value)
    return actors, successors


def _follow(start: str, actors: dict[str, Actor], successors: dict[str, list[str]], day: str) -> list[Today]:
    found: list[Today] = []
    stack: list[tuple[str, tuple[str, ...]]] = [(start, (actors[start].id,))]
    seen: set[str] = set()
    while stack:
        iri, path = stack.pop()
        if iri in seen:
            continue
        seen.add(iri)
        actor = actors[iri]
        nexts = [s for s in successors.get(iri, []) if s in actors]
        ended = actor.valid_until is not None and actor.valid_until <= day
        if not ended or not nexts:
            found.append(Today(actor, path))  # in office, or dissolved without a known successor
            continue
        stack.extend((s, (*path, actors[s].id)) for s in reversed(nexts))
    return sorted(found, key=lambda t: t.actor.id)


def _chain_leads(rows: list[dict[str, str | None]], actors: dict[str, Actor], day: str) -> set[str]:
    """Of a chain of leads (history, then the joint current leads), the ones in office on ``day``."""
    steps: dict[int, list[str]] = {}
    for r in rows:
        if r["role"] == value_lists.LEAD and r["pos"] is not None:
            steps.setdefault(int(r["pos"]), []).append(r["actor"] or "")
    chain = [steps[p] for p in sorted(steps)]
    now = set(chain[0]) if chain else set()
    for step in chain[1:]:
        starts = [actors[a].valid_from if a in actors else None for a in step]
        if any(start is None or start <= day for start in starts):
            now = set(step)
    return now


def responsible_today(store: GraphStore, measure: str, day: str | None = None) -> list[Succession]:
    """Every responsibility of ``measure`` (id or IRI) with the actors holding it on ``day`` (ISO;
    default today); of a chain of leads only the ones in office that day."""
    day = day or dt.date.today().isoformat()
    iri = measure_iri(store, measure)
    roles = store.select(
        f"SELECT DISTINCT ?actor ?role ?pos WHERE {{ "
        f"<{iri}> <{v.QUALIFIED_ASSOCIATION}>|<{v.LEAD_HISTORY}> ?r . "
        f"?r <{v.PROV_AGENT}> ?actor ; <{v.HAD_ROLE}> ?role . OPTIONAL {{ ?r <{v.POSITION}> ?pos }} }}"
    )
    actors, successors = _actors(store)
    rows = roles.values()
    leads = _chain_leads(rows, actors, day)
    out: list[Succession] = []
    for row in rows:
        actor, role = row["actor"], row["role"]
        if actor is None or actor not in actors or role is None:
            continue
        if role == value_lists.LEAD and row["pos"] is not None and actor not in leads:
            continue  # an earlier (or later) lead of the measure's own chain
        named = Succession(actors[actor], ROLE_CELLS.get(role, role), _follow(actor, actors, successors, day))
        if all(s.named.iri != actor or s.role != named.role for s in out):
            out.append(named)
    order = list(ROLE_CELLS.values())
    return sorted(out, key=lambda s: (order.index(s.role) if s.role in order else 9, s.named.id))
