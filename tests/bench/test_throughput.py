"""The endpoint workload on a real (small) run: our server, the native Oxigraph server (memory and
folder) and the bare peer side by side."""

from __future__ import annotations

import json
import math
import urllib.parse
import urllib.request
from contextlib import ExitStack

import pytest

from bench import throughput
from bench.scale import Scale, finish, load_once, prepare
from bench.servers import running
from bench.traffic import Traffic

PEERS = {"ours", "native-memory", "native-folder", "bare"}

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
    assert set(results) == PEERS
    for found in results.values():
        assert set(found) == {(q, c) for q in throughput.queries(scale) for c in (1, 8)}
        for (_q, c), t in found.items():
            assert not t.errors
            # every round sends requests // ROUNDS, at least one request per client
            per_round = max(REQUESTS // throughput.ROUNDS, 1)
            assert len(t.latencies) >= throughput.ROUNDS * min(per_round, c)
            assert t.throughput > 0
    [c1, _c8, overhead] = throughput.tables(scale, peers, results)
    cols = c1.columns
    assert [r[0] for r in c1.rows][-1] == throughput.EMPTY[0]
    for row in c1.rows:
        for peer, col in (("bare", "ours/bare"), ("native-memory", "ours/native-memory (Ziel ≥ 0.8)")):
            ratio = row[cols.index(col)]
            ours, theirs = row[cols.index("ours q/s")], row[cols.index(f"{peer} q/s")]
            assert math.isclose(ratio, ours / theirs, rel_tol=0.05, abs_tol=0.01)
    assert any("Median" in n for n in c1.notes) and any(
        f"von {len(scale.queries)} Abfragen" in n for n in c1.notes
    )
    assert [r[0] for r in overhead.rows] == [p.name for p in peers]
    ours_row = overhead.rows[0]
    native_p50 = overhead.rows[1][1]
    assert math.isclose(ours_row[3], ours_row[1] - native_p50, abs_tol=0.002)


def _rows(url: str, query: str) -> list[dict[str, object]]:
    body = urllib.parse.urlencode({"query": query}).encode()
    req = urllib.request.Request(url, body, {"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        bindings: list[dict[str, object]] = json.load(resp)["results"]["bindings"]
    return sorted(bindings, key=lambda b: json.dumps(b, sort_keys=True))


def test_native_peers_give_our_answers(scale: Scale) -> None:
    with ExitStack() as stack:
        urls = {
            "ours": stack.enter_context(running("ours", store=scale.store, dataset=scale.folders[0])),
            "native-memory": stack.enter_context(running("native-memory", nq=scale.nq)),
            "native-folder": stack.enter_context(running("native-folder", store=scale.store)),
        }
        answered = 0
        for query in scale.queries.values():
            ours = _rows(urls["ours"], query)
            answered += len(ours)
            for peer in ("native-memory", "native-folder"):
                assert _rows(urls[peer], query) == ours, peer
        assert answered  # the comparison saw rows


def test_merged_bursts_add_up() -> None:
    a = Traffic([0.1, 0.2], ["HTTP 500"], 1.0)
    b = Traffic([0.3], [], 0.5)
    m = throughput.merged([a, b])
    assert m.latencies == [0.1, 0.2, 0.3] and m.errors == ["HTTP 500"]
    assert m.wall == 1.5 and math.isclose(m.throughput, 2.0)
