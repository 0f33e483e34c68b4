"""What an item page needs beyond its own columns: sources, incoming links and (for measures) the
responsibilities with role, actor, levels and how the levels are known."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from rahmengraph.model import value_lists
from rahmengraph.model import vocab as v
from rahmengraph.model.catalog import Ref
from rahmengraph.model.kinds import kind_of_iri
from rahmengraph.model.ordering import natural_key
from rahmengraph.model.responsibility import ROLE_CELLS
from rahmengraph.model.store import GraphStore, text

_BASES = {t.iri: t.cell for t in value_lists.LEVEL_BASES.values()}
_DE = 'FILTER(LANGMATCHES(LANG(?{0}), "de") || LANG(?{0}) = "")'


@dataclass(frozen=True)
class Source:
    label: str
    iri: str
    primary: bool


@dataclass(frozen=True)
class Incoming:
    """Another entity pointing at the item: ``item --relation--> this``."""

    relation: str  # property IRI
    relation_label: str
    item: Ref


@dataclass(frozen=True)
class Duty:
    """One responsibility of a measure."""

    role: str
    actor: Ref
    levels: tuple[Ref, ...]
    basis: str  # belegt / abgeleitet


def _ref(iri: ox.NamedNode, key: ox.Literal | None, label: ox.Literal | None) -> Ref:
    ident = key.value if key is not None else iri.value.rsplit("/", 1)[-1]
    return Ref(ident, label.value if label is not None else ident, iri.value, kind_of_iri(iri.value))


def sources(store: GraphStore, iri: str) -> list[Source]:
    table = store.select(
        f"SELECT ?s ?label ?primary WHERE {{ <{iri}> <{v.DCT_SOURCE}> ?s . "
        f"OPTIONAL {{ ?s <{v.LABEL}> ?label }} "
        f"BIND(EXISTS {{ <{iri}> <{v.PRIMARY_SOURCE}> ?s }} AS ?primary) }}"
    )
    out = [
        Source(
            text(label) or s.value,
            s.value,
            text(primary) == "true",
        )
        for s, label, primary in table
        if isinstance(s, ox.NamedNode)
    ]
    return sorted(out, key=lambda x: (not x.primary, natural_key(x.label)))


def incoming(store: GraphStore, iri: str) -> list[Incoming]:
    table = store.select(
        f"SELECT DISTINCT ?s ?p ?key ?label ?plabel WHERE {{ ?s ?p <{iri}> ; <{v.NOTATION}> ?key ; "
        f"<{v.LABEL}> ?label . {_DE.format('label')} "
        f"OPTIONAL {{ ?p <{v.LABEL}> ?plabel {_DE.format('plabel')} }} }}"
    )
    out = []
    for s, p, key, label, plabel in table:
        if not isinstance(s, ox.NamedNode) or not isinstance(p, ox.NamedNode):
            continue
        k = key if isinstance(key, ox.Literal) else None
        lab = label if isinstance(label, ox.Literal) else None
        name = text(plabel) or p.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        out.append(Incoming(p.value, name, _ref(s, k, lab)))
    return sorted(out, key=lambda x: (x.relation_label, natural_key(x.item.id)))


def duties(store: GraphStore, measure: str) -> list[Duty]:
    table = store.select(
        f"SELECT ?r ?role ?a ?akey ?alabel ?basis ?l ?lkey ?llabel ?pos WHERE {{\n"
        f"  <{measure}> <{v.QUALIFIED_ASSOCIATION}> ?r . ?r <{v.HAD_ROLE}> ?role ; <{v.PROV_AGENT}> ?a .\n"
        f"  ?a <{v.NOTATION}> ?akey ; <{v.LABEL}> ?alabel .\n"
        f"  OPTIONAL {{ ?r <{v.LEVEL_BASIS_P}> ?basis }} OPTIONAL {{ ?r <{v.POSITION}> ?pos }}\n"
        f"  OPTIONAL {{ ?r <{v.LEVEL_P}> ?l . ?l <{v.NOTATION}> ?lkey ; <{v.PREF_LABEL}> ?llabel "
        f'FILTER(LANGMATCHES(LANG(?llabel), "de")) }}\n}}'
    )
    found: dict[str, tuple[str, Ref, list[Ref], str, int]] = {}
    for r, role, a, akey, alabel, basis, lvl, lkey, llabel, pos in table:
        if not isinstance(r, ox.NamedNode) or not isinstance(a, ox.NamedNode) or role is None:
            continue
        entry = found.setdefault(
            r.value,
            (
                ROLE_CELLS.get(role.value, role.value) if isinstance(role, ox.NamedNode) else "",
                _ref(
                    a,
                    akey if isinstance(akey, ox.Literal) else None,
                    alabel if isinstance(alabel, ox.Literal) else None,
                ),
                [],
                _BASES.get(text(basis) or "", ""),
                int(text(pos) or 0),
            ),
        )
        if isinstance(lvl, ox.NamedNode):
            ref = _ref(
                lvl,
                lkey if isinstance(lkey, ox.Literal) else None,
                llabel if isinstance(llabel, ox.Literal) else None,
            )
            if ref not in entry[2]:
                entry[2].append(ref)
    order = list(ROLE_CELLS.values())
    items = sorted(
        found.values(), key=lambda e: (order.index(e[0]) if e[0] in order else 9, e[3], e[4], e[1].id)
    )
    return [
        Duty(role, actor, tuple(sorted(levels, key=lambda x: x.id)), basis)
        for role, actor, levels, basis, _ in items
    ]
