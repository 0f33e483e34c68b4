"""Human documentation of the ontology, generated from its Turtle files (so it cannot drift)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Final

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from rahmengraph.errors import NotFound
from rahmengraph.model import namespaces, ontology, vocab
from rahmengraph.model.frameworks import frameworks
from rahmengraph.model.labels import label
from rahmengraph.model.store import GraphStore
from rahmengraph.model.terms import examples, in_terms, terms
from rahmengraph.viz.iri_display import href, prefixed
from rahmengraph.viz.templating import render

#: Downloadable Turtle files (name → text producer).
FILES: Final[dict[str, Callable[[], str]]] = {
    ontology.ONTOLOGY_FILE: ontology.ontology_turtle,
    ontology.SHAPES_FILE: ontology.shapes_turtle,
    # one language each, for documentation generators (pyLODE) that show every label of a term
    "rahmengraph.de.ttl": partial(ontology.ontology_in, "de"),
    "rahmengraph.en.ttl": partial(ontology.ontology_in, "en"),
}
#: Section → the rdf:types that put an rg: term into it.
SECTIONS: Final[dict[str, tuple[URIRef, ...]]] = {
    "classes": (OWL.Class, RDFS.Class),
    "properties": (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property),
    "individuals": (SKOS.Concept, OWL.NamedIndividual, SKOS.ConceptScheme),
}


@dataclass
class Link:
    text: str
    href: str | None


@dataclass
class TermDoc:
    anchor: str
    iri: str
    name: str
    label: str
    definition: str
    examples: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    relations: list[tuple[str, list[Link]]] = field(default_factory=list)
    uses: int = 0
    example_use: Link | None = None


#: The ontology's examples are written for Bremen (the standard dataset): its base and its ids.
BREMEN_BASE: Final = "https://w3id.org/rahmengraph/bremen/"
_BREMEN_IDS: Final = {"akteur/SASJI": "actor", "akteur/SJIS": "actor", "handlungsfeld/3.1": "field"}
#: An aside naming Bremen ("(in Bremen: …)", "(z. B. 3.1 Bildung)"), dropped for other data.
_BREMEN_ASIDE: Final = re.compile(r"\s*\([^()]*(?:Bremen|Bremerhaven|\b3\.1\b)[^()]*\)")


def for_the_data(store: GraphStore, lang: str) -> Callable[[str], str]:
    """How the ontology's texts read beside the loaded data: unchanged when Bremen is loaded; else
    the examples query the first framework's ids, Bremen asides are left out and German texts speak
    the framework's terms."""
    bases = [fw.base for fw in frameworks(store)]
    if not bases or BREMEN_BASE in bases:
        return lambda text: text
    found, own = examples(store), terms(store)
    swaps = {
        f"{BREMEN_BASE}{path}": f"{bases[0]}{path.split('/')[0]}/{found[kind]}"
        for path, kind in _BREMEN_IDS.items()
        if kind in found
    }

    if "field" in found:
        swaps['skos:notation "3.1"'] = f'skos:notation "{found["field"]}"'

    def speak(text: str) -> str:
        for bremen, theirs in swaps.items():
            text = text.replace(bremen, theirs)
        text = _BREMEN_ASIDE.sub("", text.replace(BREMEN_BASE, bases[0]))
        return in_terms(text, own) if lang == "de" else text

    return speak


def turtle_file(name: str) -> str:
    if name not in FILES:
        raise NotFound(f"Unbekannte Datei {name!r} (Pfad /ontologie/); bekannt: {', '.join(FILES)}")
    return FILES[name]()


def _text(g: Graph, s: URIRef, p: URIRef, lang: str) -> list[str]:
    values = [o for o in g.objects(s, p) if isinstance(o, Literal)]
    rank = {lang: 0, "de": 1, None: 2}
    best = sorted(values, key=lambda o: (rank.get(o.language, 3), str(o)))
    if not best:
        return []
    top = rank.get(best[0].language, 3)
    return [str(o) for o in best if rank.get(o.language, 3) == top]


def _link(iri: str, g: Graph, lang: str) -> Link:
    names = _text(g, URIRef(iri), RDFS.label, lang)
    return Link(prefixed(iri) + (f" ({names[0]})" if names else ""), href(iri) or iri)


def _usage(store: GraphStore) -> tuple[dict[str, tuple[int, str]], dict[str, tuple[int, str]]]:
    """Instances per class and statements per property in the data: (count, a sample subject)."""
    data = f"FILTER(?g != {ox.NamedNode(namespaces.ONTOLOGY_IRI)})"
    cls = store.select(
        "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) (SAMPLE(?s) AS ?x) "
        f"WHERE {{ GRAPH ?g {{ ?s a ?c }} {data} }} GROUP BY ?c"
    ).values()
    props = store.select(
        "SELECT ?p (COUNT(*) AS ?n) (SAMPLE(?s) AS ?x) "
        f"WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {data} }} GROUP BY ?p"
    ).values()
    return (
        {r["c"] or "": (int(r["n"] or 0), r["x"] or "") for r in cls},
        {r["p"] or "": (int(r["n"] or 0), r["x"] or "") for r in props},
    )


_RELATIONS: Final = (
    ("ontologie.super", RDFS.subClassOf),
    ("ontologie.super", RDFS.subPropertyOf),
    ("ontologie.domain", RDFS.domain),
    ("ontologie.range", RDFS.range),
)


def documented_terms(store: GraphStore, lang: str) -> dict[str, list[TermDoc]]:
    """The rg: terms of the ontology by section, with relations and their use in the data."""
    g = ontology.ontology_graph()
    by_class, by_prop = _usage(store)
    speak = for_the_data(store, lang)
    out: dict[str, list[TermDoc]] = {name: [] for name in SECTIONS}
    seen: set[str] = set()
    for section, types in SECTIONS.items():
        subjects = {s for t in types for s in g.subjects(RDF.type, t) if isinstance(s, URIRef)}
        for s in sorted(subjects):
            iri = str(s)
            if not iri.startswith(namespaces.RG) or iri in seen:
                continue
            seen.add(iri)
            local = iri[len(namespaces.RG) :]
            term_label = (_text(g, s, RDFS.label, lang) or _text(g, s, SKOS.prefLabel, lang) or [local])[0]
            definition = " ".join(_text(g, s, SKOS.definition, lang) or _text(g, s, RDFS.comment, lang))
            doc = TermDoc(local, iri, "rg:" + local, term_label, speak(definition))
            doc.examples = [speak(x) for x in _text(g, s, SKOS.example, lang)]
            doc.notes = [speak(x) for x in _text(g, s, SKOS.scopeNote, lang)]
            for key, prop in _RELATIONS:
                targets = [_link(str(o), g, lang) for o in g.objects(s, prop) if isinstance(o, URIRef)]
                if targets:
                    doc.relations.append((label(key, lang), targets))
            count, sample = (by_class if section == "classes" else by_prop).get(iri, (0, ""))
            doc.uses = count
            doc.example_use = Link(prefixed(sample), href(sample)) if sample else None
            out[section].append(doc)
    return out


def reused(lang: str) -> list[tuple[str, str, list[str]]]:
    """(prefix, namespace, terms) of every reused vocabulary the ontology mentions."""
    g = ontology.ontology_graph()
    iris = {str(x) for triple in g for x in triple if isinstance(x, URIRef)}
    out = []
    for prefix, ns in namespaces.PREFIXES.items():
        if prefix in ("rg", "rdf", "rdfs", "owl", "xsd"):
            continue
        terms = sorted(prefixed(i) for i in iris if i.startswith(ns) and len(i) > len(ns))
        if terms:
            out.append((prefix, ns, terms))
    return out


def ontology_page(store: GraphStore, lang: str) -> str:
    g = ontology.ontology_graph()
    onto = URIRef(namespaces.ONTOLOGY_IRI)
    crumbs = [(label("nav.start", lang), "/"), (label("ontologie.title", lang), None)]
    return render(
        "ontologie.html",
        lang,
        "/ontologie",
        title=(_text(g, onto, URIRef(vocab.TITLE), lang) or [label("ontologie.title", lang)])[0],
        description=[for_the_data(store, lang)(x) for x in _text(g, onto, URIRef(vocab.DESCRIPTION), lang)],
        iri=namespaces.ONTOLOGY_IRI,
        sections=documented_terms(store, lang),
        reused=reused(lang),
        files=list(FILES),
        crumbs=crumbs,
    )
