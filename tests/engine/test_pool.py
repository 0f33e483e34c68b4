"""The worker pool without any web framework: answers, the row cap, errors and the time limit."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import TypeVar

import pytest

from rahmengraph.config import Settings
from rahmengraph.engine.job import Job
from rahmengraph.engine.pool import QueryPool
from rahmengraph.engine.runner import Runner, runner_for
from rahmengraph.errors import QueryError, QueryTimeout
from rahmengraph.model.formats import RESULT_FORMATS
from rahmengraph.model.store import GraphStore
from tests.engine.conftest import count, run

T = TypeVar("T")
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def with_runner(store: GraphStore, scenario: Callable[[Runner], Awaitable[T]], **settings: object) -> T:
    """Run ``scenario`` against a started runner for ``store`` (one worker unless told otherwise)."""
    values: dict[str, object] = {"store": "oxigraph:memory", "query_workers": 1, "query_timeout": 5.0}
    values.update(settings)

    async def main() -> T:
        runner = runner_for(store, Settings(**values))  # type: ignore[arg-type]
        await runner.start()
        try:
            return await scenario(runner)
        finally:
            await runner.close()

    return run(main())


def test_a_store_in_memory_gets_a_pool_of_workers(musterland_store: GraphStore) -> None:
    async def scenario(runner: Runner) -> None:
        assert isinstance(runner, QueryPool) and runner.workers == 1
        answer = await runner.run(Job("ASK { ?s ?p ?o }", "json", None))
        assert json.loads(answer.body)["boolean"] is True

    with_runner(musterland_store, scenario)


@pytest.mark.parametrize("key", list(RESULT_FORMATS))
@pytest.mark.parametrize(("limit", "truncated"), [(5, False), (6, True)])
def test_cap_boundary(musterland_store: GraphStore, key: str, limit: int, truncated: bool) -> None:
    job = Job(f"SELECT ?s ?p ?o WHERE {{ ?s ?p ?o }} LIMIT {limit}", key, None, max_rows=5)

    async def scenario(runner: Runner) -> None:
        answer = await runner.run(job)
        assert answer.truncated is truncated
        assert answer.media_type == RESULT_FORMATS[key].media_type
        assert count(answer.body, key) == 5

    with_runner(musterland_store, scenario)


def test_large_answer_arrives_whole_and_the_worker_answers_on(musterland_store: GraphStore) -> None:
    async def scenario(runner: Runner) -> None:
        big = await runner.run(Job("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 9000", "json", None))
        assert len(big.body) > 1_000_000 and not big.truncated
        assert len(json.loads(big.body)["results"]["bindings"]) == 9000
        ask = await runner.run(Job("ASK { ?s ?p ?o }", "json", None))
        assert json.loads(ask.body)["boolean"] is True

    with_runner(musterland_store, scenario)


def test_errors_come_back_as_our_errors(musterland_store: GraphStore) -> None:
    async def scenario(runner: Runner) -> None:
        with pytest.raises(QueryError) as info:
            await runner.run(Job("SELECT * WHERE { ?s ?p }", "json", None))
        assert info.value.code == "malformed_query"
        ask = await runner.run(Job("ASK { ?s ?p ?o }", "json", None))
        assert json.loads(ask.body)["boolean"] is True

    with_runner(musterland_store, scenario)


def test_time_limit_kills_the_worker_and_a_new_one_answers(musterland_store: GraphStore) -> None:
    async def scenario(runner: Runner) -> None:
        with pytest.raises(QueryTimeout):
            await runner.run(Job(HEAVY, "json", None))
        while runner.workers < 1:  # the replacement starts (a query's wait counts to its time limit)
            await asyncio.sleep(0.05)
        ask = await runner.run(Job("ASK { ?s ?p ?o }", "json", None))
        assert json.loads(ask.body)["boolean"] is True

    with_runner(musterland_store, scenario, query_timeout=0.5)
