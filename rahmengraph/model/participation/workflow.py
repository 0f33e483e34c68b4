"""Working input off: status (neu · in Prüfung · aufgenommen · nicht aufgenommen), reason, the change
of a later edition that took it up, hidden. Only these triples of a contribution ever change; of an
event only its end (a facilitator closes it early, never re-opens it)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import pyoxigraph as ox

from rahmengraph.errors import InputError, NotFound, ParameterError, Problem
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.namespaces import PROV, RG, XSD
from rahmengraph.model.participation import terms as t
from rahmengraph.model.participation.annotations import timestamp
from rahmengraph.model.participation.entries import StatusChange
from rahmengraph.model.participation.intake import unknown_iris
from rahmengraph.model.participation.register import Entry, entries, event, where_is
from rahmengraph.model.store import GraphStore


def _replace(
    graph: ox.NamedNode, subject: ox.NamedNode, predicate: str, value: ox.NamedNode | ox.Literal | None
) -> str:
    p = ox.NamedNode(predicate)
    where = f"GRAPH {graph} {{ {subject} {p} ?old }}"
    out = f"DELETE {{ {where} }} WHERE {{ {where} }}"
    if value is not None:
        out += f" ;\nINSERT DATA {{ GRAPH {graph} {{ {subject} {p} {value} }} }}"
    return out


def change(store: GraphStore, ds: Dataset, contribution_id: str, new: StatusChange) -> str:
    """The update that applies ``new`` to a stored contribution (checked first)."""
    current = stored(store, ds, contribution_id)
    graph = t.input_graph(ds.base, current.event)
    status = new.status or current.status
    reason = current.reason if new.grund is None else new.grund
    if status == "nicht-aufgenommen" and not reason:
        raise ParameterError("Parameter grund fehlt: „nicht aufgenommen“ braucht eine Begründung")
    if new.aenderung and unknown_iris(store, ds, {new.aenderung}, of_class=RG + "Change"):
        raise InputError(
            "Parameter aenderung: keine Änderung (rg:Change) einer Ausgabe des Rahmenkonzepts",
            [Problem("keine Änderung des Rahmenkonzepts", None, None, "aenderung", new.aenderung)],
        )
    g, a = ox.NamedNode(graph), ox.NamedNode(t.contribution_iri(ds.base, contribution_id))
    parts: Sequence[tuple[str, ox.NamedNode | ox.Literal | None]] = [
        (t.STATUS, ox.NamedNode(t.STATUSES[status].iri)),
        (t.REASON, ox.Literal(reason) if reason else None),
    ]
    if new.aenderung is not None:
        parts = [*parts, (t.ADOPTED_IN, ox.NamedNode(new.aenderung))]
    if new.verborgen is not None:
        flag = ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean")) if new.verborgen else None
        parts = [*parts, (t.HIDDEN, flag)]
    return " ;\n".join(_replace(g, a, p, v) for p, v in parts)


def stored(store: GraphStore, ds: Dataset, contribution_id: str) -> Entry:
    """A stored contribution, hidden or not."""
    graph = where_is(store, ds.base, [contribution_id]).get(contribution_id)
    if graph is None:
        raise NotFound(f"Beitrag {contribution_id!r} gibt es nicht (Parameter id)")
    event_id = graph.removesuffix("/beitraege").rsplit("/", 1)[-1]
    return next(e for e in entries(store, ds.base, event_id, hidden=True) if e.id == contribution_id)


def close(store: GraphStore, ds: Dataset, event_id: str, end: datetime) -> str:
    """The update that ends an event's window at ``end`` (not before it began); empty when the
    window ends no later already: closing never re-opens or extends an event."""
    ev = event(store, ds.base, event_id)
    end = max(end, ev.start)
    if ev.end <= end:
        return ""
    return _replace(
        ox.NamedNode(t.register_graph(ds.base)), ox.NamedNode(ev.iri), PROV + "endedAtTime", timestamp(end)
    )
