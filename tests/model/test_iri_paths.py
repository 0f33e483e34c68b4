"""Where a project IRI is served: the path of an IRI and the IRI of a path."""

from __future__ import annotations

import pytest

from rahmengraph.model.iri_paths import iri_for_path, local_path

MEASURE = "https://w3id.org/rahmengraph/musterland/massnahme/M-1-01"


@pytest.mark.parametrize(
    ("iri", "path"),
    [
        (MEASURE, "/musterland/massnahme/M-1-01"),
        ("https://w3id.org/rahmengraph/ontology#Measure", "/ontology"),
        ("https://w3id.org/rahmengraph/bremen/akteur/%C3%84", "/bremen/akteur/%C3%84"),
        ("http://example.org/x", None),
    ],
)
def test_url_scheme(iri: str, path: str | None) -> None:
    assert local_path(iri) == path
    if path is not None:
        assert iri_for_path(path) == iri.split("#")[0]
