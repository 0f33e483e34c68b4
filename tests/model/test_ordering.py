"""The one natural sort key: numbers as numbers, text case-insensitively."""

from __future__ import annotations

import pytest

from rahmengraph.model.ordering import natural_key


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (["3.10", "3.2", "3.1"], ["3.1", "3.2", "3.10"]),
        (
            ["M-3.10-01", "M-3.2-01", "M-3.2-10", "M-3.2-02"],
            ["M-3.2-01", "M-3.2-02", "M-3.2-10", "M-3.10-01"],
        ),
        (["beta", "Alpha", "alpha2", "ALPHA10"], ["Alpha", "alpha2", "ALPHA10", "beta"]),
        (["Straße", "STRASSE A"], ["Straße", "STRASSE A"]),
    ],
)
def test_natural_order(given: list[str], expected: list[str]) -> None:
    assert sorted(given, key=natural_key) == expected
