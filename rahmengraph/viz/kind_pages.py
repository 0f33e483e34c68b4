"""Entity kinds on the web pages: which kinds have a list page (``/browse/{kind}``, in menu order),
which kind an entity is by its classes, and which graph view shows an entity of a kind.

The kinds themselves are the model's one table (:mod:`rahmengraph.model.kinds`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlencode

from rahmengraph.model import value_lists, vocab
from rahmengraph.model.kinds import KINDS as ENTITY_KINDS
from rahmengraph.viz.views import VIEWS


@dataclass(frozen=True)
class Kind:
    name: str
    cls: str
    graph_view: str | None  # graph view (rahmengraph.viz.views) that shows an entity of this kind
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
    **{t.iri: "actor" for t in value_lists.ACTOR_TYPES.values()},
    **{t.iri: "body" for t in value_lists.BODY_TYPES.values()},
    **{t.iri: "initiative" for t in value_lists.INITIATIVE_TYPES.values()},
}


def kind_of(types: Iterable[str]) -> str | None:
    for t in types:
        if t in CLASS_KIND:
            return CLASS_KIND[t]
    return None


def graph_link(kind: str | None, key: str | None) -> str | None:
    """``/viz/<view>?<param>=<key>`` showing this entity, when the view exists."""
    if kind is None or key is None or kind not in KINDS:
        return None
    k = KINDS[kind]
    if k.graph_view is None or k.graph_view not in VIEWS:
        return None
    return f"/viz/{k.graph_view}?{urlencode({k.graph_param: key})}"
