"""``rahmengraph serve``: API, SPARQL endpoint and web interface."""

from __future__ import annotations

from typing import Annotated, Final

import typer

from rahmengraph.cli.dataset_options import DatasetOpt, StoreOpt, settings
from rahmengraph.errors import InputError, ParameterError, StoreError

#: The errors ``serve`` can end with (its help quotes their exit codes).
ERRORS: Final = (InputError, ParameterError, StoreError)


def serve_cmd(
    dataset: DatasetOpt = None,
    store: StoreOpt = None,
    host: Annotated[str | None, typer.Option(metavar="ADRESSE", help="Adresse (Standard 127.0.0.1)")] = None,
    port: Annotated[int | None, typer.Option(metavar="PORT", help="Port (Standard 8000)")] = None,
    query_timeout: Annotated[
        float | None, typer.Option(metavar="SEKUNDEN", help="Zeitlimit je Abfrage in Sekunden")
    ] = None,
    max_rows: Annotated[int | None, typer.Option(metavar="ZEILEN", help="Höchstzahl Ergebniszeilen")] = None,
    allow_update: Annotated[
        bool | None,
        typer.Option("--allow-update/--no-allow-update", help="SPARQL Update erlauben (mit Token)"),
    ] = None,
    update_token: Annotated[
        str | None, typer.Option(metavar="TOKEN", help="Bearer-Token für SPARQL Update")
    ] = None,
) -> None:
    """API, SPARQL-Endpunkt und Weboberfläche starten (Standard: http://127.0.0.1:8000).

    Mehrere Rahmenkonzepte in einem Server: -d ORDNER1 -d ORDNER2 (alle in einem Speicher, jedes
    in seinem Graphen; Fragen nehmen dann den Parameter rahmen).

    Solange der Server läuft, lesen query, analyse, export und viz seinen Speicher schreibgeschützt;
    load braucht den Speicher für sich allein.
    """
    from rahmengraph.api.server import serve

    serve(
        settings(
            dataset,
            store,
            several=True,
            host=host,
            port=port,
            query_timeout=query_timeout,
            max_rows=max_rows,
            allow_update=allow_update,
            update_token=update_token,
        )
    )
