"""The graph answers the two responsibility questions with one short pattern each."""

from __future__ import annotations

from rahmengraph.model.namespaces import sparql_prologue
from rahmengraph.model.store import GraphStore

B = "https://w3id.org/rahmengraph/bremen/"
M = "https://w3id.org/rahmengraph/musterland/"


def _keys(store: GraphStore, query: str) -> set[tuple[str, ...]]:
    table = store.select(sparql_prologue() + query)
    return {tuple(v or "" for v in row.values()) for row in table.values()}


def test_who_leads_measure(bremen_store: GraphStore) -> None:
    rows = _keys(bremen_store, f"SELECT ?k WHERE {{ <{B}massnahme/M-3.10-02> rg:ledBy/skos:notation ?k }}")
    assert rows == {("SI",)}


def test_who_is_responsible_on_a_level_in_which_role(bremen_store: GraphStore) -> None:
    q = f"""SELECT ?k ?role WHERE {{
      <{B}massnahme/M-3.10-02> prov:qualifiedAssociation ?r .
      ?r rg:level <{B}ebene/stadt-bremerhaven> ; prov:agent/skos:notation ?k ; prov:hadRole ?role }}"""
    assert _keys(bremen_store, q) == {("BuO-BHV", "https://w3id.org/rahmengraph/ontology#partner")}


def test_stated_level_responsibility_differs_per_level(musterland_store: GraphStore) -> None:
    q = f"""SELECT ?level ?k WHERE {{
      <{M}massnahme/M-3-01> prov:qualifiedAssociation ?r .
      ?r prov:hadRole rg:lead ; rg:level/skos:notation ?level ; prov:agent/skos:notation ?k }}"""
    assert _keys(musterland_store, q) == {("land", "MSI"), ("kreis-sued", "AB-S")}


def test_every_measure_and_responsibility_has_a_source(bremen_store: GraphStore) -> None:
    q = """SELECT ?s WHERE { { ?s a rg:Measure } UNION { ?s a rg:Responsibility } UNION { ?s a rg:Goal }
           UNION { ?s a rg:GovernanceBody } MINUS { ?s dcterms:source ?src } }"""
    assert _keys(bremen_store, q) == set()


def test_recut_is_an_org_change_event(bremen_store: GraphStore) -> None:
    q = f"""SELECT ?k WHERE {{ ?c a org:ChangeEvent ; org:originalOrganization <{B}akteur/SJIS> ;
             org:resultingOrganization/skos:notation ?k }}"""
    assert _keys(bremen_store, q) == {("SASJI",), ("SIS",)}


def test_evidence_and_certainty_are_kept(bremen_store: GraphStore) -> None:
    q = f"SELECT ?e ?c WHERE {{ <{B}massnahme/M-3.10-02> rg:evidence ?e ; rg:certainty ?c }}"
    assert _keys(bremen_store, q) == {
        (
            "https://w3id.org/rahmengraph/ontology#evidenceFramework",
            "https://w3id.org/rahmengraph/ontology#certaintyHigh",
        )
    }
