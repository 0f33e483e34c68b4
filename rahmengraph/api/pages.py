"""HTML routes of the web interface: start, search, browse, Fragen, analyses, ontology, graph list,
SPARQL editor and the site's static files.

German first (``?lang=en`` switches); the pages themselves are rendered by :mod:`rahmengraph.viz`.
Errors are raised as :mod:`rahmengraph.errors` exceptions; the one handler
(:mod:`rahmengraph.api.error_responses`) answers them as the HTML error page (these are
:class:`~rahmengraph.api.error_responses.PageRoute`\\ s) or, when the client prefers it, as JSON.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from rahmengraph.api.error_responses import PageRoute
from rahmengraph.api.language import PageLang
from rahmengraph.api.openapi import files
from rahmengraph.api.state import AppSettings, Store
from rahmengraph.errors import NotFound
from rahmengraph.model.labels import label
from rahmengraph.model.terms import in_terms, terms
from rahmengraph.viz import analysis_pages, directory, question_pages
from rahmengraph.viz.kind_pages import KINDS
from rahmengraph.viz.sparql_editor import sparql_editor
from rahmengraph.viz.static_files import VENDOR, own_file, vendor_file
from rahmengraph.viz.templating import render
from rahmengraph.viz.views import VIEWS

router = APIRouter(tags=["Webseiten"], route_class=PageRoute)


def _answer_values(request: Request) -> dict[str, str]:
    return {k: v for k, v in request.query_params.items() if k != "lang"}


@router.get("/static/vendor/{name}", include_in_schema=False)
def vendor(name: str) -> Response:
    return FileResponse(vendor_file(name), media_type=VENDOR[name][1])


@router.get("/static/{name}", include_in_schema=False)
def static(name: str) -> Response:
    path, media_type = own_file(name)
    return FileResponse(path, media_type=media_type)


@router.get("/sparql-editor", response_class=HTMLResponse, summary="SPARQL-Editor")
def sparql_page(
    settings: AppSettings, lang: PageLang, query: str | None = None, stand: str | None = None
) -> HTMLResponse:
    return HTMLResponse(sparql_editor(settings, query, lang, stand))


@router.get("/", response_class=HTMLResponse, summary="Startseite")
def start(store: Store, lang: PageLang) -> HTMLResponse:
    return HTMLResponse(directory.start_page(store, lang, missing=analysis_pages.headlines(store, lang)))


@router.get("/suche", response_class=HTMLResponse, summary="Suche über alle Einträge")
def search(store: Store, lang: PageLang, q: str = "") -> HTMLResponse:
    return HTMLResponse(directory.search_page(store, q, lang))


@router.get("/browse", response_class=HTMLResponse, summary="Stöbern: Übersicht")
def browse_index(store: Store, lang: PageLang) -> HTMLResponse:
    return HTMLResponse(directory.browse_index(store, lang))


@router.get("/browse/{kind}", response_class=HTMLResponse, summary="Liste einer Art von Einträgen")
def browse(store: Store, lang: PageLang, kind: str) -> HTMLResponse:
    if kind not in KINDS:
        raise NotFound(f"Unbekannte Art {kind!r} (Pfad /browse/); bekannt: {', '.join(KINDS)}")
    return HTMLResponse(directory.browse_page(store, kind, lang))


@router.get("/fragen", response_class=HTMLResponse, summary="Benannte Fragen")
def fragen(store: Store, lang: PageLang) -> HTMLResponse:
    return HTMLResponse(question_pages.index_page(store, lang))


@router.get("/fragen/{name}", response_class=HTMLResponse, summary="Eine Frage als Formular mit Antwort")
def frage(request: Request, store: Store, lang: PageLang, name: str) -> HTMLResponse:
    html, status = question_pages.question_page(store, name, _answer_values(request), lang)
    return HTMLResponse(html, status_code=status)


@router.get(
    "/fragen/{name}/{fmt}",
    summary="Antwort einer Frage als CSV oder XLSX",
    response_class=Response,
    responses=files(question_pages.DOWNLOADS.values(), "Antwort als Tabelle"),
)
def frage_download(request: Request, store: Store, name: str, fmt: str) -> Response:
    body, media_type, filename = question_pages.download(store, name, _answer_values(request), fmt)
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return Response(body, media_type=media_type, headers=headers)


@router.get("/analysen", response_class=HTMLResponse, summary="Analysen: Überschneidungen, Lücken, …")
def analysen(store: Store, lang: PageLang) -> HTMLResponse:
    return HTMLResponse(analysis_pages.index_page(store, lang))


@router.get("/analysen/{name}", response_class=HTMLResponse, summary="Eine Analyse mit Filtern")
def analyse(request: Request, store: Store, lang: PageLang, name: str) -> HTMLResponse:
    params = list(request.query_params.multi_items())
    return HTMLResponse(analysis_pages.analysis_page(store, name, params, lang))


@router.get("/ontologie", response_class=HTMLResponse, summary="Dokumentation der Ontologie")
def ontologie(store: Store, lang: PageLang) -> HTMLResponse:
    from rahmengraph.viz import documentation  # rdflib (~15 MB) only when the page is asked for

    return HTMLResponse(documentation.ontology_page(store, lang))


@router.get(
    "/ontologie/{name}",
    summary="Ontologie als Turtle-Datei",
    response_class=Response,
    responses=files(["text/turtle"], "Turtle-Datei"),
)
def ontologie_file(name: str) -> Response:
    from rahmengraph.viz import documentation  # rdflib only when a file is asked for

    text = documentation.turtle_file(name)
    return Response(
        text, media_type="text/turtle", headers={"Content-Disposition": f'inline; filename="{name}"'}
    )


@router.get("/graphen", response_class=HTMLResponse, summary="Übersicht der Graph-Ansichten")
def graphen(store: Store, lang: PageLang) -> HTMLResponse:
    own = terms(store)
    items = [(name, in_terms(v.title, own), in_terms(v.help, own)) for name, v in VIEWS.items()]
    crumbs = [(label("nav.start", lang), "/"), (label("graphen.title", lang), None)]
    return HTMLResponse(render("graphen.html", lang, "/graphen", views=items, crumbs=crumbs, own=own))
