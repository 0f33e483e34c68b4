"""While ``rahmengraph serve`` holds the Oxigraph folder, the reading commands still work and
``load`` says what to do (a real server process holds the store)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.cli.conftest import Run, process

MUSTER = Path(__file__).resolve().parents[1] / "cases" / "musterland"
READ_ONLY = "schreibgeschützt"


def test_query_reads_the_held_store(rg: Run, served_store: Path) -> None:
    done = rg("query", "--name", "massnahmen-ohne-federfuehrung", "-f", "csv", "-d", str(MUSTER),
              store=f"oxigraph:{served_store}")  # fmt: skip
    assert done.exit_code == 0, done.output
    assert READ_ONLY in done.stderr and "noch nicht im Speicher" not in done.stderr
    assert [r["massnahmeId"] for r in csv.DictReader(io.StringIO(done.stdout))] == ["M-2-02"]


def test_analyse_reads_the_held_store(rg: Run, served_store: Path) -> None:
    done = rg("analyse", "luecken", "-f", "json", "-d", str(MUSTER), store=f"oxigraph:{served_store}")
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["tables"]


def test_export_and_viz_read_the_held_store(rg: Run, served_store: Path, tmp_path: Path) -> None:
    store = f"oxigraph:{served_store}"
    exported = rg("export", "-f", "ttl", "-o", str(tmp_path / "x.ttl"), "-d", str(MUSTER), store=store)
    assert exported.exit_code == 0, exported.output
    assert (tmp_path / "x.ttl").stat().st_size > 1000
    drawn = rg("viz", "ressort-netz", "-o", str(tmp_path / "netz.html"), "-d", str(MUSTER), store=store)
    assert drawn.exit_code == 0, drawn.output
    assert (tmp_path / "netz.html").is_file()


def test_a_dataset_missing_from_the_held_store_is_read_into_memory(
    rg: Run, served_store: Path, bremen_dir: Path
) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?m a rg:Measure }"
    done = rg("query", count, "-f", "csv", "-d", str(bremen_dir), store=f"oxigraph:{served_store}")
    assert done.exit_code == 0, done.output
    assert "nur für diesen Aufruf in den Arbeitsspeicher" in " ".join(done.stderr.split())
    assert int(done.stdout.splitlines()[1]) > 8  # Bremen's measures, not the 8 of the served Musterland


def test_load_says_in_german_what_to_do(rg: Run, served_store: Path) -> None:
    done = rg("load", "-d", str(MUSTER), store=f"oxigraph:{served_store}")
    assert done.exit_code == 7
    message = " ".join(done.stderr.split())
    assert "ist belegt" in message and "Server beenden" in message and "--store oxigraph:" in message
    assert "LOCK" not in message


def test_real_process_query_beside_the_server_exits_0(served_store: Path, tmp_path: Path) -> None:
    done = process("query", "SELECT ?m WHERE { ?m a rg:Measure }", "-f", "csv", "-d", str(MUSTER),
                   cwd=tmp_path, store=f"oxigraph:{served_store}")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.strip().splitlines()) == 9
