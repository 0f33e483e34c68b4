"""The edition catalogue as RDF: editions (DCAT 3 versions) and changes (PROV-O activities).

Written into the graph ``{base}ausgaben``, which is part of the default graph: a query that names
no edition sees the editions and the changes, and the current state of the framework.
"""

from __future__ import annotations

from urllib.parse import quote

import pyoxigraph as ox

from rahmengraph.model import namespaces, value_lists, vocab
from rahmengraph.model.changes import Documented
from rahmengraph.model.diff import Change
from rahmengraph.model.editions import Edition, edition_iri
from rahmengraph.model.kinds import SEGMENTS
from rahmengraph.model.loading import cells
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.loading.emitter import Emitter
from rahmengraph.model.ordering import natural_key
from rahmengraph.model.store import Triple

N = ox.NamedNode
_TYPE_ORDER = list(value_lists.CHANGE_TYPES)


class _Out(Emitter):
    """The loader's triple collector, plus what the catalogue needs."""

    def de(self, s: str, p: str, text: str) -> None:
        if text:
            self.text(s, p, text, vocab.GERMAN)

    def agent(self, key: str) -> str | None:
        return self.ds.keys.get("body", {}).get(key) or self.ds.keys.get("actor", {}).get(key)


def _editions(out: _Out, editions: list[Edition]) -> None:
    fw = out.ds.framework
    prev: str | None = None
    for ed in editions:
        e = edition_iri(out.ds.base, ed.version)
        out.iri(e, vocab.TYPE, vocab.EDITION_CLASS)
        out.add(e, vocab.DCAT_VERSION, ox.Literal(ed.version))
        out.add(e, vocab.NOTATION, ox.Literal(ed.version))
        out.de(e, vocab.TITLE, ed.title)
        out.de(e, vocab.LABEL, f"{ed.title} ({ed.version})")
        out.add(e, vocab.ISSUED, cells.date_literal(ed.date))
        out.iri(e, vocab.DCT_IS_VERSION_OF, fw)
        out.iri(fw, vocab.DCAT_HAS_VERSION, e)
        out.iri(e, vocab.EDITION_GRAPH, e)
        if ed.current:
            out.iri(fw, vocab.DCAT_HAS_CURRENT_VERSION, e)
        if prev:
            out.iri(e, vocab.DCAT_PREVIOUS_VERSION, prev)
            out.iri(e, vocab.WAS_REVISION_OF, prev)
        body = out.agent(ed.decided_by)
        if body:
            out.iri(e, vocab.DECIDED_BY, body)
        out.sources_of(e, ed.sources)
        out.de(e, vocab.NOTE, ed.note)
        prev = e


def _change(out: _Out, c: Change, iri: str, editions: dict[str, Edition]) -> None:
    after = editions.get(c.after)
    out.iri(iri, vocab.TYPE, vocab.CHANGE_CLASS)
    out.iri(iri, vocab.TYPE, namespaces.PROV + "Activity")
    out.iri(iri, vocab.CHANGE_TYPE, value_lists.CHANGE_TYPES[c.type].iri)
    if c.transfer:
        out.iri(iri, vocab.CHANGE_TYPE, value_lists.TRANSFER_KINDS[c.transfer].iri)
    if c.entity:
        out.iri(iri, vocab.CHANGED_ENTITY, c.entity)
    out.de(iri, vocab.CHANGE_SUBJECT, c.id or c.label)
    out.de(
        iri,
        vocab.LABEL,
        f"{value_lists.CHANGE_TYPES[c.type].label_de}: {c.id} {c.label}".replace(":  ", ": "),
    )
    if c.before:
        out.iri(iri, vocab.PROV_USED, edition_iri(out.ds.base, c.before))
    if c.after and after is not None:
        out.iri(iri, vocab.PROV_GENERATED, edition_iri(out.ds.base, c.after))
    for attr in c.attributes:
        out.iri(iri, vocab.CHANGED_ATTRIBUTE, value_lists.CHANGED_ATTRIBUTES[attr].iri)
        out.de(iri, vocab.FROM_VALUE, f"{attr}: {c.old.get(attr, '')}")
        out.de(iri, vocab.TO_VALUE, f"{attr}: {c.new.get(attr, '')}")
    base = out.ds.base
    for s in c.successors:
        seg = "field" if c.kind == "field" else "measure"
        succ = f"{base}{SEGMENTS[seg]}/{quote(s, safe='-._~')}"
        out.iri(iri, vocab.DCT_IS_REPLACED_BY, succ)
        if c.entity and c.kind == "measure":
            out.iri(succ, vocab.REPLACES, c.entity)
    out.add(
        iri,
        vocab.COMPUTED,
        ox.Literal("true" if c.computed else "false", datatype=N(namespaces.XSD + "boolean")),
    )
    docs = [d for d in c.records if isinstance(d, Documented)]
    out.add(
        iri, vocab.DOCUMENTED, ox.Literal("true" if docs else "false", datatype=N(namespaces.XSD + "boolean"))
    )
    date = docs[0].date if docs else (after.date if after else "")
    if date:
        out.add(iri, vocab.DCT_DATE, cells.date_literal(date))
    body = out.agent(
        docs[0].decided_by if docs and docs[0].decided_by else (after.decided_by if after else "")
    )
    if body:
        out.iri(iri, vocab.WAS_ASSOCIATED_WITH, body)
    if docs:
        out.de(iri, vocab.REASON, docs[0].reason)
        out.de(iri, vocab.NOTE, docs[0].note)
        out.sources_of(iri, docs[0].sources)
    elif after is not None:
        out.sources_of(iri, after.sources)
    for n, d in enumerate(docs[1:], 2):  # every further record: a documented change of its own
        more = Change(d.type, c.kind, c.entity, c.id, c.label, c.before, c.after, computed=False)
        more.records.append(d)
        _change(out, more, f"{iri}-{n}", editions)


def catalogue_triples(
    ds: Dataset, editions: list[Edition], changes: list[Change], outside: list[Documented]
) -> list[Triple]:
    """Triples of the catalogue graph: editions, changes between them, documented changes outside."""
    out = _Out(ds)
    _editions(out, editions)
    by_version = {ed.version: ed for ed in editions}
    groups: dict[str, list[Change]] = {}
    for c in changes:
        groups.setdefault(c.after, []).append(c)
    seg = SEGMENTS["edition_change"]
    for version, group in groups.items():
        group.sort(key=lambda c: (_TYPE_ORDER.index(c.type), natural_key(c.id), c.label))
        for n, c in enumerate(group, 1):
            _change(out, c, f"{ds.base}{seg}/{version}/{n:03d}", by_version)
    for n, d in enumerate(sorted(outside, key=lambda d: (d.date, d.subject)), 1):
        c = Change(
            d.type,
            "measure" if d.entity else "framework",
            d.entity,
            d.subject if d.entity else "",
            d.subject,
            "",
            "",
            computed=False,
        )
        c.records.append(d)
        _change(out, c, f"{ds.base}{seg}/ausserhalb/{n:03d}", by_version)
    for iri, text in sorted(out.sources.items()):
        out.iri(iri, vocab.TYPE, vocab.SOURCE)
        out.add(iri, vocab.LABEL, ox.Literal(text))
    return out.triples
