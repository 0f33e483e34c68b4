"""The SPARQL 1.1 Protocol parameters of a request: ``query``/``update``, dataset IRIs, ``format``.

GET carries them in the query string; POST as a form (``application/x-www-form-urlencoded``) or
as the body itself (``application/sparql-query``, ``application/sparql-update``) with the others
in the query string. One ``query`` or ``update`` per request; graph IRIs must be absolute IRIs;
text must be UTF-8: anything else is refused (400) naming the parameter and the byte position.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs

from rahmengraph.engine.dataset import graph_iris
from rahmengraph.errors import ParameterError


@dataclass(frozen=True)
class Params:
    """The protocol parameters of one request (a POST's from its query string and body)."""

    query: str | None
    update: str | None
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]
    fmt: str | None
    using_graphs: tuple[str, ...] = ()
    using_named_graphs: tuple[str, ...] = ()


def _utf8(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParameterError(
            f"{where}: kein gültiges UTF-8 ab Byte {exc.start + 1} (0x{data[exc.start]:02X}); "
            "SPARQL-Anfragen müssen UTF-8-kodiert sein"
        ) from None


def _form(text: str, where: str) -> dict[str, list[str]]:
    """Form fields, their values strictly UTF-8 (an error names the parameter and the byte)."""
    try:
        return parse_qs(text, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        pass
    for name, value in parse_qs(text, keep_blank_values=True, encoding="latin-1").items():
        for v in value:
            _utf8(v.encode("latin-1"), f"Parameter {name} ({where})")
    raise AssertionError("unreachable: strict decoding failed, so one value is not UTF-8")


def _params(fields: dict[str, list[str]], query: str | None, update: str | None, fmt: str | None) -> Params:
    return Params(
        query,
        update,
        graph_iris(fields.get("default-graph-uri", []), "default-graph-uri"),
        graph_iris(fields.get("named-graph-uri", []), "named-graph-uri"),
        fmt,
        graph_iris(fields.get("using-graph-uri", []), "using-graph-uri"),
        graph_iris(fields.get("using-named-graph-uri", []), "using-named-graph-uri"),
    )


def get_params(query_string: str) -> Params:
    """The protocol parameters of a GET (``update`` is kept only to be refused)."""
    params = _form(query_string, "URL")
    return _params(params, _single(params, "query"), _single(params, "update"), _first(params, "format"))


def post_params(content_type: str, query_string: str, body: bytes) -> Params:
    """Parse a POST the SPARQL 1.1 Protocol way (form, ``application/sparql-query`` or ``-update``)."""
    ctype = content_type.split(";")[0].strip().lower()
    params = _form(query_string, "URL")
    fmt = _first(params, "format")
    if ctype == "application/x-www-form-urlencoded":
        form = _form(_utf8(body, "Formular"), "Formular")
        query, update = _single(form, "query"), _single(form, "update")
        for name, values in form.items():
            if name != "format":
                params[name] = params.get(name, []) + values
        fmt = fmt or _first(form, "format")
    elif ctype == "application/sparql-query":
        query, update = _utf8(body, "Abfrage (application/sparql-query)"), None
    elif ctype == "application/sparql-update":
        query, update = None, _utf8(body, "Update (application/sparql-update)")
    else:
        raise ParameterError(
            f"Content-Type {ctype or '(fehlt)'!r} nicht unterstützt: application/x-www-form-urlencoded, "
            "application/sparql-query oder application/sparql-update"
        )
    if query is not None and update is not None:
        raise ParameterError("query und update zugleich: bitte nur eines (Parameter query/update)")
    return _params(params, query, update, fmt)


def _first(form: dict[str, list[str]], name: str) -> str | None:
    values = form.get(name)
    return values[0] if values else None


def _single(form: dict[str, list[str]], name: str) -> str | None:
    """The one value of ``query`` or ``update``; more than one is an error (which would run?)."""
    values = form.get(name, [])
    if len(values) > 1:
        raise ParameterError(f"Parameter {name} mehrfach angegeben: bitte genau eine Anfrage je Aufruf")
    return values[0] if values else None
