"""Collects the triples of one dataset while the columns are mapped; remembers the sources used."""

from __future__ import annotations

from functools import cached_property

import pyoxigraph as ox

from rahmengraph.model import vocab
from rahmengraph.model.loading.dataset import SOURCE_SEP, Dataset, responsibility_iri, source_node, split_list
from rahmengraph.model.schema import FILES_BY_ENTITY
from rahmengraph.model.store import Triple

N = ox.NamedNode


class Emitter:
    """Collects triples for one dataset; remembers which sources were used."""

    def __init__(self, ds: Dataset) -> None:
        self.ds = ds
        self.triples: list[Triple] = []
        self.sources: dict[str, str] = {}
        self.areas: set[str] = set()  # statistical areas already described

    @cached_property
    def actor_levels(self) -> dict[str, list[str]]:
        """Kürzel → the actor's levels (to derive the levels of its responsibilities)."""
        return {r.get("kuerzel"): split_list(r.get("ebene")) for r in self.ds.rows(FILES_BY_ENTITY["actor"])}

    @cached_property
    def stated(self) -> dict[tuple[str, str, str], list[str]]:
        """(measure, role, actor) → IRIs of the rows of ``zustaendigkeiten.csv`` that state its levels."""
        out: dict[tuple[str, str, str], list[str]] = {}
        for r in self.ds.rows(FILES_BY_ENTITY["responsibility"]):
            key = (r.get("massnahme"), r.get("rolle"), r.get("akteur"))
            levels = split_list(r.get("ebene"))
            out.setdefault(key, []).append(responsibility_iri(self.ds, *key, levels))
        return out

    def add(self, s: str, p: str, o: ox.NamedNode | ox.Literal) -> None:
        self.triples.append(ox.Triple(N(s), N(p), o))

    def text(self, s: str, p: str, value: str, lang: str | None = None) -> None:
        self.add(s, p, ox.Literal(value, language=lang) if lang else ox.Literal(value))

    def iri(self, s: str, p: str, o: str) -> None:
        self.add(s, p, N(o))

    def sources_of(self, s: str, cell: str) -> list[str]:
        """Emit dcterms:source / rg:primarySource for a sources cell; return the source IRIs."""
        out = []
        for i, text in enumerate(split_list(cell, SOURCE_SEP)):
            node = source_node(self.ds.base, text)
            self.sources.setdefault(node.value, text)
            self.add(s, vocab.DCT_SOURCE, node)
            if i == 0:
                self.add(s, vocab.PRIMARY_SOURCE, node)
            out.append(node.value)
        return out
