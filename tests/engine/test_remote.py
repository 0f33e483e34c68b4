"""With a remote store, /sparql answers from the remote endpoint itself (here: a second app)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from rahmengraph.engine.job import Job
from rahmengraph.engine.remote import RemoteRunner
from rahmengraph.errors import Forbidden, QueryTimeout
from rahmengraph.model.formats import GRAPH_FORMATS, GraphFormat, ResultFormat
from rahmengraph.model.loading.writing import load
from rahmengraph.model.stores.oxigraph import OxigraphStore
from tests.engine.conftest import run


class SlowStore(OxigraphStore):
    """An engine whose answers take ``delay`` seconds (stands in for a slow remote server)."""

    engine = "sparql"
    delay = 0.0

    def serialize_query(self, query: str, results: ResultFormat, graph: GraphFormat) -> tuple[bytes, str]:
        import time

        time.sleep(self.delay)
        return super().serialize_query(query, results, graph)


@pytest.fixture
def remote(musterland_dir: Path) -> SlowStore:
    store = SlowStore()
    load(store, musterland_dir)
    return store


def test_answers_come_from_the_store_and_are_capped(remote: SlowStore) -> None:
    job = Job("SELECT ?m WHERE { ?m a rg:Measure }", "json", None, max_rows=3)
    answer = run(RemoteRunner(remote, timeout=5).run(job))
    rows = list(ox.parse_query_results(answer.body, format=ox.QueryResultsFormat.JSON))  # type: ignore[arg-type]
    assert len(rows) == 3 and answer.truncated


def test_construct_goes_through(remote: SlowStore) -> None:
    job = Job("CONSTRUCT { ?m a rg:Measure } WHERE { ?m a rg:Measure }", None, "nt")
    answer = run(RemoteRunner(remote, timeout=5).run(job))
    assert answer.media_type == GRAPH_FORMATS["nt"].media_type and answer.body.count(b"\n") == 8


def test_service_is_refused_before_the_remote_sees_it(remote: SlowStore) -> None:
    job = Job("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "json", None)
    with pytest.raises(Forbidden):
        run(RemoteRunner(remote, timeout=5).run(job))


def test_slow_remote_hits_the_time_limit(remote: SlowStore) -> None:
    remote.delay = 2.0
    job = Job("ASK { ?s ?p ?o }", "json", None)
    with pytest.raises(QueryTimeout):
        run(RemoteRunner(remote, timeout=0.2).run(job))
