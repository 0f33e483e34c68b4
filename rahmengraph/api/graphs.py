"""HTTP routes of the interactive graphs: ``GET /viz/{view}`` (filters in the query string).

Pages served here load vis-network and the graph script from ``/viz/static/…`` (installed
package files, never a CDN); a written file (:func:`rahmengraph.viz.graph_file.write_view`)
inlines them instead.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from rahmengraph.api.error_responses import PageRoute
from rahmengraph.api.state import Store
from rahmengraph.errors import NotFound, ParameterError
from rahmengraph.model import asof
from rahmengraph.model.filters import FILTER_KINDS, Filters
from rahmengraph.viz.assets import ASSETS, asset_text
from rahmengraph.viz.views import PAGE_STATE, VIEWS

router = APIRouter(prefix="/viz", tags=["Graphen"], route_class=PageRoute)


@router.get("/static/{name}", include_in_schema=False)
def static_asset(name: str) -> Response:
    """vis-network and the graph script/style, from the installed packages."""
    if name not in ASSETS:
        raise NotFound(f"Unbekannte Datei {name!r} (Pfad /viz/static/)")
    return Response(asset_text(name), media_type=ASSETS[name].media_type)


@router.get("/{view}", response_class=HTMLResponse, summary="Interaktiver Graph")
def view_page(view: str, request: Request, store: Store) -> HTMLResponse:
    """One graph view as an HTML page; filters (field, actor, level, target_group, evidence)
    and options (feld, fokus, hops, ebene, ressorts) come from the query string; any other
    parameter (except the page's own state, ``PAGE_STATE``) is a 400 naming the allowed ones."""
    if view not in VIEWS:
        raise NotFound(f"Unbekannte Ansicht {view!r} (Pfad /viz/); bekannt: {', '.join(VIEWS)}")
    params = request.query_params
    shown = VIEWS[view]
    allowed = [*FILTER_KINDS, *shown.accepts, *PAGE_STATE]
    ParameterError.check_known(params.keys(), allowed, f"Ansicht {view} (Query-Parameter)")
    filters = Filters.from_mapping({k: params.getlist(k) for k in FILTER_KINDS})
    options = {k: params[k] for k in shown.accepts if params.get(k)}
    store, _at = asof.resolve(store, params.get("stand"))  # an edition or a date
    html = shown.render(store, filters, options, standalone=False)
    return HTMLResponse(html)
