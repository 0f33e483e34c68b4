"""SHACL: Bremen has no violations; its gaps are warnings; broken data is a violation."""

from __future__ import annotations

import gc
import json
from pathlib import Path

from rahmengraph.model.store import GraphStore
from rahmengraph.model.validation import FILE, validate

BREMEN = "https://w3id.org/rahmengraph/bremen/"
MUSTER = "https://w3id.org/rahmengraph/musterland/"


def test_bremen_conforms_with_warnings(bremen_store: GraphStore) -> None:
    report = validate(bremen_store, BREMEN)
    assert report.violations == []
    no_lead = [f for f in report.warnings if "Federführung" in f.message]
    assert {f.focus_key for f in no_lead} >= {"K-3.6-02", "K-3.6-06"}
    assert "Ergebnis: gültig" in report.text()


def test_musterland_warns_about_missing_lead_and_dissolved_department(musterland_store: GraphStore) -> None:
    report = validate(musterland_store, MUSTER)
    assert report.conforms
    keys = {(f.focus_key, f.severity) for f in report.warnings}
    assert ("M-2-02", "Warnung") in keys
    assert ("MW", "Warnung") in keys


def test_violation_is_reported(musterland_store: GraphStore) -> None:
    import rdflib

    from rahmengraph.model.formats import GRAPH_FORMATS
    from rahmengraph.model.shacl import validate_graph

    data = rdflib.Graph()
    data.parse(data=musterland_store.dump(GRAPH_FORMATS["nt"], MUSTER), format="nt")
    measure = rdflib.URIRef(MUSTER + "massnahme/M-1-02")
    data.remove((measure, rdflib.RDFS.label, None))  # a measure without a name (without field: a warning)
    report = validate_graph(data, MUSTER)
    assert not report.conforms
    assert any(f.focus_key == "M-1-02" and f.severity == "Verstoß" for f in report.findings)
    assert "UNGÜLTIG" in report.text()


def test_a_child_process_finds_what_pyshacl_finds_here(musterland_store: GraphStore) -> None:
    from rahmengraph.model.formats import GRAPH_FORMATS
    from rahmengraph.model.shacl import check
    from rahmengraph.model.validation import _apart

    text = musterland_store.dump(GRAPH_FORMATS["nt"], MUSTER)
    assert list(_apart([(MUSTER, text)] * 2)) == [(MUSTER, check(text, MUSTER))] * 2  # one child, twice


def test_an_on_disk_store_keeps_its_findings_for_the_next_start(musterland_dir: Path, tmp_path: Path) -> None:
    from rahmengraph.model.loading.writing import load
    from rahmengraph.model.stores.oxigraph import OxigraphStore

    store = OxigraphStore(tmp_path / "speicher")
    load(store, musterland_dir, reuse=True)
    first = validate(store, MUSTER)
    assert (tmp_path / "speicher" / FILE).is_file()
    store.close()
    del store  # a new start: nothing in this process's memory, RocksDB's lock released
    gc.collect()
    again = OxigraphStore(tmp_path / "speicher")
    assert validate(again, MUSTER).findings == first.findings
    kept = json.loads((tmp_path / "speicher" / FILE).read_text(encoding="utf-8"))[MUSTER]["key"]
    again.update(f'INSERT DATA {{ GRAPH <{MUSTER}> {{ <{MUSTER}massnahme/M-1-02> <urn:p> "x" }} }}')
    validate(again, MUSTER)  # another state: checked again and kept under its own key
    assert json.loads((tmp_path / "speicher" / FILE).read_text(encoding="utf-8"))[MUSTER]["key"] != kept
