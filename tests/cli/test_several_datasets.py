"""Several datasets in one store: ``load -d A -d B``, ``serve -d A -d B`` (issue #20, item 8)."""

from __future__ import annotations

import json
import re
import urllib.parse
import urllib.request
from pathlib import Path

from rahmengraph.cli.exits import exit_code
from rahmengraph.errors import ParameterError
from tests.cli.conftest import Run, serving

MUSTERLAND = "https://w3id.org/rahmengraph/musterland/"
NACHBARLAND = "https://w3id.org/rahmengraph/nachbarland/"
FRAMEWORKS = "SELECT ?id WHERE { ?f a rg:Framework ; skos:notation ?id } ORDER BY ?id"


def test_load_writes_every_dataset_into_one_store(
    rg: Run, tmp_path: Path, musterland_dir: Path, nachbarland_dir: Path
) -> None:
    store = f"oxigraph:{tmp_path / 'store'}"
    done = rg("load", "-d", str(musterland_dir), "-d", str(nachbarland_dir), store=store)
    assert done.exit_code == 0, done.output
    assert f"(Graph {MUSTERLAND})" in done.stdout and f"(Graph {NACHBARLAND})" in done.stdout
    asked = rg(
        "query", FRAMEWORKS, "-f", "csv", "-d", str(musterland_dir), "-d", str(nachbarland_dir), store=store
    )
    assert asked.exit_code == 0, asked.output
    assert asked.stdout.split()[1:] == ["musterland-2021", "nachbarland-2023"]
    assert "lade" not in asked.output  # both were in the store already


def test_a_command_for_one_dataset_refuses_two(
    rg: Run, tmp_path: Path, musterland_dir: Path, nachbarland_dir: Path
) -> None:
    done = rg(
        "export",
        "-f",
        "ttl",
        "-o",
        str(tmp_path / "x.ttl"),
        "-d",
        str(musterland_dir),
        "-d",
        str(nachbarland_dir),
    )
    assert done.exit_code == exit_code(ParameterError("x"))
    said = " ".join(done.output.split())  # the terminal wraps long messages
    assert str(nachbarland_dir) in said and "genau einen Datensatz" in said and "serve" in said
    assert not (tmp_path / "x.ttl").exists()


def test_serve_serves_every_dataset(tmp_path: Path, musterland_dir: Path, nachbarland_dir: Path) -> None:
    with serving(tmp_path, musterland_dir, nachbarland_dir) as (port, _store):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status", timeout=10) as r:
            graphs = json.load(r)["graphen"]
        query = urllib.parse.urlencode({"query": FRAMEWORKS})
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/sparql?{query}", headers={"Accept": "text/csv"}
        )
        with urllib.request.urlopen(request, timeout=10) as r:
            ids = r.read().decode().split()[1:]
    assert MUSTERLAND in graphs and NACHBARLAND in graphs
    assert ids == ["musterland-2021", "nachbarland-2023"]


def test_comparison_view_is_a_file_that_needs_no_network(
    rg: Run, tmp_path: Path, musterland_dir: Path, nachbarland_dir: Path
) -> None:
    target = tmp_path / "vergleich.html"
    done = rg("viz", "vergleich", "-o", str(target), "-d", str(musterland_dir), "-d", str(nachbarland_dir))
    assert done.exit_code == 0, done.output
    page = target.read_text(encoding="utf-8")
    assert "Sprache und Bildung" in page and "Aufenthalt" in page
    assert not re.search(r"""(src|href)=["']https?://""", page)


def test_analyse_vergleich_on_the_command_line(rg: Run, musterland_dir: Path, nachbarland_dir: Path) -> None:
    done = rg("analyse", "vergleich", "-f", "csv", "-d", str(musterland_dir), "-d", str(nachbarland_dir))
    assert done.exit_code == 0, done.output
    assert "musterland-2021" in done.stdout and "nachbarland-2023" in done.stdout
