"""The benchmark harness in --quick mode (bremen scale, no servers, no browser): well-formed output."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from bench import run
from bench.queryset import GAP_QUERIES
from rahmengraph.model.questions import questions


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], str, str]:
    out = tmp_path_factory.mktemp("bench-out")
    assert run.main(["--quick", "--out", str(out)]) == 0
    md = (out / "results.md").read_text(encoding="utf-8")
    return json.loads((out / "results.json").read_text(encoding="utf-8")), md, str(out)


def _tables(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t["key"]: t for t in doc["tables"]}


def test_every_workload_has_a_table(results: tuple[dict[str, Any], str, str]) -> None:
    tables = _tables(results[0])
    assert set(tables) == {
        "headline",
        "load",
        "latency-bremen",
        "analyses-bremen",
        "planner-bremen",
        "editions-bremen",
        "bericht",
        "pages",
    }
    for t in tables.values():
        assert t["rows"], t["key"]
        assert all(len(row) == len(t["columns"]) for row in t["rows"]), t["key"]


def test_latency_covers_the_reference_set_with_positive_medians(
    results: tuple[dict[str, Any], str, str],
) -> None:
    table = _tables(results[0])["latency-bremen"]
    names = [row[0].removesuffix(" (Lücke)") for row in table["rows"]]
    assert names == [*questions(), *GAP_QUERIES]
    cols = table["columns"]
    for row in table["rows"]:
        ours, bare = row[cols.index("ours ms")], row[cols.index("bare ms")]
        assert ours > 0 and bare > 0
        assert math.isclose(
            row[cols.index("ours/bare (Ziel ≤ 1,3)")], ours / bare, rel_tol=0.02, abs_tol=0.01
        )


def test_load_reports_triples_time_and_memory(results: tuple[dict[str, Any], str, str]) -> None:
    row = _tables(results[0])["load"]["rows"][0]
    assert row[0] == "bremen" and row[1] == 1
    assert row[2] > 5000  # triples of a bremen-size framework
    load_s, shacl_s, start_s = row[3], row[4], row[5]
    assert load_s > 0 and shacl_s > 0  # bremen is validated with SHACL too
    assert math.isclose(start_s, load_s + shacl_s, rel_tol=0.2)  # medians of sums vs sums of medians
    assert row[7] >= row[8] > 0  # peak RSS ≥ RSS before loading
    assert row[9].startswith("Start < 1 s")


def test_markdown_has_every_table_and_json_has_settings(results: tuple[dict[str, Any], str, str]) -> None:
    doc, md, _out = results
    for t in doc["tables"]:
        assert f"### {t['title']}" in md
    assert doc["settings"]["quick"] is True
    assert doc["settings"]["scales"] == ["bremen"]


def test_unknown_scale_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        run.main(["--quick", "--scales", "atlantis", "--out", str(tmp_path)])


def test_analyses_are_timed_cold_with_new_filters_and_warm(results: tuple[dict[str, Any], str, str]) -> None:
    from rahmengraph.model.analysis import ANALYSES

    table = _tables(results[0])["analyses-bremen"]
    cols = table["columns"]
    assert [row[0] for row in table["rows"]] == list(ANALYSES)
    for row in table["rows"]:
        cold, fresh, fresh_max, warm = (
            row[cols.index(c)]
            for c in ("kalt p50 ms", "neuer Filter p50 ms", "neuer Filter max ms", "warm p50 ms")
        )
        assert cold > 0 and 0 < fresh <= fresh_max and warm > 0
        assert warm < cold  # a remembered report is cheaper than rebuilding everything
        assert row[cols.index("Ziel p50 (neuer Filter)")].startswith("< 10 ms")


def test_every_planner_request_answers(results: tuple[dict[str, Any], str, str]) -> None:
    from bench.planner_api import REQUESTS

    table = _tables(results[0])["planner-bremen"]
    cols = table["columns"]
    assert [row[0] for row in table["rows"]] == list(REQUESTS)
    for row in table["rows"]:
        assert row[cols.index("Status")] == 200, row
        assert 0 < row[cols.index("p50 ms")] <= row[cols.index("p99 ms")]


def test_pages_start_with_the_real_bremen_graph(results: tuple[dict[str, Any], str, str]) -> None:
    table = _tables(results[0])["pages"]
    cols = table["columns"]
    first = table["rows"][0]
    assert first[0] == "Bremen Gesamtbild" and first[cols.index("Knoten")] > 100
    assert [r[0] for r in table["rows"][1:]] == ["synthetisch"]  # --quick: 100 nodes only
    assert all(r[cols.index("Python s")] > 0 for r in table["rows"])


def test_a_run_that_fails_late_keeps_what_it_measured(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    measured = run.Table("load", "Laden", ["Größe", "s"], [["bremen", 0.1]])

    def fail(scale: object) -> None:
        raise RuntimeError("Modul während des Laufs verschoben")

    monkeypatch.setattr(run, "prepare", lambda name, folder: object())
    monkeypatch.setattr(run.workloads, "load", lambda scales, repeats: measured)
    monkeypatch.setattr(run, "finish", fail)
    with pytest.raises(RuntimeError, match="verschoben"):
        run.main(["--quick", "--out", str(tmp_path)])
    assert "| bremen |" in capsys.readouterr().out  # printed as soon as it was measured
    doc = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert [t["key"] for t in doc["tables"]] == ["headline", "load"]
    assert doc["settings"]["abgebrochen"] == "RuntimeError: Modul während des Laufs verschoben"
    assert "bremen" in (tmp_path / "results.md").read_text(encoding="utf-8")
