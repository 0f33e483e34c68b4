"""Commands that ask the graph: ``query`` (SPARQL or a named question) and ``fragen`` (the list)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from rahmengraph.cli import output
from rahmengraph.cli.options import DatasetOpt, StandOpt, StoreOpt, pairs, settings
from rahmengraph.cli.store_access import for_reading
from rahmengraph.errors import ParameterError
from rahmengraph.model.formats import GRAPH_FORMATS, RESULT_FORMATS


def query_cmd(
    sparql: Annotated[
        str | None, typer.Argument(metavar="SPARQL", help="SPARQL-Abfrage (oder - für stdin)")
    ] = None,
    name: Annotated[
        str | None,
        typer.Option("--name", "-n", metavar="FRAGE", help="benannte Frage (siehe: rahmengraph fragen)"),
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", metavar="NAME=WERT", help="Parameter NAME=WERT (wiederholbar)"),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="table, csv, tsv, json oder xml")
    ] = "table",
    stand: StandOpt = None,
    rahmen: Annotated[
        str | None,
        typer.Option(
            "--rahmen",
            metavar="ID",
            help="bei mehreren Rahmenkonzepten im Speicher: nur dieses (ID aus rahmen.csv); ohne: jedes mit "
            "seinen eigenen Einträgen und der Spalte rahmen",
        ),
    ] = None,
    dataset: DatasetOpt = None,
    store: StoreOpt = None,
) -> None:
    """SPARQL-Abfrage oder benannte Frage ausführen; Ausgabe als Tabelle, CSV oder JSON."""
    from rahmengraph.model import asof
    from rahmengraph.model.questions import as_values_query, run

    if fmt != "table" and fmt not in RESULT_FORMATS:
        raise ParameterError(f"--format {fmt!r}: erlaubt sind table, {', '.join(RESULT_FORMATS)}")
    if not name and not sparql:
        raise ParameterError("Bitte eine SPARQL-Abfrage oder --name angeben")
    values = pairs(param, "--param")
    if rahmen and not name:
        raise ParameterError("--rahmen gilt nur für benannte Fragen (--name); in SPARQL: FROM <Graph>")
    own_store, _ds = for_reading(settings(dataset, store, several=True))
    graph_store, at = asof.resolve(own_store, stand)
    if stand:
        output.note(at.label)
    try:
        if name:
            table, _sparql = run(own_store, name, values, stand, rahmen)
            if fmt == "table":
                output.print_table(table, name)
                return
            text = as_values_query(table)  # the answer itself, serialised by the engine
        else:
            text = sys.stdin.read() if sparql == "-" else str(sparql)
        if fmt == "table":
            output.print_table(graph_store.select(text), name)
            return
        body, _media = graph_store.serialize_query(text, RESULT_FORMATS[fmt], GRAPH_FORMATS["ttl"])
        output.write(body.decode("utf-8"))
    finally:
        own_store.close()


def fragen_cmd() -> None:
    """Die benannten Fragen mit ihren Parametern auflisten."""
    from rahmengraph.model.questions import questions

    console = output.out()
    for q in questions().values():
        console.print(f"[bold]{q.name}[/bold]: {q.title}")
        console.print(f"  {q.description}", markup=False)
        for p in q.params:
            req = "Pflicht" if p.required else "optional"
            console.print(f"  --param {p.name}=…  ({p.type.label}, {req}) {p.help}", markup=False)
