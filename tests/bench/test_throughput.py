"""The endpoint workload on a real (small) run: our server and the bare peer side by side."""

from __future__ import annotations

import math

import pytest

from bench import throughput
from bench.scale import Scale, finish, load_once, prepare
from bench.traffic import Traffic

REQUESTS = 6


@pytest.fixture(scope="module")
def scale(tmp_path_factory: pytest.TempPathFactory) -> Scale:
    scale = prepare("bremen", tmp_path_factory.mktemp("bench") / "bremen")
    load_once(scale, scale.store, dump=True)
    finish(scale)
    scale.queries = {k: scale.queries[k] for k in ("quellen", "luecke-feld-ebene")}
    return scale


def test_peers_take_turns_and_every_request_is_counted(scale: Scale) -> None:
    peers = [
        p
        for p in throughput.local_peers(scale, requests=REQUESTS, cap=30.0, rdflib_c8=False)
        if p.name != "rdflib"
    ]
    results = throughput.measure(scale, peers)
    assert set(results) == {"ours", "bare"}
    for found in results.values():
        assert set(found) == {(q, c) for q in scale.queries for c in (1, 8)}
        for (_q, c), t in found.items():
            assert not t.errors
            # every round sends requests // ROUNDS, at least one request per client
            per_round = max(REQUESTS // throughput.ROUNDS, 1)
            assert len(t.latencies) >= throughput.ROUNDS * min(per_round, c)
            assert t.throughput > 0
    [c1, _c8] = throughput.tables(scale, peers, results)
    cols = c1.columns
    for row in c1.rows:
        ratio = row[cols.index("ours/bare (Ziel ≥ 0.8)")]
        assert math.isclose(ratio, row[cols.index("ours q/s")] / row[cols.index("bare q/s")], rel_tol=0.05)


def test_merged_bursts_add_up() -> None:
    a = Traffic([0.1, 0.2], ["HTTP 500"], 1.0)
    b = Traffic([0.3], [], 0.5)
    m = throughput.merged([a, b])
    assert m.latencies == [0.1, 0.2, 0.3] and m.errors == ["HTTP 500"]
    assert m.wall == 1.5 and math.isclose(m.throughput, 2.0)
