"""Content negotiation: parse an ``Accept`` header (RFC 9110 q-values, wildcards), pick a type, and
choose the format of a SPARQL answer (``Accept`` or ``format=``).

No maintained small library for this is among the project's dependencies, so this is a small,
tested parser: each offered media type gets the q-value of the *most specific* range matching
it (``text/turtle`` beats ``text/*`` beats ``*/*``); the highest q wins, ties go to the server's
order of preference; q=0 excludes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from rahmengraph.engine.job import Formats
from rahmengraph.errors import ParameterError
from rahmengraph.model.formats import GRAPH_FORMATS, RESULT_FORMATS

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


HTML = "text/html"
#: Media type → results format key, in the server's order of preference (aliases last).
RESULT_OFFERS: Final = {
    **{f.media_type: k for k, f in RESULT_FORMATS.items()},
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
}
#: Media type → graph format key (only graph formats: N-Quads/TriG are for whole datasets).
GRAPH_OFFERS: Final = {
    **{f.media_type: k for k, f in GRAPH_FORMATS.items() if k in ("ttl", "nt", "jsonld", "rdfxml")},
    "application/x-turtle": "ttl",
    "application/turtle": "ttl",
    "text/plain": "nt",
    "application/json": "jsonld",
    "application/xml": "rdfxml",
}
#: Other spellings of ``format=`` values that clients send (SPARQLWrapper: ``turtle`` …).
FORMAT_ALIASES: Final = {
    "turtle": "ttl",
    "ntriples": "nt",
    "n-triples": "nt",
    "json-ld": "jsonld",
    "rdf": "rdfxml",
    "rdf+xml": "rdfxml",
}


def _by_format(value: str) -> tuple[str | None, str | None]:
    value = FORMAT_ALIASES.get(value.lower(), value)
    key = RESULT_OFFERS.get(value) or (value if value in RESULT_FORMATS else None)
    gkey = GRAPH_OFFERS.get(value) or (value if value in GRAPH_FORMATS else None)
    if key is None and gkey is None:
        known = ", ".join([*RESULT_FORMATS, *GRAPH_FORMATS])
        raise ParameterError(f"Parameter format: {value!r} unbekannt; bekannt: {known}")
    return key or "json", gkey or "ttl"


def negotiate(ranges: list[Range], fmt: str | None) -> Formats:
    """(results format key, graph format key, wants HTML) for a request."""
    if fmt:
        if fmt == "html":
            return Formats(None, None, True)
        results, graph = _by_format(fmt)
        return Formats(results, graph, False)
    rtype, rq = choose(ranges, list(RESULT_OFFERS))
    gtype, gq = choose(ranges, list(GRAPH_OFFERS))
    html = explicitly_accepts(ranges, HTML) and quality(ranges, HTML) >= max(rq, gq)
    return Formats(RESULT_OFFERS[rtype] if rtype else None, GRAPH_OFFERS[gtype] if gtype else None, html)


#: Accept headers up to this length have their negotiation remembered (clients repeat theirs).
_CACHED_ACCEPT = 512


@lru_cache(maxsize=256)
def _negotiated(accept: str | None, fmt: str | None) -> Formats:
    return negotiate(parse_accept(accept), fmt)


def formats_for(accept: str | None, fmt: str | None) -> Formats:
    """:func:`negotiate` for an Accept header, remembered for the usual (short) headers."""
    if accept is not None and len(accept) > _CACHED_ACCEPT:
        return negotiate(parse_accept(accept), fmt)
    return _negotiated(accept, fmt)


def query_formats(query: str, accept: str | None, fmt: str | None) -> Formats:
    """:func:`formats_for` a query; none for an empty one (:func:`~rahmengraph.engine.job.job_for`
    refuses that)."""
    return formats_for(accept, fmt) if query.strip() else Formats(None, None, False)
