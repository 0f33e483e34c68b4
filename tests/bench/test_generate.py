"""The synthetic-framework generator: format, references, shape, determinism, and the real loader."""

from __future__ import annotations

import csv
import datetime as dt
import graphlib
import io
import re
from pathlib import Path

import pytest

from bench.generate import SYNTH_BASE, XSS_NAME, frameworks, generate, main
from rahmengraph.errors import ParameterError
from rahmengraph.model import value_lists
from rahmengraph.model.export import csv_files
from rahmengraph.model.loading.writing import load
from rahmengraph.model.ordering import natural_key
from rahmengraph.model.stores.oxigraph import OxigraphStore
from rahmengraph.model.tabulation import read_tables

README = Path(__file__).resolve().parents[2] / "data" / "README.md"
Table = list[dict[str, str]]

#: Key column of every keyed file.
KEYS = {
    "rahmen.csv": "id",
    "ebenen.csv": "name",
    "handlungsfelder.csv": "nummer",
    "ziele.csv": "id",
    "akteure.csv": "kuerzel",
    "zielgruppen.csv": "id",
    "massnahmen.csv": "id",
    "gremien.csv": "id",
    "vorhaben.csv": "id",
    "indikatoren.csv": "id",
}
#: (file, column, file whose keys the ;-separated items must be) per data/README.md.
REFS = [
    ("rahmen.csv", "beschlossen_von", "akteure.csv"),
    ("ebenen.csv", "uebergeordnet", "ebenen.csv"),
    ("akteure.csv", "ebene", "ebenen.csv"),
    ("akteure.csv", "nachfolger", "akteure.csv"),
    ("akteure.csv", "vorgaenger", "akteure.csv"),
    ("zielgruppen.csv", "oberbegriff", "zielgruppen.csv"),
    ("zielgruppen.csv", "schnitt_aus", "zielgruppen.csv"),
    ("massnahmen.csv", "handlungsfelder", "handlungsfelder.csv"),
    ("massnahmen.csv", "federfuehrend", "akteure.csv"),
    ("massnahmen.csv", "beteiligt", "akteure.csv"),
    ("massnahmen.csv", "ebene", "ebenen.csv"),
    ("massnahmen.csv", "zielgruppen", "zielgruppen.csv"),
    ("massnahmen.csv", "abhaengig_von", "massnahmen.csv"),
    ("zustaendigkeiten.csv", "massnahme", "massnahmen.csv"),
    ("zustaendigkeiten.csv", "akteur", "akteure.csv"),
    ("zustaendigkeiten.csv", "ebene", "ebenen.csv"),
    ("gremien.csv", "mitglieder", "akteure.csv"),
    ("gremien.csv", "akteur", "akteure.csv"),
    ("gremien.csv", "handlungsfelder", "handlungsfelder.csv"),
    ("vorhaben.csv", "federfuehrend", "akteure.csv"),
    ("vorhaben.csv", "bezug", "*"),
    ("ereignisse.csv", "bezug", "*"),
    ("indikatoren.csv", "handlungsfeld", "handlungsfelder.csv"),
    ("indikatoren.csv", "massnahmen", "massnahmen.csv"),
]
DATES = [
    ("rahmen.csv", "beschlossen"),
    ("akteure.csv", "gueltig_von"),
    ("akteure.csv", "gueltig_bis"),
    ("gremien.csv", "seit"),
    ("ereignisse.csv", "datum"),
]
SOURCE_COLUMN = {"massnahmen.csv": "quelle_url"}
#: Files without a source column: the mapping of status wordings is the dataset's own statement.
UNSOURCED = ("status_zuordnung.csv",)


def _split(cell: str) -> list[str]:
    return [x for x in cell.split(";") if x]


def _read(folder: Path, name: str) -> Table:
    return list(csv.DictReader(io.StringIO((folder / name).read_text(encoding="utf-8"), newline="")))


def _header(folder: Path, name: str) -> list[str]:
    return next(csv.reader(io.StringIO((folder / name).read_text(encoding="utf-8"))))


#: Optional columns in a file's one-line list: "optional [dahinter] `a` … und `b` …" to the first full stop.
OPTIONAL_LIST = r"optional (?:dahinter )?([^.]*)"


def _readme_columns() -> dict[str, list[str]]:
    """Columns per file as documented in data/README.md (tables, then the one-line lists)."""
    text = README.read_text(encoding="utf-8")
    found: dict[str, list[str]] = {}
    for m in re.finditer(r"^### (\w+\.csv)[^\n]*\n(.*?)(?=^### |\Z)", text, re.M | re.S):
        rows = re.findall(r"^\| `(\w+)` \|", m.group(2), re.M)
        if rows:
            found[m.group(1)] = rows
    for m in re.finditer(r"^- `(\w+\.csv)`: (.*?)(?=^- |^\s*$)", text, re.M | re.S):
        body = " ".join(m.group(2).split())
        columns = [c.strip() for c in re.findall(r"`([^`]+)`", body)[0].split(",")]
        optional = re.search(OPTIONAL_LIST, body)
        found[m.group(1)] = columns + (re.findall(r"`(\w+)`", optional.group(1)) if optional else [])
    return found


@pytest.fixture(scope="module")
def bremen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    [folder] = generate("bremen", tmp_path_factory.mktemp("synth"), seed=42)
    return folder


@pytest.fixture(scope="module")
def tables(bremen: Path) -> dict[str, Table]:
    return {p.name: _read(bremen, p.name) for p in sorted(bremen.glob("*.csv"))}


def _optional_files() -> set[str]:
    """Files whose section in data/README.md is headed "(optional)"."""
    text = README.read_text(encoding="utf-8")
    return set(re.findall(r"^### (\w+\.csv) \(optional\)", text, re.M))


def test_every_file_has_the_readme_header(bremen: Path) -> None:
    # the edition catalogue and change records are documented too, but written only with editions
    documented = {k: v for k, v in _readme_columns().items() if k not in ("ausgaben.csv", "aenderungen.csv")}
    written = {p.name for p in bremen.glob("*.csv")}
    assert written <= set(documented), sorted(written - set(documented))
    assert set(documented) - _optional_files() <= written, sorted(set(documented) - written)
    optional = _optional_columns()
    for name in written:
        header = _header(bremen, name)
        expected = [c for c in documented[name] if c in header or (name, c) not in optional]
        assert header == expected, name


def _optional_columns() -> set[tuple[str, str]]:
    """(file, column) whose row in a data/README.md table starts "optional"."""
    text = README.read_text(encoding="utf-8")
    found: set[tuple[str, str]] = set()
    for m in re.finditer(r"^### (\w+\.csv)[^\n]*\n(.*?)(?=^### |\Z)", text, re.M | re.S):
        found |= {(m.group(1), c) for c in re.findall(r"^\| `(\w+)` \| optional", m.group(2), re.M)}
    for m in re.finditer(r"^- `(\w+\.csv)`: (.*?)(?=^- |^\s*$)", text, re.M | re.S):
        optional = re.search(OPTIONAL_LIST, " ".join(m.group(2).split()))
        found |= {(m.group(1), c) for c in re.findall(r"`(\w+)`", optional.group(1))} if optional else set()
    return found


def test_csv_is_canonical_utf8_lf_minimal_quoting(bremen: Path) -> None:
    for path in bremen.glob("*.csv"):
        text = path.read_bytes().decode("utf-8")
        assert "\r" not in text and text.endswith("\n")
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(csv.reader(io.StringIO(text, newline="")))
        assert out.getvalue() == text, path.name


@pytest.mark.parametrize(("name", "column", "target"), REFS, ids=[f"{f}:{c}" for f, c, _ in REFS])
def test_references_resolve(tables: dict[str, Table], name: str, column: str, target: str) -> None:
    targets = list(KEYS) if target == "*" else [target]
    known = {row[KEYS[t]] for t in targets for row in tables[t]}
    items = [item for row in tables[name] for item in _split(row[column])]
    assert items, f"{name}:{column} is never filled"
    assert sorted(set(items) - known) == []


def test_ids_are_unique_and_every_row_has_https_sources(tables: dict[str, Table]) -> None:
    for name, key in KEYS.items():
        keys = [row[key] for row in tables[name]]
        assert all(keys) and len(keys) == len(set(keys)), name
    for name, rows in tables.items():
        if name in UNSOURCED:
            continue
        for row in rows:
            sources = row[SOURCE_COLUMN.get(name, "quelle")].split(" | ")
            assert sources and all(s.startswith("https://") for s in sources), (name, row)


@pytest.mark.parametrize(("name", "column"), DATES)
def test_dates_are_iso(tables: dict[str, Table], name: str, column: str) -> None:
    values = [row[column] for row in tables[name] if row[column]]
    assert values
    for value in values:
        parts = [int(p) for p in value.split("-")] + [1, 1]
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value) and dt.date(*parts[:3]), value


def test_rows_are_in_canonical_order(tables: dict[str, Table]) -> None:
    for name, key in KEYS.items():
        if name != "ebenen.csv":  # levels keep their declared order (the exporter's order too)
            keys = [row[key] for row in tables[name]]
            assert keys == sorted(keys, key=natural_key), name
    events = [(row["datum"], row["ereignis"]) for row in tables["ereignisse.csv"]]
    assert events == sorted(events)
    assert tables["ebenen.csv"][0]["name"] == "Land"


def test_shape_is_realistic(tables: dict[str, Table]) -> None:
    measures, actors = tables["massnahmen.csv"], tables["akteure.csv"]
    assert [r["nummer"] for r in tables["handlungsfelder.csv"]] == [f"3.{i}" for i in range(1, 14)]
    assert len(tables["ziele.csv"]) == 4 and 90 <= len(measures) <= 110
    levels = tables["ebenen.csv"]
    assert 3 <= len(levels) <= 5 and {r["typ"] for r in levels} <= set(value_lists.LEVEL_KINDS)
    assert {r["typ"] for r in actors} <= set(value_lists.ACTOR_TYPES)
    departments = [r for r in actors if r["typ"] == "Senatsressort"]
    assert sum(1 for r in departments if r["gueltig_bis"]) == 12 and len(departments) >= 24
    assert any(len(_split(r["nachfolger"])) == 2 for r in actors)  # a split
    assert any(len(_split(r["vorgaenger"])) == 2 for r in actors)  # a merge
    groups = tables["zielgruppen.csv"]
    assert 50 <= len(groups) <= 70 and {r["dimension"] for r in groups} <= set(value_lists.DIMENSIONS)
    assert 6 <= sum(1 for r in groups if r["schnitt_aus"]) <= 10
    assert all(2 <= len(_split(r["schnitt_aus"])) <= 3 for r in groups if r["schnitt_aus"])
    assert any(r["oberbegriff"] for r in groups)


def test_measures_look_like_the_bremen_facts(tables: dict[str, Table]) -> None:
    measures = tables["massnahmen.csv"]
    successors = {r["kuerzel"]: _split(r["nachfolger"]) for r in tables["akteure.csv"]}
    for m in measures:
        assert m["id"].split("-")[1] == _split(m["handlungsfelder"])[0]
        assert 1 <= len(_split(m["federfuehrend"]) + _split(m["beteiligt"])) <= 3
        assert 1 <= len(_split(m["zielgruppen"])) <= 4 and 1 <= len(_split(m["ebene"])) <= 2
        assert m["beleg"] in value_lists.EVIDENCE and m["sicherheit"].split(":")[0] in value_lists.CERTAINTY
    # a lead moved with the re-cut: the earlier lead in federfuehrung_bisher, its successor leads now
    moved = [(m["federfuehrung_bisher"], m["federfuehrend"]) for m in measures if m["federfuehrung_bisher"]]
    assert moved and all(new in successors[old] for old, new in moved)
    assert all(";" not in m["federfuehrend"] for m in measures)  # no joint leads in the synthetic data
    assert any(not m["federfuehrend"] for m in measures)  # a visible gap
    deps = {m["id"]: _split(m["abhaengig_von"]) for m in measures}
    assert any(deps.values())
    list(graphlib.TopologicalSorter(deps).static_order())  # raises CycleError on a cycle
    measured = {i for r in tables["indikatoren.csv"] for i in _split(r["massnahmen"])}
    assert 0.4 <= len(measured) / len(measures) <= 0.6
    assert tables["zustaendigkeiten.csv"] and tables["gremien.csv"] and tables["vorhaben.csv"]


def test_same_seed_same_bytes_other_seed_other_bytes(bremen: Path, tmp_path: Path) -> None:
    def files(folder: Path) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))}

    [again] = generate("bremen", tmp_path / "again", seed=42)
    [other] = generate("bremen", tmp_path / "other", seed=43)
    assert files(again) == files(bremen)
    assert files(other) != files(bremen)


def test_laender_scale_has_16_frameworks_of_the_expected_size(tmp_path: Path) -> None:
    folders = generate("laender", tmp_path, seed=7)
    assert len(folders) == 16
    bases = [_read(f, "rahmen.csv")[0]["basis_iri"] for f in folders]
    assert bases == [f"{SYNTH_BASE}{f.name}/" for f in folders]
    measures = sum(len(_read(f, "massnahmen.csv")) for f in folders)
    cells = sum(len(_read(f, p.name)) * len(_header(f, p.name)) for f in folders for p in f.glob("*.csv"))
    assert 550 <= measures <= 750  # ~40 per Land
    assert 20_000 <= cells <= 35_000  # rows × columns ≈ triples / 2.2 (measured on bremen): ~50k triples


def test_kreise_scale_plans_16_laender_and_400_districts() -> None:
    plan = list(frameworks("kreise"))
    assert len(plan) == 416 and sum(1 for _, profile in plan if profile == "kreis") == 400
    assert len({name for name, _ in plan}) == 416


def test_xss_names_exactly_one_measure(tmp_path: Path, tables: dict[str, Table]) -> None:
    [folder] = generate("bremen", tmp_path, seed=42, xss=True)
    assert [m["name"] for m in _read(folder, "massnahmen.csv")].count(XSS_NAME) == 1
    assert all(m["name"] != XSS_NAME for m in tables["massnahmen.csv"])


def test_unknown_scale_is_a_parameter_error(tmp_path: Path) -> None:
    with pytest.raises(ParameterError, match="'mond'"):
        generate("mond", tmp_path)


def test_cli_writes_the_datasets(tmp_path: Path) -> None:
    assert main(["--scale", "bremen", "--out", str(tmp_path), "--seed", "3"]) == 0
    assert (tmp_path / "bremen" / "massnahmen.csv").is_file()


def test_the_loader_reads_it_and_the_exporter_writes_it_back(bremen: Path) -> None:
    store = OxigraphStore()
    ds = load(store, bremen)
    assert 3_000 <= store.count(ds.graph) <= 8_000
    exported = csv_files(read_tables(store, ds.graph))
    assert exported == {p.name: p.read_text(encoding="utf-8") for p in bremen.glob("*.csv")}


def test_editions_load_and_change_about_a_tenth_each_time(tmp_path: Path) -> None:
    from rahmengraph.model.edition_build import read_with_editions

    [folder] = generate("bremen", tmp_path, seed=42, editions=4)
    ds = read_with_editions(folder)
    assert ds.editions is not None and len(ds.editions.editions) == 4
    measures = len(_read(folder, "massnahmen.csv"))
    for before, after in zip(ds.editions.editions, ds.editions.editions[1:], strict=False):
        changed = [c for c in ds.editions.changes if c.after == after.version and c.kind == "measure"]
        assert 0.1 * measures <= len(changed) <= 0.3 * measures, (before.version, len(changed))
