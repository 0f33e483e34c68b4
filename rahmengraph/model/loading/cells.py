"""Typed cell values, validated with pydantic on the way in.

Each adapter turns a cell string into its value or raises :class:`pydantic.ValidationError`;
the loader turns that into a located :class:`rahmengraph.errors.Problem`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Final

import pyoxigraph as ox
from pydantic import AfterValidator, TypeAdapter, ValidationError

from rahmengraph.model import vocab as v

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _iso_date(value: str) -> str:
    m = _ISO.match(value)
    if not m:
        raise ValueError("kein ISO-Datum (JJJJ-MM-TT, JJJJ-MM oder JJJJ)")
    year, month, day = m.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise ValueError(f"kein gültiges Datum: {exc}") from exc
    return value


def _base_iri(value: str) -> str:
    if not value.endswith("/") and not value.endswith("#"):
        raise ValueError("die Basis-IRI muss auf / oder # enden")
    if not value.startswith(("http://", "https://")):
        raise ValueError("die Basis-IRI muss mit http:// oder https:// beginnen")
    ox.NamedNode(value)  # raises ValueError on an invalid IRI
    return value


IsoDate = Annotated[str, AfterValidator(_iso_date)]
BaseIri = Annotated[str, AfterValidator(_base_iri)]

DATE: Final = TypeAdapter(IsoDate)
INT: Final = TypeAdapter(int)
BASE_IRI: Final = TypeAdapter(BaseIri)

#: Datatype of an ISO date by its length (day, month, year precision).
DATE_DATATYPES: Final = {
    10: ox.NamedNode(v.XSD + "date"),
    7: ox.NamedNode(v.XSD + "gYearMonth"),
    4: ox.NamedNode(v.XSD + "gYear"),
}
#: OWL-Time property for an event's date by precision.
TIME_PROPERTIES: Final = {10: v.IN_XSD_DATE, 7: v.IN_XSD_GYEAR_MONTH, 4: v.IN_XSD_GYEAR}

_CERTAINTY = re.compile(r"^(\w+)\s*(?::\s*(.*))?$", re.DOTALL)


def certainty(cell: str) -> tuple[v.Term, str]:
    """Split ``hoch: Begründung`` into the certainty term and the reason."""
    m = _CERTAINTY.match(cell)
    if not m or m.group(1) not in v.CERTAINTY:
        raise ValueError(f"erwartet 'hoch|mittel|niedrig: Begründung' (bekannt: {', '.join(v.CERTAINTY)})")
    return v.CERTAINTY[m.group(1)], (m.group(2) or "").strip()


def message(exc: ValidationError) -> str:
    """The first error message of a pydantic error, without pydantic's boilerplate."""
    err = exc.errors()[0]
    return str(err.get("ctx", {}).get("error", err["msg"])).removeprefix("Value error, ")


def date_literal(value: str) -> ox.Literal:
    return ox.Literal(value, datatype=DATE_DATATYPES[len(value)])


def integer(n: int | str) -> ox.Literal:
    return ox.Literal(str(n), datatype=ox.NamedNode(v.XSD + "integer"))


TRUE: Final = ox.Literal("true", datatype=ox.NamedNode(v.XSD + "boolean"))
