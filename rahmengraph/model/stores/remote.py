"""A remote SPARQL 1.1 endpoint (Virtuoso, Fuseki, GraphDB, …) behind the store interface.

Speaks the SPARQL 1.1 Protocol directly: every request sends an explicit ``Accept`` header
(Virtuoso answers HTML without one) and queries go as POST ``application/x-www-form-urlencoded``
(Virtuoso can hang on POST ``application/sparql-query``). Answers are parsed with pyoxigraph's
SPARQL results parser; Virtuoso's 0/1 booleans for ASK are read as booleans.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence

import pyoxigraph as ox

from rahmengraph.errors import QueryError, StoreError
from rahmengraph.model.formats import RESULT_FORMATS, GraphFormat, ResultFormat
from rahmengraph.model.store import GraphStore, Table, Term, Triple, insert_data, text

#: Seconds a remote request may take before the store gives up.
TIMEOUT = 60.0
#: Triples per INSERT DATA request when loading a large graph into a remote store.
CHUNK = 20_000


class RemoteStore(GraphStore):
    engine = "sparql"

    def __init__(self, query_url: str, update_url: str) -> None:
        if not query_url.startswith(("http://", "https://")):
            raise StoreError(f"Remote-Speicher: {query_url!r} ist keine http(s)-URL (Parameter store)")
        self.query_url = query_url
        self.update_url = update_url

    def _post(self, url: str, form: dict[str, str], accept: str) -> tuple[bytes, str]:
        data = urllib.parse.urlencode(form).encode()
        req = urllib.request.Request(url, data=data, method="POST")
        req.add_header("Content-Type", "application/x-www-form-urlencoded")
        req.add_header("Accept", accept)
        try:
            with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:
                return resp.read(), resp.headers.get_content_type()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:500]
            if exc.code == 400:
                raise QueryError(f"Der Remote-Endpunkt lehnt die Abfrage ab: {detail}") from exc
            raise StoreError(f"Remote-Endpunkt {url} antwortet {exc.code}: {detail}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise StoreError(f"Remote-Endpunkt {url} nicht erreichbar: {exc}") from exc

    def _results(self, query: str) -> ox.QuerySolutions | ox.QueryBoolean:
        body, ctype = self._post(self.query_url, {"query": query}, RESULT_FORMATS["json"].media_type)
        if ctype == "text/html":
            raise StoreError(f"Remote-Endpunkt {self.query_url} antwortet HTML statt SPARQL-JSON")
        doc = json.loads(body)
        if "boolean" in doc and not isinstance(doc["boolean"], bool):  # Virtuoso: 0/1
            doc["boolean"] = bool(doc["boolean"])
            body = json.dumps(doc).encode()
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)

    def select(self, query: str, bindings: dict[str, Term] | None = None) -> Table:
        if bindings:
            values = " ".join(str(v) for v in bindings.values())
            names = " ".join(f"?{k}" for k in bindings)
            query = query.replace("WHERE {", f"WHERE {{ VALUES ({names}) {{ ({values}) }}", 1)
        res = self._results(query)
        if not isinstance(res, ox.QuerySolutions):
            raise QueryError("Die Abfrage ist keine SELECT-Abfrage.")
        variables = [v.value for v in res.variables]
        return Table(variables, [tuple(sol[i] for i in range(len(variables))) for sol in res])

    def ask(self, query: str) -> bool:
        res = self._results(query)
        if not isinstance(res, ox.QueryBoolean):
            raise QueryError("Die Abfrage ist keine ASK-Abfrage.")
        return bool(res)

    def construct(self, query: str) -> list[Triple]:
        body, _ = self._post(self.query_url, {"query": query}, "application/n-triples")
        return [q.triple for q in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)]

    def serialize_query(self, query: str, results: ResultFormat, graph: GraphFormat) -> tuple[bytes, str]:
        accept = f"{results.media_type}, {graph.media_type};q=0.9"
        body, ctype = self._post(self.query_url, {"query": query}, accept)
        return body, ctype

    def update(self, update: str) -> None:
        self.generation += 1
        self._post(self.update_url, {"update": update}, "*/*")

    def replace_graph(self, graph: str, triples: Sequence[Triple]) -> None:
        self.generation += 1
        # Remote stores give no multi-request transaction: the first request drops and inserts
        # the first chunk; later chunks only add.
        g = ox.NamedNode(graph)
        for start in range(0, max(len(triples), 1), CHUNK):
            chunk = triples[start : start + CHUNK]
            if start == 0:
                self.update(insert_data(graph, chunk))
            else:
                body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in chunk)
                self.update(f"INSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}")

    def graphs(self) -> list[str]:
        table = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(g for r in table if (g := text(r[0])) is not None)

    def count(self, graph: str | None = None) -> int:
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
        table = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
        cell = table.rows[0][0] if table.rows else None
        return int(text(cell) or 0)

    def dump(self, fmt: GraphFormat, graph: str | None = None) -> bytes:
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
        triples = self.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}")
        return ox.serialize(triples, format=fmt.oxigraph) or b""
