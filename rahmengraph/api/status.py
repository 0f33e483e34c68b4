"""``/api/status``: what the server holds, its query workers, whether the analyses are computed yet;
``/api/health``: answers 200 only when the server can answer a SPARQL query right now.

For health checks and scripts (the benchmark waits for ``analysen == "vorberechnet"`` before it
measures). After a start or an update the analyses are computed in the background (see
``warm_analyses``); requests are answered meanwhile, an analysis asked for early computes itself.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from rahmengraph.api.state import State
from rahmengraph.engine.job import Job
from rahmengraph.errors import RahmengraphError

router = APIRouter(prefix="/api", tags=["Betrieb"])


class StatusOut(BaseModel):
    speicher: str = Field(description="Speicherart (oxigraph, memory, sparql)")
    graphen: list[str] = Field(description="Benannte Graphen im Speicher")
    query_worker: int = Field(description="Laufende Worker-Prozesse für SPARQL-Abfragen (jetzt)")
    query_worker_soll: int = Field(description="So viele Worker hält der Server mindestens (query_workers)")
    query_worker_fehler: str | None = Field(
        description="Warum der letzte Worker-Start scheiterte (null: der letzte Start gelang)"
    )
    abfragen_laufen: int = Field(description="SPARQL-Abfragen, die gerade laufen")
    abfragen_warten: int = Field(description="SPARQL-Abfragen, die auf einen Worker warten")
    analysen: Literal["vorberechnet", "laufen", "aus"] = Field(
        description="Vorberechnung der Analysen nach Start oder Update: fertig, läuft noch, abgeschaltet"
    )


@router.get("/status", response_model=StatusOut, summary="Zustand des Servers (für Betrieb und Skripte)")
def status(state: State) -> StatusOut:
    warming = state.warming
    analysen: Literal["vorberechnet", "laufen", "aus"] = (
        "aus" if warming is None else "vorberechnet" if warming.done() else "laufen"
    )
    return StatusOut(
        speicher=state.store.engine,
        graphen=state.store.graphs(),
        query_worker=state.runner.workers,
        query_worker_soll=state.settings.query_workers,
        query_worker_fehler=state.runner.error,
        abfragen_laufen=state.runner.busy,
        abfragen_warten=state.runner.queued,
        analysen=analysen,
    )


class HealthOut(BaseModel):
    ok: bool = Field(description="true: eine SPARQL-Abfrage (ASK {}) wurde eben beantwortet")
    meldung: str = Field(description="Was die Prüfung ergab")


@router.get(
    "/health",
    response_model=HealthOut,
    summary="Gesundheitsprüfung: beantwortet der Server SPARQL-Abfragen?",
    responses={503: {"model": HealthOut, "description": "Abfragen können gerade nicht beantwortet werden"}},
)
async def health(state: State) -> JSONResponse:
    """Runs ``ASK {}`` through the query workers; 503 when that fails (no worker, time limit …)."""
    try:
        await state.runner.run(Job("ASK {}", "json", None))
    except RahmengraphError as exc:
        return JSONResponse(HealthOut(ok=False, meldung=exc.message).model_dump(), status_code=503)
    return JSONResponse(HealthOut(ok=True, meldung="SPARQL-Abfragen werden beantwortet").model_dump())
