"""Who is responsible for a measure today: follow re-organisations (``rg:successor``) to current actors.

A responsibility names the actor as the source wrote it. Where that actor was later dissolved or
re-cut (``rg:validUntil`` set), its successors take over — possibly several, when a Ressort was
split. The path through the successors is kept, so a planner sees *why* an actor is responsible.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from rahmengraph.errors import NotFound
from rahmengraph.model import vocab as v
from rahmengraph.model.store import GraphStore, text

ROLE_CELLS = {t.iri: t.cell for t in v.ROLES.values()}


@dataclass(frozen=True)
class Actor:
    id: str
    label: str
    iri: str
    valid_until: str | None = None


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
        f"SELECT ?a ?id ?label ?succ ?end WHERE {{ ?a a <{v.ACTOR}> ; "
        f"<{v.NOTATION}> ?id ; <{v.LABEL}> ?label ."
        f" OPTIONAL {{ ?a <{v.SUCCESSOR}> ?succ }} OPTIONAL {{ ?a <{v.VALID_UNTIL}> ?end }} }}"
    )
    actors: dict[str, Actor] = {}
    successors: dict[str, list[str]] = {}
    for a, ident, label, succ, end in table:
        if not isinstance(a, ox.NamedNode) or ident is None or label is None:
            continue
        actors[a.value] = Actor(text(ident) or "", text(label) or "", a.value, text(end))
        succs = successors.setdefault(a.value, [])
        if isinstance(succ, ox.NamedNode) and succ.value not in succs:
            succs.append(succ.value)
    return actors, successors


def _follow(start: str, actors: dict[str, Actor], successors: dict[str, list[str]]) -> list[Today]:
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
        if actor.valid_until is None or not nexts:
            found.append(Today(actor, path))  # current, or dissolved without a known successor
            continue
        stack.extend((s, (*path, actors[s].id)) for s in reversed(nexts))
    return sorted(found, key=lambda t: t.actor.id)


def responsible_today(store: GraphStore, measure: str) -> list[Succession]:
    """Every responsibility of ``measure`` (id or IRI) with the actors holding it today."""
    iri = measure_iri(store, measure)
    roles = store.select(
        f"SELECT DISTINCT ?actor ?role WHERE {{ <{iri}> <{v.QUALIFIED_ASSOCIATION}> ?r . "
        f"?r <{v.PROV_AGENT}> ?actor ; <{v.HAD_ROLE}> ?role }}"
    )
    actors, successors = _actors(store)
    out = []
    for row in roles.values():
        actor, role = row["actor"], row["role"]
        if actor is None or actor not in actors or role is None:
            continue
        out.append(Succession(actors[actor], ROLE_CELLS.get(role, role), _follow(actor, actors, successors)))
    order = list(ROLE_CELLS.values())
    return sorted(out, key=lambda s: (order.index(s.role) if s.role in order else 9, s.named.id))
