"""The command line, run as a user runs it: exit codes, messages, outputs."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def rg(*args: str, store: str = "oxigraph:memory") -> subprocess.CompletedProcess[str]:
    env = {"RAHMENGRAPH_STORE": store, "PATH": "/usr/bin:/bin", "HOME": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "rahmengraph.cli", *args], capture_output=True, text=True, cwd=ROOT, env=env
    )


def test_query_named_question_as_csv(musterland_dir: Path) -> None:
    done = rg("query", "--name", "massnahmen-ohne-federfuehrung", "-f", "csv", "-d", str(musterland_dir))
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [r["massnahmeId"] for r in rows] == ["M-2-02"]


def test_query_sparql_as_json_with_predeclared_prefixes(musterland_dir: Path) -> None:
    done = rg("query", "SELECT ?m WHERE { ?m a rg:Measure }", "-f", "json", "-d", str(musterland_dir))
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["results"]["bindings"]) == 8


def test_malformed_query_exits_2_with_position(musterland_dir: Path) -> None:
    done = rg("query", "SELECT ?m WHERE { ?m ", "-d", str(musterland_dir))
    assert done.returncode == 2
    assert "SPARQL-Syntaxfehler" in done.stderr and "1:" in done.stderr


def test_load_bad_dataset_names_file_line_column(tmp_path: Path, musterland_dir: Path) -> None:
    import shutil

    folder = tmp_path / "d"
    shutil.copytree(musterland_dir, folder)
    text = (folder / "massnahmen.csv").read_text(encoding="utf-8").replace(",MB,,Land,", ",NIEMAND,,Land,")
    (folder / "massnahmen.csv").write_text(text, encoding="utf-8")
    done = rg("load", "-d", str(folder), store=f"oxigraph:{tmp_path / 'store'}")
    assert done.returncode == 2
    assert "massnahmen.csv:3" in done.stderr and "federfuehrend" in done.stderr and "NIEMAND" in done.stderr


def test_validate_exit_codes(musterland_dir: Path) -> None:
    done = rg("validate", "-d", str(musterland_dir))
    assert done.returncode == 0, done.stderr
    assert "Warnung" in done.stdout and "M-2-02" in done.stdout
    as_json = rg("validate", "--json", "-d", str(musterland_dir))
    assert json.loads(as_json.stdout)["gueltig"] is True


@pytest.mark.parametrize("fmt", ["ttl", "jsonld", "nt", "graphml", "gexf", "xlsx"])
def test_export_formats_parse(fmt: str, tmp_path: Path, musterland_dir: Path) -> None:
    target = tmp_path / f"out.{fmt}"
    done = rg("export", "--format", fmt, "-o", str(target), "-d", str(musterland_dir))
    assert done.returncode == 0, done.stderr
    data = target.read_bytes()
    if fmt in ("ttl", "jsonld", "nt"):
        import rdflib

        g = rdflib.Graph()
        g.parse(data=data, format={"ttl": "turtle", "jsonld": "json-ld", "nt": "nt"}[fmt])
        assert len(g) > 500
    elif fmt in ("graphml", "gexf"):
        import networkx as nx

        graph = nx.read_graphml(target) if fmt == "graphml" else nx.read_gexf(target)
        assert graph.number_of_nodes() > 20
    else:
        from openpyxl import load_workbook

        assert "massnahmen" in load_workbook(target).sheetnames


def test_export_csv_folder_round_trips(tmp_path: Path, musterland_dir: Path) -> None:
    done = rg("export", "--format", "csv", "-o", str(tmp_path / "out"), "-d", str(musterland_dir))
    assert done.returncode == 0, done.stderr
    for f in musterland_dir.glob("*.csv"):  # for German Excel: BOM, semicolon, CRLF; same cells
        exported = (tmp_path / "out" / f.name).read_bytes()
        assert exported.startswith(b"\xef\xbb\xbf") and b"\r\n" in exported
        rows = list(csv.reader(io.StringIO(exported.decode("utf-8-sig"), newline=""), delimiter=";"))
        assert rows == list(csv.reader(io.StringIO(f.read_text(encoding="utf-8"), newline="")))


def test_unknown_export_format_names_the_parameter(musterland_dir: Path, tmp_path: Path) -> None:
    done = rg("export", "--format", "pdf", "-o", str(tmp_path / "x"), "-d", str(musterland_dir))
    assert done.returncode == 2 and "--format" in done.stderr


def test_fragen_lists_questions() -> None:
    done = rg("fragen")
    assert done.returncode == 0
    assert "zustaendig-heute" in done.stdout and "--param measure" in done.stdout
