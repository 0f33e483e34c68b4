"""The participation pages: ``/beteiligung`` (events, opening one, taking in a workshop file),
``/beteiligung/{id}`` (one event's input grouped by Handlungsfeld and kind, counts per node,
status, downloads, facilitation) and ``/beteiligung/{id}/mitmachen`` (the phone page with its QR
code).

The pages get events and contributions as the API shows them (``event_json``/``entry_json`` of
:mod:`rahmengraph.model.participation.listing`) and read names and Handlungsfelder from the official
graph. Participants' text is rendered autoescaped (Jinja) and handed to scripts as JSON in a
``<script type="application/json">`` element (:func:`~rahmengraph.viz.graph_page.embed_json`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import segno
from markupsafe import Markup

from rahmengraph.model.iri_paths import local_path
from rahmengraph.model.labels import label
from rahmengraph.model.ordering import natural_key
from rahmengraph.model.projection import shared_projection
from rahmengraph.model.store import GraphStore
from rahmengraph.viz.graph_data import Graph, kind_of, out_rels
from rahmengraph.viz.graph_page import embed_json
from rahmengraph.viz.graph_participation import capture_choices
from rahmengraph.viz.templating import render

#: Kinds of input in the order the pages show them (contract value → label key).
KINDS: Final = ("kommentar", "frage", "luecke", "vorschlag")
KIND_LABELS: Final[dict[str, tuple[str, str]]] = {
    "kommentar": ("Kommentare", "Comments"),
    "frage": ("Fragen", "Questions"),
    "luecke": ("Bestätigte Lücken", "Confirmed gaps"),
    "vorschlag": ("Vorschläge für neue Maßnahmen", "Proposals for new measures"),
}
#: Section keys that are no Handlungsfeld.
WHOLE: Final = "~rahmen"
CROSS: Final = "~uebergreifend"


@dataclass
class Section:
    """One Handlungsfeld (or the framework as a whole, or cross-cutting targets) and its input by kind."""

    key: str
    title: str
    kinds: list[tuple[str, str, list[dict[str, Any]]]] = field(default_factory=list)


def _name(g: Graph, iri: str) -> str:
    if iri in g:
        a = g.nodes[iri]
        text = str(a.get("label") or a.get("key") or iri)
        key = str(a.get("key") or "")
        return f"{key} {text}" if key and kind_of(g, iri) in ("measure", "field") and key != text else text
    return iri


def _is_whole(g: Graph, iri: str) -> bool:
    """Does ``iri`` stand for the framework as a whole (its node, or an IRI under it)?"""
    if not iri:
        return True
    if iri in g:
        return kind_of(g, iri) == "framework"
    return any(iri.startswith(f + "/") for f, a in g.nodes(data=True) if a.get("kind") == "framework")


def _field_of(g: Graph, target: Mapping[str, Any]) -> str:
    """The Handlungsfeld an input belongs to (a section key)."""
    if "luecke" in target:
        return str(target["luecke"].get("spalte", CROSS))
    iri = str(target.get("iri") or "")
    if target.get("rahmen") or _is_whole(g, iri):
        return WHOLE
    if iri not in g:
        return CROSS
    if kind_of(g, iri) == "field":
        return iri
    fields = sorted(
        (v for v, rel in out_rels(g, iri) if rel == "field"), key=lambda f: natural_key(_name(g, f))
    )
    return fields[0] if fields else CROSS


def describe(g: Graph, target: Mapping[str, Any], lang: str) -> tuple[str, str]:
    """(German text, page link) of an input's target."""
    if "luecke" in target:
        gap = target["luecke"]
        text = f"{label('beteiligung.gap', lang)}: {_name(g, gap['zeile'])} × {_name(g, gap['spalte'])}"
        return text, ""
    iri = str(target.get("iri") or "")
    if target.get("rahmen") or _is_whole(g, iri):
        return label("beteiligung.whole", lang), ""
    return _name(g, iri), local_path(iri) or ""


def _shown(g: Graph, entry: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """An entry with its target and proposal fields named."""
    text, href = describe(g, entry["ziel"], lang)
    out = {**entry, "ziel_text": text, "ziel_href": href}
    proposal = entry.get("vorschlag")
    if proposal:
        lead = str(proposal.get("federfuehrung") or "")
        out["vorschlag_namen"] = {
            "zielgruppen": [_name(g, z) for z in proposal.get("zielgruppen") or []],
            "ebene": _name(g, str(proposal["ebene"])) if proposal.get("ebene") else "",
            "federfuehrung": _name(g, lead) if lead in g else lead,
        }
    return out


def sections(g: Graph, entries: Sequence[Mapping[str, Any]], lang: str) -> list[Section]:
    """Input grouped by Handlungsfeld (natural order; the framework first, cross-cutting last), then kind."""
    by: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for e in entries:
        by.setdefault(_field_of(g, e["ziel"]), {}).setdefault(e["art"], []).append(_shown(g, e, lang))
    titles = {WHOLE: label("beteiligung.whole", lang), CROSS: label("beteiligung.crosscutting", lang)}
    order = sorted(by, key=lambda k: (k == CROSS, k != WHOLE, natural_key(titles.get(k) or _name(g, k))))
    out = []
    for key in order:
        section = Section(key, titles.get(key) or _name(g, key))
        for kind in KINDS:
            if by[key].get(kind):
                de, en = KIND_LABELS[kind]
                section.kinds.append((kind, en if lang == "en" else de, by[key][kind]))
        out.append(section)
    return out


def node_counts(g: Graph, entries: Sequence[Mapping[str, Any]], lang: str) -> list[dict[str, Any]]:
    """One row per target: its name, link, count per kind and total (most input first)."""
    rows: dict[str, dict[str, Any]] = {}
    for e in entries:
        text, href = describe(g, e["ziel"], lang)
        row = rows.setdefault(text, {"ziel": text, "href": href, **dict.fromkeys(KINDS, 0), "total": 0})
        row[e["art"]] += 1
        row["total"] += 1
    return sorted(rows.values(), key=lambda r: (-r["total"], natural_key(r["ziel"])))


def qr_svg(link: str) -> Markup:
    """The link as a QR code, inline SVG (segno; nothing fetched)."""
    svg = segno.make(link, error="m").svg_inline(scale=5, title="QR-Code", dark="#000", light="#fff")
    return Markup(svg)


@dataclass(frozen=True)
class Choice:
    """A framework events may belong to: its id and the store seen through it."""

    rahmen: str
    store: GraphStore


@dataclass
class Offer:
    """What the form offers for one framework: its title, its bodies and Handlungsfelder (key, name)."""

    rahmen: str
    title: str
    bodies: list[tuple[str, str]]
    fields: list[tuple[str, str]]


def _of_kind(g: Graph, kind: str) -> list[tuple[str, str]]:
    found = (
        (str(a.get("key", "")), str(a.get("label", "")))
        for _n, a in g.nodes(data=True)
        if a.get("kind") == kind
    )
    return sorted(found, key=lambda b: natural_key(b[0]))


def events_page(
    choices: Sequence[Choice], events: Sequence[Mapping[str, Any]], counts: Mapping[str, int], lang: str
) -> str:
    """``/beteiligung``; with several frameworks the form asks which one a new event belongs to."""
    graphs = [shared_projection(c.store) for c in choices]
    offers = [
        Offer(c.rahmen, next(iter(_of_kind(g, "framework")), ("", c.rahmen))[1] or c.rahmen,
              _of_kind(g, "body"), _of_kind(g, "field"))
        for c, g in zip(choices, graphs, strict=True)
    ]  # fmt: skip

    def format_name(iri: str) -> str:
        return next((_name(g, iri) for g in graphs if iri in g), iri)

    crumbs = [(label("nav.start", lang), "/"), (label("beteiligung.title", lang), None)]
    return render(
        "beteiligung.html", lang, "/beteiligung", crumbs=crumbs, events=events, counts=counts,
        offers=offers, several=len(offers) > 1, format_name=format_name,
        titles={o.rahmen: o.title for o in offers},
    )  # fmt: skip


def event_page(
    store: GraphStore, event: Mapping[str, Any], entries: Sequence[Mapping[str, Any]], lang: str
) -> str:
    g = shared_projection(store)
    crumbs = [
        (label("nav.start", lang), "/"),
        (label("beteiligung.title", lang), "/beteiligung"),
        (str(event["titel"]), None),
    ]
    return render(
        "beteiligung_veranstaltung.html", lang, f"/beteiligung/{event['id']}", crumbs=crumbs, event=event,
        sections=sections(g, entries, lang), counts=node_counts(g, entries, lang), kinds=KINDS,
        kind_labels={k: v[1] if lang == "en" else v[0] for k, v in KIND_LABELS.items()},
        fields=[_name(g, f) for f in event.get("felder") or []],
        format_name=_name(g, str(event.get("format") or "")) if event.get("format") else "",
        statuses=[(k, label(f"beteiligung.status.{k}", lang)) for k in STATUS_KEYS],
    )  # fmt: skip


#: Workflow states of an input (contract values; labels ``beteiligung.status.<key>``).
STATUS_KEYS: Final = ("neu", "in-pruefung", "aufgenommen", "nicht-aufgenommen")


def _targets(g: Graph, fields: Sequence[str], lang: str) -> list[Any]:
    """The phone form's target choices: the framework, then per Handlungsfeld the field and its
    measures (only the event's fields when it names some), then target groups."""
    out: list[Any] = [[json.dumps({"rahmen": True}), label("beteiligung.whole", lang)]]
    wanted = [n for n in g.nodes if kind_of(g, n) == "field" and (not fields or n in fields)]
    for f in sorted(wanted, key=lambda n: natural_key(str(g.nodes[n].get("key", "")))):
        measures = [
            u
            for u, _v, d in g.in_edges(f, data=True)
            if d.get("rel") == "field" and kind_of(g, u) == "measure"
        ]
        items = [[_target(f), f"{_name(g, f)} (insgesamt)"]]
        items += [[_target(m), _name(g, m)] for m in sorted(measures, key=lambda m: natural_key(_name(g, m)))]
        out.append({"group": _name(g, f), "items": items})
    groups = [n for n in g.nodes if kind_of(g, n) == "target_group"]
    if groups:
        items = [[_target(z), _name(g, z)] for z in sorted(groups, key=lambda z: natural_key(_name(g, z)))]
        out.append({"group": label("beteiligung.proposal.groups", lang), "items": items})
    return out


def _target(iri: str) -> str:
    return json.dumps({"iri": iri})


def take_part_page(store: GraphStore, event: Mapping[str, Any], token: str, link: str, lang: str) -> str:
    """The phone page: the capture form for the event (its token), the QR code of ``link``."""
    g = shared_projection(store)
    config = {
        "veranstaltung": {k: event.get(k) for k in ("id", "titel", "namen_erfragen", "offen")},
        "token": token,
        "ziele": _targets(g, event.get("felder") or [], lang),
        "auswahl": capture_choices(store, g),
    }
    crumbs = [
        (label("nav.start", lang), "/"),
        (label("beteiligung.title", lang), "/beteiligung"),
        (str(event["titel"]), f"/beteiligung/{event['id']}"),
        (label("beteiligung.mitmachen", lang), None),
    ]
    qr = qr_svg(link) if token else ""
    return render(
        "beteiligung_mitmachen.html", lang, f"/beteiligung/{event['id']}/mitmachen", crumbs=crumbs,
        event=event, token=token, take_part_link=link, qr=qr, config=embed_json(config),
    )  # fmt: skip
