"""A query worker process: its own Oxigraph store, answering one query at a time over a pipe.

pyoxigraph cannot cancel a running query, so queries run here and the server kills the process
when one passes the time limit (see :mod:`rahmengraph.api.pool`). A worker opens a persistent
Oxigraph folder read-only, copies it into memory (small stores: 2–3x faster queries), or loads an
N-Quads copy of the server's store into memory.

Per query: the SSRF guard (cheap unless the text mentions SERVICE/FROM/LOAD), the query with a
``LIMIT max_rows+1`` appended to SELECTs when that parses, Oxigraph's native serializer, and an
upper bound of the rows from one byte count over that (known) output; only when the bound passes
``max_rows`` are the rows counted exactly and, if needed, re-written (cut) with rdflib.

Answers go back as one frame (:data:`FRAME` header, media type, body) written straight to the
socket, so the server can read a large body piecewise without blocking its event loop.
"""

from __future__ import annotations

import csv
import io
import pickle
import re
import signal
import socket
import struct
from contextlib import suppress
from dataclasses import dataclass
from itertools import islice
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

from rahmengraph import errors
from rahmengraph.api.dataset import query_dataset
from rahmengraph.api.guard import check_query
from rahmengraph.model.formats import GRAPH_FORMATS, RESULT_FORMATS, GraphFormat, ResultFormat
from rahmengraph.model.stores.oxigraph import query_error
from rahmengraph.model.vocab import PREFIXES

_FORM = re.compile(
    r"^(?:\s+|#[^\n]*|PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)*(SELECT|CONSTRUCT|DESCRIBE|ASK)\b",
    re.IGNORECASE,
)
_OWN_LIMIT = re.compile(
    r"\}\s*(?:(?:ORDER|GROUP)\s+BY[^{}]*)?LIMIT\s+(\d+)\s*(?:OFFSET\s+\d+\s*)?$", re.IGNORECASE
)
#: Fewest bytes one result row takes per format (to skip counting small bodies).
_MIN_ROW = {"json": 3, "xml": 17, "csv": 2, "tsv": 1}
#: Per format: (bytes counted in Oxigraph's own output, rows = count + offset is an upper bound).
#: JSON is written without whitespace and ``},{`` only separates rows outside strings; XML escapes
#: ``<`` in text; CSV ends the header and every record with a line break (quoted ones add more);
#: TSV escapes line breaks.
_ROW_MARK = {"json": (b"},{", 1), "xml": (b"<result>", 0), "csv": (b"\n", -1), "tsv": (b"\n", -1)}
#: Answer frame header: status (0 answer, 1 error), truncated, media type length, payload length.
FRAME = struct.Struct("!BBHQ")
OK, FAILED = 0, 1
#: Bodies up to this size go out in one write together with the header.
_ONE_WRITE = 1 << 16


def query_form(text: str) -> str | None:
    """SELECT, CONSTRUCT, DESCRIBE or ASK from the text's first keyword after the prologue."""
    m = _FORM.match(text)
    return m.group(1).upper() if m else None


@dataclass(frozen=True)
class Job:
    query: str
    results: str | None  # key of RESULT_FORMATS, None: the client accepts none
    graph: str | None  # key of GRAPH_FORMATS
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    max_rows: int = 10_000
    base_iri: str | None = None  # relative IRIs in the query resolve against it (the endpoint)


@dataclass(frozen=True)
class Answer:
    body: bytes
    media_type: str
    truncated: bool = False


def needs_cap(text: str, max_rows: int) -> bool:
    m = _OWN_LIMIT.search(text)
    return m is None or int(m.group(1)) > max_rows


def _run(store: ox.Store, text: str, job: Job) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    dataset = query_dataset(job.query, job.default_graphs, job.named_graphs)
    return store.query(text, prefixes=PREFIXES, base_iri=job.base_iri, **dataset)


def _query(store: ox.Store, job: Job) -> tuple[ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, bool]:
    """The result, and whether it was capped here with ``LIMIT max_rows + 1``."""
    if query_form(job.query) == "SELECT" and needs_cap(job.query, job.max_rows):
        with suppress(SyntaxError):  # own LIMIT or trailing VALUES: run as written and count
            return _run(store, f"{job.query}\nLIMIT {job.max_rows + 1}", job), True
    try:
        return _run(store, job.query, job), False
    except SyntaxError as exc:
        raise query_error(exc, job.query) from exc


def _rows(body: bytes, fmt: ResultFormat) -> int:
    """The exact number of rows in ``body`` (Oxigraph's parser; CSV, which it cannot read, by lines
    of the csv module)."""
    if fmt.key == "csv":
        return len(list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))) - 1
    parsed = ox.parse_query_results(body, format=fmt.oxigraph)
    return sum(1 for _ in parsed) if isinstance(parsed, ox.QuerySolutions) else 0


def _cut_text(body: bytes, fmt: ResultFormat, max_rows: int) -> tuple[bytes, bool]:
    """CSV/TSV: count and cut records with the csv module (TSV has no line breaks inside rows)."""
    text = body.decode("utf-8")
    if fmt.key == "tsv":
        lines = text.splitlines()
        if len(lines) - 1 <= max_rows:
            return body, False
        return ("\n".join(lines[: max_rows + 1]) + "\n").encode(), True
    records = list(csv.reader(io.StringIO(text, newline="")))
    if len(records) - 1 <= max_rows:
        return body, False
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(records[: max_rows + 1])
    return out.getvalue().encode(), True


def rows_at_most(body: bytes, fmt: ResultFormat) -> int:
    """An upper bound of the rows in ``body`` as Oxigraph serializes results (one byte count)."""
    mark, offset = _ROW_MARK[fmt.key]
    return body.count(mark) + offset


def cut_results(body: bytes, fmt: ResultFormat, max_rows: int) -> tuple[bytes, bool]:
    """Cut results to ``max_rows`` rows; counting only when the body could hold more."""
    if len(body) < _MIN_ROW[fmt.key] * (max_rows + 1):
        return body, False
    if fmt.key in ("csv", "tsv"):
        return _cut_text(body, fmt, max_rows)
    if _rows(body, fmt) <= max_rows:
        return body, False
    from rdflib.query import Result

    result = Result.parse(io.BytesIO(body), format=fmt.rdflib)
    result.bindings = result.bindings[:max_rows]
    return result.serialize(format=fmt.rdflib) or b"", True


def execute(store: ox.Store, job: Job) -> Answer:
    """Check, run and serialize one query (raises errors from :mod:`rahmengraph.errors`)."""
    check_query(job.query)
    res, capped = _query(store, job)
    try:
        if isinstance(res, ox.QueryTriples):
            if job.graph is None:
                raise errors.NotAcceptable("Kein akzeptiertes RDF-Format für CONSTRUCT/DESCRIBE (Accept)")
            gfmt: GraphFormat = GRAPH_FORMATS[job.graph]
            triples = list(islice(res, job.max_rows + 1))
            body = ox.serialize(triples[: job.max_rows], format=gfmt.oxigraph, prefixes=PREFIXES) or b""
            return Answer(body, gfmt.media_type, len(triples) > job.max_rows)
        if job.results is None:
            raise errors.NotAcceptable("Kein akzeptiertes Ergebnisformat für SELECT/ASK (Accept)")
        rfmt = RESULT_FORMATS[job.results]
        body = res.serialize(format=rfmt.oxigraph) or b""
        if not isinstance(res, ox.QuerySolutions) or rows_at_most(body, rfmt) <= job.max_rows:
            return Answer(body, rfmt.media_type)
        if capped:  # max_rows + 1 rows at most: if one too many, let the engine cut (run again)
            if _rows(body, rfmt) <= job.max_rows:
                return Answer(body, rfmt.media_type)
            again = _run(store, f"{job.query}\nLIMIT {job.max_rows}", job)
            assert isinstance(again, ox.QuerySolutions)  # the same SELECT with a smaller LIMIT
            return Answer(again.serialize(format=rfmt.oxigraph) or b"", rfmt.media_type, True)
        body, truncated = cut_results(body, rfmt, job.max_rows)
        return Answer(body, rfmt.media_type, truncated)
    except OSError as exc:
        raise errors.StoreError(f"Abfrage fehlgeschlagen: {exc}") from exc


def open_source(source: tuple[str, str | bytes]) -> ox.Store:
    """The worker's store: ``("path", folder)`` read-only, ``("copy", folder)`` copied from the
    folder into memory, or ``("nquads", data)`` in memory."""
    kind, value = source
    if kind == "path":
        return ox.Store.read_only(str(value))
    store = ox.Store()
    if kind == "copy":
        store.bulk_extend(ox.Store.read_only(str(value)).quads_for_pattern(None, None, None, None))
        return store
    store.bulk_load(value.encode() if isinstance(value, str) else value, format=ox.RdfFormat.N_QUADS)
    return store


def send_answer(sock: socket.socket, answer: Answer) -> None:
    """One answer frame: header, media type, body (large bodies in a second write, not copied)."""
    media = answer.media_type.encode()
    head = FRAME.pack(OK, answer.truncated, len(media), len(answer.body)) + media
    if len(answer.body) <= _ONE_WRITE:
        sock.sendall(head + answer.body)
    else:
        sock.sendall(head)
        sock.sendall(answer.body)


def send_error(sock: socket.socket, name: str, message: str, problems: list[Any]) -> None:
    """One error frame: the exception class name from :mod:`rahmengraph.errors`, message, problems."""
    payload = pickle.dumps((name, message, problems))
    sock.sendall(FRAME.pack(FAILED, False, 0, len(payload)) + payload)


def main(conn: Connection, source: tuple[str, str | bytes]) -> None:
    """Process entry: open the store, say ready, then answer jobs until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server decides when workers stop
    try:
        store = open_source(source)
    except (OSError, SyntaxError) as exc:
        conn.send(("error", "StoreError", f"Worker kann den Speicher nicht öffnen: {exc}", []))
        return
    conn.send(("ready", len(store)))
    sock = socket.fromfd(conn.fileno(), socket.AF_UNIX, socket.SOCK_STREAM)  # answers: raw frames
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer = execute(store, job)
        except errors.RahmengraphError as exc:
            send_error(sock, type(exc).__name__, exc.message, exc.problems)
            continue
        except Exception as exc:  # an engine failure must not kill the worker silently
            send_error(sock, "StoreError", f"Abfrage fehlgeschlagen: {exc}", [])
            continue
        send_answer(sock, answer)
