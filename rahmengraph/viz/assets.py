"""Front-end files of the graph pages, read from installed packages (never copied, never a CDN).

vis-network comes from the pyvis wheel (``pyvis/lib/vis-9.1.2``); the graph script and style are
ours (``rahmengraph/viz/static``). Pages served by the API link them under ``/viz/static/<name>``;
written files inline them, so a file works with no network at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final

from rahmengraph.errors import NotFound


@dataclass(frozen=True)
class Asset:
    package: str
    path: str
    media_type: str
    help: str


ASSETS: Final[dict[str, Asset]] = {
    "vis-network.min.js": Asset(
        "pyvis", "lib/vis-9.1.2/vis-network.min.js", "text/javascript", "vis-network (aus pyvis)"
    ),
    "vis-network.css": Asset("pyvis", "lib/vis-9.1.2/vis-network.css", "text/css", "vis-network-Stil"),
    "graph-view.js": Asset(
        "rahmengraph.viz", "static/graph-view.js", "text/javascript", "Ausschnitt und Schriftgrößen"
    ),
    "graph.js": Asset("rahmengraph.viz", "static/graph.js", "text/javascript", "Graph-Seite: Bedienung"),
    "graph-table.js": Asset(
        "rahmengraph.viz", "static/graph-table.js", "text/javascript", "Tabellen-Zwilling und Heatmaps"
    ),
    "graph-controls.js": Asset(
        "rahmengraph.viz", "static/graph-controls.js", "text/javascript", "Graph-Seite: Steuerelemente"
    ),
    "beteiligung-form.js": Asset(
        "rahmengraph.viz",
        "static/beteiligung-form.js",
        "text/javascript",
        "Beteiligung: Formular und Sammlung",
    ),
    "beteiligung.js": Asset(
        "rahmengraph.viz", "static/beteiligung.js", "text/javascript", "Beteiligung auf dem Graphen"
    ),
    "graph.css": Asset("rahmengraph.viz", "static/graph.css", "text/css", "Graph-Seite: Stil"),
}

#: Scripts and styles every graph page needs, in load order.
#: The participation scripts come before graph.js: they read the address's ``#beteiligung=…&token=…``
#: before the page rewrites it, and wire themselves in once every script has run.
SCRIPTS: Final = (
    "vis-network.min.js",
    "graph-table.js",
    "graph-view.js",
    "beteiligung-form.js",
    "beteiligung.js",
    "graph.js",
    "graph-controls.js",
)
STYLES: Final = ("vis-network.css", "graph.css")


@cache
def asset_text(name: str) -> str:
    """The text of one asset (cached: the files do not change while the process runs)."""
    if name not in ASSETS:
        raise NotFound(f"Unbekannte Datei {name!r}; bekannt: {', '.join(ASSETS)}")
    a = ASSETS[name]
    return resources.files(a.package).joinpath(a.path).read_text(encoding="utf-8")


def inline_script(name: str) -> str:
    """Script text safe inside ``<script>``: no ``</script`` can end the element early."""
    return asset_text(name).replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")


def inline_style(name: str) -> str:
    """Style text safe inside ``<style>``."""
    return asset_text(name).replace("</style", "<\\/style")
