"""``rahmengraph beteiligung`` with several frameworks (``-d A -d B``): open an event for one
(``--rahmen``), list every framework's events, import a file into the framework of its targets,
export it."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.cli.conftest import Run

CASE = Path(__file__).resolve().parents[1] / "cases" / "beteiligung" / "fachtag.beteiligung.json"


def test_events_of_two_frameworks_on_the_command_line(
    rg: Run, tmp_path: Path, musterland_dir: Path, hansestadt_dir: Path
) -> None:
    store = f"oxigraph:{tmp_path / 'store'}"
    both = ("-d", str(musterland_dir), "-d", str(hansestadt_dir))
    window = (
        "--datum",
        "2026-11-30",
        "--beginn",
        "2026-11-30T09:00+01:00",
        "--ende",
        "2026-11-30T17:00+01:00",
    )
    north = ("--feld", "2", "--rahmen", "nordhafen-2017")
    opened = rg("beteiligung", "neu", "--titel", "Forum", *window, *north, *both, store=store)
    assert opened.exit_code == 0, opened.output
    wrong = rg("beteiligung", "neu", "--titel", "Forum", *window, "--rahmen", "atlantis", *both, store=store)
    assert wrong.exit_code != 0 and "Parameter rahmen" in " ".join(wrong.output.split())
    imported = rg("beteiligung", "import", str(CASE), *both, store=store)
    assert imported.exit_code == 0, imported.output
    assert "fachtag-2026: 4 neu, 0 schon da" in imported.stdout

    listed = rg("beteiligung", "liste", *both, store=store)
    assert listed.exit_code == 0, listed.output
    for said in ("nordhafen-2017", "Forum", "musterland-2021", "fachtag-2026"):
        assert said in listed.stdout

    out = tmp_path / "fachtag.csv"
    exported = rg("beteiligung", "export", "fachtag-2026", "-o", str(out), *both, store=store)
    assert exported.exit_code == 0, exported.output
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert len(rows) == 4 and rows[0]["ziel_name"] == "Sprachkurse für Zugewanderte"
