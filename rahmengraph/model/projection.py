"""The knowledge graph projected into networkx: one node per entity, one edge per relation.

One SPARQL query fetches the triples of every entity of interest (measures, fields, actors, …,
responsibilities and sources); the rest is Python. Node ids are IRIs; every attribute is a
scalar (str, int, bool), so the graph can be written as GraphML or GEXF as it is.

Filters select the measures in view: measures that do not pass are dropped with their edges,
every other node stays (so empty matrix cells and unused target groups remain visible).

==============  ===============================================  ==========================
rel             edge                                             from
==============  ===============================================  ==========================
field           measure → field, body → field                    ``rg:field``
targets         measure → target group                           ``rg:targetGroup``
level           measure → level                                  ``rg:level``
depends_on      measure → measure it builds on                   ``rg:dependsOn``
lead, partner   actor → measure (``levels``, ``level_basis``, ``position``) ``prov:qualifiedAssociation``
former_lead     actor → measure: the lead history (``rg:leadHistory``) ``rg:EarlierLead``
broader         group → broader group, level → broader level     ``skos:broader``
intersection_of intersectional group → component group          ``rg:intersectionOf``
successor       actor → successor                                ``rg:successor``
member          body → member actor                              ``org:hasMember``
measures        indicator → measure                              ``rg:measures``
indicator_field indicator → field                                ``rg:field``
indicator_goal  indicator → goal                                 ``rg:goal``
goal_field      goal → field                                     ``rg:field``
realised_by     goal → measure                                   ``rg:realisedBy``
sub_goal_of     Teilziel → its broader goal                      ``rg:subGoalOf``
==============  ===============================================  ==========================
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final, TypeVar, cast

import networkx as nx
import pyoxigraph as ox

from rahmengraph.model import value_lists, vocab
from rahmengraph.model.filters import Filters, matching_measures
from rahmengraph.model.kinds import BY_CLASS
from rahmengraph.model.store import GraphStore

T = TypeVar("T")


def _cells(*tables: dict[str, value_lists.Term]) -> dict[str, str]:
    return {t.iri: t.cell for table in tables for t in table.values()}


#: Controlled IRIs shown by their cell spelling (``rg:evidenceFramework`` → ``rahmenkonzept``).
CELLS: Final = _cells(
    value_lists.EVIDENCE,
    value_lists.CERTAINTY,
    value_lists.DIMENSIONS,
    value_lists.LEVEL_KINDS,
    value_lists.LEVEL_BASES,
    value_lists.ROLES,
    value_lists.DIRECTIONS,
    value_lists.RESULTS_LEVELS,
    value_lists.IMPLEMENTATION_STATUSES,
)
_ACTOR_TYPES: Final = _cells(value_lists.ACTOR_TYPES)
_BODY_TYPES: Final = _cells(value_lists.BODY_TYPES)
_INITIATIVE_TYPES: Final = _cells(value_lists.INITIATIVE_TYPES)


@dataclass(frozen=True)
class Attr:
    """A predicate shown as a scalar node attribute (several values are joined with ``;``)."""

    kind: str
    predicate: str
    name: str
    controlled: bool = False  # the value is an IRI of a vocab table, shown as its cell


ATTRS: Final[tuple[Attr, ...]] = (
    Attr("measure", vocab.EVIDENCE_P, "evidence", True),
    Attr("measure", vocab.CERTAINTY_P, "certainty", True),
    Attr("measure", vocab.STATUS, "status"),
    Attr("measure", vocab.PERIOD, "period"),
    Attr("measure", vocab.FUNDING, "funding"),
    Attr("measure", vocab.PRIMARY_FIELD, "primary_field"),
    Attr("measure", vocab.DESCRIPTION, "description"),
    Attr("actor", vocab.VALID_FROM, "valid_from"),
    Attr("actor", vocab.VALID_UNTIL, "valid_until"),
    Attr("actor", vocab.LEVEL_P, "levels"),
    Attr("target_group", vocab.DIMENSION_P, "dimension", True),
    Attr("target_group", vocab.PREF_LABEL, "label"),
    Attr("level", vocab.LEVEL_KIND, "level_kind", True),
    Attr("level", vocab.PREF_LABEL, "label"),
    Attr("level", vocab.POSITION, "position"),
    Attr("level_type", vocab.PART_OF_KIND, "part_of", True),
    Attr("level_type", vocab.OWN_LEVEL, "own"),
    Attr("level_type", vocab.COMPARE_UNITS, "compare"),
    Attr("level_type", vocab.EXPECT_COUNTERPART, "counterpart"),
    Attr("body", vocab.BODY_TYPE, "body_type"),
    Attr("body", vocab.ACTS_AS, "acts_as"),
    Attr("field", vocab.SHORT_TITLE, "short_title"),
    Attr("field", vocab.PAGE, "page"),
    Attr("goal", vocab.CHAPTER, "chapter"),
    Attr("indicator", vocab.AREA, "area"),
    Attr("indicator", vocab.UNIT, "unit"),
    Attr("indicator", vocab.DIRECTION, "direction", True),
    Attr("indicator", vocab.RESULTS_LEVEL, "results_level", True),
    Attr("measure", vocab.IMPLEMENTATION_STATUS, "implementation_status", True),
    Attr("initiative", vocab.STATUS_NOTE, "status_note"),
    Attr("initiative", vocab.LED_BY, "led_by"),
    Attr("framework", vocab.TITLE, "title"),
    Attr("framework", vocab.TERM_FRAMEWORK, "term_framework"),
    Attr("framework", vocab.TERM_UNIT, "term_unit"),
    Attr("framework", vocab.TERM_UNITS, "term_units"),
    Attr("framework", vocab.TERM_RECUT, "term_recut"),
)
_ATTRS: Final = {(a.kind, a.predicate): a for a in ATTRS}

#: (subject kind, predicate, object kind) → rel; the edge runs subject → object.
EDGES: Final[dict[tuple[str, str, str], str]] = {
    ("measure", vocab.FIELD, "field"): "field",
    ("measure", vocab.TARGET_GROUP_P, "target_group"): "targets",
    ("measure", vocab.LEVEL_P, "level"): "level",
    ("measure", vocab.DEPENDS_ON, "measure"): "depends_on",
    ("target_group", vocab.BROADER, "target_group"): "broader",
    ("level", vocab.BROADER, "level"): "broader",
    ("target_group", vocab.INTERSECTION_OF, "target_group"): "intersection_of",
    ("actor", vocab.SUCCESSOR, "actor"): "successor",
    ("body", vocab.HAS_MEMBER, "actor"): "member",
    ("body", vocab.FIELD, "field"): "field",
    ("indicator", vocab.MEASURES_P, "measure"): "measures",
    ("indicator", vocab.FIELD, "field"): "indicator_field",
    ("indicator", vocab.GOAL_P, "goal"): "indicator_goal",
    ("goal", vocab.FIELD, "field"): "goal_field",
    ("goal", vocab.REALISED_BY, "measure"): "realised_by",
    ("goal", vocab.SUB_GOAL_OF, "goal"): "sub_goal_of",
}

_PREDICATES: Final = sorted(
    {a.predicate for a in ATTRS}
    | {p for _, p, _ in EDGES}
    | {
        vocab.TYPE,
        vocab.LABEL,
        vocab.NOTATION,
        vocab.DCT_SOURCE,
        vocab.IN_FRAMEWORK,
        vocab.RESPONSIBILITY_OF,
        vocab.PROV_AGENT,
        vocab.HAD_ROLE,
        vocab.LEVEL_BASIS_P,
    }
)


def projection_query(graph: str | None = None) -> str:
    """The one SELECT behind :func:`project`: ``?s ?c ?p ?o`` for every entity of a known class."""
    classes = " ".join(f"<{c}>" for c in BY_CLASS)
    preds = " ".join(f"<{p}>" for p in _PREDICATES)
    pattern = f"VALUES ?c {{ {classes} }} ?s a ?c . VALUES ?p {{ {preds} }} ?s ?p ?o ."
    if graph is not None:
        pattern = f"GRAPH <{graph}> {{ {pattern} }}"
    return f"SELECT ?s ?c ?p ?o WHERE {{ {pattern} }}"


@dataclass
class _Entity:
    kind: str
    values: dict[str, list[str]]
    langs: dict[str, str]


def _collect(store: GraphStore, graph: str | None) -> dict[str, _Entity]:
    entities: dict[str, _Entity] = {}
    seen: set[tuple[str, str, str]] = set()
    literal = ox.Literal
    for s, c, p, o in store.select(projection_query(graph)):
        if type(s) is not ox.NamedNode or c is None or p is None or o is None:
            continue
        subject, pred, value = s.value, p.value, o.value  # type: ignore[union-attr]
        key = (subject, pred, value)
        ent = entities.get(subject)
        if ent is None:
            ent = entities[subject] = _Entity(BY_CLASS[c.value], defaultdict(list), {})  # type: ignore[union-attr]
        elif key in seen:
            continue  # the same triple once per matching class
        seen.add(key)
        ent.values[pred].append(value)
        if type(o) is literal and o.language:
            ent.langs[f"{pred}\n{value}"] = o.language
    return entities


def _german(ent: _Entity, predicate: str) -> str:
    values = ent.values.get(predicate, [])
    de = [v for v in values if ent.langs.get(f"{predicate}\n{v}") == vocab.GERMAN]
    return (de or values or [""])[0]


def _scalar(attr: Attr, ent: _Entity, values: list[str]) -> str | int:
    if attr.name == "label":
        return _german(ent, attr.predicate)
    if attr.name == "position" and values:
        return int(values[0])
    shown = [CELLS.get(v, v) if attr.controlled else v for v in values]
    return ";".join(sorted(shown)) if len(shown) > 1 else shown[0]


def _node_attrs(iri: str, ent: _Entity, entities: dict[str, _Entity]) -> dict[str, str | int | bool]:
    types = ent.values.get(vocab.TYPE, [])
    attrs: dict[str, str | int | bool] = {
        "kind": ent.kind,
        "key": (ent.values.get(vocab.NOTATION) or [""])[0],
        "label": _german(ent, vocab.LABEL) or _german(ent, vocab.PREF_LABEL),
        "iri": iri,
        "framework": (ent.values.get(vocab.IN_FRAMEWORK) or [iri])[0],
    }
    for pred, values in ent.values.items():
        attr = _ATTRS.get((ent.kind, pred))
        if attr is not None and values:
            scalar = _scalar(attr, ent, values)
            if attr.name != "label" or scalar:
                attrs[attr.name] = scalar
    if "levels" in attrs:
        attrs["levels"] = _keys(str(attrs["levels"]), entities)
    for name in ("level_kind", "part_of"):  # a dataset's own level type: by its name
        if str(attrs.get(name, "")).startswith(("http://", "https://")):
            attrs[name] = _keys(str(attrs[name]), entities)
    sources = ent.values.get(vocab.DCT_SOURCE, [])
    attrs["sources"] = " | ".join(_source_label(s, entities) for s in sources)
    attrs["source_iris"] = " ".join(sources)
    extra = {
        "actor": ("actor_type", _ACTOR_TYPES),
        "body": ("body_class", _BODY_TYPES),
        "initiative": ("initiative_type", _INITIATIVE_TYPES),
    }.get(ent.kind)
    if extra is not None:
        attrs[extra[0]] = next((extra[1][t] for t in types if t in extra[1]), "")
    if ent.kind == "target_group":
        attrs["intersectional"] = vocab.INTERSECTIONAL_GROUP in types
    return attrs


def _source_label(iri: str, entities: dict[str, _Entity]) -> str:
    ent = entities.get(iri)
    return (ent.values.get(vocab.LABEL) or [iri])[0] if ent is not None else iri


def _keys(iris: str, entities: dict[str, _Entity]) -> str:
    out = []
    for iri in iris.split(";"):
        ent = entities.get(iri)
        out.append((ent.values.get(vocab.NOTATION) or [iri])[0] if ent is not None else iri)
    return ";".join(out)


def _responsibility_rel(role: str, types: list[str]) -> str:
    """``lead``, ``partner``, or ``former_lead`` for the measure's lead history (neither lead nor
    partner now; only the graph views at an earlier date use it)."""
    if vocab.EARLIER_LEAD in types:
        return "former_lead"
    return "lead" if role == value_lists.LEAD else "partner"


def _responsibility_edge(
    g: nx.MultiDiGraph[str], iri: str, ent: _Entity, entities: dict[str, _Entity]
) -> None:
    measures, agents = ent.values.get(vocab.RESPONSIBILITY_OF, []), ent.values.get(vocab.PROV_AGENT, [])
    roles = ent.values.get(vocab.HAD_ROLE, [])
    if not (measures and agents and roles) or measures[0] not in g or agents[0] not in g:
        return
    levels = sorted(ent.values.get(vocab.LEVEL_P, []))
    basis = ent.values.get(vocab.LEVEL_BASIS_P, [])
    g.add_edge(
        agents[0],
        measures[0],
        key=iri,
        rel=_responsibility_rel(roles[0], ent.values.get(vocab.TYPE, [])),
        levels=";".join(_keys(lv, entities) for lv in levels),
        level_basis=CELLS.get(basis[0], basis[0]) if basis else "",
        responsibility=iri,
        position=int(ent.values[vocab.POSITION][0]) if ent.values.get(vocab.POSITION) else -1,
        sources=" | ".join(_source_label(s, entities) for s in ent.values.get(vocab.DCT_SOURCE, [])),
    )


def _build(store: GraphStore, graph: str | None) -> nx.MultiDiGraph[str]:
    entities = _collect(store, graph)
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for iri, ent in entities.items():
        if ent.kind not in ("responsibility", "source"):
            g.add_node(iri, **_node_attrs(iri, ent, entities))
    for iri, ent in entities.items():
        if ent.kind == "responsibility":
            _responsibility_edge(g, iri, ent, entities)
            continue
        if iri not in g:
            continue
        for pred, values in ent.values.items():
            for obj in values:
                target = g.nodes.get(obj)
                rel = EDGES.get((ent.kind, pred, target["kind"])) if target is not None else None
                if rel is not None:
                    g.add_edge(iri, obj, key=f"{rel}:{obj}", rel=rel)
    return g


#: Filter combinations whose measure sets are remembered per store state.
MAX_FILTERS = 256


@dataclass
class _Cached:
    fingerprint: tuple[object, ...]
    graphs: dict[str | None, nx.MultiDiGraph[str]]
    measures: dict[Filters, frozenset[str]]
    derived: dict[tuple[str, ...], object] = field(default_factory=dict)


_CACHE: weakref.WeakKeyDictionary[GraphStore, _Cached] = weakref.WeakKeyDictionary()


def _entry(store: GraphStore) -> _Cached:
    """The cache of a store, emptied whenever the store changed (:meth:`GraphStore.fingerprint`)."""
    fingerprint = store.fingerprint()
    entry = _CACHE.get(store)
    if entry is None or entry.fingerprint != fingerprint:
        entry = _Cached(fingerprint, {}, {})
        _CACHE[store] = entry
    return entry


def shared_projection(store: GraphStore, graph: str | None = None) -> nx.MultiDiGraph[str]:
    """The unfiltered projection, built once per store state and shared: callers must not change it."""
    entry = _entry(store)
    if graph not in entry.graphs:
        entry.graphs[graph] = _build(store, graph)
    return entry.graphs[graph]


def per_state(store: GraphStore, key: tuple[str, ...], compute: Callable[[], T]) -> T:
    """``compute()`` once per store state (e.g. a SHACL report that several filtered views share)."""
    entry = _entry(store)
    if key not in entry.derived:
        entry.derived[key] = compute()
    return cast(T, entry.derived[key])


def measures_in_view(store: GraphStore, filters: Filters | None) -> frozenset[str] | None:
    """IRIs of the measures passing ``filters`` (cached per store state); ``None`` = no filter."""
    if filters is None or filters.is_empty():
        return None
    entry = _entry(store)
    found = entry.measures.get(filters)
    if found is None:
        found = entry.measures[filters] = frozenset(matching_measures(store, filters))
        if len(entry.measures) > MAX_FILTERS:  # the oldest filter goes first
            entry.measures.pop(next(iter(entry.measures)))
    return found


def project(
    store: GraphStore, graph: str | None = None, filters: Filters | None = None
) -> nx.MultiDiGraph[str]:
    """The graph (one dataset's named graph, or all) as a networkx multigraph; see the module doc.

    The result is the caller's own copy. Measures that do not pass ``filters`` are left out.
    """
    g = shared_projection(store, graph).copy()
    keep = measures_in_view(store, filters)
    if keep is not None:
        g.remove_nodes_from([n for n in g if g.nodes[n]["kind"] == "measure" and n not in keep])
    return g
