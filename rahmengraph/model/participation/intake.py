"""Taking input in: opening an event, accepting one contribution, importing an exchange file.

Each function checks everything first and returns the SPARQL update that writes the result in one
transaction (the caller runs it: the API inside the query runner's write lock, the CLI on its store),
so bad input writes nothing. Targets must be nodes of the framework's official graphs.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Final

import pyoxigraph as ox
from pydantic import ValidationError

from rahmengraph.errors import InputError, ParameterError, Problem
from rahmengraph.model.graph_view import is_participation_graph
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.participation import terms as t
from rahmengraph.model.participation.annotations import contribution_triples, event_triples, insert
from rahmengraph.model.participation.capability import check, new_token, token_hash
from rahmengraph.model.participation.entries import Contribution, ExchangeFile, NewEvent, problems
from rahmengraph.model.participation.register import Event, event, events, where_is
from rahmengraph.model.store import GraphStore


@dataclass(frozen=True)
class Opened:
    id: str
    token: str
    update: str


def framework_iri(ds: Dataset) -> str:
    """The framework's own node (``{base}rahmenkonzept``, an ``rg:Framework`` in its graph and in
    every edition graph): the target of input on the framework as a whole."""
    return ds.framework


#: German letters spelled out in event ids (``Fachtag Übung`` → ``fachtag-uebung``).
_UMLAUTS: Final = {ord("ä"): "ae", ord("ö"): "oe", ord("ü"): "ue", ord("ß"): "ss"}


def _slug(title: str) -> str:
    plain = title.lower().translate(_UMLAUTS)
    plain = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40].strip("-") or "veranstaltung"


def _official_graphs(store: GraphStore, ds: Dataset) -> list[str]:
    return [g for g in store.graphs() if g.startswith(ds.base) and not is_participation_graph(g)]


def unknown_iris(store: GraphStore, ds: Dataset, iris: set[str], of_class: str = "") -> set[str]:
    """Those of ``iris`` that are no node (of class ``of_class``, if given) of the framework's
    official graphs (any edition)."""
    if not iris:
        return set()
    values = " ".join(str(ox.NamedNode(i)) for i in sorted(iris))
    graphs = " ".join(str(ox.NamedNode(g)) for g in _official_graphs(store, ds))
    pattern = f"?s a {ox.NamedNode(of_class)}" if of_class else "?s ?p ?o"
    query = f"SELECT DISTINCT ?s WHERE {{ VALUES ?s {{ {values} }} VALUES ?g {{ {graphs} }} GRAPH ?g {{ {pattern} }} }}"  # noqa: E501
    return iris - {r["s"] for r in store.select(query).values()}


def _references(c: Contribution) -> list[tuple[str, str]]:
    """(field, IRI) of every node a contribution refers to."""
    refs = [("ziel.iri", c.ziel.iri)] if c.ziel.iri else []
    if c.ziel.luecke:
        refs += [("ziel.luecke.zeile", c.ziel.luecke.zeile), ("ziel.luecke.spalte", c.ziel.luecke.spalte)]
    if c.vorschlag:
        refs += [("vorschlag.zielgruppen", g) for g in c.vorschlag.zielgruppen]
        refs += [("vorschlag.ebene", c.vorschlag.ebene)] if c.vorschlag.ebene else []
    return [(f, i) for f, i in refs if i]


def file_targets(doc: ExchangeFile) -> list[str]:
    """Every IRI an exchange file's contributions refer to."""
    return [iri for c in doc.beitraege for _f, iri in _references(c)]


def check_references(
    store: GraphStore, ds: Dataset, items: list[tuple[str, Contribution]], file: str | None
) -> None:
    """:class:`InputError` naming field and IRI for every reference that is not an official node."""
    refs = [(prefix + f, iri) for prefix, c in items for f, iri in _references(c)]
    unknown = unknown_iris(store, ds, {iri for _f, iri in refs})
    found = [
        Problem("kein Knoten des Rahmenkonzepts", file, None, f, iri) for f, iri in refs if iri in unknown
    ]
    if found:
        raise InputError("Beitrag bezieht sich auf Unbekanntes: nichts gespeichert", found)


def open_event(store: GraphStore, ds: Dataset, spec: NewEvent, taken: set[str] | None = None) -> Opened:
    """A new event of ``ds``'s framework with a fresh token (returned once; only its hash is stored);
    its id is none of ``taken`` (default: the framework's event ids)."""
    bodies = ds.keys.get("body", {})
    fields = ds.keys.get("field", {})
    wrong = [f for f in spec.felder if f not in fields]
    if wrong:
        known = ", ".join(sorted(fields))
        raise ParameterError(f"Parameter felder: unbekanntes Handlungsfeld {wrong[0]!r}; bekannt: {known}")
    taken = {e.id for e in events(store, ds.base)} if taken is None else taken
    stem = f"{_slug(spec.titel)}-{spec.datum.isoformat()}"
    ident = next(i for i in (stem, *(f"{stem}-{n}" for n in range(2, 10_000))) if i not in taken)
    token = new_token()
    triples = event_triples(
        spec,
        ds.base,
        ident,
        token_hash=token_hash(token),
        format_iri=bodies.get(spec.format),
        fields=[fields[f] for f in spec.felder],
        framework=framework_iri(ds),
    )
    return Opened(ident, token, insert(t.register_graph(ds.base), triples))


def accept(
    store: GraphStore, ds: Dataset, event_id: str, token: str, c: Contribution, moment: datetime
) -> tuple[Event, str]:
    """Check token, window and references; the update that stores the contribution ("" if stored already)."""
    ev = event(store, ds.base, event_id)
    check(ev, token, moment)
    check_references(store, ds, [("", c)], None)
    if where_is(store, ds.base, [str(c.id)]):
        return ev, ""  # the same contribution sent twice (a phone retrying): stored once
    triples = contribution_triples(
        c, ds.base, ev.id, framework_iri(ds), with_name=ev.asks_names, received=moment
    )
    return ev, insert(ev.graph, triples)


@dataclass(frozen=True)
class Imported:
    event: str
    new: int
    already: int
    update: str


def read_file(data: bytes, name: str) -> ExchangeFile:
    """The exchange file, checked; :class:`InputError` naming the file and each field."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(
            f"{name} ist keine Beteiligungsdatei (JSON, UTF-8): nichts importiert",
            [Problem(f"kein gültiges JSON: {exc}", name)],
        ) from exc
    try:
        return ExchangeFile.model_validate(doc)
    except ValidationError as exc:
        raise InputError(
            f"{name}: Beteiligungsdatei fehlerhaft, nichts importiert", problems(exc, name)
        ) from exc


def import_file(store: GraphStore, ds: Dataset, data: bytes, name: str, moment: datetime) -> Imported:
    """Plan the import of an exchange file: idempotent by contribution id, all or nothing.

    An event the store does not know yet is registered from the file (without a token: it takes
    no input online); names are kept only if that event asks for them.
    """
    doc = read_file(data, name)
    check_references(store, ds, [(f"beitraege.{i}.", c) for i, c in enumerate(doc.beitraege)], name)
    ref = doc.veranstaltung
    known = {e.id: e for e in events(store, ds.base)}
    updates = []
    if ref.id not in known:
        day = datetime.combine(ref.datum, time(0), UTC)
        spec = NewEvent(
            titel=ref.titel,
            datum=ref.datum,
            beginn=day,
            ende=day.replace(hour=23, minute=59),
            ausgabe=doc.ausgabe,
        )
        triples = event_triples(
            spec, ds.base, ref.id, token_hash="", format_iri=None, fields=[], framework=framework_iri(ds)
        )
        updates.append(insert(t.register_graph(ds.base), triples))
    asks = known[ref.id].asks_names if ref.id in known else False
    stored = where_is(store, ds.base, {str(c.id) for c in doc.beitraege})
    fresh = {str(c.id): c for c in doc.beitraege if str(c.id) not in stored}
    triples = [
        x
        for c in fresh.values()
        for x in contribution_triples(c, ds.base, ref.id, framework_iri(ds), with_name=asks, received=moment)
    ]
    if triples:
        updates.append(insert(t.input_graph(ds.base, ref.id), triples))
    already = len({str(c.id) for c in doc.beitraege}) - len(fresh)
    return Imported(ref.id, len(fresh), already, " ;\n".join(updates))
