"""Reading participation back from the store: the events of a framework and their contributions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

import pyoxigraph as ox

from rahmengraph.errors import NotFound
from rahmengraph.model.kinds import SEGMENTS
from rahmengraph.model.namespaces import DCT, FOAF, PROV, RDF, RDFS
from rahmengraph.model.participation import terms as t
from rahmengraph.model.store import GraphStore, text


@dataclass(frozen=True)
class Event:
    id: str
    iri: str
    title: str
    date: str
    start: datetime
    end: datetime
    asks_names: bool
    token_hash: str
    format: str  # IRI of a body of the framework, or the text given
    fields: tuple[str, ...]
    edition: str
    graph: str

    def is_open(self, moment: datetime) -> bool:
        return self.start <= moment <= self.end


@dataclass
class Entry:
    """A stored contribution with its workflow state (what the API and the exports show)."""

    id: str
    event: str
    kind: str
    target: str  # IRI of the node or the framework; for a gap the row IRI
    gap_column: str
    gap_view: str
    text: str
    group: str
    name: str
    created: str
    status: str
    reason: str
    adopted_in: str
    hidden: bool
    proposal: dict[str, object] = field(default_factory=dict)

    @property
    def is_gap(self) -> bool:
        return bool(self.gap_column)


_EVENTS = f"""
SELECT ?e ?id ?title ?date ?start ?end ?names ?hash ?format ?formatText ?edition ?graph
       (GROUP_CONCAT(STR(?field); separator=" ") AS ?fields)
WHERE {{ GRAPH %(graph)s {{
  ?e a <{t.EVENT_CLASS}> ; <{DCT}identifier> ?id ; <{DCT}title> ?title ; <{DCT}date> ?date ;
     <{PROV}startedAtTime> ?start ; <{PROV}endedAtTime> ?end ; <{t.ASKS_NAMES}> ?names ;
     <{t.INPUT_GRAPH}> ?graph .
  OPTIONAL {{ ?e <{t.TOKEN_HASH}> ?hash }}
  OPTIONAL {{ ?e <{t.FORMAT}> ?format }}
  OPTIONAL {{ ?e <{t.FORMAT_TEXT}> ?formatText }}
  OPTIONAL {{ ?e <{t.REFERS_TO_EDITION}> ?edition }}
  OPTIONAL {{ ?e <{t.CONCERNS_FIELD}> ?field }}
}} }}
GROUP BY ?e ?id ?title ?date ?start ?end ?names ?hash ?format ?formatText ?edition ?graph
ORDER BY DESC(?start) ?id
"""


def events(store: GraphStore, base: str) -> list[Event]:
    """Every event of the framework with base IRI ``base``, the newest first."""
    table = store.select(_EVENTS % {"graph": ox.NamedNode(t.register_graph(base))})
    out = []
    for row in table.values():
        out.append(
            Event(
                id=row["id"] or "",
                iri=row["e"] or "",
                title=row["title"] or "",
                date=row["date"] or "",
                start=datetime.fromisoformat(row["start"] or ""),
                end=datetime.fromisoformat(row["end"] or ""),
                asks_names=row["names"] == "true",
                token_hash=row["hash"] or "",
                format=row["format"] or row["formatText"] or "",
                fields=tuple(sorted((row["fields"] or "").split())),
                edition=row["edition"] or "",
                graph=row["graph"] or "",
            )
        )
    return out


def event(store: GraphStore, base: str, event_id: str) -> Event:
    """One event; :class:`NotFound` naming the id when there is none."""
    for found in events(store, base):
        if found.id == event_id:
            return found
    raise NotFound(f"Veranstaltung {event_id!r} gibt es nicht (Parameter id)")


_ENTRIES = f"""
SELECT ?a ?id ?motivation ?target ?row ?column ?view ?text ?group ?name ?created ?status ?reason
       ?adopted ?hidden ?ptitle ?plevel ?plead ?pleadText
       (GROUP_CONCAT(STR(?pgroup); separator=" ") AS ?pgroups)
WHERE {{ GRAPH %(graph)s {{
  ?a a <{t.OA}Annotation> ; <{DCT}identifier> ?id ; <{t.OA}motivatedBy> ?motivation ;
     <{t.OA}hasTarget> ?target ; <{t.OA}hasBody> ?body ; <{DCT}created> ?created ; <{t.STATUS}> ?status .
  ?body <{RDF}value> ?text .
  OPTIONAL {{ ?target <{t.GAP_ROW}> ?row ; <{t.GAP_COLUMN}> ?column .
             OPTIONAL {{ ?target <{t.GAP_VIEW}> ?view }} }}
  OPTIONAL {{ ?a <{t.GROUP}> ?gr . ?gr <{RDFS}label> ?group }}
  OPTIONAL {{ ?a <{DCT}creator> ?person . ?person <{FOAF}name> ?name }}
  OPTIONAL {{ ?a <{t.REASON}> ?reason }}
  OPTIONAL {{ ?a <{t.ADOPTED_IN}> ?adopted }}
  OPTIONAL {{ ?a <{t.HIDDEN}> ?hidden }}
  OPTIONAL {{ ?a <{t.PROPOSAL}> ?p . ?p <{DCT}title> ?ptitle .
             OPTIONAL {{ ?p <{t.PROPOSED_LEVEL}> ?plevel }} OPTIONAL {{ ?p <{t.PROPOSED_LEAD}> ?plead }}
             OPTIONAL {{ ?p <{t.PROPOSED_LEAD_TEXT}> ?pleadText }}
             OPTIONAL {{ ?p <{t.PROPOSED_GROUP}> ?pgroup }} }}
}} }}
GROUP BY ?a ?id ?motivation ?target ?row ?column ?view ?text ?group ?name ?created ?status ?reason
         ?adopted ?hidden ?ptitle ?plevel ?plead ?pleadText
ORDER BY ?created ?id
"""


def _whole(base: str, target: str) -> str:
    """The framework's own node for a target stored under it by earlier versions
    (``{base}rahmenkonzept/<id>``, which is no node of the graph), else ``target``."""
    node = base + SEGMENTS["framework"]
    return node if target.startswith(node + "/") else target


def _entry(row: dict[str, str | None], event_id: str, base: str) -> Entry:
    proposal: dict[str, object] = {}
    if row["ptitle"]:
        proposal = {
            "titel": row["ptitle"],
            "zielgruppen": sorted((row["pgroups"] or "").split()),
            "ebene": row["plevel"] or "",
            "federfuehrung": row["plead"] or row["pleadText"] or "",
        }
    return Entry(
        id=row["id"] or "",
        event=event_id,
        kind=t.KIND_OF_MOTIVATION.get(row["motivation"] or "", "kommentar"),
        target=row["row"] or _whole(base, row["target"] or ""),
        gap_column=row["column"] or "",
        gap_view=row["view"] or "",
        text=row["text"] or "",
        group=row["group"] or "",
        name=row["name"] or "",
        created=row["created"] or "",
        status=t.STATUS_OF_IRI.get(row["status"] or "", "neu"),
        reason=row["reason"] or "",
        adopted_in=row["adopted"] or "",
        hidden=row["hidden"] == "true",
        proposal=proposal,
    )


def entries(store: GraphStore, base: str, event_id: str, *, hidden: bool = False) -> list[Entry]:
    """The contributions of one event in the order they were made; hidden ones only with ``hidden``."""
    graph = ox.NamedNode(t.input_graph(base, event_id))
    found = [_entry(row, event_id, base) for row in store.select(_ENTRIES % {"graph": graph}).values()]
    return [e for e in found if hidden or not e.hidden]


def all_entries(store: GraphStore, base: str, *, hidden: bool = False) -> list[Entry]:
    """The contributions of every event of the framework."""
    return [e for ev in events(store, base) for e in entries(store, base, ev.id, hidden=hidden)]


def where_is(store: GraphStore, base: str, contribution_ids: Iterable[str]) -> dict[str, str]:
    """Contribution id → input graph, for those of ``contribution_ids`` already stored."""
    values = " ".join(str(ox.NamedNode(t.contribution_iri(base, i))) for i in contribution_ids)
    if not values:
        return {}
    query = f"SELECT ?a ?g WHERE {{ VALUES ?a {{ {values} }} GRAPH ?g {{ ?a a <{t.OA}Annotation> }} }}"
    prefix = t.contribution_iri(base, "")
    return {(text(a) or "").removeprefix(prefix): text(g) or "" for a, g in store.select(query)}


def names(store: GraphStore, iris: Iterable[str]) -> dict[str, str]:
    """German names of official nodes (``rdfs:label`` or ``dcterms:title``), for tables of input."""
    values = " ".join(str(ox.NamedNode(i)) for i in sorted(set(iris)) if i)
    if not values:
        return {}
    query = (
        f"SELECT ?s (SAMPLE(?l) AS ?name) WHERE {{ VALUES ?s {{ {values} }} "
        f"{{ ?s <{RDFS}label> ?l }} UNION {{ ?s <{DCT}title> ?l }} "
        'FILTER(LANG(?l) = "de" || LANG(?l) = "") } GROUP BY ?s'
    )
    return {r["s"] or "": r["name"] or "" for r in store.select(query).values()}
