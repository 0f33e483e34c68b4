"""Typed cell values, validated with pydantic on the way in.

Each adapter turns a cell string into its value or raises :class:`pydantic.ValidationError`;
the loader turns that into a located :class:`rahmengraph.errors.Problem`.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from typing import Annotated, Final

import pyoxigraph as ox
from pydantic import AfterValidator, TypeAdapter, ValidationError

from rahmengraph.model import namespaces, value_lists
from rahmengraph.model import vocab as v

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def _iso_date(value: str) -> str:
    m = _ISO.match(value)
    if not m:
        german = _GERMAN_DATE.match(value)
        hint = f"; gemeint ist wohl {german[3]}-{int(german[2]):02d}-{int(german[1]):02d}" if german else ""
        raise ValueError(f"kein ISO-Datum (JJJJ-MM-TT, JJJJ-MM oder JJJJ){hint}")
    year, month, day = (int(g) if g else None for g in m.groups())
    assert year is not None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"kein gültiges Datum: einen Monat {month} gibt es nicht")
    if month is not None and day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ValueError(f"kein gültiges Datum: der Monat {year}-{month:02d} hat die Tage 1 bis {last}")
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
    10: ox.NamedNode(namespaces.XSD + "date"),
    7: ox.NamedNode(namespaces.XSD + "gYearMonth"),
    4: ox.NamedNode(namespaces.XSD + "gYear"),
}
#: OWL-Time property for an event's date by precision.
TIME_PROPERTIES: Final = {10: v.IN_XSD_DATE, 7: v.IN_XSD_GYEAR_MONTH, 4: v.IN_XSD_GYEAR}

_CERTAINTY = re.compile(r"^(\w+)\s*(?::\s*(.*))?$", re.DOTALL)


def certainty(cell: str) -> tuple[value_lists.Term, str]:
    """Split ``hoch: Begründung`` into the certainty term and the reason."""
    m = _CERTAINTY.match(cell)
    if not m or m.group(1) not in value_lists.CERTAINTY:
        raise ValueError(
            f"erwartet 'hoch|mittel|niedrig: Begründung' (bekannt: {', '.join(value_lists.CERTAINTY)})"
        )
    return value_lists.CERTAINTY[m.group(1)], (m.group(2) or "").strip()


def message(exc: ValidationError) -> str:
    """The first error message of a pydantic error, without pydantic's boilerplate."""
    err = exc.errors()[0]
    return str(err.get("ctx", {}).get("error", err["msg"])).removeprefix("Value error, ")


def date_literal(value: str) -> ox.Literal:
    return ox.Literal(value, datatype=DATE_DATATYPES[len(value)])


def integer(n: int | str) -> ox.Literal:
    return ox.Literal(str(n), datatype=ox.NamedNode(namespaces.XSD + "integer"))


TRUE: Final = ox.Literal("true", datatype=ox.NamedNode(namespaces.XSD + "boolean"))
FALSE: Final = ox.Literal("false", datatype=ox.NamedNode(namespaces.XSD + "boolean"))
#: A ``ja``/``nein`` cell (Kind.BOOL).
BOOLEAN_CELLS: Final = ("ja", "nein")


_DECIMAL = re.compile(r"^\d+[.,]\d+$")
AS_TEXT = "Zellen der Spalte als Text formatieren (Excel/LibreOffice: Format › Zellen › Text)"


def _number(text: str) -> float | None:
    return float(text.replace(",", ".")) if _DECIMAL.match(text) else None


def number_twin(item: str, known: Iterable[str]) -> str | None:
    """The known code that ``item`` equals as a number (``3.1`` ↔ ``3.10``, ``3,1`` ↔ ``3.1``): what a
    spreadsheet makes of a code when it reads it as a number."""
    value = _number(item)
    if value is None:
        return None
    return next((k for k in known if k != item and _number(k) == value), None)


def number_hint(item: str, known: Iterable[str]) -> str:
    """A sentence for an unknown code that is a known code read as a number, else ``""``."""
    twin = number_twin(item, known)
    if twin is None:
        return ""
    return (
        f" – gemeint ist wohl {twin!r}: eine Tabellenkalkulation hat den Code als Zahl gelesen "
        f"({twin} → {item}); {AS_TEXT}"
    )


def shortened(key: str) -> bool:
    """A key that a spreadsheet may have shortened (``3.10`` read as the number ``3.1``)."""
    return _number(key) is not None


#: Dimension values of an indicator value (``kennzahlen_werte.csv``) that stand for an empty cell:
#: Data Cube wants every dimension filled.
NO_PERIOD: Final = "nicht belegt"
NO_AREA: Final = "nicht belegt"
ALL_GROUPS: Final = "insgesamt"
_PERIOD = re.compile(r"^(\d{4}(?:-\d{2})?)(?:/(\d{4}(?:-\d{2})?))?$")


def period(cell: str) -> tuple[str, str]:
    """``2021/2023`` → (``2021``, ``2023``); ``2023`` → (``2023``, ``""``). ValueError if malformed."""
    m = _PERIOD.match(cell)
    if not m:
        raise ValueError("erwartet JJJJ, JJJJ-MM oder ein Intervall JJJJ/JJJJ")
    start, end = m.group(1), m.group(2) or ""
    for part in (start, end):
        if part:
            _iso_date(part)
    if end and end < start:
        raise ValueError("Zeitraum endet vor seinem Beginn")
    return start, end


def period_end(cell: str) -> int | None:
    """The last year a period cell covers (``2021/2023`` → 2023); None when empty or malformed."""
    try:
        start, end = period(cell)
    except ValueError:
        return None
    return int((end or start)[:4])


def body_type_word(type_text: str) -> str:
    """The first word of a body's free-text type (``Beirat (kommunal)`` → ``Beirat``): its class."""
    return re.split(r"[\s(/,]", type_text.strip(), maxsplit=1)[0] if type_text.strip() else ""
