"""Planner API latency, measured in a child process against the real application.

``python -m bench.planner_api --store DIR --dataset FOLDER [--reps R]`` starts
``rahmengraph.api.app.create_app`` over the prepared persistent store (as the server does, with the
analyses warmed), then calls every kind of planner request (:data:`REQUESTS`, parameters from
:func:`bench.queryset.representative`) ``R`` times through Starlette's TestClient and prints one
JSON line per request: the times in seconds (request in, response out, in process: no network).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Final

from bench.queryset import representative

#: Label → (path template, query parameters); ``{actor}``, ``{measure}`` … from the dataset. Filters
#: name the field and actor by their IRIs: in a store of many frameworks an id (``3.1``) is ambiguous (400).
REQUESTS: Final[dict[str, tuple[str, dict[str, str]]]] = {
    "Liste Maßnahmen (Seite 1)": ("/api/massnahmen", {}),
    "Liste Maßnahmen, Filter Handlungsfeld": ("/api/massnahmen", {"field": "{field_iri}"}),
    "Liste Maßnahmen, Filter Akteur + Rolle": (
        "/api/massnahmen",
        {"actor": "{actor_iri}", "role": "federfuehrend"},
    ),
    "Liste Akteure, Suche": ("/api/akteure", {"q": "Senat"}),
    "Eintrag Maßnahme": ("/api/massnahmen/{measure}", {}),
    "Eintrag Akteur": ("/api/akteure/{actor}", {}),
    "Partner eines Ressorts": ("/api/akteure/{actor}/partner", {}),
    "Zuständig heute": ("/api/massnahmen/{measure}/zustaendig-heute", {}),
    "Frage zustaendig-heute": ("/api/fragen/zustaendig-heute", {"measure": "{measure}"}),
    "Frage ressort-partner": ("/api/fragen/ressort-partner", {"actor": "{actor}"}),
    "Frage massnahmen-handlungsfeld": ("/api/fragen/massnahmen-handlungsfeld", {"field": "{field}"}),
    "Analyse gaps, Filter Handlungsfeld": ("/api/analyse/gaps", {"field": "{field_iri}"}),
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--dataset", type=Path, required=True)
    parser.add_argument("--reps", type=int, default=30)
    args = parser.parse_args(argv)

    from fastapi.testclient import TestClient

    from rahmengraph.api.app import create_app
    from rahmengraph.api.state import state_of
    from rahmengraph.config import Settings
    from rahmengraph.model.kinds import KINDS
    from rahmengraph.model.loading.checking import read_dataset
    from rahmengraph.model.stores.oxigraph import OxigraphStore

    values = representative(args.dataset)
    ds = read_dataset(args.dataset)
    for kind in ("field", "actor"):
        values[f"{kind}_iri"] = f"{ds.base}{KINDS[kind].segment}/{values[kind]}"
    settings = Settings(dataset=args.dataset, store=f"oxigraph:{args.store}", log_level="warning")
    app = create_app(settings, OxigraphStore(args.store), ds)
    with TestClient(app) as client:
        warming = state_of(app).warming
        if warming is not None:
            client.portal.call(_wait, warming)
        for label, (path, params) in REQUESTS.items():
            url = path.format(**values)
            query = {k: v.format(**values) for k, v in params.items()}
            times = []
            status = 0
            for _ in range(args.reps):
                started = time.perf_counter()
                status = client.get(url, params=query).status_code
                times.append(time.perf_counter() - started)
            sys.stdout.write(json.dumps({"request": label, "url": url, "status": status, "times": times}))
            sys.stdout.write("\n")


async def _wait(fut: object) -> None:
    await fut  # type: ignore[misc]


if __name__ == "__main__":
    main()
