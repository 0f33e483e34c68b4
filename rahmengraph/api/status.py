"""``/api/status``: what the server holds and whether the analyses are computed yet.

For health checks and scripts (the benchmark waits for ``analysen == "vorberechnet"`` before it
measures). After a start or an update the analyses are computed in the background (see
``warm_analyses``); requests are answered meanwhile, an analysis asked for early computes itself.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field

from rahmengraph.api.state import State

router = APIRouter(prefix="/api", tags=["Betrieb"])


class StatusOut(BaseModel):
    speicher: str = Field(description="Speicherart (oxigraph, memory, sparql)")
    graphen: list[str] = Field(description="Benannte Graphen im Speicher")
    query_worker: int = Field(description="Worker-Prozesse für SPARQL-Abfragen")
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
        query_worker=state.settings.query_workers,
        analysen=analysen,
    )
