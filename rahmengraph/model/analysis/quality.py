"""Data-quality view: the SHACL report of every dataset, grouped by Handlungsfeld and Ressort.

A finding belongs to the fields and lead actors of its focus node: a measure → its fields and
leads; a responsibility → its measure's; an actor → itself (fields of the measures it leads);
a field → itself; anything else → "ohne Zuordnung". Findings on measures outside the filter
are left out.
"""

from __future__ import annotations

from collections import defaultdict
from functools import partial
from typing import cast

from rahmengraph.model import namespaces
from rahmengraph.model.analysis.indexes import View
from rahmengraph.model.analysis.report import Cell, Report, ReportTable
from rahmengraph.model.ordering import natural_key
from rahmengraph.model.projection import per_state
from rahmengraph.model.store import GraphStore
from rahmengraph.model.validation import Finding, validate_all

UNASSIGNED = "ohne Zuordnung"


def _responsibility_owner(view: View, focus: str) -> str | None:
    """The measure in view (first in order) a responsibility belongs to: responsibilities are not
    nodes, their IRI is ``{base}zustaendigkeit/<measure>/…`` (looked up by prefix, not by a scan)."""
    prefixes = cast(dict[str, str] | None, view.memo.get("responsibility prefixes"))
    if prefixes is None:
        prefixes = {}
        for m in view.measures:
            prefixes.setdefault(m.replace("/massnahme/", "/zustaendigkeit/"), m)
        view.memo["responsibility prefixes"] = prefixes
    owners = [prefixes[focus[:i]] for i, ch in enumerate(focus) if ch == "/" and focus[:i] in prefixes]
    return min(owners, key=view.rank.__getitem__) if owners else None


def _led(view: View) -> dict[str, set[str]]:
    """Actor → the measures in view it leads (once per view)."""
    led = cast(dict[str, set[str]] | None, view.memo.get("led"))
    if led is None:
        led = defaultdict(set)
        for m in view.measures:
            for d in view.duties.get(m, []):
                if d.role == "lead":
                    led[d.actor].add(m)
        view.memo["led"] = led
    return led


def _owners(view: View, focus: str, in_view: set[str], filtered: bool) -> tuple[set[str], set[str]] | None:
    """(fields, actors) of a focus node; None when the finding is outside the filter."""
    if focus not in view.g:
        owner = _responsibility_owner(view, focus)
        if owner is None:
            return (set(), set()) if not filtered else None
        focus = owner
    kind = view.kind(focus)
    if kind == "measure":
        if focus not in in_view:
            return None
        return set(view.fields.get(focus, [])), set(view.leads(focus))
    if kind == "actor":
        return {f for m in _led(view).get(focus, ()) for f in view.fields.get(m, [])}, {focus}
    if kind == "field":
        return {focus}, set()
    return (set(), set()) if not filtered else None


def _group(
    view: View, findings: list[tuple[Finding, set[str]]], title: str, name: str, column: str
) -> ReportTable:
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f, owners in findings:
        for o in owners or {UNASSIGNED}:
            groups[o].append(f)
    rows: list[list[Cell]] = []
    for o, items in sorted(
        groups.items(),
        key=lambda kv: (kv[0] == UNASSIGNED, natural_key(view.key(kv[0]) if kv[0] in view.g else kv[0])),
    ):
        count: dict[str, int] = defaultdict(int)
        for f in items:
            count[f.severity] += 1
        messages = " | ".join(sorted({f.message for f in items}))
        key = view.key(o) if o in view.g else o
        rows.append(
            [
                key,
                view.label(o) if o in view.g else "",
                count["Verstoß"],
                count["Warnung"],
                count["Hinweis"],
                ";".join(sorted({f.focus_key for f in items}, key=natural_key)),
                messages,
            ]
        )
    return ReportTable(
        name=name,
        title=title,
        columns=[column, "Name", "Verstöße", "Warnungen", "Hinweise", "betroffene IDs", "Meldungen"],
        rows=rows,
    )


def compute(view: View, store: GraphStore) -> Report:
    """The ``datenqualitaet`` analysis. pySHACL runs once per dataset and store state (~0.35 s for
    Bremen; in a child process in the server, and not at all when the store folder kept the
    findings of this state); other filters reuse its findings."""
    in_view = set(view.measures)
    filtered = len(in_view) != len(view.nodes("measure"))
    by_field: list[tuple[Finding, set[str]]] = []
    by_actor: list[tuple[Finding, set[str]]] = []
    findings: list[list[str | int | None]] = []
    graphs = sorted(g for g in store.graphs() if g != namespaces.ONTOLOGY_IRI)
    reports = per_state(store, ("shacl",), partial(validate_all, store, graphs))
    for graph in graphs:
        for f in reports[graph].findings:
            owners = _owners(view, f.focus, in_view, filtered)
            if owners is None:
                continue
            by_field.append((f, owners[0]))
            by_actor.append((f, owners[1]))
            findings.append(
                [
                    f.severity,
                    f.focus_key,
                    f.focus_label,
                    (f.path or "").rsplit("#", 1)[-1],
                    f.message,
                    view.keys(owners[0]),
                    view.keys(owners[1]),
                ]
            )
    tables = [
        _group(view, by_field, "Prüfbefunde je Handlungsfeld", "by_field", "Handlungsfeld"),
        _group(view, by_actor, "Prüfbefunde je federführendem Ressort", "by_actor", "Ressort"),
        ReportTable(
            name="findings",
            title="Alle Prüfbefunde",
            columns=["Schwere", "ID", "Name", "Pfad", "Meldung", "Handlungsfelder", "Ressorts"],
            rows=findings,
        ),
    ]
    summary: dict[str, int | float | str] = {"befunde": len(findings)}
    for sev in ("Verstoß", "Warnung", "Hinweis"):
        summary[sev] = sum(1 for r in findings if r[0] == sev)
    return Report(
        name="datenqualitaet", title="Datenqualität (SHACL-Prüfung)", summary=summary, tables=tables
    )
