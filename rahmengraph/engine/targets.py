"""Which graphs a SPARQL Update writes — to keep the graphs loaded from files read-only.

Start-up loads the dataset and the ontology from files into their named graphs (and replaces what
is there), so an update to them would be lost at the next restart. Such updates are refused (403);
updates to any other graph (or the default graph) persist. The check reads the update's tokens
(strings and comments skipped, prefixed names and relative IRIs resolved as the engine does):

* ``INSERT DATA``, ``DELETE DATA``, the ``DELETE``/``INSERT`` templates and ``DELETE WHERE`` write
  the graphs named by ``GRAPH`` in them, their other triples go to ``WITH``'s graph or the default
  graph; ``GRAPH ?variable`` in a template could write anywhere;
* ``DROP``/``CLEAR`` write the graph named (``NAMED``/``ALL``: every graph), ``ADD``/``COPY`` the
  target, ``MOVE`` both. ``WHERE`` and ``USING`` only read.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from urllib.parse import urljoin

from rahmengraph.engine.guard import unescape
from rahmengraph.errors import Forbidden
from rahmengraph.model.graph_view import is_participation_graph

#: Every graph (``CLEAR ALL``, ``GRAPH ?g`` in a template …).
ANY = "*"
_TOKEN = re.compile(
    r"""'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\#[^\n]*"""  # skipped
    r"""|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)"""
    r"""|(?P<var>[?$][\w]+)"""
    r"""|(?P<pname>(?:[A-Za-z][\w.-]*)?:[\w.:%-]*)"""
    r"""|(?P<word>[A-Za-z]\w*)"""
    r"""|(?P<punct>[{};])""",
    re.DOTALL,
)
_OPERATIONS = {"INSERT", "DELETE", "DROP", "CLEAR", "ADD", "MOVE", "COPY", "CREATE", "LOAD", "WITH"}


def _tokens(text: str) -> list[tuple[str, str]]:
    out = []
    for m in _TOKEN.finditer(unescape(text)):
        kind = m.lastgroup
        if kind is not None:
            value = m.group(kind)
            out.append((kind, value.upper() if kind == "word" else value))
    return out


def written_graphs(update: str, base: str | None, prefixes: Mapping[str, str]) -> set[str]:
    """IRIs of the graphs ``update`` may write (:data:`ANY`: any graph; ``""``: the default graph)."""
    tokens = _tokens(update)
    names = dict(prefixes)
    written: set[str] = set()

    def iri(i: int) -> str | None:
        kind, value = tokens[i] if i < len(tokens) else ("", "")
        if kind == "iri":
            return urljoin(base or "", value[1:-1])
        if kind == "pname":
            prefix, _, local = value.partition(":")
            return names.get(prefix, "") + local if prefix in names else value
        if kind == "var":
            return ANY
        return None

    def graph_ref(i: int) -> tuple[str, int]:
        """The graph at ``i`` (``GRAPH x``, ``DEFAULT``, ``NAMED``, ``ALL`` or an IRI) and the next index."""
        word = tokens[i][1] if i < len(tokens) else ""
        if word == "SILENT":
            return graph_ref(i + 1)
        if word == "GRAPH":
            return iri(i + 1) or ANY, i + 2
        if word == "DEFAULT":
            return "", i + 1
        if word in ("NAMED", "ALL"):
            return ANY, i + 1
        return iri(i) or ANY, i + 1

    def template(i: int, default: str) -> int:
        """Graphs written by the group opening at ``i``; returns the index after it."""
        depth, plain = 0, False
        while i < len(tokens):
            kind, value = tokens[i]
            if value == "{":
                depth += 1
            elif value == "}":
                depth -= 1
                if depth == 0:
                    break
            elif value == "GRAPH" and depth == 1:
                written.add(iri(i + 1) or ANY)
                i += 1
            elif depth == 1 and kind in ("iri", "pname", "var"):
                plain = True
            i += 1
        if plain:
            written.add(default)
        return i + 1

    i, with_graph = 0, ""
    while i < len(tokens):
        value = tokens[i][1]
        if value == "PREFIX" and i + 2 < len(tokens):
            names[tokens[i + 1][1].rstrip(":")] = tokens[i + 2][1][1:-1]
            i += 3
            continue
        if value == "BASE" and i + 1 < len(tokens):
            base = urljoin(base or "", tokens[i + 1][1][1:-1])
            i += 2
            continue
        if value == ";":
            with_graph = ""
        elif value == "WITH":
            with_graph = iri(i + 1) or ANY
        elif value in ("INSERT", "DELETE"):
            nxt = tokens[i + 1][1] if i + 1 < len(tokens) else ""
            j = i + 2 if nxt in ("DATA", "WHERE") else i + 1
            if j < len(tokens) and tokens[j][1] == "{":
                i = template(j, with_graph)
                continue
        elif value in ("DROP", "CLEAR"):
            graph, i = graph_ref(i + 1)
            written.add(graph)
            continue
        elif value in ("ADD", "MOVE", "COPY"):
            source, j = graph_ref(i + 1)
            target, i = graph_ref(j + 1 if j < len(tokens) and tokens[j][1] == "TO" else j)
            written.update([source, target] if value == "MOVE" else [target])
            continue
        elif value in ("WHERE", "{"):
            i = _skip_group(tokens, i)
            continue
        i += 1
    return written


def _skip_group(tokens: list[tuple[str, str]], i: int) -> int:
    """The index after the group that opens at or after ``i`` (a WHERE clause: only read)."""
    depth = 0
    while i < len(tokens):
        value = tokens[i][1]
        if value == "{":
            depth += 1
        elif value == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return i


def check_writes(update: str, base: str | None, prefixes: Mapping[str, str], loaded: Collection[str]) -> None:
    """Refuse (403) an update that may write a graph loaded from files (see the module)."""
    if not loaded:
        return
    written = written_graphs(update, base, prefixes)
    hit = sorted(set(loaded) & written) or (sorted(loaded) if ANY in written else [])
    if hit:
        raise Forbidden(
            f"SPARQL Update darf den Graphen {hit[0]} nicht ändern: er wird beim Start aus den Dateien "
            "geladen (Änderungen gingen beim Neustart verloren). Bitte in einen eigenen Graphen schreiben "
            "(INSERT DATA { GRAPH <…> { … } }) oder die Dateien des Datensatzes ändern und neu laden."
            + (" GRAPH ?variable, NAMED oder ALL könnten jeden Graphen treffen." if ANY in written else "")
        )


def check_participation_writes(
    update: str, base: str | None, prefixes: Mapping[str, str], stored: Collection[str]
) -> None:
    """Refuse (403) an update that may write a graph of participation input: contributions come in
    only through ``/api/beteiligung`` (with the event's token), never through SPARQL Update."""
    written = written_graphs(update, base, prefixes)
    hit = sorted(g for g in written if is_participation_graph(g))
    if ANY in written:
        hit = hit or sorted(g for g in stored if is_participation_graph(g))
    if hit:
        raise Forbidden(
            f"SPARQL Update darf den Beteiligungsgraphen {hit[0]} nicht ändern: Beiträge kommen nur über "
            "/api/beteiligung (mit dem Token der Veranstaltung), ihr Status nur mit PATCH "
            "/api/beteiligung/beitraege/{id}."
        )
