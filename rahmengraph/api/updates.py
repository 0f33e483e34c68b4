"""SPARQL Update on ``/sparql``: the token, the checks, one write, the workers told.

Only with ``allow_update`` and the token (:func:`authorize`, also for the other writing routes). Refused
before anything is written: SERVICE and LOAD (:func:`~rahmengraph.engine.guard.check_update`,
rdflib's parse only when the text mentions them), brackets nested too deep, writes into the graphs
start-up loads from files and into participation graphs (:mod:`rahmengraph.engine.targets`). The
store's graphs are listed, the targets checked and the update applied in **one** step in a worker
thread while the runner holds its write gate (a thread hop costs ~0.2 ms of the event loop under
load, and four writers at once used to make three each). The workers are not restarted: the
update is recorded in the change log (on the event loop, only when it passed the checks) and each
worker replays it before its next query (:mod:`rahmengraph.engine.changes`).
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable

from fastapi.concurrency import run_in_threadpool
from starlette.responses import Response

from rahmengraph.api.state import AppState, after_write, loaded_bases
from rahmengraph.config import Settings
from rahmengraph.engine.dataset import with_using
from rahmengraph.engine.guard import check_depth, check_update, needs_check
from rahmengraph.engine.protocol import Params
from rahmengraph.engine.targets import check_participation_writes, check_writes
from rahmengraph.errors import Forbidden, ParameterError, Unauthorized
from rahmengraph.model.graph_view import is_participation_graph
from rahmengraph.model.namespaces import ONTOLOGY_IRI, PREFIXES


def authorize(settings: Settings, authorization: str, what: str = "SPARQL Update") -> None:
    """Writing needs ``allow_update`` and the update token (``Bearer …``), compared in constant time."""
    if not settings.allow_update:
        raise Forbidden(f"{what} ist auf diesem Server abgeschaltet (Einstellung allow_update)")
    token = settings.update_token
    scheme, _, given = authorization.partition(" ")
    expected = token.get_secret_value().encode() if token is not None else b""
    ok = bool(expected) and scheme.lower() == "bearer"
    # compare in constant time even when the scheme is wrong, so timing tells nothing
    if not hmac.compare_digest(given.strip().encode(), expected) or not ok:
        raise Unauthorized(f"{what} braucht den richtigen Bearer-Token (Header Authorization)")


async def update(state: AppState, p: Params, authorization: str, base: str) -> Response:
    """Run the update of ``p`` (204), or refuse it (the errors of :mod:`rahmengraph.errors`);
    ``base``: the endpoint's IRI, against which relative IRIs resolve."""
    authorize(state.settings, authorization)
    if p.update is None or not p.update.strip():
        raise ParameterError("Parameter update ist leer")
    text = with_using(p.update, p.using_graphs, p.using_named_graphs)
    check_depth(text, state.settings.max_query_depth)
    if needs_check(text):  # rdflib's parse: seconds for a large text, off the event loop
        await run_in_threadpool(check_update, text)
    async with state.runner.writing() as changes:
        checked: list[bool] = []
        try:
            await run_in_threadpool(_write, state, text, base, checked)
        finally:  # a failed update changed nothing; recording it anyway costs one reopen at most
            if checked:  # a refused one is never replayed on the workers' copies
                changes.record(text, base)
    after_write(state)
    return Response(status_code=204)


def _write(state: AppState, text: str, base: str, checked: list[bool]) -> None:
    """Check the graphs ``text`` writes against those stored, then apply it (``checked`` gets an
    entry once the checks have passed)."""
    stored = state.store.graphs()
    check_writes(text, base, PREFIXES, loaded_graphs(state, stored))
    check_participation_writes(text, base, PREFIXES, stored)
    checked.append(True)
    state.store.update(text, base)


def loaded_graphs(state: AppState, graphs: Iterable[str]) -> set[str]:
    """Those of ``graphs`` that start-up loads from files (read-only through SPARQL Update, see
    :mod:`rahmengraph.engine.targets`): every loaded dataset's, its editions' and the ontology's."""
    # editions too; participation graphs are refused by check_participation_writes
    bases = tuple(loaded_bases(state))
    stored_from_files = {g for g in graphs if g.startswith(bases) and not is_participation_graph(g)}
    return stored_from_files | ({ONTOLOGY_IRI} & set(graphs))
