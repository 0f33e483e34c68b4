"""What participants and facilitators send: contributions, events and the exchange file (pydantic).

The shapes follow the participation contract (``*.beteiligung.json``, format
``rahmengraph-beteiligung`` version 1; see ``docs/beteiligung.md``). Text is plain text: it is
stored as written and never interpreted as markup anywhere.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Final, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from rahmengraph.errors import Problem

#: Longest text of one contribution, in characters (longer: 413).
MAX_TEXT: Final = 2000
#: Longest short field (title, group, name …), in characters.
MAX_SHORT: Final = 200
#: Most contributions in one exchange file.
MAX_ENTRIES: Final = 5000
#: An event id: lower-case letters, digits and hyphens.
EVENT_ID: Final = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")

Short = Annotated[str, StringConstraints(strip_whitespace=True, max_length=MAX_SHORT)]
Iri = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https?://[^\s<>\"{}|\\^`]+$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GapCell(_Strict):
    """An empty cell of a coverage matrix: row and column IRIs and the view that shows it."""

    zeile: Iri
    spalte: Iri
    ansicht: Short = ""


class Target(_Strict):
    """What a contribution is about: one node, a gap cell, or the framework as a whole."""

    iri: Iri | None = None
    luecke: GapCell | None = None
    rahmen: bool = False

    @model_validator(mode="after")
    def _one(self) -> Target:
        if sum((self.iri is not None, self.luecke is not None, self.rahmen)) != 1:
            raise ValueError("genau eines von iri, luecke oder rahmen angeben")
        return self


class Proposal(_Strict):
    """A proposed measure (only with ``art`` = ``vorschlag``)."""

    titel: Short
    zielgruppen: list[Iri] = Field(default_factory=list, max_length=50)
    ebene: Iri | None = None
    federfuehrung: Short = ""


class Contribution(_Strict):
    """One contribution (Beitrag) as the phone form, the projector and the offline page send it."""

    id: UUID
    art: Literal["kommentar", "frage", "luecke", "vorschlag"]
    ziel: Target
    text: Annotated[str, StringConstraints(max_length=MAX_TEXT)]
    gruppe: Short = ""
    name: Short = ""
    erstellt: datetime | None = None
    vorschlag: Proposal | None = None

    @model_validator(mode="after")
    def _proposal_only_for_proposals(self) -> Contribution:
        if self.art == "vorschlag" and self.vorschlag is None:
            raise ValueError("ein Vorschlag braucht das Feld vorschlag (mindestens titel)")
        if self.art != "vorschlag" and self.vorschlag is not None:
            raise ValueError("vorschlag nur bei art = vorschlag")
        return self


class EventRef(_Strict):
    """The event a file's contributions come from."""

    id: Annotated[str, StringConstraints(pattern=EVENT_ID.pattern)]
    titel: Short
    datum: date


class ExchangeFile(_Strict):
    """A ``*.beteiligung.json`` file (offline collection, exchange between servers)."""

    format: Literal["rahmengraph-beteiligung"]
    version: Literal[1]
    veranstaltung: EventRef
    ausgabe: Short = ""
    beitraege: list[Contribution] = Field(max_length=MAX_ENTRIES)


class NewEvent(_Strict):
    """A facilitator opens an event (``POST /api/beteiligung/veranstaltungen``)."""

    titel: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_SHORT)]
    datum: date
    format: Short = ""
    felder: list[Short] = Field(default_factory=list, max_length=100)
    beginn: datetime
    ende: datetime
    namen_erfragen: bool = False
    ausgabe: Short = ""
    #: The framework the event belongs to (its ``rahmen.csv`` id; empty: the first one loaded).
    rahmen: Short = ""

    @model_validator(mode="after")
    def _window(self) -> NewEvent:
        if self.ende.tzinfo is None or self.beginn.tzinfo is None:
            raise ValueError("beginn und ende brauchen eine Zeitzone, z. B. 2026-11-30T09:00:00+01:00")
        if self.ende <= self.beginn:
            raise ValueError("ende muss nach beginn liegen")
        return self


def problems(exc: ValidationError, file: str | None = None, prefix: str = "") -> list[Problem]:
    """Each pydantic error as a located German problem (the field's path, e.g. ``beitraege.3.text``)."""
    found = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"])
        message = str(err.get("ctx", {}).get("error", err["msg"])).removeprefix("Value error, ")
        value = err.get("input")
        shown = value if isinstance(value, str | int | float) and len(str(value)) <= 80 else None
        found.append(
            Problem(
                _german(err["type"], message),
                file,
                None,
                f"{prefix}{where}",
                None if shown is None else str(shown),
            )
        )
    return found


#: pydantic error types → German wording (the rest keep the validator's own German message).
_GERMAN: Final = {
    "missing": "Pflichtfeld fehlt",
    "extra_forbidden": "unbekanntes Feld",
    "string_too_long": "zu lang",
    "string_too_short": "zu kurz",
    "string_pattern_mismatch": "ungültiges Format (erwartet eine IRI bzw. Kennung aus a-z, 0-9, -)",
    "literal_error": "unzulässiger Wert",
    "uuid_parsing": "keine UUID",
    "uuid_type": "keine UUID",
    "datetime_from_date_parsing": "kein Zeitpunkt (JJJJ-MM-TTTHH:MM:SS+01:00)",
    "datetime_parsing": "kein Zeitpunkt (JJJJ-MM-TTTHH:MM:SS+01:00)",
    "date_from_datetime_parsing": "kein Datum (JJJJ-MM-TT)",
    "date_parsing": "kein Datum (JJJJ-MM-TT)",
    "too_long": "zu viele Einträge",
    "list_type": "keine Liste",
    "bool_parsing": "kein Wahrheitswert (true/false)",
    "model_type": "kein Objekt",
    "string_type": "kein Text",
    "json_invalid": "kein gültiges JSON",
}


def _german(kind: str, message: str) -> str:
    return _GERMAN.get(kind, message)


class StatusChange(_Strict):
    """The working group moves a contribution on (``PATCH /api/beteiligung/beitraege/{id}``)."""

    status: Literal["neu", "in-pruefung", "aufgenommen", "nicht-aufgenommen"] | None = None
    grund: Annotated[str, StringConstraints(strip_whitespace=True, max_length=MAX_TEXT)] | None = None
    aenderung: Iri | None = None
    verborgen: bool | None = None


class EventEnd(_Strict):
    """A facilitator closes an event early (``PATCH /api/beteiligung/veranstaltungen/{id}``)."""

    ende: datetime

    @model_validator(mode="after")
    def _zone(self) -> EventEnd:
        if self.ende.tzinfo is None:
            raise ValueError("ende braucht eine Zeitzone, z. B. 2026-11-30T12:00:00+01:00")
        return self
