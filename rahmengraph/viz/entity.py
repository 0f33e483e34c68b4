"""The linked-data HTML view of one dataset or ontology IRI (called by the API for browsers).

Shows the German (or English) label, the type, every statement with related entities as links,
the sources of the entity on every statement (responsibilities carry their own), who is
responsible today after re-organisations, incoming references, breadcrumbs and a graph link.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pyoxigraph as ox

from rahmengraph.model import namespaces, vocab
from rahmengraph.model.formats import GRAPH_FORMATS, LINKED_DATA_FORMATS
from rahmengraph.model.history import timeline
from rahmengraph.model.kinds import kind_of_iri
from rahmengraph.model.labels import label
from rahmengraph.model.responsibility import responsible_today
from rahmengraph.model.store import GraphStore, Term
from rahmengraph.viz.iri_display import href, iri_list, labels, prefixed
from rahmengraph.viz.kind_pages import KINDS, graph_link, kind_of
from rahmengraph.viz.templating import render

#: Properties shown elsewhere on the page than in the statement table.
_SEPARATE: frozenset[str] = frozenset(
    {
        vocab.TYPE,
        vocab.LABEL,
        vocab.DESCRIPTION,
        vocab.DCT_SOURCE,
        vocab.PRIMARY_SOURCE,
        vocab.QUALIFIED_ASSOCIATION,
    }
)
#: Schemes of addresses shown as links (never ``javascript:``, ``data:`` …).
_WEB = ("http", "https")
#: Incoming references from these classes are summarised elsewhere (responsibilities table).
_HIDDEN_SUBJECTS = (vocab.RESPONSIBILITY,)
_INCOMING_LIMIT = 500


@dataclass
class Value:
    text: str
    href: str | None = None
    note: str | None = None  # language tag or datatype, shown small


@dataclass
class Fact:
    prop: str
    prop_label: str
    prop_href: str | None
    values: list[Value] = field(default_factory=list)


@dataclass
class Responsibility:
    measure: Value
    actor: Value
    role: str
    levels: list[Value] = field(default_factory=list)
    basis: str = ""
    sources: list[int] = field(default_factory=list)


def web_address(text: str) -> str | None:
    """``text`` when it is an http(s) address with a host (a link may point there), else ``None``."""
    parts = urlsplit(text.strip())
    return text.strip() if parts.scheme in _WEB and parts.netloc and " " not in text.strip() else None


def _node(iri: str, names: dict[str, str]) -> Value:
    return Value(names.get(iri) or prefixed(iri), href(iri) or web_address(iri))


def _value(term: Term, names: dict[str, str], lang: str) -> Value:
    if isinstance(term, ox.NamedNode):
        return _node(term.value, names)
    if isinstance(term, ox.Literal):
        if term.datatype.value == namespaces.XSD + "boolean":
            return Value(label("value.true" if term.value in ("true", "1") else "value.false", lang))
        note = term.language if term.language and term.language != lang else None
        return Value(term.value, web_address(term.value), note)
    return Value(str(term))


def _responsibilities(
    store: GraphStore, iri: str, names: dict[str, str], sources: list[str]
) -> list[Responsibility]:
    node = ox.NamedNode(iri)
    table = store.select(
        f"""SELECT ?r ?m ?actor ?role ?level ?basis ?src WHERE {{
          {{ ?r <{vocab.RESPONSIBILITY_OF}> {node} }} UNION {{ ?r <{vocab.PROV_AGENT}> {node} }}
          ?r a <{vocab.RESPONSIBILITY}> ; <{vocab.RESPONSIBILITY_OF}> ?m ; <{vocab.PROV_AGENT}> ?actor ;
             <{vocab.HAD_ROLE}> ?role .
          OPTIONAL {{ ?r <{vocab.LEVEL_P}> ?level }} OPTIONAL {{ ?r <{vocab.LEVEL_BASIS_P}> ?basis }}
          OPTIONAL {{ ?r <{vocab.DCT_SOURCE}> ?src }} OPTIONAL {{ ?r <{vocab.POSITION}> ?pos }}
        }} ORDER BY ?m ?role ?pos ?actor"""
    )
    rows = table.values()
    more = {v for row in rows for k, v in row.items() if v and k != "r"}
    names.update(labels(store, more - names.keys(), "de"))
    out: dict[str, Responsibility] = {}
    for row in rows:
        r = row["r"] or ""
        if r not in out:
            out[r] = Responsibility(
                _node(row["m"] or "", names),
                _node(row["actor"] or "", names),
                names.get(row["role"] or "", prefixed(row["role"] or "")),
                basis=names.get(row["basis"] or "", "") if row["basis"] else "",
            )
        resp = out[r]
        if row["level"] and all(v.href != href(row["level"]) for v in resp.levels):
            resp.levels.append(_node(row["level"], names))
        src = row["src"]
        if src:
            if src not in sources:
                sources.append(src)
            n = sources.index(src) + 1
            if n not in resp.sources:
                resp.sources.append(n)
    return list(out.values())


def _today(store: GraphStore, iri: str, names: dict[str, str]) -> list[tuple[Value, Value]]:
    if kind_of_iri(iri) == "measure":  # the measure's own chain of leads, then re-organisations
        pairs = [
            (s.named.iri, t.actor.iri)
            for s in responsible_today(store, iri)
            if s.role == "federfuehrend" and s.changed
            for t in s.today
        ]
        names.update(labels(store, {i for p in pairs for i in p} - names.keys(), "de"))
        return [(_node(a, names), _node(b, names)) for a, b in pairs]
    node = ox.NamedNode(iri)
    table = store.select(
        f"""SELECT DISTINCT ?named ?today WHERE {{
          {{ BIND({node} AS ?named) }} UNION {{ {node} <{vocab.LED_BY}> ?named }}
          ?named <{vocab.VALID_UNTIL}> ?end ; <{vocab.SUCCESSOR}>+ ?today .
          MINUS {{ ?today <{vocab.VALID_UNTIL}> ?e }}
        }} ORDER BY ?named ?today"""
    )
    rows = table.values()
    names.update(labels(store, {v for row in rows for v in row.values() if v} - names.keys(), "de"))
    return [(_node(r["named"] or "", names), _node(r["today"] or "", names)) for r in rows]


def _inverses(store: GraphStore) -> dict[str, str]:
    """Property → its ``owl:inverseOf`` (both directions) as the ontology in the store declares them."""
    rows = store.select(f"SELECT ?p ?q WHERE {{ ?p <{namespaces.OWL}inverseOf> ?q }}").values()
    out: dict[str, str] = {}
    for r in rows:
        p, q = r["p"] or "", r["q"] or ""
        out.setdefault(p, q)
        out.setdefault(q, p)
    return out


def render_entity(store: GraphStore, iri: str, lang: str) -> str | None:
    """HTML page of ``iri``; ``None`` when the store knows nothing about it."""
    node = ox.NamedNode(iri)
    out = store.select(f"SELECT ?p ?o WHERE {{ {node} ?p ?o }}")
    incoming = store.select(
        f"SELECT DISTINCT ?s ?p WHERE {{ ?s ?p {node} . "
        f"FILTER NOT EXISTS {{ VALUES ?c {{ {iri_list(_HIDDEN_SUBJECTS)} }} ?s a ?c }} }} "
        f"ORDER BY ?p ?s LIMIT {_INCOMING_LIMIT}"
    )
    if not out.rows and not incoming.rows:
        return None
    pairs = [(p.value, o) for p, o in out if isinstance(p, ox.NamedNode) and o is not None]
    in_pairs = [
        (s.value, p.value) for s, p in incoming if isinstance(s, ox.NamedNode) and isinstance(p, ox.NamedNode)
    ]
    wanted = {iri} | {p for p, _ in pairs} | {o.value for _, o in pairs if isinstance(o, ox.NamedNode)}
    wanted |= {s for s, _ in in_pairs} | {p for _, p in in_pairs}
    names = labels(store, wanted, lang)
    types = [o.value for p, o in pairs if p == vocab.TYPE and isinstance(o, ox.NamedNode)]
    kind = kind_of(types)
    key = next((o.value for p, o in pairs if p == vocab.NOTATION and isinstance(o, ox.Literal)), None)
    sources = [o.value for p, o in pairs if p == vocab.DCT_SOURCE and isinstance(o, ox.NamedNode)]

    facts: dict[str, Fact] = {}
    for p, o in pairs:
        if p in _SEPARATE:
            continue
        fact = facts.setdefault(p, Fact(p, names.get(p) or prefixed(p), href(p)))
        fact.values.append(_value(o, names, lang))
    for fact in facts.values():
        fact.values.sort(key=lambda v: v.text)
    inverse = _inverses(store)
    names.update(labels(store, set(inverse.values()) - names.keys(), lang))
    said = {(p, o.value) for p, o in pairs if isinstance(o, ox.NamedNode)}
    grouped: dict[str, list[Value]] = defaultdict(list)
    for s, p in in_pairs:
        # "s successor this" is "this predecessor s": shown under the inverse's name, once
        p = inverse.get(p, p)
        if p in inverse and (p, s) in said:
            continue
        grouped[p].append(_node(s, names))
    backlinks = [Fact(p, names.get(p) or prefixed(p), href(p), vals) for p, vals in grouped.items()]

    own_refs = list(range(1, len(sources) + 1))
    resp = _responsibilities(store, iri, names, sources) if kind in ("measure", "actor") else []
    today = _today(store, iri, names) if kind in ("measure", "actor") else []
    history = timeline(store, iri, lang) if kind in ("measure", "field", "actor") else []
    source_names = labels(store, set(sources), lang)
    description = sorted(
        (o for p, o in pairs if p == vocab.DESCRIPTION and isinstance(o, ox.Literal)),
        key=lambda o: (o.language not in (lang, None, ""), o.language != lang),
    )
    title = names.get(iri) or key or prefixed(iri)
    crumbs: list[tuple[str, str | None]] = [(label("nav.start", lang), "/")]
    if iri.startswith(namespaces.RG) or iri == namespaces.ONTOLOGY_IRI:
        crumbs.append((label("nav.ontologie", lang), "/ontologie"))
    elif kind in KINDS:
        crumbs.append((label(f"kind.{kind}", lang), f"/browse/{kind}"))
        primary = next(
            (o.value for p, o in pairs if p == vocab.PRIMARY_FIELD and isinstance(o, ox.NamedNode)), None
        )
        if primary:
            crumbs.append((names.get(primary) or prefixed(primary), href(primary)))
    crumbs.append((title, None))
    path = href(iri) or "/"
    return render(
        "entity.html",
        lang,
        path,
        alternates=[(GRAPH_FORMATS[k].media_type, f"{path}?format={k}") for k in LINKED_DATA_FORMATS],
        iri=iri,
        title=title,
        key=key,
        description=description[0].value if description else "",
        types=[_node(t, names) for t in sorted(types)],
        facts=sorted(facts.values(), key=lambda f: f.prop_label.lower()),
        backlinks=sorted(backlinks, key=lambda f: f.prop_label.lower()),
        sources=[_node(s, source_names) for s in sources],
        source_refs=own_refs,
        responsibilities=resp,
        today=today,
        history=history,
        page=lambda i: href(i) or i,
        graph=graph_link(kind, key),
        crumbs=crumbs,
    )
