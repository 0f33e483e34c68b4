"""What one edition says about its measures, Handlungsfelder and actors, read from its graph.

A snapshot is the input of the diff (:mod:`rahmengraph.model.diff`): one query over the edition's
graph for the predicates a change can concern, grouped per subject in Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from rahmengraph.model import namespaces, value_lists
from rahmengraph.model import vocab as v
from rahmengraph.model.state_cache import once_per_state
from rahmengraph.model.store import GraphStore, text

#: Predicates a snapshot reads (and the measure attributes they fill).
_PREDICATES = (
    v.TYPE,
    v.NOTATION,
    v.LABEL,
    v.DESCRIPTION,
    v.FIELD,
    v.PRIMARY_FIELD,
    v.LEVEL_P,
    v.TARGET_GROUP_P,
    v.STATUS,
    v.PERIOD,
    v.FUNDING,
    v.PREF_LABEL,
    v.QUALIFIED_ASSOCIATION,
    v.PROV_AGENT,
    v.HAD_ROLE,
    v.POSITION,
    v.VALID_FROM,
    v.VALID_UNTIL,
    v.SUCCESSOR,
)
_QUERY = "SELECT ?s ?p ?o WHERE { ?s ?p ?o . VALUES ?p { " + " ".join(f"<{p}>" for p in _PREDICATES) + " } }"


@dataclass(frozen=True)
class MeasureState:
    iri: str
    id: str
    name: str
    description: str
    fields: tuple[str, ...]  # ids, primary first
    levels: frozenset[str]  # ids/names as in the tables
    target_groups: frozenset[str]
    leads: tuple[str, ...]  # actor ids of the current leads (several: jointly); not the lead history
    partners: frozenset[str]
    status: str
    period: str
    funding: str

    @property
    def lead(self) -> str:
        """The lead now (joint leads as one ``;``-list)."""
        return ";".join(sorted(self.leads))

    def value(self, attribute: str) -> str:
        """An attribute as a table cell (``;``-lists), by its name in
        :data:`value_lists.CHANGED_ATTRIBUTES`."""
        values: dict[str, object] = {
            "name": self.name,
            "beschreibung": self.description,
            "zielgruppen": self.target_groups,
            "ebene": self.levels,
            "handlungsfelder": self.fields,
            "federfuehrend": self.leads,
            "beteiligt": self.partners,
            "status": self.status,
            "zeitraum": self.period,
            "finanzierung": self.funding,
        }
        value = values[attribute]
        if isinstance(value, str):
            return value
        assert isinstance(value, tuple | frozenset)
        items = list(value) if isinstance(value, tuple) else sorted(value)
        return ";".join(str(i) for i in items)


@dataclass(frozen=True)
class ActorState:
    iri: str
    id: str
    label: str
    valid_from: str | None
    valid_until: str | None
    successors: tuple[str, ...]  # IRIs


@dataclass(frozen=True)
class Snapshot:
    graph: str
    measures: dict[str, MeasureState]  # by IRI
    fields: dict[str, tuple[str, str]]  # IRI → (number, title)
    actors: dict[str, ActorState]  # by IRI


def _one(values: dict[str, list[ox.NamedNode | ox.Literal]], p: str) -> str:
    found = values.get(p)
    return (text(found[0]) or "") if found else ""


def _german(values: list[ox.NamedNode | ox.Literal]) -> str:
    return next((o.value for o in values if isinstance(o, ox.Literal) and o.language == v.GERMAN), "")


def snapshot(store: GraphStore, graphs: Sequence[str]) -> Snapshot:
    """The snapshot of the edition whose content is the union of ``graphs`` (once per store state)."""
    name = ",".join(graphs)
    return once_per_state(
        store, ("snapshot", name), lambda: _build(name, store.select(_QUERY, graphs=graphs))
    )


def snapshot_of(name: str, triples: Iterable[ox.Triple]) -> Snapshot:
    """The snapshot of an edition given as triples (while loading, before anything is written)."""
    wanted = frozenset(_PREDICATES)
    return _build(name, ((t.subject, t.predicate, t.object) for t in triples if t.predicate.value in wanted))


def _build(name: str, rows: Iterable[Sequence[object]]) -> Snapshot:
    by_subject: dict[str, dict[str, list[ox.NamedNode | ox.Literal]]] = {}
    for s, p, o in rows:
        if (
            isinstance(s, ox.NamedNode)
            and isinstance(p, ox.NamedNode)
            and isinstance(o, ox.NamedNode | ox.Literal)
        ):
            by_subject.setdefault(s.value, {}).setdefault(p.value, []).append(o)
    types = {s: {o.value for o in props.get(v.TYPE, [])} for s, props in by_subject.items()}
    # as the tables write them: levels by name, everything else by id
    notation = {
        s: (_german(props.get(v.PREF_LABEL, [])) if v.LEVEL in types[s] else "") or _one(props, v.NOTATION)
        for s, props in by_subject.items()
    }

    def ids(values: list[ox.NamedNode | ox.Literal] | None) -> list[str]:
        return [notation.get(o.value) or o.value for o in values or [] if isinstance(o, ox.NamedNode)]

    measures, fields, actors = {}, {}, {}
    responsibilities: dict[str, list[tuple[int, str, str]]] = {}
    for s, props in by_subject.items():
        if v.POSITION in props and v.PROV_AGENT in props and v.HAD_ROLE in props:  # the table cell's
            pos = int(_one(props, v.POSITION))
            role = props[v.HAD_ROLE][0].value
            responsibilities[s] = [(pos, role, props[v.PROV_AGENT][0].value)]
        if v.ACTION_FIELD in types[s]:
            fields[s] = (_one(props, v.NOTATION), _one(props, v.LABEL))
        elif (
            v.NOTATION in props and any(t.startswith(namespaces.RG) for t in types[s]) and _is_actor(types[s])
        ):
            actors[s] = ActorState(
                s,
                _one(props, v.NOTATION),
                _one(props, v.LABEL),
                _one(props, v.VALID_FROM) or None,
                _one(props, v.VALID_UNTIL) or None,
                tuple(sorted(o.value for o in props.get(v.SUCCESSOR, []))),
            )
    for s, props in by_subject.items():
        if v.MEASURE not in types[s]:
            continue
        roles = sorted(
            r
            for assoc in props.get(v.QUALIFIED_ASSOCIATION, [])
            for r in responsibilities.get(assoc.value, [])
        )
        primary = ids(props.get(v.PRIMARY_FIELD))
        all_fields = ids(props.get(v.FIELD))
        measures[s] = MeasureState(
            s,
            _one(props, v.NOTATION),
            _one(props, v.LABEL),
            _one(props, v.DESCRIPTION),
            tuple(primary + sorted(set(all_fields) - set(primary))),
            frozenset(ids(props.get(v.LEVEL_P))),
            frozenset(ids(props.get(v.TARGET_GROUP_P))),
            tuple(dict.fromkeys(notation.get(a, a) for _p, role, a in roles if role == value_lists.LEAD)),
            frozenset(notation.get(a, a) for _p, role, a in roles if role == value_lists.PARTNER),
            _one(props, v.STATUS),
            _one(props, v.PERIOD),
            _one(props, v.FUNDING),
        )
    return Snapshot(name, measures, fields, actors)


_ACTOR_CLASSES = frozenset({v.ACTOR, *(t.iri for t in value_lists.ACTOR_TYPES.values())})


def _is_actor(types: set[str]) -> bool:
    return bool(types & _ACTOR_CLASSES)
