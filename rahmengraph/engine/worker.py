"""A query worker process: its own Oxigraph store, answering one query at a time over a pipe.

pyoxigraph cannot cancel a running query, so queries run here and the server kills the process
when one passes the time limit (see :mod:`rahmengraph.engine.pool`). Its store is a
:class:`~rahmengraph.engine.replica.Replica`: a persistent Oxigraph folder read-only (copied into
memory in the background for small stores), or an N-Quads copy of the server's store in memory.

Per query: the SSRF guard (:mod:`~rahmengraph.engine.guard`, cheap unless the text mentions
SERVICE/LOAD), the dataset (:mod:`~rahmengraph.engine.dataset`), the query with the row cap
(:mod:`~rahmengraph.engine.row_cap`), Oxigraph's native serializer; the answer goes back as one
:mod:`~rahmengraph.engine.frame`.
"""

from __future__ import annotations

import signal
import socket
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

import pyoxigraph as ox

from rahmengraph import errors
from rahmengraph.engine.dataset import query_dataset
from rahmengraph.engine.frame import BROKEN, JobReader, send_answer, send_error, send_message
from rahmengraph.engine.guard import check_query
from rahmengraph.engine.job import Answer, Job, Source
from rahmengraph.engine.replica import Replica
from rahmengraph.engine.row_cap import cut_oxigraph, needs_cap, rows_at_most
from rahmengraph.model.formats import GRAPH_FORMATS, RESULT_FORMATS, GraphFormat
from rahmengraph.model.graph_view import current_graphs
from rahmengraph.model.namespaces import PREFIXES
from rahmengraph.model.query_forms import query_form
from rahmengraph.model.stores.oxigraph import query_error

_current_of: list[tuple[ox.Store, list[str] | None]] = []  # the last store asked (held: no id reuse)


def _current(store: ox.Store) -> list[str] | None:
    """The graphs of the current state (``None``: the union); computed once per store and again after
    a replayed change (an update may add a graph that is not part of the current state)."""
    if not _current_of or _current_of[0][0] is not store:
        names = (g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
        _current_of[:] = [(store, current_graphs(names))]
    return _current_of[0][1]


@dataclass(frozen=True)
class Plan:
    """What a query's text says, worked out once per text (clients repeat their queries)."""

    form: str | None
    capped: str | None  # the text with ``LIMIT max_rows + 1`` (a SELECT that needs the cap)
    prefixes: dict[str, str] | None  # those of PREFIXES the text can use (None: none)


#: Query texts up to this length have their plan remembered (512 of them, each kept twice: ≤ 16 MB).
_REMEMBERED = 16_384


def plan(query: str, max_rows: int) -> Plan:
    """:func:`planned`, remembered for the usual (short) texts: clients repeat their queries."""
    return _remembered(query, max_rows) if len(query) <= _REMEMBERED else planned(query, max_rows)


@lru_cache(maxsize=512)
def _remembered(query: str, max_rows: int) -> Plan:
    return planned(query, max_rows)


def planned(query: str, max_rows: int) -> Plan:
    """Check ``query`` (raises for SERVICE; not remembered then) and plan its run. The prefixes
    passed are those whose ``name:`` occurs in the text: Oxigraph reads every prefix given on every
    query, and a prefix whose name the text does not contain cannot be used."""
    check_query(query)
    form = query_form(query)
    capped = f"{query}\nLIMIT {max_rows + 1}" if form == "SELECT" and needs_cap(query, max_rows) else None
    used = {name: iri for name, iri in PREFIXES.items() if f"{name}:" in query}
    return Plan(form, capped, used or None)


Result = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


def _run(store: ox.Store, text: str, job: Job, how: Plan) -> Result:
    dataset = query_dataset(job.query, job.default_graphs, job.named_graphs, _current(store))
    return store.query(text, prefixes=how.prefixes, base_iri=job.base_iri, **dataset)


def _query(store: ox.Store, job: Job, how: Plan) -> Result:
    """The result; a SELECT is capped here with ``LIMIT max_rows + 1`` when that parses."""
    if how.capped is not None:
        with suppress(SyntaxError):  # own LIMIT or trailing VALUES: run as written and count
            return _run(store, how.capped, job, how)
    try:
        return _run(store, job.query, job, how)
    except SyntaxError as exc:
        raise query_error(exc, job.query) from exc


def execute(store: ox.Store, job: Job) -> Answer:
    """Check, run and serialize one query (raises errors from :mod:`rahmengraph.errors`)."""
    res = _query(store, job, plan(job.query, job.max_rows))
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
        body, truncated = cut_oxigraph(body, rfmt, job.max_rows)  # no second run
        return Answer(body, rfmt.media_type, truncated)
    except OSError as exc:
        raise errors.StoreError(f"Abfrage fehlgeschlagen: {exc}") from exc


def serve(fd: int) -> None:
    """Entry of a worker process (:mod:`~rahmengraph.engine.channel`): the socket ``fd`` to the
    server; the first message on it names the store."""
    sock = socket.socket(fileno=fd)  # raw: multiprocessing.connection would cost ~3 MB per worker
    jobs = JobReader(sock)
    try:
        source = jobs.message()
    except (EOFError, OSError):
        return
    main(sock, jobs, source)


def main(sock: socket.socket, jobs: JobReader, source: Source) -> None:
    """Process entry: open the store, say ready, then answer jobs until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server decides when workers stop
    try:
        replica = Replica(source)
    except (OSError, SyntaxError, RuntimeError) as exc:
        send_message(sock, ("error", "StoreError", f"Worker kann den Speicher nicht öffnen: {exc}", []))
        return
    send_message(sock, ("ready",))
    while True:
        try:
            job = jobs.next()
        except (EOFError, OSError):
            return
        if job.changes:
            try:
                replica.apply(job.changes)
                _current_of.clear()  # a change may add a graph outside the current state
            except Exception as exc:  # its copy is now unknown: the server replaces this worker
                send_error(
                    sock, "StoreError", f"Worker kann die Änderung nicht übernehmen: {exc}", [], BROKEN
                )
                return
            if not job.query:
                send_answer(sock, Answer(b"", ""))
                continue
        try:
            answer = execute(replica.store, job)
        except errors.RahmengraphError as exc:
            send_error(sock, type(exc).__name__, exc.message, exc.problems)
            continue
        except Exception as exc:  # an engine failure must not kill the worker silently
            send_error(sock, "StoreError", f"Abfrage fehlgeschlagen: {exc}", [])
            continue
        send_answer(sock, answer)
