"""Content negotiation: parse an ``Accept`` header (RFC 9110 q-values, wildcards) and pick a type.

No maintained small library for this is among the project's dependencies, so this is a small,
tested parser: each offered media type gets the q-value of the *most specific* range matching
it (``text/turtle`` beats ``text/*`` beats ``*/*``); the highest q wins, ties go to the server's
order of preference; q=0 excludes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: What an absent Accept header means.
ANY = "*/*"


@dataclass(frozen=True)
class Range:
    """One media range of an Accept header."""

    type: str
    subtype: str
    q: float

    def specificity(self, media_type: str) -> int:
        """-1 if the range does not match ``media_type``, else 0 (``*/*``), 1 (``x/*``), 2 (exact)."""
        mtype, _, msub = media_type.partition("/")
        if self.type == "*":
            return 0 if self.subtype == "*" else -1
        if self.type != mtype:
            return -1
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == msub else -1


def _q(params: list[str]) -> float:
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "q":
            try:
                return min(max(float(value.strip()), 0.0), 1.0)
            except ValueError:
                return 0.0
    return 1.0


def parse_accept(header: str | None) -> list[Range]:
    """The media ranges of an Accept header; malformed items are skipped."""
    ranges = []
    for item in (header or ANY).split(","):
        media, *params = item.split(";")
        media = media.strip().lower()
        mtype, sep, subtype = media.partition("/")
        if not sep or not mtype or not subtype:
            continue
        ranges.append(Range(mtype, subtype, _q(params)))
    return ranges or [Range("*", "*", 1.0)]


def quality(ranges: Sequence[Range], media_type: str) -> float:
    """q-value the client gives ``media_type`` (0 when nothing matches)."""
    best, q = -1, 0.0
    for r in ranges:
        spec = r.specificity(media_type)
        if spec > best:
            best, q = spec, r.q
    return q


def choose(ranges: Sequence[Range], offers: Sequence[str]) -> tuple[str | None, float]:
    """The offered media type the client likes best (ties: the offer listed first) and its q."""
    best: str | None = None
    best_q = 0.0
    for offer in offers:
        q = quality(ranges, offer)
        if q > best_q:
            best, best_q = offer, q
    return best, best_q


def explicitly_accepts(ranges: Sequence[Range], media_type: str) -> bool:
    """Whether ``media_type`` is named exactly (not only via a wildcard) with q > 0."""
    return any(r.specificity(media_type) == 2 and r.q > 0 for r in ranges)
