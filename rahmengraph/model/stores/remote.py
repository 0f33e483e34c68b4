"""A remote SPARQL 1.1 endpoint (Virtuoso, Fuseki, GraphDB, …) behind the store interface.

Speaks the SPARQL 1.1 Protocol directly. Deviations of servers are handled explicitly, per
*dialect* (:data:`DIALECTS`, detected from the ``Server`` header of the first answer):

* every request sends an explicit ``Accept`` header (Virtuoso answers HTML without one), and a
  text/html answer to a query is an error, never parsed;
* queries and updates go as POST ``application/x-www-form-urlencoded`` (Virtuoso can hang on POST
  ``application/sparql-query``);
* Virtuoso answers ASK with 0/1 in some versions and binds boolean expressions (``EXISTS``,
  comparisons, ``BOUND`` …) as ``xsd:integer`` 0/1 in SELECT results: such variables (found in the
  query text, :func:`boolean_variables`) are turned back into ``xsd:boolean``;
* Virtuoso refuses large ``INSERT DATA`` requests (SP031 "generated SQL text has exceeded 10000
  lines") and blank nodes in ``INSERT DATA`` ("not allowed in a constant clause"): graphs are sent
  in small chunks, blank-node triples as ``INSERT {…} WHERE {}`` with every blank node's triples in
  one chunk (blank node labels are scoped to one request on every server);
* ``GROUP_CONCAT`` over literals of one language: Virtuoso answers a simple literal (SPARQL 1.1),
  Oxigraph keeps the language tag. Left as it is (both are defensible); :func:`expression_types`
  tells callers which variables are concatenations, so comparisons can ignore the tag;
* Virtuoso's own graphs (``virtrdf#`` …) are left out of :meth:`RemoteStore.graphs`, ``count`` and
  ``dump``;
* the queries expect the default graph to be the union of all named graphs. A server whose default
  graph is not (Oxigraph's ``oxigraph serve`` without ``--union-default-graph``, Fuseki without
  ``tdb:unionDefaultGraph``) gets every graph as ``default-graph-uri`` instead (checked once with
  one triple of a named graph, :meth:`RemoteStore.unites_graphs`);
* ``oxigraph serve --union-default-graph`` ignores a query's ``FROM`` / ``FROM NAMED`` (it answers
  over the union of all graphs: other frameworks' and editions' rows, and with every triple once per
  edition, queries that take minutes). The SPARQL protocol's ``default-graph-uri`` /
  ``named-graph-uri`` take precedence over the query's clauses on every server, so the graphs of the
  query's own clauses are sent as those parameters too (:func:`graph_view.dataset_clause`).
"""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final

import pyoxigraph as ox

from rahmengraph.errors import QueryError, StoreError
from rahmengraph.model.formats import RESULT_FORMATS, GraphFormat, ResultFormat
from rahmengraph.model.graph_view import current_graphs, dataset_clause, has_dataset_clause
from rahmengraph.model.store import (
    GraphStore,
    Table,
    Term,
    Triple,
    boolean_answer,
    insert_data,
    text,
    with_base,
)

#: Seconds a remote request may take before the store gives up.
TIMEOUT = 60.0
#: Seconds a remote triple count stands for the data's state (see :meth:`RemoteStore.fingerprint`).
FINGERPRINT_SECONDS = 2.0
XSD_BOOLEAN: Final = "http://www.w3.org/2001/XMLSchema#boolean"
XSD_INTEGER: Final = "http://www.w3.org/2001/XMLSchema#integer"


@dataclass(frozen=True)
class Dialect:
    name: str
    chunk: int  # triples per update request
    integer_booleans: bool  # boolean expressions come back as xsd:integer 0/1
    system_graphs: tuple[str, ...]  # IRI prefixes of the server's own graphs
    help: str


#: ``Server`` header prefix (lower case) → dialect; ``""`` is any other SPARQL 1.1 server.
DIALECTS: Final[dict[str, Dialect]] = {
    "virtuoso": Dialect(
        "virtuoso",
        500,
        True,
        ("http://www.openlinksw.com/", "http://www.w3.org/ns/ldp#", "http://localuriqaserver/"),
        "OpenLink Virtuoso 7: kleine Update-Pakete, Wahrheitswerte als 0/1, Systemgraphen",
    ),
    "oxigraph": Dialect(
        "oxigraph",
        20_000,
        False,
        (),
        "Oxigraph-Server (oxigraph serve, PyPI): SPARQL 1.1 nach Standard; der Standardgraph ist die "
        "Vereinigung der benannten Graphen nur mit --union-default-graph",
    ),
    "": Dialect("sparql", 20_000, False, (), "SPARQL-1.1-Server nach Standard"),
}

_BOOLEAN_START = re.compile(
    r"^\s*(?:NOT\s+EXISTS|EXISTS|BOUND|isIRI|isURI|isBLANK|isLITERAL|isNUMERIC|REGEX|sameTerm|"
    r"LANGMATCHES|CONTAINS|STRSTARTS|STRENDS|!)\b|^\s*!",
    re.IGNORECASE,
)
_COMPARISON = re.compile(r"(?:!=|<=|>=|&&|\|\||(?<![<>!])=|\s<\s|\s>\s|\bIN\b)", re.IGNORECASE)
_AS_VAR = re.compile(r"\bAS\s+[?$](\w+)\s*\)", re.IGNORECASE)


def _top_level(expr: str) -> str:
    """``expr`` with everything inside brackets, braces and IRIs/strings removed."""
    out, depth, quote = [], 0, ""
    for ch in expr:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
        elif depth == 0:
            out.append(ch)
    return re.sub(r"<[^<>\s]*>", "<>", "".join(out))


def expression_types(query: str) -> dict[str, str]:
    """Variables bound by ``(expr AS ?v)`` or ``BIND(expr AS ?v)`` whose ``expr`` is boolean
    (→ ``"boolean"``) or a ``GROUP_CONCAT`` (→ ``"concat"``)."""
    found = {}
    for m in _AS_VAR.finditer(query):
        depth, i = 0, m.start() - 1
        while i >= 0 and not (query[i] == "(" and depth == 0):  # back to the opening bracket
            depth += {")": 1, "(": -1, "}": 1, "{": -1}.get(query[i], 0)
            i -= 1
        expr = query[i + 1 : m.start()]
        if re.match(r"\s*GROUP_CONCAT\s*\(", expr, re.IGNORECASE):
            found[m.group(1)] = "concat"
        elif _BOOLEAN_START.match(expr) or _COMPARISON.search(_top_level(expr)):
            found[m.group(1)] = "boolean"
    return found


def _fix_cells(doc: dict[str, object], types: dict[str, str], dialect: Dialect) -> None:
    if "boolean" in doc and not isinstance(doc["boolean"], bool):  # ASK answered 0/1
        doc["boolean"] = bool(doc["boolean"]) and doc["boolean"] not in ("0", "false")
    results = doc.get("results")
    bindings = results.get("bindings", []) if isinstance(results, dict) else []
    for row in bindings:
        for name in types.keys() & row.keys():
            cell = row[name]
            if not dialect.integer_booleans or types[name] != "boolean":
                continue
            if cell.get("datatype") == XSD_INTEGER and cell.get("value") in ("0", "1"):
                cell["datatype"] = XSD_BOOLEAN
                cell["value"] = "true" if cell["value"] == "1" else "false"


def _has_blank(t: Triple) -> bool:
    return isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)


def chunks(triples: Sequence[Triple], size: int) -> Iterator[tuple[list[Triple], bool]]:
    """(chunk, has blank nodes): plain triples in ``size`` pieces, then blank-node triples grouped
    so that all triples of one blank node (and of blank nodes linked to it) share a chunk."""
    plain = [t for t in triples if not _has_blank(t)]
    for start in range(0, len(plain), size):
        yield plain[start : start + size], False
    parent: dict[str, str] = {}

    def root(b: str) -> str:
        while parent.setdefault(b, b) != b:
            b = parent[b]
        return b

    blank = [t for t in triples if _has_blank(t)]
    ends = [[x.value for x in (t.subject, t.object) if isinstance(x, ox.BlankNode)] for t in blank]
    for e in ends:
        parent[root(e[-1])] = root(e[0])
    groups: dict[str, list[Triple]] = {}
    for t, e in zip(blank, ends, strict=True):
        groups.setdefault(root(e[0]), []).append(t)
    batch: list[Triple] = []
    for group in groups.values():
        if batch and len(batch) + len(group) > size:
            yield batch, True
            batch = []
        batch.extend(group)
    if batch:
        yield batch, True


class RemoteStore(GraphStore):
    engine = "sparql"

    def __init__(self, query_url: str, update_url: str) -> None:
        if not query_url.startswith(("http://", "https://")):
            raise StoreError(f"Remote-Speicher: {query_url!r} ist keine http(s)-URL (Parameter store)")
        self.query_url = query_url
        self.update_url = update_url
        self._dialect: Dialect | None = None
        #: generation → (all graphs, the default graphs to name: None = the server's own)
        self._current: tuple[int, list[str], list[str] | None] = (-1, [], None)
        self._unites: bool | None = None
        self._counted: tuple[int, float, int] = (-1, 0.0, 0)  # generation, when, triple count

    @property
    def dialect(self) -> Dialect:
        """The server's dialect (asks the endpoint once when not yet known)."""
        if self._dialect is None:
            self._post(self.query_url, {"query": "ASK { }"}, RESULT_FORMATS["json"].media_type)
        return self._dialect or DIALECTS[""]

    def _detect(self, server: str) -> None:
        if self._dialect is None:
            key = next((k for k in DIALECTS if k and server.lower().startswith(k)), "")
            self._dialect = DIALECTS[key]

    def _post(self, url: str, form: dict[str, str] | list[tuple[str, str]], accept: str) -> tuple[bytes, str]:
        data = urllib.parse.urlencode(form).encode()
        req = urllib.request.Request(url, data=data, method="POST")
        req.add_header("Content-Type", "application/x-www-form-urlencoded")
        req.add_header("Accept", accept)
        try:
            with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:
                self._detect(resp.headers.get("Server", ""))
                return resp.read(), resp.headers.get_content_type()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:500]
            if exc.code == 400:
                raise QueryError(f"Der Remote-Endpunkt lehnt die Abfrage ab: {detail}") from exc
            raise StoreError(f"Remote-Endpunkt {url} antwortet {exc.code}: {detail}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise StoreError(f"Remote-Endpunkt {url} nicht erreichbar: {exc}") from exc

    def _form(self, query: str, graphs: Sequence[str] | None) -> list[tuple[str, str]]:
        """The protocol form: the query and, unless it has its own FROM, the default graphs. A
        request naming default graphs names every graph as a named graph too: the protocol's
        dataset would have none otherwise (``GRAPH ?g`` would match nothing), the embedded one has all."""
        form = [("query", query)]
        own = dataset_clause(query)
        if own is not None:  # repeated as protocol parameters: oxigraph serve ignores FROM otherwise
            own_default, own_named = own
            return (
                form
                + [("default-graph-uri", g) for g in own_default]
                + [("named-graph-uri", g) for g in own_named]
            )
        if has_dataset_clause(query) or (graphs is not None and not graphs):
            return form
        if self._current[0] != self.generation:
            names = self.graphs()
            current = current_graphs(names)
            default = names if current is None and not self.unites_graphs() else current
            self._current = (self.generation, names, default)
        _generation, names, default = self._current
        chosen = default if graphs is None else graphs
        if not chosen:
            return form
        return form + [("default-graph-uri", g) for g in chosen] + [("named-graph-uri", g) for g in names]

    def unites_graphs(self) -> bool:
        """Whether the server's default graph is the union of its named graphs: a triple of a named
        graph is asked for in the default graph (once it holds one; an empty server says yes)."""
        if self._unites is None:
            found = self.select(
                "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o FILTER(isIRI(?s) && !isBLANK(?o)) } } LIMIT 1",
                graphs=(),
            )
            if not found.rows:
                return True
            s, p, o = found.rows[0]
            self._unites = self.ask(f"ASK {{ {s} {p} {o} }}", graphs=())
        return self._unites

    def _results(
        self, query: str, graphs: Sequence[str] | None = None
    ) -> ox.QuerySolutions | ox.QueryBoolean:
        body, ctype = self._post(self.query_url, self._form(query, graphs), RESULT_FORMATS["json"].media_type)
        if ctype == "text/html":
            raise StoreError(f"Remote-Endpunkt {self.query_url} antwortet HTML statt SPARQL-JSON")
        doc = json.loads(body)
        dialect = self.dialect
        if dialect.integer_booleans or not isinstance(doc.get("boolean", True), bool):
            _fix_cells(doc, expression_types(query), dialect)
            body = json.dumps(doc).encode()
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)

    def select(
        self, query: str, bindings: dict[str, Term] | None = None, *, graphs: Sequence[str] | None = None
    ) -> Table:
        if bindings:
            values = " ".join(str(v) for v in bindings.values())
            names = " ".join(f"?{k}" for k in bindings)
            query = query.replace("WHERE {", f"WHERE {{ VALUES ({names}) {{ ({values}) }}", 1)
        res = self._results(query, graphs)
        if not isinstance(res, ox.QuerySolutions):
            raise QueryError("Die Abfrage ist keine SELECT-Abfrage.")
        variables = [v.value for v in res.variables]
        return Table(variables, [tuple(sol[i] for i in range(len(variables))) for sol in res])

    def ask(self, query: str, *, graphs: Sequence[str] | None = None) -> bool:
        return boolean_answer(self._results(query, graphs))

    def construct(self, query: str, *, graphs: Sequence[str] | None = None) -> list[Triple]:
        body, _ = self._post(self.query_url, self._form(query, graphs), "application/n-triples")
        return [q.triple for q in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)]

    def serialize_query(
        self, query: str, results: ResultFormat, graph: GraphFormat, *, graphs: Sequence[str] | None = None
    ) -> tuple[bytes, str]:
        accept = f"{results.media_type}, {graph.media_type};q=0.9"
        body, ctype = self._post(self.query_url, self._form(query, graphs), accept)
        return body, ctype

    def fingerprint(self) -> tuple[object, ...]:
        """Our writes and the server's triple count; the count (a scan of every graph, ~1 s with
        editions at "länder") is asked at most once per :data:`FINGERPRINT_SECONDS` — others'
        writes show that much later, our own at once (they change ``generation``)."""
        now = time.monotonic()
        generation, at, count = self._counted
        if generation != self.generation or now - at > FINGERPRINT_SECONDS:
            count = self.count()
            self._counted = (self.generation, time.monotonic(), count)
        return (self.generation, count)

    def update(self, update: str, base_iri: str | None = None) -> None:
        self.generation += 1  # others may write too: fingerprint() also compares the count
        self._post(self.update_url, {"update": with_base(update, base_iri)}, "*/*")

    def replace_graph(self, graph: str, triples: Sequence[Triple]) -> None:
        # Remote stores give no multi-request transaction: the first request drops the graph
        # (and inserts the first chunk); later chunks only add.
        g = ox.NamedNode(graph)
        first = True
        for chunk, blank in chunks(triples, self.dialect.chunk):
            body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in chunk)
            if blank:
                drop = f"DROP SILENT GRAPH {g} ;\n" if first else ""
                self.update(f"{drop}INSERT {{ GRAPH {g} {{\n{body}\n}} }} WHERE {{}}")
            elif first:
                self.update(insert_data(graph, chunk))
            else:
                self.update(f"INSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}")
            first = False
        if first:
            self.update(f"DROP SILENT GRAPH {g}")

    def graphs(self) -> list[str]:
        table = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", graphs=())
        system = self.dialect.system_graphs
        return sorted(g for r in table if (g := text(r[0])) is not None and not g.startswith(system))

    def count(self, graph: str | None = None) -> int:
        if graph is None:  # one request for all graphs (a fingerprint is asked for often)
            table = self.select(
                "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", graphs=()
            )
            system = self.dialect.system_graphs
            return sum(
                int(text(n) or 0) for g, n in table if (name := text(g)) and not name.startswith(system)
            )
        table = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", graphs=())
        cell = table.rows[0][0] if table.rows else None
        return int(text(cell) or 0)

    def dump(self, fmt: GraphFormat, graph: str | None = None) -> bytes:
        quads: list[ox.Quad] = []
        for name in [graph] if graph else self.graphs():
            g = ox.NamedNode(name)
            triples = self.construct(
                f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}", graphs=()
            )
            quads.extend(ox.Quad(t.subject, t.predicate, t.object, g) for t in triples)
        if fmt.oxigraph.supports_datasets:
            return ox.serialize(quads, format=fmt.oxigraph) or b""
        return ox.serialize((q.triple for q in quads), format=fmt.oxigraph) or b""
