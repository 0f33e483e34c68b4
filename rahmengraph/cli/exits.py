"""Exit codes: the one translation of the :mod:`rahmengraph.errors` tree into process exit codes.

The help texts quote this table (:func:`described`), so what ``--help`` promises is what happens.
Click's own usage errors (unknown option, missing value) exit with 2 like every other bad input.
"""

from __future__ import annotations

from typing import Final

from rahmengraph.errors import (
    Forbidden,
    InputError,
    NotAcceptable,
    NotFound,
    ParameterError,
    QueryError,
    QueryTimeout,
    RahmengraphError,
    StoreError,
    Unauthorized,
    ValidationFailed,
)

#: Success. (Typer's usage errors, raised before any of our code runs, exit with 2 like bad input.)
OK: Final = 0

#: Error class → (exit code, what it means), most specific first; a subclass not listed takes its
#: nearest listed ancestor's code.
EXIT_CODES: Final[dict[type[RahmengraphError], tuple[int, str]]] = {
    InputError: (2, "Datensatz unlesbar oder fehlerhaft (Datei, Zeile, Spalte, Wert)"),
    QueryError: (2, "SPARQL-Abfrage fehlerhaft (Zeile und Spalte)"),
    ParameterError: (2, "Aufruf oder Parameter ungültig"),
    NotAcceptable: (2, "Format nicht verfügbar"),
    ValidationFailed: (3, "SHACL-Prüfung: Verstöße gefunden"),
    NotFound: (4, "Frage, Eintrag oder Datei nicht gefunden"),
    Forbidden: (5, "abgelehnt (Update nicht erlaubt, SERVICE, entferntes FROM)"),
    Unauthorized: (5, "Token fehlt oder falsch"),
    QueryTimeout: (6, "Zeitlimit der Abfrage überschritten"),
    StoreError: (7, "Speicher lässt sich nicht öffnen, lesen oder schreiben"),
    RahmengraphError: (1, "sonstiger Fehler"),
}


def exit_code(error: RahmengraphError) -> int:
    """The exit code of ``error``: its class's entry, or its nearest listed ancestor's."""
    for cls in type(error).__mro__:
        if cls in EXIT_CODES:
            return EXIT_CODES[cls][0]
    return EXIT_CODES[RahmengraphError][0]  # pragma: no cover - every error derives from the base


def described(*errors: type[RahmengraphError]) -> str:
    """One help line per exit code, for ``errors`` (default: all), e.g. ``0 Erfolg · 3 SHACL-…``."""
    chosen = errors or tuple(EXIT_CODES)
    lines: dict[int, list[str]] = {OK: ["Erfolg"]}
    for cls in chosen:
        code, meaning = EXIT_CODES[cls]
        if meaning not in lines.setdefault(code, []):
            lines[code].append(meaning)
    return "Exit-Codes: " + "; ".join(f"{code} {', '.join(lines[code])}" for code in sorted(lines)) + "."
