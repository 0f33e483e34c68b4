"""Level types and the level comparisons that make sense for a framework, as the dataset declares them.

A dataset declares its level types in ``ebenentypen.csv`` (a Berlin Bezirk, a Landkreis, a
Regierungsbezirk …), each with the type it is part of and three rules; a dataset that declares
nothing gets the German defaults below (Land, Kommune, Bund, EU). The analyses and graph views read
the rules from here instead of assuming Bremen's shape (a Land and its municipalities):

* ``own`` (``eigene_ebene``): the framework's own government acts on levels of this type. A level
  of another type (Bund, EU) on which the framework has no measure at all is no gap: it is left
  out of the coverage matrices and graph gaps.
* ``compare`` (``vergleichen``): levels of this type are compared with each other (fields and
  target groups with measures on only some of them).
* ``counterpart`` (``gegenstueck``): a measure on the type this one is part of, in a field that has
  measures on this type, is expected to have a counterpart here.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Final

import networkx as nx


@dataclass(frozen=True)
class LevelType:
    name: str
    part_of: str  # name of the type it is part of ("" for a top type)
    own: bool
    compare: bool
    counterpart: bool
    declared: bool = False  # from ebenentypen.csv (else a default)


#: The German defaults (``ebenen.typ`` without ``ebenentypen.csv``).
DEFAULTS: Final[dict[str, LevelType]] = {
    t.name: t
    for t in (
        LevelType("Land", "", own=True, compare=False, counterpart=False),
        LevelType("Kommune", "Land", own=True, compare=True, counterpart=True),
        LevelType("Bund", "", own=False, compare=False, counterpart=False),
        LevelType("EU", "", own=False, compare=False, counterpart=False),
    )
}


def _declared(g: nx.MultiDiGraph[str]) -> dict[tuple[str, str], LevelType]:
    """(framework, type name) → the type a dataset declares (nodes of kind ``level_type``)."""
    out = {}
    for _n, d in g.nodes(data=True):
        if d.get("kind") == "level_type":
            name = str(d.get("key", ""))
            out[(str(d.get("framework", "")), name)] = LevelType(
                name,
                str(d.get("part_of", "")),
                own=d.get("own") == "true",
                compare=d.get("compare") == "true",
                counterpart=d.get("counterpart") == "true",
                declared=True,
            )
    return out


#: Level types per graph (a projection does not change once built; views add edges, not levels).
_CACHE: weakref.WeakKeyDictionary[nx.MultiDiGraph[str], tuple[int, dict[str, LevelType]]] = (
    weakref.WeakKeyDictionary()
)


def level_types(g: nx.MultiDiGraph[str]) -> dict[str, LevelType]:
    """Level node → its type with the rules (declared by its framework, else the default)."""
    cached = _CACHE.get(g)
    if cached is not None and cached[0] == g.number_of_nodes():
        return cached[1]
    found = _level_types(g)
    _CACHE[g] = (g.number_of_nodes(), found)
    return found


def _level_types(g: nx.MultiDiGraph[str]) -> dict[str, LevelType]:
    declared = _declared(g)
    out = {}
    for n, d in g.nodes(data=True):
        if d.get("kind") == "level":
            name = str(d.get("level_kind", ""))
            fw = str(d.get("framework", ""))
            found = declared.get((fw, name)) or DEFAULTS.get(name)
            out[n] = found or LevelType(name, "", own=True, compare=False, counterpart=False)
    return out


def _has_measures(g: nx.MultiDiGraph[str], level: str) -> bool:
    return any(d.get("rel") == "level" for _u, _v, d in g.in_edges(level, data=True))


def shown_levels(g: nx.MultiDiGraph[str], levels: list[str]) -> list[str]:
    """``levels`` without those outside the framework's own levels that carry no measure at all."""
    types = level_types(g)
    return [lv for lv in levels if types[lv].own or _has_measures(g, lv)]


def groups(g: nx.MultiDiGraph[str], levels: list[str], rule: str) -> dict[tuple[str, str], list[str]]:
    """(framework, type name) → its levels, for the types where ``rule`` (``compare`` or
    ``counterpart``) holds, in the order of ``levels``."""
    types = level_types(g)
    out: dict[tuple[str, str], list[str]] = {}
    for lv in levels:
        t = types[lv]
        if getattr(t, rule):
            out.setdefault((str(g.nodes[lv].get("framework", "")), t.name), []).append(lv)
    return out


def explain(g: nx.MultiDiGraph[str]) -> str:
    """The level comparisons of the frameworks in ``g``, in words (for the analyses' explanations)."""
    types = level_types(g)
    by_type: dict[str, tuple[LevelType, int]] = {}
    for t in types.values():
        by_type[t.name] = (t, by_type.get(t.name, (t, 0))[1] + 1)
    parts = []
    for name, (t, count) in by_type.items():
        rules = [f"Teil von {t.part_of}"] if t.part_of else []
        rules.append("eigene Ebene" if t.own else "nicht eigene Ebene (ohne Maßnahmen keine Lücke)")
        if t.compare:
            rules.append("untereinander verglichen")
        if t.counterpart and t.part_of:
            rules.append(f"Gegenstück zu Maßnahmen auf {t.part_of} erwartet")
        parts.append(f"{name} ({count}): {', '.join(rules)}")
    source = "erklärt in ebenentypen.csv" if any(t.declared for t in types.values()) else "Standardtypen"
    return f"Ebenentypen ({source}): " + "; ".join(parts) + "."
