"""What every analysis looks at: the projection, the measures in view and indexes over them.

Built from the shared (cached) projection in one pass over its edges; nothing here queries the
store except through :func:`rahmengraph.model.projection.shared_projection` and the filters.
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from rahmengraph.model.filters import Filters
from rahmengraph.model.ordering import natural_key
from rahmengraph.model.projection import measures_in_view, per_state, shared_projection
from rahmengraph.model.store import GraphStore


@dataclass(frozen=True)
class Duty:
    """One responsibility: actor, role (lead|partner), level keys and how they are known."""

    actor: str
    role: str
    levels: tuple[str, ...]
    basis: str
    sources: str


@dataclass
class View:
    g: nx.MultiDiGraph[str]
    measures: list[str]
    fields: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    groups: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    levels: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    duties: dict[str, list[Duty]] = field(default_factory=lambda: defaultdict(list))
    depends: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    indicators: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    out: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    by_kind: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    key_of: dict[str, str] = field(default_factory=dict)
    rank: dict[str, int] = field(default_factory=dict)  # position in natural order of keys
    data: dict[str, dict[str, Any]] = field(default_factory=dict)  # node attributes (no NodeView per call)
    memo: dict[object, object] = field(default_factory=dict)  # results computed on this view

    # --- node facts ---------------------------------------------------------------------------

    def kind(self, n: str) -> str:
        return str(self.data[n]["kind"])

    def key(self, n: str) -> str:
        return self.key_of.get(n) or n.rsplit("/", 1)[-1]

    def order(self, nodes: Iterable[str]) -> list[str]:
        """Nodes in the natural order of their keys, each once."""
        rank = self.rank
        return sorted(set(nodes), key=lambda n: rank.get(n, -1))

    def label(self, n: str) -> str:
        return str(self.data[n].get("label") or self.key(n))

    def attr(self, n: str, name: str) -> str:
        return str(self.data[n].get(name, ""))

    def nodes(self, kind: str) -> list[str]:
        """All nodes of a kind, naturally sorted by key."""
        return self.by_kind.get(kind, [])

    def keys(self, nodes: Iterable[str]) -> str:
        """``;``-joined keys, naturally sorted (the cell form used in every table)."""
        key_of = self.key_of
        return ";".join(dict.fromkeys([key_of.get(n) or n.rsplit("/", 1)[-1] for n in self.order(nodes)]))

    def keys_in_order(self, nodes: Iterable[str]) -> str:
        """``;``-joined keys of nodes already in order and distinct (cheaper than :meth:`keys`)."""
        return ";".join(self.key(n) for n in nodes)

    def sources(self, nodes: Iterable[str]) -> str:
        """The sources of the given nodes, deduplicated, `` | ``-joined (as in the tables)."""
        seen: dict[str, None] = {}
        for n in self.order(nodes):
            for s in self.attr(n, "sources").split(" | "):
                if s:
                    seen.setdefault(s, None)
        return " | ".join(seen)

    def duty_sources(self, measures: Iterable[str], actors: Iterable[str]) -> str:
        """Sources of the responsibilities of ``actors`` for ``measures`` (`` | ``-joined)."""
        wanted = set(actors)
        seen: dict[str, None] = {}
        for m in self.order(measures):
            for d in self.duties.get(m, []):
                if d.actor in wanted:
                    for s in d.sources.split(" | "):
                        if s:
                            seen.setdefault(s, None)
        return " | ".join(seen)

    def leads(self, m: str) -> list[str]:
        return self.order(d.actor for d in self.duties.get(m, []) if d.role == "lead")

    def partners(self, m: str) -> list[str]:
        return self.order(d.actor for d in self.duties.get(m, []) if d.role == "partner")

    def actors(self, m: str) -> list[str]:
        return self.order(d.actor for d in self.duties.get(m, []))

    def targets(self, n: str, rel: str) -> list[str]:
        """Objects of edges ``n --rel--> x`` (any node, not only measures in view)."""
        return self.out.get((n, rel), [])


def _all_measures(g: nx.MultiDiGraph[str]) -> View:
    """Indexes over ``g`` with every measure in view."""
    key_of = {n: str(data.get("key") or n.rsplit("/", 1)[-1]) for n, data in g.nodes(data=True)}
    ordered = sorted(g.nodes, key=lambda n: (natural_key(key_of[n]), n))
    by_kind: dict[str, list[str]] = defaultdict(list)
    for n in ordered:
        by_kind[str(g.nodes[n]["kind"])].append(n)
    rank = {n: i for i, n in enumerate(ordered)}
    data: dict[str, dict[str, Any]] = {n: d for n, d in g.nodes(data=True)}
    view = View(g, list(by_kind.get("measure", [])), by_kind=by_kind, key_of=key_of, rank=rank, data=data)
    in_view = set(view.measures)
    for u, v, data in g.edges(data=True):
        rel = str(data["rel"])
        view.out[(u, rel)].append(v)
        if rel in ("lead", "partner"):
            if v in in_view:
                levels = tuple(x for x in str(data.get("levels", "")).split(";") if x)
                duty = Duty(u, rel, levels, str(data.get("level_basis", "")), str(data.get("sources", "")))
                view.duties[v].append(duty)
        elif u in in_view and rel in _MEASURE_INDEX:
            getattr(view, _MEASURE_INDEX[rel])[u].append(v)
        elif rel == "measures" and v in in_view:
            view.indicators[v].append(u)
    return view


def restrict(base: View, keep: frozenset[str]) -> View:
    """The view of ``base`` (all measures) for the measures in ``keep``: node order, keys and edges
    are shared, only the per-measure indexes are cut (in their order in ``base``)."""
    measures = [m for m in base.measures if m in keep]
    view = View(
        base.g,
        measures,
        by_kind=base.by_kind,
        key_of=base.key_of,
        rank=base.rank,
        data=base.data,
        out=base.out,
    )
    for name in _PER_MEASURE:
        index: dict[str, list[object]] = getattr(view, name)
        index.update((m, items) for m, items in getattr(base, name).items() if m in keep)
    return view


#: Measure edge rel → View index attribute.
_MEASURE_INDEX = {"field": "fields", "targets": "groups", "level": "levels", "depends_on": "depends"}
#: The View indexes keyed by measure (cut to the measures in view).
_PER_MEASURE = (*_MEASURE_INDEX.values(), "duties", "indicators")


#: Filtered views (with their remembered reports) kept per projection, least recently used out
#: first; the unfiltered view always stays. A filtered view shares the unfiltered one's indexes
#: over the whole projection and cuts only those per measure; its reports still take room.
MAX_FILTERED_VIEWS = 12


def make_view(store: GraphStore, filters: Filters | None = None, graph: str | None = None) -> View:
    """The view of the store (all datasets, or one named graph) under ``filters``.

    Views are cached per store state like the projection they index (dropped with it when the
    store changes; filtered ones up to :data:`MAX_FILTERED_VIEWS`); treat them as read-only.
    """
    g = shared_projection(store, graph)
    keep = measures_in_view(store, filters)
    views: OrderedDict[frozenset[str] | None, View] = per_state(store, ("views", graph or ""), OrderedDict)
    if keep in views:
        views.move_to_end(keep)
        return views[keep]
    base = views.get(None)
    if base is None:
        base = views[None] = _all_measures(g)
    if keep is None:
        return base
    view = views[keep] = restrict(base, keep)
    filtered = [k for k in views if k is not None]
    for old in filtered[: max(0, len(filtered) - MAX_FILTERED_VIEWS)]:
        del views[old]
    return view
