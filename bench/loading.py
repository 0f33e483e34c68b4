"""Load time and peak memory of one scale, measured in a fresh process.

``python -m bench.loading --store SPEC [--dump FILE] [--validate] FOLDER...`` reads, checks and
loads every dataset folder into the store (``rahmengraph.model.loading.writing.load_all``: the start-up path
of the server) and prints one JSON line: seconds, triples, peak resident memory (MB, ``ru_maxrss``,
imports included) and the resident memory before loading. ``--validate`` then runs the SHACL
validation of every dataset (what ``rahmengraph validate`` adds) and reports its seconds too.
``--dump`` writes the loaded store as N-Quads for the peers that load from a file.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--store", required=True)
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--validate", action="store_true")
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args(argv)

    from rahmengraph.model.formats import GRAPH_FORMATS
    from rahmengraph.model.loading.writing import load_all
    from rahmengraph.model.store import open_store

    base = _rss_mb()
    start = time.perf_counter()
    store = open_store(args.store)
    graphs = [ds.graph for ds in load_all(store, args.folders)]  # the datasets themselves go
    seconds = time.perf_counter() - start
    shacl = None
    if args.validate:
        from rahmengraph.model.validation import validate

        for graph in graphs:
            validate(store, graph)
        shacl = time.perf_counter() - start - seconds
    store.close()  # flush a persistent store: part of the load
    seconds = time.perf_counter() - start - (shacl or 0.0)
    triples = store.count()
    if args.dump:
        args.dump.write_bytes(store.dump(GRAPH_FORMATS["nq"]))
    out = {
        "seconds": seconds,
        "shacl_seconds": shacl,
        "triples": triples,
        "peak_rss_mb": _rss_mb(),
        "base_rss_mb": base,
    }
    sys.stdout.write(json.dumps(out) + "\n")


if __name__ == "__main__":
    main()
