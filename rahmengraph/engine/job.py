"""One query for the engine (:class:`Job`) and its answer (:class:`Answer`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import NamedTuple

from rahmengraph.errors import NotAcceptable, ParameterError
from rahmengraph.model.query_forms import query_form


class Formats(NamedTuple):
    """What a request accepts: results format key, graph format key (None: none), HTML."""

    results: str | None
    graph: str | None
    html: bool


#: Where a worker reads the data: ("path" | "copy", folder) or ("nquads", data).
Source = tuple[str, str | bytes]


@dataclass(frozen=True)
class Change:
    """A change of the store a worker applies before its job: an update to replay on its copy, or
    (``source``) open the store again."""

    update: str = ""
    base_iri: str | None = None
    source: Source | None = None


@dataclass(frozen=True)
class Job:
    query: str
    results: str | None  # key of RESULT_FORMATS, None: the client accepts none
    graph: str | None  # key of GRAPH_FORMATS
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    max_rows: int = 10_000
    base_iri: str | None = None  # relative IRIs in the query resolve against it (the endpoint)
    changes: tuple[Change, ...] = ()  # applied first; a job without a query only applies them


#: The fields of a :class:`Job` in order: a job travels to a worker as the plain tuple of its values
#: (pickling a tuple costs a fifth of pickling the dataclass).
_JOB_FIELDS = tuple(f.name for f in fields(Job))


def packed(job: Job) -> tuple[object, ...]:
    """``job`` as the tuple a worker gets (:func:`unpacked` makes the job again)."""
    return tuple([getattr(job, name) for name in _JOB_FIELDS])


def unpacked(values: tuple[object, ...]) -> Job:
    return Job(*values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Answer:
    body: bytes
    media_type: str
    truncated: bool = False


def job_for(
    query: str,
    formats: Formats,
    default_graphs: Sequence[str],
    named_graphs: Sequence[str],
    max_rows: int,
    base_iri: str | None,
) -> Job:
    """The job for a query from a client; refused when it is empty or no accepted format fits its form."""
    if not query.strip():
        raise ParameterError("Parameter query ist leer")
    form = query_form(query)
    if (form in ("SELECT", "ASK") and formats.results is None) or (
        form in ("CONSTRUCT", "DESCRIBE") and formats.graph is None
    ):
        raise NotAcceptable(f"Kein Format im Accept-Header passt zu einer {form}-Abfrage")
    if formats.results is None and formats.graph is None:
        raise NotAcceptable("Kein Format im Accept-Header passt zu SPARQL-Ergebnissen")
    return Job(
        query, formats.results, formats.graph, tuple(default_graphs), tuple(named_graphs), max_rows, base_iri
    )
