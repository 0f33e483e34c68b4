"""The computed difference between two editions: typed changes per measure and Handlungsfeld.

Rules (first match per kind of change; a measure can have several changes at once):

- a measure only in the newer edition: *neu*; only in the older, or its status now says it ended
  (eingestellt, beendet, ausgelaufen …): *eingestellt*, with the successors a documented change
  names; several ended measures with one successor: *zusammengeführt*; one with several: *aufgeteilt*;
- another primary Handlungsfeld: *verschoben*; another current lead (the last of a chain of leads):
  *Zuständigkeit übertragen*, by *Neuschnitt* when the former lead ended by the newer edition's date
  and leads to the new one through its successors, else by *Entscheidung*;
- levels exchanged (some gone, some new): *Ebene geändert*; only additions to levels, target groups,
  fields or partners: *erweitert*; any other changed attribute: *geändert* with the attributes;
- a Handlungsfeld only in the newer edition: *Handlungsfeld neu*; with a new title: *umbenannt*;
  gone, with all its remaining measures in one other field: *zusammengeführt*, else *entfallen*.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rahmengraph.model.snapshot import ActorState, MeasureState, Snapshot

_ENDED = re.compile(r"\b(eingestellt|beendet|ausgelaufen|aufgelöst|abgewickelt)\b", re.IGNORECASE)
#: Attributes that are sets: only additions make a change an extension.
_SETS = ("ebene", "zielgruppen", "handlungsfelder", "beteiligt")
_TEXTS = ("name", "beschreibung", "status", "zeitraum", "finanzierung")


@dataclass
class Change:
    """One typed change between the editions ``before`` and ``after`` (versions)."""

    type: str  # cell of value_lists.CHANGE_TYPES
    kind: str  # measure | field | framework
    entity: str  # IRI ("" for a change described in words)
    id: str
    label: str
    before: str
    after: str
    attributes: list[str] = field(default_factory=list)  # cells of vocab.CHANGED_ATTRIBUTES
    old: dict[str, str] = field(default_factory=dict)  # attribute → value before
    new: dict[str, str] = field(default_factory=dict)  # attribute → value after
    transfer: str = ""  # cell of vocab.TRANSFER_KINDS
    successors: list[str] = field(default_factory=list)  # ids
    fields: list[str] = field(default_factory=list)  # field ids before and after (for filters)
    actors: list[str] = field(default_factory=list)  # leads and partners before and after
    levels: list[str] = field(default_factory=list)
    computed: bool = True
    records: list[object] = field(default_factory=list)  # documented changes (change_records.Record)


def ended(state: MeasureState) -> bool:
    return bool(_ENDED.search(state.status))


def _context(change: Change, *states: MeasureState | None) -> Change:
    for s in states:
        if s is None:
            continue
        change.fields = sorted(set(change.fields) | set(s.fields))
        change.actors = sorted(set(change.actors) | set(s.leads) | s.partners)
        change.levels = sorted(set(change.levels) | s.levels)
    return change


def _successor_path(start: str, goal: str, actors: dict[str, ActorState]) -> bool:
    """Does ``goal`` follow ``start`` through successor links (re-organisations)?"""
    seen, stack = set(), [start]
    while stack:
        iri = stack.pop()
        if iri in seen:
            continue
        seen.add(iri)
        for nxt in actors[iri].successors if iri in actors else ():
            if nxt == goal:
                return True
            stack.append(nxt)
    return False


def _transfer(old: str, new: str, after: Snapshot, date_key: str) -> str:
    ids = {a.id: a for a in after.actors.values()}
    if old in ids and new in ids:
        gone = ids[old].valid_until
        if gone and gone[:10] <= date_key and _successor_path(ids[old].iri, ids[new].iri, after.actors):
            return "Neuschnitt"
    return "Entscheidung"


def _measure_changes(
    a: MeasureState, b: MeasureState, after: Snapshot, versions: tuple[str, str], key: str
) -> list[Change]:
    def make(kind: str, attrs: list[str]) -> Change:
        change = Change(kind, "measure", b.iri, b.id, b.name, *versions, attributes=attrs)
        change.old = {x: a.value(x) for x in attrs}
        change.new = {x: b.value(x) for x in attrs}
        return _context(change, a, b)

    out: list[Change] = []
    if ended(b) and not ended(a):
        out.append(make("eingestellt", ["status"]))
    if a.fields[:1] != b.fields[:1]:
        out.append(make("verschoben", ["handlungsfelder"]))
    if a.lead != b.lead and b.lead:
        change = make("Zuständigkeit übertragen", ["federfuehrend"])
        change.transfer = _transfer(a.lead, b.lead, after, key) if a.lead else "Entscheidung"
        out.append(change)
    added, other = [], []
    for attr in _SETS:
        old, new = set(a.value(attr).split(";")) - {""}, set(b.value(attr).split(";")) - {""}
        if old == new or (attr == "handlungsfelder" and a.fields[:1] != b.fields[:1]):
            continue
        if attr == "ebene" and old - new and new - old:
            out.append(make("Ebene geändert", ["ebene"]))
        elif old <= new:
            added.append(attr)
        else:
            other.append(attr)
    other += [
        x
        for x in _TEXTS
        if a.value(x) != b.value(x) and not (x == "status" and out and out[0].type == "eingestellt")
    ]
    if a.lead != b.lead and not b.lead:
        other.append("federfuehrend")
    if added:
        out.append(make("erweitert", added))
    if other:
        out.append(make("geändert", other))
    return out


def compare(
    a: Snapshot, b: Snapshot, versions: tuple[str, str], date_key: str, successors: dict[str, list[str]]
) -> list[Change]:
    """The typed changes from edition ``a`` to edition ``b`` (``versions`` names them; ``date_key``
    is ``b``'s date as ``YYYY-MM-DD``; ``successors``: documented successor ids per ended id)."""
    changes: list[Change] = []
    by_id = {m.id: m for m in b.measures.values()}
    ended_ids: list[MeasureState] = []
    for iri, new in b.measures.items():
        old = a.measures.get(iri)
        if old is None:
            changes.append(_context(Change("neu", "measure", iri, new.id, new.name, *versions), new))
            continue
        found = _measure_changes(old, new, b, versions, date_key)
        changes += found
        if any(c.type == "eingestellt" for c in found):
            ended_ids.append(new)
    for iri, old in a.measures.items():
        if iri not in b.measures:
            changes.append(_context(Change("eingestellt", "measure", iri, old.id, old.name, *versions), old))
            ended_ids.append(old)
    # successors: merged (several ended, one successor) and split (one ended, several successors)
    succ_of = {m.id: [s for s in successors.get(m.id, []) if s in by_id] for m in ended_ids}
    shared: dict[str, list[str]] = {}
    for mid, succs in succ_of.items():
        for s in succs:
            shared.setdefault(s, []).append(mid)
    for change in changes:
        if change.kind != "measure" or change.type != "eingestellt" or change.id not in succ_of:
            continue
        change.successors = succ_of[change.id]
        if len(change.successors) > 1:
            change.type = "aufgeteilt"
        elif change.successors and len(shared[change.successors[0]]) > 1:
            change.type = "zusammengeführt"
    changes += _field_changes(a, b, versions)
    return changes


def _field_changes(a: Snapshot, b: Snapshot, versions: tuple[str, str]) -> list[Change]:
    out = []
    for iri, (number, title) in b.fields.items():
        if iri not in a.fields:
            out.append(Change("Handlungsfeld neu", "field", iri, number, title, *versions, fields=[number]))
        elif a.fields[iri][1] != title:
            change = Change(
                "Handlungsfeld umbenannt", "field", iri, number, title, *versions, fields=[number]
            )
            change.attributes, change.old, change.new = ["name"], {"name": a.fields[iri][1]}, {"name": title}
            out.append(change)
    for iri, (number, title) in a.fields.items():
        if iri in b.fields:
            continue
        homes = {
            b.measures[m.iri].fields[0]
            for m in a.measures.values()
            if m.fields[:1] == (number,) and m.iri in b.measures and b.measures[m.iri].fields
        }
        kind = "Handlungsfelder zusammengeführt" if len(homes) == 1 else "Handlungsfeld entfallen"
        change = Change(kind, "field", iri, number, title, *versions, fields=[number, *sorted(homes)])
        change.successors = sorted(homes) if len(homes) == 1 else []
        out.append(change)
    return out


def reused_ids(a: Snapshot, b: Snapshot) -> list[tuple[MeasureState, MeasureState]]:
    """Measures whose id stayed but whose name and Handlungsfelder all changed: probably a new measure."""
    return [
        (old, b.measures[iri])
        for iri, old in a.measures.items()
        if iri in b.measures
        and old.name != b.measures[iri].name
        and not set(old.fields) & set(b.measures[iri].fields)
    ]
