"""The commands as a user runs them (in this process): exit codes, messages, outputs."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from rahmengraph.cli.exits import exit_code
from rahmengraph.errors import ParameterError
from rahmengraph.model.change_records import RECORDS_FILE
from rahmengraph.model.editions import CATALOGUE_FILE
from tests.cli.conftest import Run


def test_query_named_question_as_csv(rg: Run, musterland_dir: Path) -> None:
    done = rg("query", "--name", "massnahmen-ohne-federfuehrung", "-f", "csv", "-d", str(musterland_dir))
    assert done.exit_code == 0, done.output
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [r["massnahmeId"] for r in rows] == ["M-2-02"]


def test_query_sparql_as_json_with_predeclared_prefixes(rg: Run, musterland_dir: Path) -> None:
    done = rg("query", "SELECT ?m WHERE { ?m a rg:Measure }", "-f", "json", "-d", str(musterland_dir))
    assert done.exit_code == 0, done.output
    assert len(json.loads(done.stdout)["results"]["bindings"]) == 8


def test_query_reads_sparql_from_stdin(rg: Run, musterland_dir: Path) -> None:
    done = rg(
        "query", "-", "-f", "csv", "-d", str(musterland_dir), stdin="SELECT ?m WHERE { ?m a rg:Measure }"
    )
    assert done.exit_code == 0, done.output
    assert len(done.stdout.strip().splitlines()) == 9


def test_malformed_query_exits_2_with_position(rg: Run, musterland_dir: Path) -> None:
    done = rg("query", "SELECT ?m WHERE { ?m ", "-d", str(musterland_dir))
    assert done.exit_code == 2
    assert "SPARQL-Syntaxfehler" in done.stderr and "1:" in done.stderr


def test_param_without_value_names_the_flag(rg: Run, musterland_dir: Path) -> None:
    done = rg("query", "-n", "zustaendig-heute", "-p", "measure", "-d", str(musterland_dir))
    assert done.exit_code == 2
    assert "--param 'measure': erwartet NAME=WERT" in done.stderr


def test_unknown_question_exits_4(rg: Run, musterland_dir: Path) -> None:
    done = rg("query", "-n", "gibt-es-nicht", "-d", str(musterland_dir))
    assert done.exit_code == 4
    assert "Unbekannte Frage 'gibt-es-nicht'" in done.stderr


def test_load_bad_dataset_names_file_line_column_and_leaves_no_store(
    rg: Run, tmp_path: Path, musterland_dir: Path
) -> None:
    folder = tmp_path / "d"
    shutil.copytree(musterland_dir, folder)
    text = (folder / "massnahmen.csv").read_text(encoding="utf-8").replace(",MB,,Land,", ",NIEMAND,,Land,")
    (folder / "massnahmen.csv").write_text(text, encoding="utf-8")
    done = rg("load", "-d", str(folder), store=f"oxigraph:{tmp_path / 'store'}")
    assert done.exit_code == 2
    assert "massnahmen.csv:3" in done.stderr and "federfuehrend" in done.stderr and "NIEMAND" in done.stderr
    assert not (tmp_path / "store").exists()


def test_load_then_query_the_persistent_store(rg: Run, tmp_path: Path, musterland_dir: Path) -> None:
    store = f"oxigraph:{tmp_path / 'store'}"
    loaded = rg("load", "-d", str(musterland_dir), store=store)
    assert loaded.exit_code == 0, loaded.output
    assert "massnahmen.csv" in loaded.stdout and "Tripel im Datensatz-Graphen" in loaded.stdout
    asked = rg(
        "query", "SELECT ?m WHERE { ?m a rg:Measure }", "-f", "csv", "-d", str(musterland_dir), store=store
    )
    assert asked.exit_code == 0, asked.output
    assert "noch nicht im Speicher" not in asked.stderr
    assert len(asked.stdout.strip().splitlines()) == 9


def test_validate_warnings_only_exits_0(rg: Run, musterland_dir: Path) -> None:
    done = rg("validate", "-d", str(musterland_dir))
    assert done.exit_code == 0, done.output
    assert "Warnung" in done.stdout and "M-2-02" in done.stdout
    as_json = rg("validate", "--json", "-d", str(musterland_dir))
    assert json.loads(as_json.stdout)["gueltig"] is True


def test_validate_violation_exits_3(rg: Run, shacl_violation: Path) -> None:
    done = rg("validate", "-d", str(shacl_violation))
    assert done.exit_code == 3, done.output
    assert "M-1-01" in done.stdout and "Verstoß" in done.stderr


@pytest.mark.parametrize("fmt", ["ttl", "jsonld", "nt", "graphml", "gexf", "xlsx"])
def test_export_formats_parse(rg: Run, fmt: str, tmp_path: Path, musterland_dir: Path) -> None:
    target = tmp_path / f"out.{fmt}"
    done = rg("export", "--format", fmt, "-o", str(target), "-d", str(musterland_dir))
    assert done.exit_code == 0, done.output
    assert str(target) in done.stdout
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


def test_export_csv_folder_round_trips(rg: Run, tmp_path: Path, musterland_dir: Path) -> None:
    done = rg("export", "--format", "csv", "-o", str(tmp_path / "out"), "-d", str(musterland_dir))
    assert done.exit_code == 0, done.output
    beside = {CATALOGUE_FILE, RECORDS_FILE}  # the current edition's tables, not the edition catalogue
    for f in musterland_dir.glob("*.csv"):  # for German Excel: BOM, semicolon, CRLF; same cells
        if f.name in beside:
            continue
        exported = (tmp_path / "out" / f.name).read_bytes()
        assert exported.startswith(b"\xef\xbb\xbf") and b"\r\n" in exported
        rows = list(csv.reader(io.StringIO(exported.decode("utf-8-sig"), newline=""), delimiter=";"))
        assert rows == list(csv.reader(io.StringIO(f.read_text(encoding="utf-8"), newline="")))


def test_unknown_export_format_names_the_parameter(rg: Run, musterland_dir: Path, tmp_path: Path) -> None:
    done = rg("export", "--format", "pdf", "-o", str(tmp_path / "x"), "-d", str(musterland_dir))
    assert done.exit_code == 2 and "--format" in done.stderr


def test_fragen_lists_questions(rg: Run) -> None:
    done = rg("fragen")
    assert done.exit_code == 0
    assert "zustaendig-heute" in done.stdout and "--param measure" in done.stdout


def test_viz_says_which_file_it_wrote(rg: Run, tmp_path: Path, musterland_dir: Path) -> None:
    target = tmp_path / "bild.html"
    done = rg("viz", "gesamtbild", "-o", str(target), "-d", str(musterland_dir))
    assert done.exit_code == 0, done.output
    assert target.is_file() and target.stat().st_size > 1000
    assert f"Geschrieben: {target.resolve()}" in done.stdout


def test_query_on_a_store_without_the_dataset_says_it_loads_it(
    rg: Run, tmp_path: Path, musterland_dir: Path
) -> None:
    store = f"oxigraph:{tmp_path / 'store'}"
    first = rg(
        "query", "SELECT ?m WHERE { ?m a rg:Measure }", "-f", "csv", "-d", str(musterland_dir), store=store
    )
    assert first.exit_code == 0, first.output
    assert f"Datensatz {musterland_dir} ist noch nicht im Speicher {store}" in " ".join(first.stderr.split())
    assert "geladen:" in first.stderr
    again = rg(
        "query", "SELECT ?m WHERE { ?m a rg:Measure }", "-f", "csv", "-d", str(musterland_dir), store=store
    )
    assert "noch nicht im Speicher" not in again.stderr


def test_brackets_in_a_message_stay_text(rg: Run, musterland_dir: Path) -> None:
    done = rg("query", "-n", "[bold]x[/bold]", "-d", str(musterland_dir))
    assert done.exit_code == 4
    assert "'[bold]x[/bold]'" in done.stderr


def test_bericht_writes_docx_and_names_bad_parameters(rg: Run, tmp_path: Path, musterland_dir: Path) -> None:
    out = tmp_path / "bericht.docx"
    period = ("--von", "2020", "--bis", "2026", "--stand", "2026-01-15")
    done = rg("bericht", "-d", str(musterland_dir), "-o", str(out), *period)
    assert done.exit_code == 0, done.output
    assert out.read_bytes()[:2] == b"PK" and "Geschrieben:" in done.stdout
    bad = rg("bericht", "-d", str(musterland_dir), "-o", str(tmp_path / "b.odt"), *period)
    assert bad.exit_code == 2 and "odt" in bad.output and not (tmp_path / "b.odt").exists()


def test_analyse_messbarkeit(rg: Run, musterland_dir: Path) -> None:
    done = rg("analyse", "messbarkeit", "-d", str(musterland_dir), "-O", "jahr=2025", "--format", "json")
    assert done.exit_code == 0, done.output
    report = json.loads(done.stdout)
    assert report["name"] == "messbarkeit" and report["summary"]["progress"] == 1


@pytest.mark.parametrize(
    ("view", "option", "allowed"),
    [
        ("handlungsfeld", "field=1", "feld, fokus, hops, rahmen, ressorts"),
        ("luecken", "rows=field", "fokus, hops, rahmen"),
    ],
)
def test_viz_refuses_an_unknown_option_naming_the_allowed(
    rg: Run, tmp_path: Path, musterland_dir: Path, view: str, option: str, allowed: str
) -> None:
    target = tmp_path / "view.html"
    done = rg("viz", view, "--option", option, "-o", str(target), "-d", str(musterland_dir))
    assert done.exit_code == exit_code(ParameterError("x"))
    name = option.split("=")[0]
    assert f"Ansicht {view}" in done.output and f"'{name}'" in done.output and allowed in done.output
    assert not target.exists()
