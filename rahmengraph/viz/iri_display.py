"""How an IRI shows on a page: its label in the page's language, its prefixed name, its local link.

Labels are read from the store (a SELECT against its union graph).
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from rahmengraph.model import namespaces, vocab
from rahmengraph.model.iri_paths import local_path
from rahmengraph.model.store import GraphStore


def iri_list(iris: Iterable[str]) -> str:
    return " ".join(str(ox.NamedNode(i)) for i in sorted(set(iris)))


def labels(store: GraphStore, iris: Iterable[str], lang: str) -> dict[str, str]:
    """Best label per IRI: the interface language, then German, then any; IRIs without one are absent."""
    wanted = set(iris)
    if not wanted:
        return {}
    table = store.select(
        f"SELECT ?x ?l WHERE {{ VALUES ?x {{ {iri_list(wanted)} }} "
        f"?x <{vocab.LABEL}>|<{vocab.PREF_LABEL}>|<{vocab.TITLE}> ?l }}"
    )
    rank = {lang: 0, "de": 1, "": 2}
    best: dict[str, tuple[int, str]] = {}
    for x, label in table:
        if not isinstance(x, ox.NamedNode) or not isinstance(label, ox.Literal):
            continue
        r = rank.get(label.language or "", 3)
        if x.value not in best or (r, label.value) < best[x.value]:
            best[x.value] = (r, label.value)
    return {k: v for k, (_r, v) in best.items()}


def prefixed(iri: str) -> str:
    """``rg:Measure`` for a namespaced IRI, else the IRI itself."""
    for prefix, ns in namespaces.PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def href(iri: str) -> str | None:
    """Local address of an IRI we serve: ontology terms → their entry on /ontologie,
    data IRIs → the linked-data path (:func:`rahmengraph.model.iri_paths.local_path`)."""
    if iri == namespaces.ONTOLOGY_IRI:
        return "/ontologie"
    if iri.startswith(namespaces.RG):
        return "/ontologie#" + iri[len(namespaces.RG) :]
    return local_path(iri)
