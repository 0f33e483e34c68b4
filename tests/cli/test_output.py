"""Result tables in an 80-column terminal: words are never cut, booleans read ja/nein."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import Run

WIDE = "zustaendig-heute"  # seven columns with long names: too wide for 80 columns side by side
NARROW = (
    "SELECT DISTINCT ?id ?name WHERE { ?a a/rdfs:subClassOf* rg:Actor ;"
    " skos:notation ?id ; rdfs:label ?name } ORDER BY ?id"
)


def _words_of(musterland_dir: Path, rg: Run, *args: str) -> set[str]:
    done = rg("query", *args, "-f", "csv", "-d", str(musterland_dir))
    assert done.exit_code == 0, done.output
    return {w for line in done.stdout.splitlines()[1:] for cell in line.split(",") for w in cell.split()}


def test_wide_answer_keeps_every_word_whole(rg: Run, musterland_dir: Path) -> None:
    args = ("--name", WIDE, "-p", "measure=M-1-01")
    done = rg("query", *args, "-d", str(musterland_dir))
    assert done.exit_code == 0, done.output
    assert all(len(line) <= 80 for line in done.stdout.splitlines())
    printed = {w.strip("│┃") for line in done.stdout.splitlines() for w in line.split()}
    words = _words_of(musterland_dir, rg, *args) - {"true", "false"}
    assert words <= printed, words - printed
    assert "ja" in printed and "nein" in printed and "true" not in printed


def test_narrow_answer_is_a_table(rg: Run, musterland_dir: Path) -> None:
    done = rg("query", NARROW, "-d", str(musterland_dir))
    assert done.exit_code == 0, done.output
    lines = done.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    header = next(line for line in lines if "id" in line and "name" in line)
    assert header.startswith("┃")
    printed = {w.strip("│┃") for line in lines for w in line.split()}
    words = _words_of(musterland_dir, rg, NARROW)
    assert len(words) > 10 and words <= printed, words - printed


def test_analysis_tables_fit_80_columns_without_cut_words(rg: Run, musterland_dir: Path) -> None:
    import json
    import re

    as_json = rg("analyse", "luecken", "-f", "json", "-d", str(musterland_dir))
    cells = [c for t in json.loads(as_json.stdout)["tables"] for row in t["rows"] for c in row]
    words = {w for c in cells if isinstance(c, str) for w in re.split(r"[\s;]+", c) if w}
    done = rg("analyse", "luecken", "-d", str(musterland_dir))
    assert done.exit_code == 0, done.output
    lines = done.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines), max(lines, key=len)
    printed = {w for line in lines for w in re.split(r"[\s;]+", line) if w}
    assert len(words) > 20 and words <= printed, words - printed
