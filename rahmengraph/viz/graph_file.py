"""Write one view as a self-contained HTML file (for ``rahmengraph viz VIEW -o FILE.html``)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from rahmengraph.errors import ParameterError
from rahmengraph.model.filters import Filters
from rahmengraph.model.store import GraphStore
from rahmengraph.viz.views import VIEWS


def write_view(
    store: GraphStore, view: str, filters: Filters, options: Mapping[str, str], path: Path
) -> Path:
    """Render ``view`` standalone (vis-network and scripts inlined, no network) into ``path``."""
    if view not in VIEWS:
        raise ParameterError(f"Unbekannte Ansicht {view!r} (Parameter view); bekannt: {', '.join(VIEWS)}")
    html = VIEWS[view].render(store, filters, options, standalone=True)
    path.write_text(html, encoding="utf-8")
    return path
