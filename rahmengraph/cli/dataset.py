"""Commands on a dataset as a whole: ``load``, ``validate``, ``export``."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated

import typer

from rahmengraph.cli import output
from rahmengraph.cli.options import DatasetOpt, StoreOpt, settings
from rahmengraph.cli.store_access import for_reading, for_writing
from rahmengraph.errors import ValidationFailed
from rahmengraph.model.loading.checking import read_all
from rahmengraph.model.loading.writing import write


def load_cmd(dataset: DatasetOpt = None, store: StoreOpt = None) -> None:
    """Datensätze prüfen und in den Speicher laden (ersetzt den Graphen jedes Datensatzes).

    Mehrere Datensätze: -d ORDNER1 -d ORDNER2 (erst werden alle geprüft, dann alle geschrieben).
    """
    config = settings(dataset, store, several=True)
    start = time.perf_counter()
    datasets = read_all(config.datasets)  # first: a bad dataset leaves no store folder behind
    rows = [{n: len(f.rows) for n, f in ds.files.items()} for ds in datasets]  # write() may drop files
    graph_store = for_writing(config)
    try:
        write(graph_store, datasets)
        took = time.perf_counter() - start
        for folder, ds, counts in zip(config.datasets, datasets, rows, strict=True):
            output.plain(f"Geladen: {folder} → {config.store} (Graph {ds.graph}) in {took:.2f} s")
            for name, n in counts.items():
                output.plain(f"  {name:<22} {n:>5} Zeilen")
            output.plain(f"  Tripel im Datensatz-Graphen: {graph_store.count(ds.graph)}")
    finally:
        graph_store.close()


def validate_cmd(
    dataset: DatasetOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Bericht als JSON")] = False,
) -> None:
    """Datensatz gegen die SHACL-Regeln prüfen (im Arbeitsspeicher; der Speicher bleibt unberührt)."""
    from rahmengraph.model.loading.writing import load
    from rahmengraph.model.stores.oxigraph import OxigraphStore
    from rahmengraph.model.validation import validate

    config = settings(dataset)
    store = OxigraphStore()
    ds = load(store, config.dataset)
    report = validate(store, ds.graph)
    edition_warnings = ds.editions.warnings if ds.editions else []
    if as_json:
        doc = {
            **report.as_dict(),
            "tabellen_warnungen": [p.as_dict() for p in ds.warnings],
            "ausgaben_warnungen": [p.as_dict() for p in edition_warnings],
        }
        output.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        output.write(report.text() + "\n")
        if ds.warnings:
            lines = "\n".join(f"  - {p}" for p in ds.warnings)
            output.write(f"\nTabellen: {len(ds.warnings)} Warnung(en)\n{lines}\n")
        if edition_warnings:
            lines = "\n".join(f"  - {p}" for p in edition_warnings)
            output.write(f"\nAusgaben und Änderungen: {len(edition_warnings)} Warnung(en)\n{lines}\n")
    if not report.conforms:
        raise ValidationFailed(f"{len(report.violations)} Verstoß/Verstöße in {config.dataset}")


def export_cmd(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="ttl, jsonld, nt, rdfxml, graphml, gexf, csv, xlsx, pruefpaket",
        ),
    ],
    output_path: Annotated[
        Path, typer.Option("--output", "-o", metavar="ZIEL", help="Zieldatei (bei csv: Ordner oder .zip)")
    ],
    dataset: DatasetOpt = None,
    store: StoreOpt = None,
) -> None:
    """Datensatz exportieren (Tabellen wie die Quelle, RDF oder Netzwerk)."""
    from rahmengraph.viz.distribution import export

    graph_store, ds = for_reading(settings(dataset, store))
    try:
        for path in export(graph_store, ds.graph, fmt, output_path):
            output.plain(f"Geschrieben: {path}")
    finally:
        graph_store.close()
