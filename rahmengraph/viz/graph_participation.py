"""What a graph page needs to capture participants' input: the framework it belongs to, the
edition, and the target groups, levels and actors a proposal for a new measure may name (by IRI).

The page's capture form (``static/beteiligung-form.js``) writes input in the participation file
format of ``/work/wt/TEAM.md`` (``rahmengraph-beteiligung``, version 1): targets and proposal
fields are IRIs of the official graph, never labels.
"""

from __future__ import annotations

from typing import Any

from rahmengraph.model.asof import editions
from rahmengraph.model.ordering import natural_key
from rahmengraph.model.store import GraphStore
from rahmengraph.viz.graph_data import Graph

#: Choice list of the proposal form → node kind it is made of.
CHOICE_KINDS: dict[str, str] = {"zielgruppen": "target_group", "ebenen": "level", "akteure": "actor"}


def _named(g: Graph, kind: str) -> list[list[str]]:
    """[IRI, label] of every node of ``kind``, in natural order of the label."""
    found = [
        [str(a.get("iri", n)), str(a.get("label") or a.get("key") or n)]
        for n, a in g.nodes(data=True)
        if a.get("kind") == kind
    ]
    return sorted(found, key=lambda it: natural_key(it[1]))


def capture_choices(store: GraphStore, g: Graph) -> dict[str, Any]:
    """The page's ``beteiligung`` block: framework IRI and title, current edition, choice lists."""
    frameworks = _named(g, "framework")
    rahmen, titel = frameworks[0] if frameworks else ("", "")
    current = [e.version for e in editions(store) if e.current and (not rahmen or e.framework == rahmen)]
    out: dict[str, Any] = {"rahmen": rahmen, "rahmen_titel": titel, "ausgabe": current[0] if current else ""}
    out.update({name: _named(g, kind) for name, kind in CHOICE_KINDS.items()})
    return out
