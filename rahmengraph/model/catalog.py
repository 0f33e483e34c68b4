"""The planners' lists: every entity kind as a collection of items with columns, filters and sorting.

One table (:data:`COLLECTIONS`) says, per kind, which properties become which German column; one
query per collection fetches all of them (references come with their id and German label), and
the assembled items are cached until the store changes (:class:`rahmengraph.model.listing.Catalog`). Measure
filters reuse :mod:`rahmengraph.model.filters`; other collections filter on their own columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

import pyoxigraph as ox

from rahmengraph.errors import NotFound
from rahmengraph.model import vocab as v
from rahmengraph.model.kinds import KINDS, kind_of_iri
from rahmengraph.model.ordering import natural_key
from rahmengraph.model.store import GraphStore, text


@dataclass(frozen=True)
class Column:
    """One column of a collection: the property behind it and whether values are references."""

    name: str
    predicate: str
    ref: bool = False  # values are entities (id + label) rather than text
    help: str = ""


@dataclass(frozen=True)
class Collection:
    entity: str  # key of kinds.KINDS
    columns: tuple[Column, ...]

    @property
    def path(self) -> str:
        """URL segment under /api."""
        path = KINDS[self.entity].collection
        assert path is not None
        return path

    @property
    def cls(self) -> str:
        return KINDS[self.entity].cls

    @property
    def title(self) -> str:
        return KINDS[self.entity].plural_de


C = Column
_TYPE = C("typ", v.TYPE, ref=True, help="Art (Unterklasse)")
_FIELDS = C("handlungsfelder", v.FIELD, ref=True, help="Handlungsfelder")

COLLECTIONS: Final[dict[str, Collection]] = {
    c.path: c
    for c in (
        Collection(
            "field",
            (C("kurztitel", v.SHORT_TITLE), C("seite", v.PAGE), C("unterabschnitte", v.SUBSECTION)),
        ),
        Collection(
            "measure",
            (
                C("beschreibung", v.DESCRIPTION),
                _FIELDS,
                C("federfuehrend", v.LED_BY, ref=True),
                C("beteiligt", v.PARTNER_P, ref=True),
                C("ebenen", v.LEVEL_P, ref=True),
                C("zielgruppen", v.TARGET_GROUP_P, ref=True),
                C("zeitraum", v.PERIOD),
                C("status", v.STATUS),
                C("finanzierung", v.FUNDING),
                C("beleg", v.EVIDENCE_P, ref=True),
                C("sicherheit", v.CERTAINTY_P, ref=True),
                C("abhaengig_von", v.DEPENDS_ON, ref=True),
            ),
        ),
        Collection(
            "actor",
            (
                _TYPE,
                C("ebenen", v.LEVEL_P, ref=True),
                C("gueltig_von", v.VALID_FROM),
                C("gueltig_bis", v.VALID_UNTIL),
                C("nachfolger", v.SUCCESSOR, ref=True),
                C("vorgaenger", v.PREDECESSOR, ref=True),
            ),
        ),
        Collection(
            "target_group",
            (
                _TYPE,
                C("dimension", v.DIMENSION_P, ref=True),
                C("oberbegriff", v.BROADER, ref=True),
                C("schnitt_aus", v.INTERSECTION_OF, ref=True),
            ),
        ),
        Collection("goal", (C("nummer", v.CHAPTER), C("beschreibung", v.DESCRIPTION))),
        Collection(
            "level",
            (C("typ", v.LEVEL_KIND, ref=True), C("uebergeordnet", v.BROADER, ref=True)),
        ),
        Collection(
            "body",
            (
                C("typ", v.BODY_TYPE),
                C("mitglieder", v.HAS_MEMBER, ref=True),
                C("turnus", v.RHYTHM),
                C("seit", v.SINCE),
                C("akteur", v.ACTS_AS, ref=True),
                _FIELDS,
            ),
        ),
        Collection(
            "indicator",
            (C("bereich", v.AREA), _FIELDS, C("massnahmen", v.MEASURES_P, ref=True)),
        ),
        Collection(
            "event",
            (
                C("datum", v.IN_XSD_DATE),
                C("monat", v.IN_XSD_GYEAR_MONTH),
                C("jahr", v.IN_XSD_GYEAR),
                C("bezug", v.CONCERNS, ref=True),
                C("geplant", v.PLANNED),
            ),
        ),
        Collection(
            "initiative",
            (
                _TYPE,
                C("federfuehrend", v.LED_BY, ref=True),
                C("stand", v.STATUS_NOTE),
                C("bezug", v.CONCERNS, ref=True),
            ),
        ),
    )
}

#: Collection of each entity kind (for links between items).
BY_ENTITY: Final = {c.entity: c for c in COLLECTIONS.values()}


@dataclass(frozen=True)
class Ref:
    id: str
    label: str
    iri: str
    entity: str | None  # key of kinds.KINDS when the IRI is a dataset entity


@dataclass
class Item:
    id: str
    label: str
    iri: str
    entity: str
    texts: dict[str, list[str]] = field(default_factory=dict)
    refs: dict[str, list[Ref]] = field(default_factory=dict)

    def words(self) -> str:
        """Lower-cased German text for the search ``q``: id, label and text columns."""
        parts = [self.id, self.label, *(t for ts in self.texts.values() for t in ts)]
        return " ".join(parts).casefold()

    def keys(self, column: str) -> set[str]:
        """Ids and labels in a column (what a column filter compares with)."""
        refs = self.refs.get(column, [])
        return {r.id for r in refs} | {r.label for r in refs} | set(self.texts.get(column, []))


def _query(col: Collection) -> str:
    preds = " ".join(f"<{c.predicate}>" for c in col.columns)
    return (
        f"SELECT ?item ?id ?label ?p ?o ?key ?olabel WHERE {{\n"
        f"  ?item a <{col.cls}> ; <{v.LABEL}> ?label .\n"
        f'  FILTER(LANGMATCHES(LANG(?label), "de") || LANG(?label) = "")\n'
        f"  OPTIONAL {{ ?item <{v.NOTATION}> ?id }}\n"
        f"  OPTIONAL {{ VALUES ?p {{ {preds} }} ?item ?p ?o .\n"
        f"    OPTIONAL {{ ?o <{v.NOTATION}> ?key }}\n"
        f'    OPTIONAL {{ ?o <{v.LABEL}> ?olabel FILTER(LANGMATCHES(LANG(?olabel), "de")) }} }}\n'
        f"}}"
    )


def build_items(store: GraphStore, col: Collection) -> list[Item]:
    by_pred: dict[str, list[Column]] = {}
    for c in col.columns:
        by_pred.setdefault(c.predicate, []).append(c)
    items: dict[str, Item] = {}
    for item, ident, label, p, o, key, olabel in store.select(_query(col)):
        if not isinstance(item, ox.NamedNode) or not isinstance(label, ox.Literal):
            continue
        it = items.get(item.value)
        if it is None:
            fallback = item.value.rsplit("/", 1)[-1]
            it = items[item.value] = Item(
                ident.value if isinstance(ident, ox.Literal) else fallback,
                label.value,
                item.value,
                col.entity,
            )
        if p is None or o is None or not isinstance(p, ox.NamedNode):
            continue
        for c in by_pred.get(p.value, []):
            if isinstance(o, ox.NamedNode) and c.ref:
                if c.predicate == v.TYPE and o.value == col.cls:
                    continue
                name = olabel.value if isinstance(olabel, ox.Literal) else (text(key) or o.value)
                ref = Ref(
                    key.value if isinstance(key, ox.Literal) else name, name, o.value, kind_of_iri(o.value)
                )
                if ref not in it.refs.setdefault(c.name, []):
                    it.refs[c.name].append(ref)
            elif isinstance(o, ox.Literal) and not c.ref:
                values = it.texts.setdefault(c.name, [])
                if o.value not in values:
                    values.append(o.value)
    for it in items.values():
        for refs in it.refs.values():
            refs.sort(key=lambda r: natural_key(r.id))
        for texts in it.texts.values():
            texts.sort(key=natural_key)
    return sorted(items.values(), key=lambda i: natural_key(i.id))


def collection(path: str) -> Collection:
    """The collection at ``/api/<path>``."""
    if path not in COLLECTIONS:
        raise NotFound(f"Unbekannte Liste {path!r}; bekannt: {', '.join(COLLECTIONS)}")
    return COLLECTIONS[path]
