"""The SHACL shapes: well-described, and exactly the expected results on every case folder."""

from __future__ import annotations

import json
from pathlib import Path

import pyshacl
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH

from rahmengraph.model import namespaces

CASES = Path(__file__).parent / "cases"
#: Base IRI of the test data in cases/ (focus nodes in expected.json are written relative to it).
TEST_BASE = namespaces.ROOT + "test/"
SEVERITIES = {SH.Violation, SH.Warning, SH.Info}
CASE_DIRS = sorted(p for p in CASES.iterdir() if (p / "data.ttl").is_file())

Result = tuple[str, str | None, str]


def curie(iri: str) -> str:
    for prefix, namespace in namespaces.PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri.removeprefix(namespace)}"
    return iri


def results(data: Graph, shapes: Graph) -> tuple[bool, list[Result]]:
    """Validate as the loader does (shapes only, warnings allowed); sorted (focus, path, severity)."""
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    assert isinstance(report, Graph)
    return bool(conforms), report_results(report)


def report_results(report: Graph) -> list[Result]:
    """(focus, path, severity) of every result of a SHACL validation report, sorted."""
    found: list[Result] = []
    for result in report.objects(None, SH.result):  # top-level results, not their sh:detail
        focus = str(report.value(result, SH.focusNode)).removeprefix(TEST_BASE)
        path = report.value(result, SH.resultPath)
        severity = report.value(result, SH.resultSeverity)
        assert isinstance(severity, URIRef)
        message = report.value(result, SH.resultMessage)
        assert isinstance(message, Literal) and message.language == "de", result
        found.append((focus, curie(str(path)) if path is not None else None, severity.fragment))
    return sorted(found, key=str)


def expected(path: Path) -> list[Result]:
    rows = json.loads(path.read_text(encoding="utf-8"))
    return sorted(((r["focus"], r["path"], r["severity"]) for r in rows), key=str)


def test_valid_dataset_has_only_the_expected_warnings(valid_data: Graph, shapes: Graph) -> None:
    conforms, found = results(valid_data, shapes)
    assert found == expected(CASES / "valid.expected.json")
    assert {severity for _, _, severity in found} == {"Warning"}
    assert conforms


@pytest.mark.parametrize("case", CASE_DIRS, ids=[p.name for p in CASE_DIRS])
def test_case_produces_exactly_the_expected_results(case: Path, shapes: Graph) -> None:
    data = Graph().parse(case / "data.ttl", format="turtle")
    want = expected(case / "expected.json")
    conforms, found = results(data, shapes)
    assert found == want
    assert conforms == all(severity != "Violation" for _, _, severity in want)


def test_cases_cover_the_required_rules() -> None:
    names = {p.name for p in CASE_DIRS}
    required = {
        "measure-without-field",
        "measure-without-source",
        "measure-unknown-level",
        "measure-without-lead",
        "bad-date",
        "responsibility-unknown-actor",
        "intersectional-one-component",
    }
    assert required <= names


def own_shapes(shapes: Graph) -> set[URIRef]:
    found = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape))
    assert not any(isinstance(s, BNode) for s in found), "shapes are named, not blank nodes"
    return {s for s in found if isinstance(s, URIRef)}


def test_every_shape_is_named_labelled_and_has_a_severity(shapes: Graph) -> None:
    found = own_shapes(shapes)
    assert found
    for shape in found:
        assert str(shape).startswith(namespaces.SHAPES), shape
        labels = [o for o in shapes.objects(shape, RDFS.label) if isinstance(o, Literal)]
        assert [o.language for o in labels] == ["de"], shape
        assert shapes.value(shape, SH.severity) in SEVERITIES, shape


def test_every_constraint_has_a_german_message(shapes: Graph) -> None:
    constrained = set(shapes.subjects(RDF.type, SH.PropertyShape)) | set(shapes.subjects(SH["or"], None))
    constrained = {s for s in constrained if isinstance(s, URIRef)}
    assert constrained
    for shape in constrained:
        messages = [o for o in shapes.objects(shape, SH.message) if isinstance(o, Literal)]
        assert [o.language for o in messages] == ["de"], shape


TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def test_every_property_shape_is_evaluated(shapes: Graph) -> None:
    """Used by a node shape or targeted itself: a shape with neither would never run."""
    property_shapes = set(shapes.subjects(RDF.type, SH.PropertyShape))
    used = set(shapes.objects(None, SH.property))
    targeted = {s for t in TARGETS for s in shapes.subjects(t, None)}
    assert property_shapes - used - targeted == set()


def test_standalone_property_shapes_target_the_users_of_their_path(shapes: Graph) -> None:
    """A reference or date check runs only on subjects that use its property (not on every node)."""
    used = set(shapes.objects(None, SH.property))
    standalone = set(shapes.subjects(RDF.type, SH.PropertyShape)) - used
    assert len(standalone) >= 25  # 19 reference and 6 date checks
    for shape in standalone:
        assert set(shapes.objects(shape, SH.targetSubjectsOf)) == {shapes.value(shape, SH.path)}, shape
