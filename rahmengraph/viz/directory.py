"""Start page, search and the per-kind lists of the web interface (queries + page rendering)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from rahmengraph.model import namespaces, value_lists, vocab
from rahmengraph.model.census import kind_counts
from rahmengraph.model.kinds import KINDS as ENTITY_KINDS
from rahmengraph.model.labels import label
from rahmengraph.model.ordering import natural_key
from rahmengraph.model.questions import questions, run
from rahmengraph.model.store import GraphStore
from rahmengraph.model.terms import in_terms, terms
from rahmengraph.viz.iri_display import href, iri_list, labels, prefixed
from rahmengraph.viz.kind_pages import CLASS_KIND, KINDS
from rahmengraph.viz.templating import render

#: Named questions whose row count is a known gap of the data, shown on the start page.
GAP_QUESTIONS = ("massnahmen-ohne-federfuehrung", "massnahmen-ohne-ebene", "massnahmen-ohne-indikator")
SEARCH_MIN = 2
SEARCH_LIMIT = 200


@dataclass
class Entry:
    iri: str
    label: str
    key: str
    kind: str
    href: str | None
    framework: str = ""
    type: str = ""  # what the hit is, singular, in the page's language (search)


@dataclass
class FrameworkInfo:
    iri: str
    href: str | None
    values: dict[str, str] = field(default_factory=dict)
    sources: list[tuple[str, str | None]] = field(default_factory=list)
    evidence: list[tuple[str, int]] = field(default_factory=list)
    total: int = 0
    counts: list[tuple[str, str, int]] = field(default_factory=list)  # kind, label, count


_FRAMEWORK_PROPS = {
    "title": vocab.TITLE,
    "short": vocab.SHORT_TITLE,
    "edition": vocab.EDITION,
    "issued": vocab.ISSUED,
    "status": vocab.STATUS_NOTE,
    "note": vocab.NOTE,
}


def frameworks(store: GraphStore, lang: str) -> list[FrameworkInfo]:
    """Every framework in the store with its metadata, sources and completeness counts."""
    opts = " ".join(f"OPTIONAL {{ ?f <{p}> ?{k} }}" for k, p in _FRAMEWORK_PROPS.items())
    rows = store.select(f"SELECT * WHERE {{ ?f a <{vocab.FRAMEWORK}> . {opts} }} ORDER BY ?f").values()
    found: dict[str, FrameworkInfo] = {}
    for row in rows:
        f = row["f"] or ""
        info = found.setdefault(f, FrameworkInfo(f, href(f)))
        info.values.update({k: v for k, v in row.items() if k != "f" and v and k not in info.values})
    if not found:
        return []
    fs = iri_list(found)
    src = store.select(f"SELECT ?f ?s WHERE {{ VALUES ?f {{ {fs} }} ?f <{vocab.DCT_SOURCE}> ?s }}").values()
    names = labels(store, {r["s"] for r in src if r["s"]}, lang)
    for r in src:
        s = r["s"] or ""
        found[r["f"] or ""].sources.append(
            (names.get(s, s), href(s) or (s if s.startswith("http") else None))
        )
    own = terms(store)
    evidence_label = {
        t.iri: t.label_en if lang == "en" else in_terms(t.label_de, own)
        for t in value_lists.EVIDENCE.values()
    }
    ev = store.select(
        f"SELECT ?f ?ev (COUNT(DISTINCT ?m) AS ?n) WHERE {{ VALUES ?f {{ {fs} }} "
        f"?m a <{vocab.MEASURE}> ; <{vocab.IN_FRAMEWORK}> ?f . OPTIONAL {{ ?m <{vocab.EVIDENCE_P}> ?ev }} }} "
        f"GROUP BY ?f ?ev ORDER BY ?f ?ev"
    ).values()
    for r in ev:
        info, n = found[r["f"] or ""], int(r["n"] or 0)
        info.total += n
        info.evidence.append((evidence_label.get(r["ev"] or "", "—"), n))
    for f, info in found.items():
        per = kind_counts(store, f)
        info.counts = [(k, label(f"kind.{k}", lang), per[k]) for k in KINDS if per.get(k)]
    return list(found.values())


def gaps(store: GraphStore) -> list[tuple[str, str, int]]:
    """(question name, title, number of rows) of the gap questions that exist."""
    known = questions()
    out = []
    for name in GAP_QUESTIONS:
        if name in known:
            table, _sparql = run(store, name, {})
            out.append((name, in_terms(known[name].title, terms(store)), len(table)))
    return out


def start_page(
    store: GraphStore, lang: str, missing: list[tuple[str, str, int | float | str, str]] | None = None
) -> str:
    """The start page; ``missing``: (section id on the gaps page, label, number, what it counts)
    for the "Was fehlt?" block."""
    return render(
        "start.html",
        lang,
        "/",
        frameworks=frameworks(store, lang),
        gaps=gaps(store),
        missing=missing or [],
        own=terms(store),
    )


def search(store: GraphStore, q: str, lang: str) -> list[Entry]:
    """Entities whose label or id contains ``q`` (case-insensitive), ids matching exactly first."""
    needle = ox.Literal(q.strip().lower())
    rows = store.select(
        f"""SELECT DISTINCT ?e ?key ?type WHERE {{
          ?e <{vocab.LABEL}>|<{vocab.PREF_LABEL}> ?label .
          OPTIONAL {{ ?e <{vocab.NOTATION}> ?key }} OPTIONAL {{ ?e a ?type }}
          FILTER(CONTAINS(LCASE(STR(?label)), {needle}) || CONTAINS(LCASE(STR(?key)), {needle}))
        }} LIMIT 5000"""
    ).values()
    entries: dict[str, Entry] = {}
    types: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        e = r["e"] or ""
        entry = entries.setdefault(e, Entry(e, "", r["key"] or "", "", href(e)))
        kind = CLASS_KIND.get(r["type"] or "")
        if kind and not entry.kind:
            entry.kind = kind
        elif r["type"] == vocab.SOURCE and not entry.kind:
            entry.kind = "source"
        if r["type"]:
            types[e].append(r["type"])
    names = labels(store, set(entries) | {t for ts in types.values() for t in ts}, lang)
    for entry in entries.values():
        entry.label = names.get(entry.iri, prefixed(entry.iri))
        entry.type = _hit_type(entry, sorted(types[entry.iri]), names, lang)
    low = q.strip().lower()
    ordered = sorted(entries.values(), key=lambda x: (x.key.lower() != low, natural_key(x.label)))
    return ordered[:SEARCH_LIMIT]


#: Types of ontology terms (not entities of the data) → label key of what a search hit is.
_TERM_TYPES = {
    namespaces.OWL + "Class": "type.class",
    namespaces.OWL + "ObjectProperty": "type.property",
    namespaces.OWL + "DatatypeProperty": "type.property",
    namespaces.OWL + "AnnotationProperty": "type.property",
    namespaces.SKOS + "Concept": "type.concept",
    namespaces.SKOS + "ConceptScheme": "type.scheme",
}


def _hit_type(entry: Entry, types: list[str], names: dict[str, str], lang: str) -> str:
    """What a search hit is, singular: its entity kind, else the kind of ontology term, else its class."""
    if entry.kind in ENTITY_KINDS:
        return ENTITY_KINDS[entry.kind].label(lang)
    for t in types:
        if t in _TERM_TYPES:
            return label(_TERM_TYPES[t], lang)
    if types:
        return names.get(types[0], prefixed(types[0]))
    return label("type.ontology" if entry.iri.startswith(namespaces.RG) else "type.resource", lang)


def search_page(store: GraphStore, q: str, lang: str) -> str:
    hits = search(store, q, lang) if len(q.strip()) >= SEARCH_MIN else None
    crumbs = [(label("nav.start", lang), "/"), (label("search", lang), None)]
    return render("suche.html", lang, "/suche", {"q": q}, q=q, hits=hits, crumbs=crumbs)


def entries(store: GraphStore, kind: str, lang: str) -> list[Entry]:
    classes = [c for c, k in CLASS_KIND.items() if k == kind]
    rows = store.select(
        f"SELECT DISTINCT ?e ?key ?f WHERE {{ VALUES ?c {{ {iri_list(classes)} }} ?e a ?c . "
        f"OPTIONAL {{ ?e <{vocab.NOTATION}> ?key }} OPTIONAL {{ ?e <{vocab.IN_FRAMEWORK}> ?f }} }}"
    ).values()
    found: dict[str, Entry] = {}
    for r in rows:
        e = r["e"] or ""
        found.setdefault(e, Entry(e, "", r["key"] or "", kind, href(e), r["f"] or ""))
    names = labels(store, set(found) | {x.framework for x in found.values() if x.framework}, lang)
    short = store.select(f"SELECT ?f ?s WHERE {{ ?f <{vocab.SHORT_TITLE}> ?s }}").values()
    short_titles = {r["f"]: r["s"] for r in short}
    for x in found.values():
        x.label = names.get(x.iri, x.key or prefixed(x.iri))
        x.framework = short_titles.get(x.framework) or names.get(x.framework, "")
    return sorted(found.values(), key=lambda x: (x.framework, natural_key(x.key or x.label)))


def browse_index(store: GraphStore, lang: str) -> str:
    per = kind_counts(store)
    counts = [(k, label(f"kind.{k}", lang), per[k]) for k in KINDS]
    crumbs = [(label("nav.start", lang), "/"), (label("browse.title", lang), None)]
    return render("browse.html", lang, "/browse", kinds=counts, crumbs=crumbs)


def browse_page(store: GraphStore, kind: str, lang: str) -> str:
    title = label(f"kind.{kind}", lang)
    crumbs = [(label("nav.start", lang), "/"), (label("browse.title", lang), "/browse"), (title, None)]
    return render(
        "liste.html", lang, f"/browse/{kind}", title=title, items=entries(store, kind, lang), crumbs=crumbs
    )
