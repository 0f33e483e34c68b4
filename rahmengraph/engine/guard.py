"""What a query from the web may do: no outbound requests (SERVICE, LOAD).

Oxigraph executes ``SERVICE`` by fetching the remote endpoint, so a query could make this server
send requests anywhere (server-side request forgery). ``FROM`` / ``FROM NAMED`` and the protocol's
graph parameters are safe: Oxigraph reads those graphs from its store only (a graph it does not
hold is empty, see :mod:`rahmengraph.engine.dataset`). The check has two stages, to keep the usual
query cheap:

1. a pre-check on the raw text (after SPARQL's ``\\u`` codepoint escapes, which parsers apply
   first): only a query whose text contains ``service`` or ``load`` as a word goes on;
2. the full check on rdflib's parse: ``ServiceGraphPattern`` anywhere is refused, updates may not
   ``LOAD``.

When rdflib cannot parse a query that Oxigraph accepts (newer syntax), a lexical check over the
text with strings, IRIs and comments removed decides conservatively.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from rahmengraph.errors import Forbidden, ParameterError
from rahmengraph.model.namespaces import sparql_prologue

_ESCAPES = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TRIGGER = re.compile(r"\b(service|load)\b", re.IGNORECASE)
#: Strings (long forms first), IRIs and comments: removed before the lexical fallback check.
OPAQUE = re.compile(
    r"'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|<[^<>\"{}|^`\\\x00-\x20]*>|#[^\n]*",
    re.DOTALL,
)
_KEYWORDS = re.compile(r"(?<![\w:?$])(SERVICE|FROM|LOAD)(?![\w:])", re.IGNORECASE)

SERVICE_REFUSED = "SERVICE ist auf diesem Server nicht erlaubt (keine ausgehenden Anfragen)."
LOAD_REFUSED = "LOAD ist auf diesem Server nicht erlaubt (keine ausgehenden Anfragen)."


def unescape(text: str) -> str:
    """Apply SPARQL codepoint escapes (``\\u00E4``, ``\\U0001F600``) as a parser would first."""
    if "\\u" not in text and "\\U" not in text:
        return text
    return _ESCAPES.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


#: Substrings one of which a text must contain to need a closer look (lower case).
_STEMS = ("service", "load", "\\u")


def needs_check(text: str) -> bool:
    """Cheap pre-check: could the text contain SERVICE or LOAD at all?"""
    low = text.lower()
    if not any(stem in low for stem in _STEMS):  # the usual query: a few substring scans
        return False
    return _TRIGGER.search(unescape(text)) is not None


def masked(text: str) -> str:
    """``text`` with strings, IRIs and comments blanked out (same length: positions stay)."""
    return OPAQUE.sub(lambda m: " " * len(m.group()), text)


def check_depth(text: str, limit: int) -> None:
    """Refuse brackets (``{``, ``(``, ``[``) nested deeper than ``limit`` (400, before a worker
    parses it: a deep nesting would crash the parser)."""
    if sum(text.count(c) for c in "{([") <= limit:  # the usual query: cannot be that deep
        return
    depth = 0
    for position, char in enumerate(masked(text)):
        if char in "{([":
            depth += 1
            if depth > limit:
                line = text.count("\n", 0, position) + 1
                raise ParameterError(
                    f"Anfrage zu tief geschachtelt: mehr als {limit} Klammerebenen (Zeile {line}; "
                    "Einstellung max_query_depth)"
                )
        elif char in "})]":
            depth -= 1


def keywords(text: str) -> set[str]:
    """SERVICE/FROM/LOAD used as keywords (outside strings, IRIs and comments), upper-cased."""
    code = OPAQUE.sub(" ", unescape(text))
    return {m.group(1).upper() for m in _KEYWORDS.finditer(code)}


def _walk(node: Any) -> Iterator[Any]:
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list | tuple):
        for value in node:
            yield from _walk(value)
    elif isinstance(node, dict):
        for value in node.values():
            yield from _walk(value)


def _lexical(text: str) -> None:
    found = keywords(text)
    if "SERVICE" in found:
        raise Forbidden(SERVICE_REFUSED)
    if "LOAD" in found:
        raise Forbidden(LOAD_REFUSED)


def check_query(text: str) -> None:
    """Refuse SERVICE (anywhere in the query)."""
    if not needs_check(text):
        return
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    try:  # with the prefixes the endpoint declares for every query (rg:, skos: …)
        algebra = translateQuery(parseQuery(sparql_prologue() + text)).algebra
    except Exception:  # rdflib raises pyparsing and plain errors; Oxigraph reports real syntax errors
        _lexical(text)
        return
    if any(node.name == "ServiceGraphPattern" for node in _walk(algebra)):
        raise Forbidden(SERVICE_REFUSED)


def check_update(text: str) -> None:
    """Refuse updates that would fetch data from elsewhere (LOAD, SERVICE)."""
    if not needs_check(text):
        return
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parsed = parseUpdate(text)
    except Exception:  # Oxigraph reports real syntax errors when it runs the update
        _lexical(text)
        return
    for node in _walk(parsed):
        if node.name == "ServiceGraphPattern":
            raise Forbidden(SERVICE_REFUSED)
        if node.name == "Load":
            raise Forbidden(LOAD_REFUSED)
