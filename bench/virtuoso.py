"""The remote-store configuration, measured: the "laender" data in Virtuoso through our RemoteStore.

Needs a running Virtuoso (``scripts/virtuoso.sh start``). Loads every dataset through SPARQL Update
(``rahmengraph.model.loading.writing.load`` on a ``sparql:`` store, as ``rahmengraph serve --store sparql:…``
does), checks that every query of the reference set gives the same answer as the embedded store,
and times both stores in-process; :func:`peer` adds Virtuoso's own endpoint to the throughput table.
"""

from __future__ import annotations

import math
import time
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from bench.report import Table
from bench.scale import Scale
from bench.servers import ping
from bench.throughput import Peer
from bench.timing import median, ms, ratio, repeat
from rahmengraph.model.loading.writing import load
from rahmengraph.model.store import GraphStore, open_store
from rahmengraph.model.store import Table as Rows
from rahmengraph.model.stores.remote import expression_types


def available(url: str) -> bool:
    return ping(url, 3.0)


def canonical(rows: Rows, query: str) -> list[tuple[str | None, ...]]:
    """Rows as sorted tuples of terms in N-Triples form (datatypes and language tags count), so
    equal answers compare equal whatever the row order.

    ``GROUP_CONCAT`` results are compared by their sorted parts without language tag: the order of
    the parts is open (SPARQL 1.1, 18.5.1.7) and Oxigraph keeps a common language tag where
    Virtuoso answers a simple literal.
    """
    concat = {i for i, v in enumerate(rows.variables) if expression_types(query).get(v) == "concat"}

    def cell(i: int, term: Any) -> str | None:
        if i in concat and isinstance(term, ox.Literal):
            return str(ox.Literal(";".join(sorted(term.value.split(";")))))
        return None if term is None else str(term)

    return sorted((tuple(cell(i, t) for i, t in enumerate(row)) for row in rows), key=repr)


def reset(store: GraphStore, keep: set[str]) -> None:
    """Drop every graph of ours in the remote store (system graphs are not listed by ``graphs``)."""
    for graph in store.graphs():
        if graph not in keep:
            store.update(f"DROP SILENT GRAPH <{graph}>")


def load_all(store: GraphStore, folders: list[Path]) -> float:
    start = time.perf_counter()
    for folder in folders:
        load(store, folder)
    return time.perf_counter() - start


def compare(embedded: GraphStore, remote: GraphStore, queries: dict[str, str]) -> dict[str, str]:
    """Query name → "gleich" or what differs."""
    out = {}
    for name, sparql in queries.items():
        mine, theirs = canonical(embedded.select(sparql), sparql), canonical(remote.select(sparql), sparql)
        if mine == theirs:
            out[name] = f"gleich ({len(mine)} Zeilen)"
        else:
            diff = sorted(set(mine) ^ set(theirs), key=repr)[:2]
            out[name] = f"ABWEICHEND: {len(mine)} vs. {len(theirs)} Zeilen, z. B. {diff}"
    return out


def workload(scale: Scale, url: str) -> list[Table]:
    from rahmengraph.model.stores.oxigraph import OxigraphStore

    table = Table(
        "virtuoso-laender",
        f"Virtuoso über den Remote-Speicher ({scale.name}): gleiche Antworten und Latenz",
        ["Abfrage", "Antwort wie eingebettet", "eingebettet ms", "Virtuoso ms", "Virtuoso/eingebettet"],
    )
    if not available(url):
        table.notes.append(
            f"Virtuoso unter {url} nicht erreichbar: übersprungen (scripts/virtuoso.sh start)."
        )
        return [table]
    remote = open_store(f"sparql:{url}")
    reset(remote, set())
    seconds = load_all(remote, scale.folders)
    embedded = OxigraphStore(scale.store, read_only=True)
    same = compare(embedded, remote, scale.queries)
    for name, sparql in scale.queries.items():
        local, _ = repeat(lambda q=sparql: embedded.select(q), reps=20, budget=0.5)
        far, _ = repeat(lambda q=sparql: remote.select(q), reps=20, budget=1.0)
        table.rows.append(
            [name, same[name], ms(median(local)), ms(median(far)), ratio(median(far), median(local))]
        )
    equal = sum(v.startswith("gleich") for v in same.values())
    table.notes.append(
        f"Laden über SPARQL Update: {seconds:.1f} s für {remote.count()} Tripel "
        f"({len(scale.folders)} Datensätze + Ontologie)."
    )
    table.notes.append(f"Gleiche Antworten bei {equal} von {len(same)} Abfragen.")
    table.notes.append("Latenz im Prozess: RemoteStore.select (HTTP zu Virtuoso) gegen OxigraphStore.select.")
    if math.isnan(seconds):
        table.notes.append("Laden fehlgeschlagen.")
    return [table]


def peer(url: str, requests: int, cap: float) -> Peer:
    """Virtuoso's own /sparql as a throughput peer (already running and loaded by :func:`workload`)."""

    def server() -> AbstractContextManager[str]:
        return nullcontext(url)

    return Peer("virtuoso", server, (1, 8), requests, cap)
