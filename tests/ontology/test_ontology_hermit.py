"""OWL 2 DL: HermiT (through owlready2, on Debian's Java) reasons over the ontology plus data.

HermiT accepts only literals of the OWL 2 datatype map; the dates are annotations for this reason
(docs/graph.md, "Datumsangaben und OWL 2 DL"). Valid data are consistent, the hand-made clashes
of ``inconsistent/`` are found.
"""

from __future__ import annotations

from pathlib import Path

import owlready2
import pytest
from rdflib import Graph

from rahmengraph.model.formats import GRAPH_FORMATS
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.ontology import ontology_graph
from rahmengraph.model.store import GraphStore

INCONSISTENT = sorted((Path(__file__).parent / "inconsistent").glob("*.ttl"))


def hermit(tmp_path: Path, data: Graph) -> None:
    """Run HermiT over ontology + ``data`` (raises owlready2's error on an inconsistency)."""
    files = {"ontologie.nt": ontology_graph(), "daten.nt": data}
    world = owlready2.World()
    for name, graph in files.items():
        graph.serialize(tmp_path / name, format="nt", encoding="utf-8")
        world.get_ontology((tmp_path / name).as_uri()).load(format="ntriples")
    owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)


def test_bremen_data_is_consistent_for_hermit(
    tmp_path: Path, bremen_loaded: tuple[GraphStore, Dataset]
) -> None:
    store, ds = bremen_loaded
    data = Graph().parse(data=store.dump(GRAPH_FORMATS["nt"], ds.graph), format="nt")
    assert len(data) > 5000
    hermit(tmp_path, data)  # an unsupported datatype or a clash raises


@pytest.mark.parametrize("case", INCONSISTENT, ids=[p.stem for p in INCONSISTENT])
def test_hermit_finds_the_clashes(tmp_path: Path, case: Path) -> None:
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        hermit(tmp_path, Graph().parse(case, format="turtle"))
