"""Linked data: every project IRI resolves here.

``/<rest>`` answers for ``https://w3id.org/rahmengraph/<rest>`` (see :mod:`rahmengraph.model.iri_paths`):
HTML for browsers (the UI's entity page), Turtle, N-Triples, JSON-LD or RDF/XML by ``Accept`` or
``format=``. The route catches every path: it must be included last.
"""

from __future__ import annotations

from typing import Final

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from rahmengraph.api.language import PageLang
from rahmengraph.api.openapi import errors, files
from rahmengraph.api.state import Store
from rahmengraph.engine.negotiation import choose, parse_accept
from rahmengraph.errors import NotAcceptable, NotFound, ParameterError
from rahmengraph.model import namespaces
from rahmengraph.model.formats import GRAPH_FORMATS, LINKED_DATA_FORMATS, GraphFormat
from rahmengraph.model.iri_paths import iri_for_path
from rahmengraph.model.jsonld import CONTEXT_IRI, compact, context_bytes
from rahmengraph.model.ontology import shapes_turtle
from rahmengraph.model.store import GraphStore
from rahmengraph.viz.entity import render_entity

router = APIRouter(tags=["Linked Data"])

#: Representations of a resource: media type → graph format key (HTML first for browsers).
LD_OFFERS: Final = {
    "text/html": "html",
    **{GRAPH_FORMATS[k].media_type: k for k in LINKED_DATA_FORMATS},
}

#: ``format=`` instead of ``Accept`` (read from the query string by :func:`_format`).
FORMAT_PARAMETER: Final = {
    "name": "format",
    "in": "query",
    "required": False,
    "description": "html oder ein RDF-Format (statt Accept)",
    "schema": {"type": "string", "enum": list(LD_OFFERS.values())},
}

#: Documents (not entities) among the IRIs: the ontology under its IRI and its version IRI, the
#: shapes; as RDF they answer with the whole document, as HTML with the ontology's documentation.
DOCUMENTS: Final = (namespaces.ONTOLOGY_IRI, namespaces.ONTOLOGY_VERSION_IRI, namespaces.SHAPES_IRI)


def _triples(store: GraphStore, iri: str) -> list[ox.Triple]:
    node = ox.NamedNode(iri)
    if iri == namespaces.SHAPES_IRI:
        return [q.triple for q in ox.parse(shapes_turtle(), format=ox.RdfFormat.TURTLE)]
    if iri in DOCUMENTS:
        graph = ox.NamedNode(namespaces.ONTOLOGY_IRI)
        return store.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
    return store.construct(
        f"CONSTRUCT {{ {node} ?p ?o . ?s ?q {node} }} WHERE {{ {{ {node} ?p ?o }} UNION {{ ?s ?q {node} }} }}"
    )


def _format(request: Request) -> str:
    fmt = request.query_params.get("format")
    if fmt:
        if fmt == "html" or fmt in LD_OFFERS.values():
            return fmt
        raise ParameterError(f"Parameter format: {fmt!r} unbekannt; bekannt: {', '.join(LD_OFFERS.values())}")
    media, _q = choose(parse_accept(request.headers.get("accept")), list(LD_OFFERS))
    if media is None:
        raise NotAcceptable("Ressourcen gibt es als HTML, Turtle, JSON-LD, N-Triples oder RDF/XML (Accept)")
    return LD_OFFERS[media]


def _serialize(triples: list[ox.Triple], fmt: GraphFormat) -> bytes:
    return ox.serialize(triples, format=fmt.oxigraph, prefixes=namespaces.PREFIXES) or b""


def alternates(path: str) -> str:
    """``Link`` header value naming the RDF versions of the page at ``path``."""
    return ", ".join(
        f'<{path}?format={k}>; rel="alternate"; type="{GRAPH_FORMATS[k].media_type}"'
        for k in LINKED_DATA_FORMATS
    )


@router.get(
    "/context.jsonld",
    summary="JSON-LD-Kontext der Präfixe (für kompaktes JSON-LD)",
    response_class=Response,
    responses=files(["application/ld+json"], "JSON-LD-Kontext"),
)
def jsonld_context() -> Response:
    headers = {"Link": f'<{CONTEXT_IRI}>; rel="canonical"'}
    return Response(context_bytes(), media_type="application/ld+json", headers=headers)


@router.get(
    "/{path:path}",
    summary="Linked Data: eine IRI des Datensatzes oder der Ontologie",
    description="HTML für Browser, sonst Turtle, N-Triples, JSON-LD oder RDF/XML nach Accept "
    "oder Parameter `format`. Ein Graph oder die Ontologie-Version als HTML: 303 zur Übersichtsseite.",
    response_class=Response,
    responses={
        **files(LD_OFFERS, "die Aussagen über die IRI"),
        303: {"description": "Weiterleitung zur Seite, die diesen Graphen oder die Ontologie zeigt"},
        **errors(404, 406),
    },
    openapi_extra={"parameters": [FORMAT_PARAMETER]},
)
def resource(request: Request, store: Store, lang: PageLang, path: str) -> Response:
    raw = request.scope.get("raw_path") or request.url.path.encode()
    iri = iri_for_path(raw.decode("latin-1"))
    fmt = _format(request)
    is_graph = iri in store.graphs() and iri != namespaces.ONTOLOGY_IRI
    if fmt == "html":
        if is_graph:
            return RedirectResponse("/", status_code=303, headers={"Vary": "Accept"})
        if iri in DOCUMENTS[1:]:
            return RedirectResponse("/ontologie", status_code=303, headers={"Vary": "Accept"})
        page = render_entity(store, iri, lang)
        if page is None:
            raise NotFound(f"Unbekannte IRI {iri} (Pfad {request.url.path})")
        # the language follows Accept-Language (unless ?lang=): caches must tell both apart
        headers = {"Vary": "Accept, Accept-Language", "Link": alternates(request.url.path)}
        return HTMLResponse(page, headers=headers)
    gfmt = GRAPH_FORMATS[fmt]
    if is_graph:
        body = store.dump(gfmt, iri)
    else:
        triples = _triples(store, iri)
        if not triples:
            raise NotFound(f"Unbekannte IRI {iri} (Pfad {request.url.path})")
        body = compact(triples) if fmt == "jsonld" else _serialize(triples, gfmt)
    return Response(body, media_type=gfmt.media_type, headers={"Vary": "Accept"})
