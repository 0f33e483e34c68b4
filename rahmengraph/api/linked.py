"""Linked data and downloads: every project IRI resolves here, the whole dataset at stable URLs.

``/<rest>`` answers for ``https://w3id.org/rahmengraph/<rest>`` (see :mod:`rahmengraph.model.iri_paths`):
HTML for browsers (the UI's entity page), Turtle, N-Triples, JSON-LD or RDF/XML by ``Accept`` or
``format=``. ``/download/rahmengraph-<dataset>.<ext>`` serves every export of
:data:`rahmengraph.viz.distribution.DISTRIBUTIONS`; the catch-all route must be included last.
"""

from __future__ import annotations

from typing import Final

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel

from rahmengraph.engine.negotiation import choose, parse_accept
from rahmengraph.errors import NotAcceptable, NotFound, ParameterError
from rahmengraph.model import vocab
from rahmengraph.model.formats import GRAPH_FORMATS, GraphFormat
from rahmengraph.model.iri_paths import iri_for_path
from rahmengraph.model.store import GraphStore
from rahmengraph.viz.distribution import DISTRIBUTIONS

downloads = APIRouter(tags=["Downloads"])
resources = APIRouter(tags=["Linked Data"])

#: Download suffix → (export key, media type).
SUFFIXES: Final[dict[str, tuple[str, str]]] = {d.suffix: (k, d.media_type) for k, d in DISTRIBUTIONS.items()}
#: Representations of a resource: media type → graph format key (HTML first for browsers).
LD_OFFERS: Final = {
    "text/html": "html",
    **{GRAPH_FORMATS[k].media_type: k for k in ("ttl", "jsonld", "nt", "rdfxml")},
}


class DownloadOut(BaseModel):
    name: str
    href: str
    format: str
    beschreibung: str


def dataset_id(base: str) -> str:
    """Short name of a dataset from its base IRI (``…/bremen/`` → ``bremen``)."""
    return base.rstrip("/").rsplit("/", 1)[-1]


@downloads.get("/download", response_model=list[DownloadOut], summary="Downloads des ganzen Datensatzes")
def download_list(request: Request) -> list[DownloadOut]:
    ident = dataset_id(request.app.state.dataset.base)
    return [
        DownloadOut(
            name=f"rahmengraph-{ident}.{suffix}",
            href=f"/download/rahmengraph-{ident}.{suffix}",
            format=key,
            beschreibung=DISTRIBUTIONS[key].help,
        )
        for suffix, (key, _media) in SUFFIXES.items()
    ]


@downloads.get("/download/{name}", summary="Der ganze Datensatz in einem Format (stabile URL)")
def download(request: Request, name: str) -> Response:
    ds = request.app.state.dataset
    prefix = f"rahmengraph-{dataset_id(ds.base)}."
    suffix = name.removeprefix(prefix) if name.startswith(prefix) else None
    if suffix not in SUFFIXES:
        known = ", ".join(prefix + s for s in SUFFIXES)
        raise NotFound(f"Download {name!r} gibt es nicht; verfügbar: {known}")
    key, media = SUFFIXES[suffix]
    cache: dict[str, bytes] = request.app.state.downloads
    if key not in cache:
        cache[key] = DISTRIBUTIONS[key].produce(request.app.state.store, ds.graph)
    return Response(
        cache[key], media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


def _triples(store: GraphStore, iri: str) -> list[ox.Triple]:
    node = ox.NamedNode(iri)
    if iri == vocab.ONTOLOGY_IRI:
        return store.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {node} {{ ?s ?p ?o }} }}")
    return store.construct(
        f"CONSTRUCT {{ {node} ?p ?o . ?s ?q {node} }} WHERE {{ {{ {node} ?p ?o }} UNION {{ ?s ?q {node} }} }}"
    )


def _lang(request: Request) -> str:
    lang = request.query_params.get("lang")
    if lang in ("de", "en"):
        return lang
    return "en" if request.headers.get("accept-language", "").lower().startswith("en") else "de"


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
    return ox.serialize(triples, format=fmt.oxigraph, prefixes=vocab.PREFIXES) or b""


@resources.get("/{path:path}", summary="Linked Data: eine IRI des Datensatzes oder der Ontologie")
def resource(request: Request, path: str) -> Response:
    raw = request.scope.get("raw_path") or request.url.path.encode()
    iri = iri_for_path(raw.decode("latin-1"))
    store: GraphStore = request.app.state.store
    fmt = _format(request)
    is_graph = iri in store.graphs() and iri != vocab.ONTOLOGY_IRI
    if fmt == "html":
        if is_graph:
            return RedirectResponse("/", status_code=303)
        from rahmengraph.viz.entity import render_entity

        page = render_entity(store, iri, _lang(request))
        if page is None:
            raise NotFound(f"Unbekannte IRI {iri} (Pfad {request.url.path})")
        return HTMLResponse(page, headers={"Vary": "Accept"})
    gfmt = GRAPH_FORMATS[fmt]
    if is_graph:
        body = store.dump(gfmt, iri)
    else:
        triples = _triples(store, iri)
        if not triples:
            raise NotFound(f"Unbekannte IRI {iri} (Pfad {request.url.path})")
        body = _serialize(triples, gfmt)
    return Response(body, media_type=gfmt.media_type, headers={"Vary": "Accept"})
