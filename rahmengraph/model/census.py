"""How many entities of each kind a store holds: the one count every page, list and API shows.

An entity is counted once per kind, by its kind's base class (:mod:`rahmengraph.model.kinds`),
however many subclasses it also has (a Ressort is an actor once, not once as actor and once as
Ressort). The start page, ``/browse`` and the planners' lists all read :func:`kind_counts`.
"""

from __future__ import annotations

from rahmengraph.model import vocab
from rahmengraph.model.kinds import KINDS
from rahmengraph.model.store import GraphStore


def kind_counts(store: GraphStore, framework: str | None = None) -> dict[str, int]:
    """Distinct entities per kind key (every kind of the table, in its order; 0 when none)."""
    classes = " ".join(f"<{k.cls}>" for k in KINDS.values())
    scope = f" ; <{vocab.IN_FRAMEWORK}> <{framework}>" if framework else ""
    rows = store.select(
        f"SELECT ?c (COUNT(DISTINCT ?e) AS ?n) "
        f"WHERE {{ VALUES ?c {{ {classes} }} ?e a ?c{scope} }} GROUP BY ?c"
    ).values()
    by_class = {r["c"]: int(r["n"] or 0) for r in rows}
    return {k.key: by_class.get(k.cls, 0) for k in KINDS.values()}
