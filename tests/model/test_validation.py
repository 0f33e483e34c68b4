"""SHACL: Bremen has no violations; its gaps are warnings; broken data is a violation."""

from __future__ import annotations

from rahmengraph.model.store import GraphStore
from rahmengraph.model.validation import validate

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
    from rahmengraph.model.validation import validate_graph

    data = rdflib.Graph()
    data.parse(data=musterland_store.dump(GRAPH_FORMATS["nt"], MUSTER), format="nt")
    measure = rdflib.URIRef(MUSTER + "massnahme/M-1-02")
    data.remove((measure, rdflib.RDFS.label, None))  # a measure without a name (without field: a warning)
    report = validate_graph(data, MUSTER)
    assert not report.conforms
    assert any(f.focus_key == "M-1-02" and f.severity == "Verstoß" for f in report.findings)
    assert "UNGÜLTIG" in report.text()
