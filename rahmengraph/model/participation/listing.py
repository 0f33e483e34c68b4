"""Events and contributions as the API shows them (JSON-ready dicts) and counts per target for the overlay."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from rahmengraph.model.participation.register import Entry, Event
from rahmengraph.model.participation.terms import KINDS, STATUSES


def event_json(ev: Event, moment: datetime, rahmen: str = "") -> dict[str, Any]:
    """An event; ``rahmen``: the id of its framework."""
    return {
        "id": ev.id,
        "rahmen": rahmen,
        "iri": ev.iri,
        "titel": ev.title,
        "datum": ev.date,
        "format": ev.format,
        "felder": list(ev.fields),
        "beginn": ev.start.isoformat(),
        "ende": ev.end.isoformat(),
        "offen": ev.is_open(moment) and bool(ev.token_hash),
        "namen_erfragen": ev.asks_names,
        "ausgabe": ev.edition,
        "graph": ev.graph,
    }


def entry_json(e: Entry, *, names: bool) -> dict[str, Any]:
    """One contribution; the name only for facilitators (``names``)."""
    if e.is_gap:
        target: dict[str, Any] = {
            "luecke": {"zeile": e.target, "spalte": e.gap_column, "ansicht": e.gap_view}
        }
    else:
        target = {"iri": e.target}
    out: dict[str, Any] = {
        "id": e.id,
        "veranstaltung": e.event,
        "art": e.kind,
        "art_label": KINDS[e.kind].label_de,
        "ziel": target,
        "text": e.text,
        "gruppe": e.group,
        "erstellt": e.created,
        "status": e.status,
        "status_label": STATUSES[e.status].label_de,
        "grund": e.reason,
        "aenderung": e.adopted_in,
        "verborgen": e.hidden,
    }
    if e.proposal:
        out["vorschlag"] = e.proposal
    if names and e.name:
        out["name"] = e.name
    return out


def counts(entries: Iterable[Entry]) -> dict[str, dict[str, int]]:
    """Target → kind → number of visible contributions. The target is a node's IRI; a gap counts for
    its cell (key ``"<row IRI> <column IRI>"``, as the matrix pages read it), its row and its column."""
    out: dict[str, dict[str, int]] = {}
    for e in entries:
        if e.hidden:
            continue
        keys = (f"{e.target} {e.gap_column}", e.target, e.gap_column) if e.is_gap else (e.target,)
        for iri in keys:
            per_kind = out.setdefault(iri, dict.fromkeys(KINDS, 0))
            per_kind[e.kind] += 1
    return out
