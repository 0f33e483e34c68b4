"""Shared look-ups of the web pages: entity kinds, labels in a language, local links, graph links.

Kinds are a table (class IRI → kind) so that breadcrumbs, lists and graph links agree; every
query is a SELECT against the store's union graph.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

import pyoxigraph as ox

from rahmengraph.model import vocab
from rahmengraph.model.iri_paths import local_path
from rahmengraph.model.kinds import KINDS as ENTITY_KINDS
from rahmengraph.model.store import GraphStore


@dataclass(frozen=True)
class Kind:
    name: str
    cls: str
    graph_view: str | None  # view of rahmengraph.viz.views that shows an entity of this kind
    graph_param: str  # query parameter of that view that takes the entity's key


#: Graph view (of rahmengraph.viz.views) and its parameter per kind with a list page (/browse/{kind}).
_GRAPH_VIEWS: Final[dict[str, tuple[str | None, str]]] = {
    "field": ("handlungsfeld", "feld"),
    "measure": ("gesamtbild", "fokus"),
    "actor": ("ressort-netz", "fokus"),
    "target_group": ("gesamtbild", "fokus"),
    "goal": (None, "fokus"),
    "body": (None, "fokus"),
    "level": ("gesamtbild", "level"),
    "indicator": (None, "fokus"),
    "initiative": (None, "fokus"),
    "framework": ("gesamtbild", "fokus"),
}

#: Kinds of entity with a list page, in menu order (the model's kinds table).
KINDS: Final[dict[str, Kind]] = {
    k.key: Kind(k.key, k.cls, *_GRAPH_VIEWS[k.key]) for k in ENTITY_KINDS.values() if k.key in _GRAPH_VIEWS
}

#: Every class (subclasses included) → kind name.
CLASS_KIND: Final[dict[str, str]] = {
    **{k.cls: k.name for k in KINDS.values()},
    vocab.INTERSECTIONAL_GROUP: "target_group",
    **{t.iri: "actor" for t in vocab.ACTOR_TYPES.values()},
    **{t.iri: "body" for t in vocab.BODY_TYPES.values()},
    **{t.iri: "initiative" for t in vocab.INITIATIVE_TYPES.values()},
}

_LABEL_PROPS = (vocab.LABEL, vocab.PREF_LABEL)


def iri_list(iris: Iterable[str]) -> str:
    return " ".join(str(ox.NamedNode(i)) for i in sorted(set(iris)))


def labels(store: GraphStore, iris: Iterable[str], lang: str) -> dict[str, str]:
    """Best label per IRI: the interface language, then German, then any; IRIs without one are absent."""
    wanted = set(iris)
    if not wanted:
        return {}
    table = store.select(
        f"SELECT ?x ?l WHERE {{ VALUES ?x {{ {iri_list(wanted)} }} "
        f"?x <{vocab.LABEL}>|<{vocab.PREF_LABEL}>|<{vocab.TITLE}> ?l }}"
    )
    rank = {lang: 0, "de": 1, "": 2}
    best: dict[str, tuple[int, str]] = {}
    for x, label in table:
        if not isinstance(x, ox.NamedNode) or not isinstance(label, ox.Literal):
            continue
        r = rank.get(label.language or "", 3)
        if x.value not in best or (r, label.value) < best[x.value]:
            best[x.value] = (r, label.value)
    return {k: v for k, (_r, v) in best.items()}


def prefixed(iri: str) -> str:
    """``rg:Measure`` for a namespaced IRI, else the IRI itself."""
    for prefix, ns in vocab.PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def href(iri: str) -> str | None:
    """Local address of an IRI we serve: ontology terms → their entry on /ontologie,
    data IRIs → the linked-data path (:func:`rahmengraph.model.iri_paths.local_path`)."""
    if iri == vocab.ONTOLOGY_IRI:
        return "/ontologie"
    if iri.startswith(vocab.RG):
        return "/ontologie#" + iri[len(vocab.RG) :]
    return local_path(iri)


def kind_of(types: Iterable[str]) -> str | None:
    for t in types:
        if t in CLASS_KIND:
            return CLASS_KIND[t]
    return None


def views() -> dict[str, object]:
    """The graph views of ``rahmengraph.viz.views`` (empty while that module is not installed)."""
    try:
        module = importlib.import_module("rahmengraph.viz.views")
    except ImportError:
        return {}
    found: dict[str, object] = getattr(module, "VIEWS", {})
    return found


def graph_link(kind: str | None, key: str | None) -> str | None:
    """``/viz/<view>?<param>=<key>`` showing this entity, when the view exists."""
    if kind is None or key is None or kind not in KINDS:
        return None
    k = KINDS[kind]
    if k.graph_view is None or k.graph_view not in views():
        return None
    from urllib.parse import urlencode

    return f"/viz/{k.graph_view}?{urlencode({k.graph_param: key})}"
