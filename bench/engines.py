"""In-process query latency of one engine, run in its own process (one JSON line per query).

``python -m bench.engines ENGINE --nq FILE --queries FILE [--start K] [--reps R] [--budget S]``
loads the N-Quads copy of a scale and times each query of the reference set (a JSON object
name → SPARQL), starting at the K-th. Engines (table :data:`ENGINES`):

* ``ours``   – :class:`~rahmengraph.model.stores.oxigraph.OxigraphStore` ``select`` (rows as a Table)
* ``bare``   – pyoxigraph ``Store.query`` with the union default graph, solutions materialised
* ``rdflib`` – plain rdflib ``Dataset(default_union=True)``, results materialised

With ``--analyses`` the ``ours`` engine also times every analysis of
``rahmengraph.model.analysis.ANALYSES`` (when importable): cold (projection cache emptied before
each run, as after a data change), with a new filter (one run per field: projection ready, report
not yet; what a planner exploring filters waits for) and warm (remembered reports); then every
analysis once more after one framework changed (what the server computes after an update).
The parent kills this process when a query runs past its time limit and restarts it after that
query.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from bench.timing import repeat

Runner = Callable[[str], int]


def _ours(nq: bytes) -> tuple[Runner, Any]:
    import pyoxigraph as ox

    from rahmengraph.model.stores.oxigraph import OxigraphStore

    store = OxigraphStore()
    store.native.bulk_load(nq, format=ox.RdfFormat.N_QUADS)
    return (lambda q: len(store.select(q))), store


def _bare(nq: bytes) -> tuple[Runner, Any]:
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(nq, format=ox.RdfFormat.N_QUADS)
    return (lambda q: len(list(store.query(q, use_default_graph_as_union=True)))), store


def _rdflib(nq: bytes) -> tuple[Runner, Any]:
    import rdflib
    import rdflib.plugins.sparql as rdflib_sparql

    rdflib_sparql.SPARQL_LOAD_GRAPHS = False
    ds = rdflib.Dataset(default_union=True)
    ds.parse(data=nq, format="nquads")
    return (lambda q: len(list(ds.query(q)))), ds


#: Engine name → (help, factory from N-Quads bytes to a runner).
ENGINES: Final[dict[str, tuple[str, Callable[[bytes], tuple[Runner, Any]]]]] = {
    "ours": ("Speicher-Schnittstelle (OxigraphStore.select)", _ours),
    "bare": ("pyoxigraph Store.query direkt", _bare),
    "rdflib": ("rdflib Dataset im Speicher", _rdflib),
}


def _emit(record: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(record) + "\n")
    sys.stdout.flush()


#: Fields of the generated frameworks, each one filter a planner might pick (``--field 3.1`` …).
FIELD_FILTERS: Final = tuple(f"3.{i}" for i in range(1, 14))


def _analyses(store: Any, reps: int, budget: float) -> None:
    try:
        from rahmengraph.model.analysis import ANALYSES
    except ImportError as exc:
        _emit({"analysis": None, "error": f"ANALYSES nicht importierbar: {exc}"})
        return
    from rahmengraph.model import projection
    from rahmengraph.model.filters import Filters

    def cold(a: Any) -> Any:
        projection._CACHE.clear()  # projection, views and remembered reports: rebuilt from the store
        return a.run(store)

    for name, analysis in ANALYSES.items():
        times, report = repeat(lambda a=analysis: cold(a), reps=reps, budget=budget, warmup=0)
        warm, _ = repeat(lambda a=analysis: a.run(store), reps=reps, budget=budget / 4)
        # projection (and SHACL report) ready, the report for this filter not yet: one run per field
        fresh = []
        for field in FIELD_FILTERS:
            started = time.perf_counter()
            analysis.run(store, Filters(field=(field,)))
            fresh.append(time.perf_counter() - started)
        rows = sum(len(t.rows) for t in report.tables)
        _emit({"analysis": name, "times": times, "warm": warm, "fresh": fresh, "rows": rows})
    _emit(_warming_after_a_change(store))


def _warming_after_a_change(store: Any) -> dict[str, Any]:
    """What the server does after an update: every analysis computed again without filters (the
    projection rebuilt, SHACL only for the framework that changed); wall and CPU seconds."""
    from rahmengraph.model import namespaces, vocab
    from rahmengraph.model.analysis import warm

    warm(store)
    graph = next(g for g in store.graphs() if g != namespaces.ONTOLOGY_IRI and "/ausgabe/" not in g)
    note = f'<{graph}bench-aenderung> <{vocab.LABEL}> "Änderung"'
    store.update(f"INSERT DATA {{ GRAPH <{graph}> {{ {note} }} }}")
    started, cpu = time.perf_counter(), time.process_time()
    warm(store)
    return {"warming": time.perf_counter() - started, "cpu": time.process_time() - cpu}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("engine", choices=list(ENGINES))
    parser.add_argument("--nq", type=Path, required=True)
    parser.add_argument("--queries", type=Path, required=True)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--reps", type=int, default=30)
    parser.add_argument("--budget", type=float, default=1.0)
    parser.add_argument("--analyses", action="store_true")
    args = parser.parse_args(argv)
    queries: dict[str, str] = json.loads(args.queries.read_text(encoding="utf-8"))
    runner, handle = ENGINES[args.engine][1](args.nq.read_bytes())
    _emit({"ready": True})
    for name in list(queries)[args.start :]:
        _emit({"start": name})
        times, rows = repeat(lambda q=queries[name]: runner(q), reps=args.reps, budget=args.budget)
        _emit({"query": name, "times": times, "rows": rows})
    if args.analyses and args.engine == "ours":
        _analyses(handle, args.reps, args.budget)
    _emit({"done": True})


if __name__ == "__main__":
    main()
