"""A measure's (or field's, actor's) history: its editions, its changes and dated events, by date.

The timeline "Verlauf" of the entity pages: when the entity first appears in an edition, every
change between editions that concerns it (type, reason, deciding body, source) and every dated
event of the timeline that names it, each with its source.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from rahmengraph.model import vocab
from rahmengraph.model.editions import date_key
from rahmengraph.model.store import GraphStore


@dataclass(frozen=True)
class Entry:
    date: str
    kind: str  # ausgabe | aenderung | ereignis
    text: str
    detail: str  # reason, edition title …
    source: str  # IRI or URL ("" when none)
    source_label: str


def timeline(store: GraphStore, iri: str, lang: str = "de") -> list[Entry]:
    """The dated history of ``iri``, oldest first (empty for an entity without editions or events)."""
    node = ox.NamedNode(iri)
    table = store.select(
        f"""SELECT ?kind ?date ?text ?detail ?src ?srcLabel WHERE {{
          {{ ?e a <{vocab.EDITION_CLASS}> ; <{vocab.ISSUED}> ?date ; <{vocab.TITLE}> ?detail ;
                <{vocab.DCAT_VERSION}> ?version ; <{vocab.EDITION_GRAPH}> ?g .
             GRAPH ?g {{ {node} ?p ?o }}
             FILTER NOT EXISTS {{ ?e <{vocab.DCAT_PREVIOUS_VERSION}>+ ?earlier .
                                 ?earlier <{vocab.EDITION_GRAPH}> ?g2 . GRAPH ?g2 {{ {node} ?p2 ?o2 }} }}
             BIND("ausgabe" AS ?kind) BIND(?version AS ?text)
             OPTIONAL {{ ?e <{vocab.PRIMARY_SOURCE}> ?src }} }}
          UNION
          {{ ?c <{vocab.CHANGED_ENTITY}> {node} ; <{vocab.CHANGE_TYPE}> ?type .
             ?type <{vocab.PREF_LABEL}> ?text . FILTER(LANG(?text) = "{lang}")
             FILTER NOT EXISTS {{ ?type <{vocab.BROADER}> ?up }}
             OPTIONAL {{ ?c <{vocab.DCT_DATE}> ?date }} OPTIONAL {{ ?c <{vocab.REASON}> ?detail }}
             OPTIONAL {{ ?c <{vocab.PRIMARY_SOURCE}> ?src }}
             BIND("aenderung" AS ?kind) }}
          UNION
          {{ ?ev a <{vocab.EVENT}> ; <{vocab.CONCERNS}> {node} ; <{vocab.DESCRIPTION}> ?text .
             ?ev <{vocab.IN_XSD_DATE}>|<{vocab.IN_XSD_GYEAR_MONTH}>|<{vocab.IN_XSD_GYEAR}> ?date .
             OPTIONAL {{ ?ev <{vocab.PRIMARY_SOURCE}> ?src }}
             BIND("ereignis" AS ?kind) }}
          OPTIONAL {{ ?src <{vocab.LABEL}> ?srcLabel }}
        }}"""
    )
    entries = {
        Entry(
            r["date"] or "",
            r["kind"] or "",
            r["text"] or "",
            r["detail"] or "",
            r["src"] or "",
            r["srcLabel"] or "",
        )
        for r in table.values()
    }
    order = {"ereignis": 0, "aenderung": 1, "ausgabe": 2}
    return sorted(
        entries, key=lambda e: (date_key(e.date) if e.date else "9999", order.get(e.kind, 3), e.text)
    )
