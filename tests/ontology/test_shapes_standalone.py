"""``shapes.ttl`` is self-sufficient: the real pySHACL command line, given only the shapes and the
data, reports what ``rahmengraph validate`` reports (on every case folder and on the download
bundle), and the subclass lists in the shapes stay equal to the ontology's class hierarchy."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from importlib import resources
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH

from rahmengraph.model import namespaces, vocab
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.ontology import ontology_graph, shapes_graph
from rahmengraph.model.store import GraphStore
from rahmengraph.model.validation import validate
from rahmengraph.viz.distribution import DISTRIBUTIONS
from tests.ontology.test_ontology_shapes import CASE_DIRS, CASES, expected, report_results

PYSHACL = Path(sys.executable).with_name("pyshacl")


def pyshacl_cli(shapes: Path, data: Path) -> Graph:
    """Run ``pyshacl -s SHAPES -f turtle DATA`` and parse its report."""
    done = subprocess.run(
        [str(PYSHACL), "-s", str(shapes), "-f", "turtle", str(data)], capture_output=True, text=True
    )
    assert done.returncode in (0, 1), done.stderr  # 0 conforms, 1 does not, else an error
    return Graph().parse(data=done.stdout, format="turtle")


@pytest.fixture(scope="module")
def shapes_file() -> Path:
    return Path(str(resources.files("rahmengraph.ontology").joinpath("shapes.ttl")))


@pytest.mark.parametrize(
    "data",
    [*(c / "data.ttl" for c in CASE_DIRS), CASES / "valid.ttl"],
    ids=[*(c.name for c in CASE_DIRS), "valid"],
)
def test_pyshacl_cli_with_shapes_alone_gives_the_expected_results(shapes_file: Path, data: Path) -> None:
    want = CASES / "valid.expected.json" if data.name == "valid.ttl" else data.with_name("expected.json")
    assert report_results(pyshacl_cli(shapes_file, data)) == expected(want)


def test_bundle_runs_in_pyshacl_as_rahmengraph_validate(
    tmp_path: Path, bremen_loaded: tuple[GraphStore, Dataset]
) -> None:
    store, ds = bremen_loaded
    with zipfile.ZipFile(io.BytesIO(DISTRIBUTIONS["pruefpaket"].produce(store, ds.graph))) as bundle:
        assert set(bundle.namelist()) == {"daten.ttl", "shapes.ttl", "rahmengraph.ttl", "LIESMICH.txt"}
        bundle.extractall(tmp_path)
    report = pyshacl_cli(tmp_path / "shapes.ttl", tmp_path / "daten.ttl")
    found = sorted(
        (
            str(report.value(r, SH.focusNode)),
            str(report.value(r, SH.resultPath)),
            str(report.value(r, SH.resultMessage)),
        )
        for r in report.objects(None, SH.result)
    )
    ours = sorted((f.focus, str(f.path), f.message) for f in validate(store, ds.graph).findings)
    assert found == ours
    assert len(ours) >= 20  # Bremen: measures without a lead or a level are reported


def _subclasses(ontology: Graph, cls: URIRef) -> set[URIRef]:
    return {c for c in ontology.transitive_subjects(RDFS.subClassOf, cls) if isinstance(c, URIRef)}


def test_shapes_list_every_subclass_the_ontology_has() -> None:
    ontology, shapes = ontology_graph(), shapes_graph()
    for shape in {s for s in shapes.subjects(SH.targetClass, None)}:
        targets = set(shapes.objects(shape, SH.targetClass))
        for cls in targets:
            assert _subclasses(ontology, URIRef(cls)) <= targets, (shape, cls)
    for name, cls in (("IsActor", vocab.ACTOR), ("IsTargetGroup", vocab.TARGET_GROUP)):
        alternatives = Collection(shapes, shapes.value(URIRef(namespaces.SHAPES + name), SH["or"]))
        listed = {shapes.value(a, SH["class"]) for a in alternatives}
        assert listed == _subclasses(ontology, URIRef(cls)), name
    dimension = URIRef(namespaces.SHAPES + "DimensionReferenceShape")
    allowed = set(Collection(shapes, shapes.value(dimension, SH["in"])))
    assert allowed == set(ontology.subjects(RDF.type, URIRef(namespaces.RG + "DiversityDimension")))
    assert not list(shapes.subjects(SH["class"], URIRef(namespaces.RG + "DiversityDimension")))
