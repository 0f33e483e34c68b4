"""The one exception tree of rahmengraph.

Every error a user can cause derives from :class:`RahmengraphError`. The API translates it to
HTTP in one handler (``status`` below), the CLI to exit codes in one table
(:data:`rahmengraph.cli.exits.EXIT_CODES`).
Messages name the value and where it came from (file, line, column, or parameter).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


class ProblemKind(Enum):
    """What a problem is, for code that must react to it (messages are for people)."""

    MISSING_FILE = "missing_file"  # a required file (or worksheet) of a dataset is absent
    UNREADABLE = "unreadable"  # a file that cannot be decoded or parsed at all
    MISSING_KEY = "missing_key"  # a file without its key column: nothing can refer to its rows


@dataclass(frozen=True)
class Problem:
    """One located problem in an input (a file cell, a query position, a parameter)."""

    message: str
    file: str | None = None
    line: int | None = None
    column: str | None = None
    value: str | None = None
    kind: ProblemKind | None = None

    def where(self) -> str:
        parts = [p for p in (self.file, str(self.line) if self.line is not None else None) if p]
        loc = ":".join(parts)
        if self.column:
            loc = f"{loc}, Spalte {self.column}" if loc else f"Spalte {self.column}"
        return loc

    def __str__(self) -> str:
        loc = self.where()
        val = f" (Wert: {self.value!r})" if self.value is not None else ""
        return f"{loc}: {self.message}{val}" if loc else f"{self.message}{val}"

    def as_dict(self) -> dict[str, str | int | None]:
        return {
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "value": self.value,
        }


class RahmengraphError(Exception):
    """Base of every error a user can cause. ``code`` is a stable machine-readable name."""

    code = "error"
    status = 500

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems: list[Problem] = list(problems or [])

    def __str__(self) -> str:
        if not self.problems:
            return self.message
        lines = [self.message, *(f"  - {p}" for p in self.problems)]
        return "\n".join(lines)


class InputError(RahmengraphError):
    """A dataset (CSV/Turtle) cannot be read; ``problems`` lists every located error."""

    code = "invalid_input"
    status = 422


class ValidationFailed(RahmengraphError):
    """SHACL validation found violations."""

    code = "validation_failed"
    status = 422


class QueryError(RahmengraphError):
    """A SPARQL query is malformed; the message carries the parser's text and position."""

    code = "malformed_query"
    status = 400


class ParameterError(RahmengraphError):
    """A request or command parameter is missing or has a bad value; the message names it."""

    code = "bad_parameter"
    status = 400

    @classmethod
    def check_known(cls, given: Iterable[str], allowed: Iterable[str], where: str) -> None:
        """Raise when ``given`` names a parameter outside ``allowed`` (``where``: e.g. "Ansicht
        handlungsfeld, Parameter --option"); the message names each unknown one and the allowed."""
        known = sorted(set(allowed))
        unknown = sorted(set(given) - set(known))
        if unknown:
            names = ", ".join(repr(u) for u in unknown)
            raise cls(f"{where}: unbekannte(r) Parameter {names}; erlaubt: {', '.join(known) or 'keine'}")


class NotFound(RahmengraphError):
    """A named question, entity or resource does not exist."""

    code = "not_found"
    status = 404


class NotAcceptable(RahmengraphError):
    """No representation matches the Accept header."""

    code = "not_acceptable"
    status = 406


class Forbidden(RahmengraphError):
    """The request is refused by policy (SERVICE, remote FROM, update while read-only)."""

    code = "forbidden"
    status = 403


class Unauthorized(RahmengraphError):
    """A bearer token is missing or wrong."""

    code = "unauthorized"
    status = 401


class QueryTimeout(RahmengraphError):
    """A query ran past the configured time limit and was stopped."""

    code = "query_timeout"
    status = 503


class Overloaded(RahmengraphError):
    """No worker could take a query in time, or too many long queries run: try again later."""

    code = "overloaded"
    status = 503
    exit_code = 6

    def __init__(self, message: str, problems: list[Problem] | None = None, *, retry_after: int = 1) -> None:
        super().__init__(message, problems)
        self.retry_after = retry_after


class MemoryExceeded(RahmengraphError):
    """A query needed more memory than a worker may use; it was stopped."""

    code = "memory_limit"
    status = 503
    exit_code = 6


class TooLarge(RahmengraphError):
    """A request body above the configured limit."""

    code = "too_large"
    status = 413


class TooManyRequests(RahmengraphError):
    """A client sent more requests than its limit allows (participation input); try again later."""

    code = "too_many_requests"
    status = 429

    def __init__(self, message: str, problems: list[Problem] | None = None, *, retry_after: int = 60) -> None:
        super().__init__(message, problems)
        self.retry_after = retry_after


class StoreError(RahmengraphError):
    """The graph store cannot be opened, read or written."""

    code = "store_error"
    status = 503
