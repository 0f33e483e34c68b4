"""Every file the dataset is distributed as: one table for ``rahmengraph export``, ``/download``
and the dataset description (DCAT distributions).

RDF formats come from :data:`rahmengraph.model.formats.GRAPH_FORMATS`, tables from
:mod:`rahmengraph.model.export`, networks from :mod:`rahmengraph.viz.network`. Every producer
builds the whole file in memory; :func:`export` then writes it with one replace, so a failed
export leaves no half-written file behind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from rahmengraph.errors import ParameterError
from rahmengraph.model.edition_export import with_editions
from rahmengraph.model.export import atomic_write, excel_files, write_folder, xlsx_bytes, zip_bytes
from rahmengraph.model.formats import GRAPH_FORMATS, GraphFormat
from rahmengraph.model.labels import label
from rahmengraph.model.ontology import ontology_turtle, shapes_turtle
from rahmengraph.model.store import GraphStore
from rahmengraph.model.tabulation import read_tables
from rahmengraph.viz.network import gexf_bytes, graphml_bytes
from rahmengraph.viz.templating import render

Producer = Callable[[GraphStore, str], bytes]


@dataclass(frozen=True)
class Distribution:
    """One download: German help text, media type, file suffix, producer of the bytes."""

    help: str
    media_type: str
    suffix: str
    produce: Producer


#: Read-me of the validation bundle (German, for people who run pySHACL themselves).
BUNDLE_README: Final = """Prüfpaket rahmengraph: Daten, SHACL-Regeln und Ontologie

  daten.ttl        der Datensatz (Turtle)
  shapes.ttl       die Prüfregeln (SHACL); brauchen keine weitere Datei
  rahmengraph.ttl  die Ontologie (OWL 2), zum Nachlesen und für Reasoner

Prüfen (pip install pyshacl):

  pyshacl -s shapes.ttl -w daten.ttl

gibt dieselben Befunde wie `rahmengraph validate`; -w: nur Warnungen gelten als gültig.
"""


def bundle_bytes(store: GraphStore, graph: str) -> bytes:
    """ZIP of data, shapes and ontology: ``pyshacl -s shapes.ttl daten.ttl`` runs on it as it is."""
    data = store.dump(GRAPH_FORMATS["ttl"], graph).decode("utf-8")
    files = {"daten.ttl": data, "shapes.ttl": shapes_turtle(), "rahmengraph.ttl": ontology_turtle()}
    return zip_bytes({**files, "LIESMICH.txt": BUNDLE_README})


def _rdf(f: GraphFormat) -> Distribution:
    return Distribution(f.help, f.media_type, f.suffix, lambda store, graph: store.dump(f, graph))


#: ``export --format`` value → distribution. CSV gives a ZIP of the folder when written to a
#: ``.zip`` file, else the folder itself (see :func:`export`).
DISTRIBUTIONS: Final[dict[str, Distribution]] = {
    **{key: _rdf(f) for key, f in GRAPH_FORMATS.items()},
    "graphml": Distribution(
        "GraphML (Netzwerk für yEd, mit Farben, Formen und Positionen)",
        "application/graphml+xml",
        "graphml",
        graphml_bytes,
    ),
    "gexf": Distribution(
        "GEXF 1.3 (Netzwerk für Gephi, mit Farben, Größen und Positionen)",
        "application/gexf+xml",
        "gexf",
        gexf_bytes,
    ),
    "xlsx": Distribution(
        "Excel-Arbeitsmappe, ein Blatt je Datei",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
        lambda s, g: xlsx_bytes(read_tables(s, g)),
    ),
    "pruefpaket": Distribution(
        "Prüfpaket: Daten, SHACL-Regeln und Ontologie als ZIP (pyshacl -s shapes.ttl daten.ttl)",
        "application/zip",
        "pruefpaket.zip",
        bundle_bytes,
    ),
    "csv": Distribution(
        "CSV-Dateien (Ordner oder .zip), mit den Ausgaben und Änderungen",
        "application/zip",
        "csv.zip",
        lambda s, g: zip_bytes(excel_files(with_editions(s, g))),
    ),
}


def export(store: GraphStore, graph: str, fmt: str, target: Path) -> list[Path]:
    """Export the dataset in named graph ``graph`` to ``target`` in format ``fmt``."""
    if fmt not in DISTRIBUTIONS:
        raise ParameterError(
            f"Unbekanntes Exportformat {fmt!r} (Parameter --format); bekannt: {', '.join(DISTRIBUTIONS)}"
        )
    if fmt == "csv" and target.suffix != ".zip":
        return write_folder(with_editions(store, graph), target)
    atomic_write(target, DISTRIBUTIONS[fmt].produce(store, graph))
    return [target]


def downloads_page(items: list[tuple[str, str, str]], lang: str) -> str:
    """The downloads as an HTML page for browsers: (file name, address, what it holds) per file."""
    crumbs = [(label("nav.start", lang), "/"), (label("downloads.title", lang), None)]
    return render("downloads.html", lang, "/download", items=items, crumbs=crumbs)
