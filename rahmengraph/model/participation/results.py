"""Results of participation for the report: the chapter "Ergebnisse der Beteiligung", always labelled
as such (heading and note: :data:`rahmengraph.model.bericht.PARTICIPATION_NOTE`).

Only events whose date lies in the reporting period; only visible (not hidden) contributions.
Statements are counts and the working group's decisions, never the participants' text as a finding
of the framework: the chapter says whose voices these are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from rahmengraph.model.participation.register import Event, entries, events, names
from rahmengraph.model.participation.terms import KINDS, STATUSES
from rahmengraph.model.store import GraphStore

#: Plural forms of the kinds in sentences.
_PLURAL = {
    "kommentar": "Kommentare",
    "frage": "Fragen",
    "luecke": "bestätigte Lücken",
    "vorschlag": "Maßnahmenvorschläge",
}


def _in_period(ev: Event, period_from: str, period_to: str) -> bool:
    day = ev.date[: len(period_to)]
    return period_from[: len(day)] <= day <= period_to


def results(store: GraphStore, period_from: str, period_to: str, *, base: str) -> list[tuple[str, list[str]]]:
    """One statement per event in the period, then the adopted and declined contributions."""
    lines: list[tuple[str, list[str]]] = []
    for ev in sorted(events(store, base), key=lambda e: (e.date, e.id)):
        if not _in_period(ev, period_from, period_to):
            continue
        found = entries(store, base, ev.id)
        kinds = Counter(e.kind for e in found)
        states = Counter(e.status for e in found)
        by_kind = ", ".join(f"{kinds[k]} {_PLURAL[k]}" for k in KINDS if kinds[k])
        by_state = ", ".join(f"{states[s]} {STATUSES[s].label_de}" for s in STATUSES if states[s])
        text = f"{ev.title} ({ev.date}): {len(found)} Beiträge"
        text += f" – {by_kind}; Bearbeitungsstand: {by_state}." if found else "."
        lines.append((text, [ev.iri]))
        labels = names(store, [e.target for e in found])
        for e in found:
            if e.status in ("aufgenommen", "nicht-aufgenommen"):
                about = labels.get(e.target, e.target)
                decided = "aufgenommen" if e.status == "aufgenommen" else f"nicht aufgenommen ({e.reason})"
                sources = [e.adopted_in] if e.adopted_in else []
                lines.append((f"{KINDS[e.kind].label_de} zu „{about}“: {decided}", sources))
    return lines


def results_of(bases: Sequence[str]) -> Callable[[GraphStore, str, str], list[tuple[str, list[str]]]]:
    """The chapter's source for the frameworks with base IRIs ``bases`` (``serve -d A -d B``: each
    framework's events, the first framework first)."""

    def source(store: GraphStore, period_from: str, period_to: str) -> list[tuple[str, list[str]]]:
        return [line for base in bases for line in results(store, period_from, period_to, base=base)]

    return source
