"""``/.well-known/void``: every loaded dataset described in DCAT-AP.de and VoID (RFC 5785, VoID §7.2).

Turtle by default (also for browsers), JSON-LD, N-Triples or RDF/XML by ``Accept``; the graph is
built by :func:`rahmengraph.viz.dataset_description.describe`.
"""

from __future__ import annotations

from typing import Final

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import Response

from rahmengraph.api.openapi import errors, files
from rahmengraph.api.state import State
from rahmengraph.engine.negotiation import choose, parse_accept
from rahmengraph.errors import NotAcceptable
from rahmengraph.model.formats import GRAPH_FORMATS, LINKED_DATA_FORMATS
from rahmengraph.viz.dataset_description import PREFIXES, describe

router = APIRouter(tags=["Linked Data"])

#: Media type → graph format key (Turtle first: the answer to ``*/*``).
OFFERS: Final = {GRAPH_FORMATS[k].media_type: k for k in LINKED_DATA_FORMATS}


@router.get(
    "/.well-known/void",
    summary="Datensatzbeschreibung (DCAT-AP.de und VoID)",
    response_class=Response,
    responses={**files(OFFERS, "Datensatzbeschreibung"), **errors(406)},
)
def void(request: Request, state: State) -> Response:
    media, _q = choose(parse_accept(request.headers.get("accept")), list(OFFERS))
    if media is None:
        raise NotAcceptable(
            "Die Datensatzbeschreibung gibt es als Turtle, JSON-LD, N-Triples oder RDF/XML (Accept)"
        )
    loaded = [(ds.graph, ds.framework) for ds in state.datasets or [state.dataset]]
    triples = describe(state.store, loaded, str(request.base_url))
    body = ox.serialize(triples, format=GRAPH_FORMATS[OFFERS[media]].oxigraph, prefixes=PREFIXES) or b""
    return Response(body, media_type=media, headers={"Vary": "Accept"})
