"""The script and style files of the site pages: ours (``/static/<name>``) and installed npm
packages (``/static/vendor/<name>``, from ``node_modules``), never a CDN.

The graph pages' files are :mod:`rahmengraph.viz.assets`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from rahmengraph.errors import NotFound

STATIC: Final = Path(__file__).resolve().parent / "static"
#: Our own front-end files (name → media type).
OWN_STATIC: Final[dict[str, str]] = {
    "site.css": "text/css",
    "tables.js": "text/javascript",
    "sparql.js": "text/javascript",
    "sparql-graph.js": "text/javascript",
    "beteiligung-form.js": "text/javascript",
    "beteiligung-seite.js": "text/javascript",
}
#: npm files served at /static/vendor/<name>: name → (path under node_modules, media type).
VENDOR: Final[dict[str, tuple[str, str]]] = {
    "yasgui.min.js": ("@zazuko/yasgui/build/yasgui.min.js", "text/javascript"),
    "yasgui.min.css": ("@zazuko/yasgui/build/yasgui.min.css", "text/css"),
    "swagger-ui-bundle.js": ("swagger-ui-dist/swagger-ui-bundle.js", "text/javascript"),
    "swagger-ui.css": ("swagger-ui-dist/swagger-ui.css", "text/css"),
    "swagger-favicon.png": ("swagger-ui-dist/favicon-32x32.png", "image/png"),
}
#: The files of the SPARQL editor page and of the API documentation (/docs).
EDITOR_FILES: Final = ("yasgui.min.js", "yasgui.min.css")
API_DOCS_FILES: Final = ("swagger-ui-bundle.js", "swagger-ui.css", "swagger-favicon.png")
#: Where ``npm ci`` puts the packages: the repository top (source checkout), else the working folder.
NODE_MODULES: Final = (Path(__file__).resolve().parents[2] / "node_modules", Path.cwd() / "node_modules")


def own_file(name: str) -> tuple[Path, str]:
    """(path, media type) of our file behind /static/<name>."""
    if name not in OWN_STATIC:
        raise NotFound(f"Unbekannte Datei {name!r} (Pfad /static/)")
    return STATIC / name, OWN_STATIC[name]


def vendor_file(name: str) -> Path:
    """The installed npm file behind /static/vendor/<name>."""
    if name not in VENDOR:
        raise NotFound(f"Unbekannte Datei {name!r} (Pfad /static/vendor/)")
    for root in NODE_MODULES:
        path = root / VENDOR[name][0]
        if path.is_file():
            return path
    raise NotFound(f"{VENDOR[name][0]} ist nicht installiert (npm ci im Projektordner ausführen)")


def editor_available() -> bool:
    try:
        return all(vendor_file(n).is_file() for n in EDITOR_FILES)
    except NotFound:
        return False
