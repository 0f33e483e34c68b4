"""Editions on the command line: ``diff``, ``ausgabe neu`` (nothing written before confirmation),
``--stand``."""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from rahmengraph.model import asof
from rahmengraph.model.analysis import ANALYSES
from rahmengraph.model.analysis.render import report_csv
from rahmengraph.model.change_list import between
from rahmengraph.model.edition_build import read_with_editions as read_dataset
from rahmengraph.model.filters import Filters
from rahmengraph.model.loading.writing import load
from rahmengraph.model.store import GraphStore
from rahmengraph.model.stores.oxigraph import OxigraphStore
from tests.cli.conftest import Run


def test_diff_as_csv_and_json(rg: Run, musterland_dir: Path) -> None:
    done = rg("diff", "2019", "2021-03", "-f", "csv", "-d", str(musterland_dir))
    assert done.exit_code == 0, done.output
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert ("aufgeteilt", "M-2-03", "M-2-01;M-2-04") in {(r["art"], r["id"], r["nachfolger"]) for r in rows}
    done = rg("diff", "2021-03", "-f", "json", "--art", "Zuständigkeit übertragen", "-d", str(musterland_dir))
    doc = json.loads(done.stdout)
    assert (doc["bis"], [(r["id"], r["uebertragung"]) for r in doc["aenderungen"]]) == (
        "2023-06-30",
        [("M-1-01", "Neuschnitt"), ("M-4-02", "Entscheidung")],
    )


def test_query_as_of(rg: Run, musterland_dir: Path) -> None:
    done = rg(
        "query",
        "-n",
        "zustaendig-heute",
        "-p",
        "measure=M-1-01",
        "--stand",
        "2021-03",
        "-f",
        "csv",
        "-d",
        str(musterland_dir),
    )
    assert done.exit_code == 0, done.output
    assert [r["heute"] for r in csv.DictReader(io.StringIO(done.stdout))] == ["MSI"]
    assert "Ausgabe 2021-03" in done.output


def test_analysis_as_of(rg: Run, musterland_dir: Path, musterland_store: GraphStore) -> None:
    done = rg("analyse", "messbarkeit", "--stand", "2019", "-f", "csv", "-d", str(musterland_dir))
    assert done.exit_code == 0, done.output
    old = ANALYSES["messbarkeit"].run(asof.resolve(musterland_store, "2019")[0], Filters())
    assert done.stdout == report_csv(old).replace("\r\n", "\n")
    assert report_csv(old) != report_csv(ANALYSES["messbarkeit"].run(musterland_store, Filters()))


@pytest.mark.parametrize("target", ["export", "export.zip"])
def test_exported_dataset_loads_again_with_its_editions(
    rg: Run, musterland_dir: Path, tmp_path: Path, target: str
) -> None:
    done = rg("export", "-f", "csv", "-o", str(tmp_path / target), "-d", str(musterland_dir))
    assert done.exit_code == 0, done.output
    folder = tmp_path / "export"
    if target.endswith(".zip"):
        with zipfile.ZipFile(tmp_path / target) as z:
            z.extractall(folder)
    assert (folder / "ausgaben.csv").exists() and (folder / "aenderungen.csv").exists()
    assert sorted(p.name for p in (folder / "ausgaben").iterdir()) == ["2019", "2021-03"]
    original, again = OxigraphStore(), OxigraphStore()
    load(original, musterland_dir)
    load(again, folder)
    assert [e.version for e in asof.editions(again)] == ["2019", "2021-03", "2023-06-30"]
    assert between(again, "2019", "2023-06-30").rows() == between(original, "2019", "2023-06-30").rows()
    quads = {str(q) for q in original.native.quads_for_pattern(None, None, None, None)}
    assert {str(q) for q in again.native.quads_for_pattern(None, None, None, None)} == quads


@pytest.fixture
def dataset(tmp_path: Path, musterland_dir: Path) -> Path:
    folder = tmp_path / "musterland"
    shutil.copytree(musterland_dir, folder)
    return folder


@pytest.fixture
def new_edition(tmp_path: Path, musterland_dir: Path) -> Path:
    """The current tables with one measure ended (as a planner would edit an export)."""
    folder = tmp_path / "neu"
    folder.mkdir()
    for f in musterland_dir.glob("*.csv"):
        if f.name not in ("ausgaben.csv", "aenderungen.csv"):
            shutil.copy(f, folder / f.name)
    measures = (folder / "massnahmen.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (folder / "massnahmen.csv").write_text(
        "".join(m for m in measures if not m.startswith("M-4-02,")), encoding="utf-8"
    )
    (folder / "aenderungen.csv").write_text(
        "datum,massnahme,art,was,quelle,sicherheit,anmerkung\n"
        "2024-02-01,M-4-02,eingestellt,Das Projekt endet.,https://musterland.example/2024.pdf,"
        "hoch: Beschluss,\n",
        encoding="utf-8",
    )
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_new_edition_written_only_with_confirmation(rg: Run, dataset: Path, new_edition: Path) -> None:
    before = _snapshot(dataset)
    args = (
        "ausgabe",
        "neu",
        "--aus",
        str(new_edition),
        "--datum",
        "2024-03-01",
        "--gremium",
        "G-STEUER",
        "--quelle",
        "https://musterland.example/2024.pdf",
        "-d",
        str(dataset),
    )
    declined = rg(*args)  # no terminal input: the confirmation is refused
    assert declined.exit_code != 0 and "Nichts geschrieben" in declined.output
    assert "M-4-02" in declined.output
    assert _snapshot(dataset) == before
    done = rg(*args, "--ja")
    assert done.exit_code == 0, done.output
    ds = read_dataset(dataset)
    assert ds.editions is not None
    assert [e.version for e in ds.editions.editions] == ["2019", "2021-03", "2023-06-30", "2024-03-01"]
    assert (dataset / "ausgaben" / "2023-06-30" / "massnahmen.csv").read_bytes() == before["massnahmen.csv"]
    ended = [c for c in ds.editions.changes if c.after == "2024-03-01"]
    assert [(c.type, c.id, bool(c.records)) for c in ended] == [("eingestellt", "M-4-02", True)]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("--datum", "2020-01-01"), "nicht nach der aktuellen Ausgabe '2023-06-30'"),
        (("--gremium", "RAT"), "unbekanntes Gremium oder Akteur 'RAT'"),
        (("--aus", "kaputt.xlsx"), "Arbeitsmappe nicht lesbar"),
    ],
)
def test_bad_new_edition_writes_nothing(
    rg: Run, dataset: Path, new_edition: Path, tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    (tmp_path / "kaputt.xlsx").write_bytes(b"PK\x03\x04 kein echtes xlsx")
    values = {"--aus": str(new_edition), "--datum": "2024-03-01", "--gremium": "G-STEUER"}
    key, value = change
    values[key] = str(tmp_path / value) if key == "--aus" else value
    before = _snapshot(dataset)
    args = [x for kv in values.items() for x in kv]
    done = rg(
        "ausgabe", "neu", *args, "--quelle", "https://musterland.example/2024.pdf", "--ja", "-d", str(dataset)
    )
    assert done.exit_code == 2 and message in done.output, done.output
    assert _snapshot(dataset) == before
