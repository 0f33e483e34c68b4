"""Computed changes meet documented ones: matching, cross-check warnings, the list a planner reads.

A documented change (a row of ``aenderungen.csv``, or its ``rg:Change`` in the graph) belongs to
the pair of editions around its date (``ausgabe`` names the newer one explicitly). It explains a
computed change of the same measure or field when its type is compatible (:data:`COMPATIBLE`).
Warnings both ways: a documented change the editions do not show, a computed change no row
explains; also an ended measure that the newer edition still shows as active and an id reused
for what is obviously another measure.
"""

from __future__ import annotations

from dataclasses import dataclass

from rahmengraph.errors import Problem
from rahmengraph.model.diff import Change, ended, reused_ids
from rahmengraph.model.snapshot import Snapshot

#: Documented type → computed types it explains.
COMPATIBLE: dict[str, frozenset[str]] = {
    "neu": frozenset({"neu"}),
    "eingestellt": frozenset({"eingestellt", "zusammengeführt", "aufgeteilt"}),
    "zusammengeführt": frozenset({"zusammengeführt", "eingestellt"}),
    "aufgeteilt": frozenset({"aufgeteilt", "eingestellt"}),
    "erweitert": frozenset({"erweitert", "geändert", "Ebene geändert"}),
    "geändert": frozenset(
        {"geändert", "erweitert", "verschoben", "Ebene geändert", "Zuständigkeit übertragen"}
    ),
    "verschoben": frozenset({"verschoben"}),
    "Ebene geändert": frozenset({"Ebene geändert", "erweitert"}),
    "Zuständigkeit übertragen": frozenset({"Zuständigkeit übertragen"}),
    "Status": frozenset({"geändert", "eingestellt"}),
    "Handlungsfeld neu": frozenset({"Handlungsfeld neu"}),
    "Handlungsfeld umbenannt": frozenset({"Handlungsfeld umbenannt"}),
    "Handlungsfelder zusammengeführt": frozenset(
        {"Handlungsfelder zusammengeführt", "Handlungsfeld entfallen"}
    ),
    "Handlungsfeld entfallen": frozenset({"Handlungsfeld entfallen", "Handlungsfelder zusammengeführt"}),
    "Rahmenkonzept": frozenset(),
}
_ENDING = frozenset({"eingestellt", "zusammengeführt", "aufgeteilt"})


@dataclass(frozen=True)
class Documented:
    """A documented change, from ``aenderungen.csv`` or from the graph."""

    date: str
    subject: str  # id of a measure or field, or a description in words
    entity: str  # IRI of the measure or field ("" when described in words)
    type: str
    reason: str
    sources: str
    decided_by: str  # id
    successors: tuple[str, ...]
    problem: Problem | None = None  # where it was written (for warnings)
    note: str = ""  # ``anmerkung``


def _warn(doc: Documented, message: str) -> Problem:
    if doc.problem is not None:
        return Problem(message, doc.problem.file, doc.problem.line, "massnahme", doc.subject)
    return Problem(message, None, None, None, doc.subject)


def successors_of(docs: list[Documented]) -> dict[str, list[str]]:
    """Successor ids per ended measure id, from the documented changes."""
    return {d.subject: list(d.successors) for d in docs if d.type in _ENDING and d.successors}


def match(
    changes: list[Change], docs: list[Documented], a: Snapshot, b: Snapshot, versions: tuple[str, str]
) -> list[Problem]:
    """Attach each documented change to the computed change it explains; add the ones the
    editions do not show as documented-only changes; return the cross-check warnings."""
    warnings: list[Problem] = []
    where = f"Ausgaben {versions[0]} → {versions[1]}"
    for doc in docs:
        hits = [
            c
            for c in changes
            if c.computed and c.entity == doc.entity and doc.entity and c.type in COMPATIBLE[doc.type]
        ]
        if doc.type == "Status":
            hits = [c for c in hits if "status" in c.attributes or c.type == "eingestellt"]
        if hits:
            best = sorted(hits, key=lambda c: c.type != doc.type)[0]  # the same type first
            best.records.append(doc)
            best.records.sort(key=lambda d: not (isinstance(d, Documented) and d.type == best.type))
        else:
            change = Change(
                doc.type,
                "framework" if not doc.entity else _kind(doc.entity, a, b),
                doc.entity,
                doc.subject if doc.entity else "",
                _label(doc, a, b),
                *versions,
                computed=False,
            )
            change.successors = list(doc.successors)
            change.records.append(doc)
            changes.append(change)
            if doc.entity:
                warnings.append(
                    _warn(doc, f"belegte Änderung ({doc.type}), die der Vergleich der {where} nicht zeigt")
                )
        if doc.type in _ENDING and doc.entity in b.measures and not ended(b.measures[doc.entity]):
            status = b.measures[doc.entity].status or "ohne Status"
            warnings.append(
                _warn(
                    doc,
                    f"als {doc.type} belegt, in Ausgabe {versions[1]} aber weiter aktiv (Status {status!r})",
                )
            )
    for change in changes:  # a new measure a documented split or merge names is explained by it
        if change.type == "neu" and not change.records:
            change.records += [d for d in docs if d.type in _ENDING and change.id in d.successors][:1]
    for change in changes:
        if change.computed and not change.records:
            warnings.append(
                Problem(
                    f"{change.type}: {change.id} {change.label} – Änderung der {where} ohne belegten Grund "
                    "(aenderungen.csv)",
                    None,
                    None,
                    None,
                    change.id,
                )
            )
    for old, new in reused_ids(a, b):
        warnings.append(
            Problem(
                f"ID {new.id} in Ausgabe {versions[1]} heißt {new.name!r} statt {old.name!r} und hat andere "
                "Handlungsfelder: wahrscheinlich eine neue Maßnahme (neue ID vergeben)",
                None,
                None,
                None,
                new.id,
            )
        )
    return warnings


def _kind(entity: str, a: Snapshot, b: Snapshot) -> str:
    return "field" if entity in a.fields or entity in b.fields else "measure"


def _label(doc: Documented, a: Snapshot, b: Snapshot) -> str:
    for snap in (b, a):
        if doc.entity in snap.measures:
            return snap.measures[doc.entity].name
        if doc.entity in snap.fields:
            return snap.fields[doc.entity][1]
    return doc.subject
