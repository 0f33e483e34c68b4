"""Contributions as W3C Web Annotations and events as PROV activities: the triples and the updates.

A contribution ``{base}beteiligung/beitrag/<uuid>`` is an ``oa:Annotation`` motivated by
``oa:commenting``, ``oa:questioning``, ``oa:assessing`` (a confirmed gap) or ``rg:proposingMeasure``;
its target is the IRI of an official node, a gap cell (``oa:SpecificResource`` + ``rg:GapCell``
naming row, column and view) or the framework; its body an ``oa:TextualBody`` whose ``rdf:value``
is the plain text. Parts of an annotation are fragment IRIs of it (``#text``, ``#ziel``,
``#vorschlag``, ``#gruppe``, ``#person``), so writing the same contribution twice gives the same triples.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime

import pyoxigraph as ox

from rahmengraph.model.namespaces import DCT, FOAF, PROV, RDF, RDFS, XSD
from rahmengraph.model.participation import terms as t
from rahmengraph.model.participation.entries import Contribution, NewEvent
from rahmengraph.model.store import Triple

_TYPE = ox.NamedNode(RDF + "type")


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _text(value: str, lang: str | None = None) -> ox.Literal:
    return ox.Literal(value, language=lang) if lang else ox.Literal(value)


def _typed(value: str, datatype: str) -> ox.Literal:
    return ox.Literal(value, datatype=_n(XSD + datatype))


def timestamp(moment: datetime) -> ox.Literal:
    return _typed(moment.isoformat(), "dateTime")


def day(value: date) -> ox.Literal:
    return _typed(value.isoformat(), "date")


def _target(c: Contribution, ann: str, framework: str) -> tuple[ox.NamedNode, list[Triple]]:
    if c.ziel.iri is not None:
        return _n(c.ziel.iri), []
    if c.ziel.luecke is None:
        return _n(framework), []
    cell, gap = _n(ann + "#ziel"), c.ziel.luecke
    triples = [
        Triple(cell, _TYPE, _n(t.OA + "SpecificResource")),
        Triple(cell, _TYPE, _n(t.GAP_CLASS)),
        Triple(cell, _n(t.OA + "hasSource"), _n(gap.zeile)),
        Triple(cell, _n(t.GAP_ROW), _n(gap.zeile)),
        Triple(cell, _n(t.GAP_COLUMN), _n(gap.spalte)),
    ]
    if gap.ansicht:
        triples.append(Triple(cell, _n(t.GAP_VIEW), _text(gap.ansicht)))
    return cell, triples


def _proposal(c: Contribution, ann: ox.NamedNode, iri: str) -> list[Triple]:
    if c.vorschlag is None:
        return []
    p, v = _n(iri + "#vorschlag"), c.vorschlag
    out = [
        Triple(ann, _n(t.PROPOSAL), p),
        Triple(p, _TYPE, _n(t.PROPOSAL_CLASS)),
        Triple(p, _n(DCT + "title"), _text(v.titel, "de")),
        *(Triple(p, _n(t.PROPOSED_GROUP), _n(g)) for g in v.zielgruppen),
    ]
    if v.ebene:
        out.append(Triple(p, _n(t.PROPOSED_LEVEL), _n(v.ebene)))
    if v.federfuehrung.startswith(("http://", "https://")):
        out.append(Triple(p, _n(t.PROPOSED_LEAD), _n(v.federfuehrung)))
    elif v.federfuehrung:
        out.append(Triple(p, _n(t.PROPOSED_LEAD_TEXT), _text(v.federfuehrung)))
    return out


def contribution_triples(
    c: Contribution, base: str, event_id: str, framework: str, *, with_name: bool, received: datetime
) -> list[Triple]:
    """The annotation of one contribution (status ``neu``); the name only if the event asks for it."""
    iri = t.contribution_iri(base, str(c.id))
    ann, body = _n(iri), _n(iri + "#text")
    target, target_triples = _target(c, iri, framework)
    out = [
        Triple(ann, _TYPE, _n(t.OA + "Annotation")),
        Triple(ann, _n(t.OA + "motivatedBy"), _n(t.KINDS[c.art].motivation)),
        Triple(ann, _n(t.OA + "hasTarget"), target),
        Triple(ann, _n(t.OA + "hasBody"), body),
        Triple(ann, _n(DCT + "identifier"), _text(str(c.id))),
        Triple(ann, _n(DCT + "created"), timestamp(c.erstellt or received)),
        Triple(ann, _n(PROV + "generatedAtTime"), timestamp(received)),
        Triple(ann, _n(PROV + "wasGeneratedBy"), _n(t.event_iri(base, event_id))),
        Triple(ann, _n(t.STATUS), _n(t.STATUSES["neu"].iri)),
        Triple(body, _TYPE, _n(t.OA + "TextualBody")),
        Triple(body, _n(RDF + "value"), _text(c.text)),
        Triple(body, _n(DCT + "format"), _text("text/plain")),
        *target_triples,
        *_proposal(c, ann, iri),
    ]
    if c.gruppe:
        group = _n(iri + "#gruppe")
        out += [
            Triple(ann, _n(t.GROUP), group),
            Triple(group, _TYPE, _n(PROV + "Agent")),
            Triple(group, _n(RDFS + "label"), _text(c.gruppe)),
        ]
    if with_name and c.name:
        person = _n(iri + "#person")
        out += [
            Triple(ann, _n(DCT + "creator"), person),
            Triple(person, _TYPE, _n(FOAF + "Person")),
            Triple(person, _n(FOAF + "name"), _text(c.name)),
        ]
    return out


def event_triples(
    spec: NewEvent,
    base: str,
    event_id: str,
    *,
    token_hash: str,
    format_iri: str | None,
    fields: Iterable[str],
    framework: str,
) -> list[Triple]:
    """The register entry of an event: a ``prov:Activity`` with its window, fields and token hash."""
    ev = _n(t.event_iri(base, event_id))
    out = [
        Triple(ev, _TYPE, _n(t.EVENT_CLASS)),
        Triple(ev, _TYPE, _n(PROV + "Activity")),
        Triple(ev, _n(DCT + "identifier"), _text(event_id)),
        Triple(ev, _n(DCT + "title"), _text(spec.titel, "de")),
        Triple(ev, _n(DCT + "date"), day(spec.datum)),
        Triple(ev, _n(PROV + "startedAtTime"), timestamp(spec.beginn)),
        Triple(ev, _n(PROV + "endedAtTime"), timestamp(spec.ende)),
        Triple(ev, _n(t.ASKS_NAMES), _typed("true" if spec.namen_erfragen else "false", "boolean")),
        Triple(ev, _n(t.INPUT_GRAPH), _n(t.input_graph(base, event_id))),
        Triple(ev, _n(PROV + "used"), _n(framework)),
        *(Triple(ev, _n(t.CONCERNS_FIELD), _n(f)) for f in fields),
    ]
    if token_hash:
        out.append(Triple(ev, _n(t.TOKEN_HASH), _text(token_hash)))
    if format_iri:
        out.append(Triple(ev, _n(t.FORMAT), _n(format_iri)))
    elif spec.format:
        out.append(Triple(ev, _n(t.FORMAT_TEXT), _text(spec.format)))
    if spec.ausgabe:
        out.append(Triple(ev, _n(t.REFERS_TO_EDITION), _text(spec.ausgabe)))
    return out


def insert(graph: str, triples: Iterable[Triple]) -> str:
    """An ``INSERT DATA`` update adding ``triples`` to ``graph`` (terms written by pyoxigraph, so
    any text is an escaped literal, never SPARQL)."""
    body = "\n".join(f"{x.subject} {x.predicate} {x.object} ." for x in triples)
    return f"INSERT DATA {{ GRAPH {_n(graph)} {{\n{body}\n}} }}"


def now() -> datetime:
    return datetime.now(UTC)
