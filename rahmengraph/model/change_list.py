"""What changed between two editions of a framework, as a planner reads it (CLI, API, pages).

``between(store, "2021-10", "2025-12-31")`` compares the two editions' graphs (any two, not only
neighbours), attaches the documented changes dated between them (from the catalogue graph) and
returns one row per change, filterable by Handlungsfeld, actor, level and type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote

from rahmengraph.errors import ParameterError
from rahmengraph.model import value_lists, vocab
from rahmengraph.model.asof import EditionInfo, editions
from rahmengraph.model.changes import Documented, match, successors_of
from rahmengraph.model.diff import Change, compare
from rahmengraph.model.editions import date_key
from rahmengraph.model.ordering import natural_key
from rahmengraph.model.snapshot import snapshot
from rahmengraph.model.store import GraphStore, text

#: Columns of a change row (German names, as in CSV and JSON).
COLUMNS = (
    "von",
    "bis",
    "art",
    "uebertragung",
    "id",
    "name",
    "angaben",
    "vorher",
    "nachher",
    "nachfolger",
    "handlungsfelder",
    "akteure",
    "ebenen",
    "berechnet",
    "belegt",
    "datum",
    "grund",
    "quelle",
    "beschlossen_von",
)
_ORDER = list(value_lists.CHANGE_TYPES)


@dataclass(frozen=True)
class Filters:
    field: str = ""  # Handlungsfeld number
    actor: str = ""  # Kürzel
    level: str = ""  # level name
    type: str = ""  # cell of value_lists.CHANGE_TYPES

    def keep(self, c: Change) -> bool:
        return (
            (not self.field or self.field in c.fields)
            and (not self.actor or self.actor in c.actors)
            and (not self.level or self.level in c.levels)
            and (not self.type or c.type == self.type)
        )


@dataclass
class Report:
    framework: str
    before: EditionInfo
    after: EditionInfo
    changes: list[Change] = field(default_factory=list)

    def rows(self) -> list[dict[str, str]]:
        return [row(c) for c in self.changes]


def row(c: Change) -> dict[str, str]:
    docs = [d for d in c.records if isinstance(d, Documented)]
    first = docs[0] if docs else None
    return {
        "von": c.before,
        "bis": c.after,
        "art": c.type,
        "uebertragung": c.transfer,
        "id": c.id,
        "name": c.label,
        "angaben": ";".join(c.attributes),
        "vorher": " | ".join(f"{a}: {c.old.get(a, '')}" for a in c.attributes),
        "nachher": " | ".join(f"{a}: {c.new.get(a, '')}" for a in c.attributes),
        "nachfolger": ";".join(sorted(c.successors, key=natural_key)),
        "handlungsfelder": ";".join(sorted(c.fields, key=natural_key)),
        "akteure": ";".join(c.actors),
        "ebenen": ";".join(c.levels),
        "berechnet": "ja" if c.computed else "nein",
        "belegt": "ja" if docs else "nein",
        "datum": first.date if first else "",
        "grund": " / ".join(d.reason for d in docs if d.reason),
        "quelle": " | ".join(d.sources for d in docs if d.sources),
        "beschlossen_von": first.decided_by if first else "",
    }


def _documented(store: GraphStore, framework: str) -> list[Documented]:
    """The documented changes of a framework, read back from its catalogue graph."""
    table = store.select(
        f"""SELECT ?c ?d ?e ?subj ?t ?reason ?src ?body
          (GROUP_CONCAT(DISTINCT STR(?succ); separator=";") AS ?succs)
        WHERE {{
          ?c a <{vocab.CHANGE_CLASS}> ; <{vocab.DOCUMENTED}> true ; <{vocab.DCT_DATE}> ?d ;
             <{vocab.CHANGE_TYPE}> ?type .
          ?type <{vocab.IN_SCHEME}> <{vocab.CHANGE_TYPE_SCHEME}> ; <{vocab.NOTATION}> ?t .
          FILTER NOT EXISTS {{ ?type <{vocab.BROADER}> ?up }}
          {{ ?c <{vocab.PROV_GENERATED}>|<{vocab.PROV_USED}> ?ed .
             ?ed <{vocab.DCT_IS_VERSION_OF}> <{framework}> }}
          OPTIONAL {{ ?c <{vocab.CHANGED_ENTITY}> ?e }}
          OPTIONAL {{ ?c <{vocab.CHANGE_SUBJECT}> ?subj }}
          OPTIONAL {{ ?c <{vocab.REASON}> ?reason }}
          OPTIONAL {{ ?c <{vocab.PRIMARY_SOURCE}>/<{vocab.LABEL}> ?src }}
          OPTIONAL {{ ?c <{vocab.WAS_ASSOCIATED_WITH}>/<{vocab.NOTATION}> ?body }}
          OPTIONAL {{ ?c <{vocab.DCT_IS_REPLACED_BY}> ?succ }}
        }} GROUP BY ?c ?d ?e ?subj ?t ?reason ?src ?body"""
    )
    out = []
    for r in table.values():
        out.append(
            Documented(
                r["d"] or "",
                r["subj"] or "",
                r["e"] or "",
                r["t"] or "",
                r["reason"] or "",
                r["src"] or "",
                r["body"] or "",
                tuple(unquote(x.rsplit("/", 1)[1]) for x in (r["succs"] or "").split(";") if x),
            )
        )
    return out


def _edition(found: list[EditionInfo], version: str, framework: str | None) -> EditionInfo:
    hits = [e for e in found if e.version == version and (framework is None or e.framework == framework)]
    if not hits:
        known = ", ".join(sorted({e.version for e in found})) or "keine (ausgaben.csv fehlt)"
        raise ParameterError(f"Ausgabe {version!r} gibt es nicht; bekannt: {known}")
    return hits[0]


def between(
    store: GraphStore, before: str, after: str, filters: Filters | None = None, framework: str | None = None
) -> Report:
    """The changes from edition ``before`` to edition ``after`` (versions; ``after`` may be empty:
    the current edition) of ``framework`` (its IRI; None: the first framework with edition ``before``).
    Raises :class:`ParameterError` for unknown editions or a wrong order."""
    found = editions(store)
    a = _edition(found, before, framework)
    if after:
        b = _edition(found, after, a.framework)
    else:
        b = next(e for e in found if e.framework == a.framework and e.current)
    if b.key <= a.key:
        raise ParameterError(
            f"Ausgabe {b.version!r} ist nicht jünger als {a.version!r}: erst die ältere, dann die neuere"
        )
    docs = [d for d in _documented(store, a.framework) if d.date and a.key < date_key(d.date) <= b.key]
    snap_a, snap_b = snapshot(store, [a.iri]), snapshot(store, [b.iri])
    changes = compare(snap_a, snap_b, (a.version, b.version), b.key, successors_of(docs))
    match(changes, docs, snap_a, snap_b, (a.version, b.version))
    keep = filters or Filters()
    chosen = [c for c in changes if keep.keep(c)]
    chosen.sort(key=lambda c: (_ORDER.index(c.type), natural_key(c.id), c.label))
    return Report(a.framework, a, b, chosen)


def report_changes(store: GraphStore, period_from: str, period_to: str) -> list[tuple[str, list[str]]] | None:
    """The Umsetzungsbericht's chapter "what changed" (a ``bericht.ChangesSource``): per framework,
    the changes from the edition in force before ``period_from`` (else its first edition) to the
    newest edition dated within the period; ``None`` when the store holds no editions."""
    found = editions(store)
    if not found:
        return None
    out: list[tuple[str, list[str]]] = []
    for framework in sorted({e.framework for e in found}):
        mine = sorted((e for e in found if e.framework == framework), key=lambda e: e.key)
        before = [e for e in mine if e.key < period_from] or mine[:1]
        within = [e for e in mine if e.key[: len(period_to)] <= period_to]
        if not within or within[-1].key <= before[-1].key:
            continue
        report = between(store, before[-1].version, within[-1].version, framework=framework)
        for c in report.changes:
            r = row(c)
            term = value_lists.CHANGE_TYPES.get(c.type)
            name = " ".join(part for part in (c.id, c.label) if part)
            line = f"{term.label_de if term else c.type}: {name} ({c.before} → {c.after})"
            if r["grund"]:
                line += f"; Grund: {r['grund']}"
            out.append((line, [src for src in r["quelle"].split(" | ") if src]))
    return out


__all__ = ["COLUMNS", "Filters", "Report", "between", "report_changes", "row", "text"]
