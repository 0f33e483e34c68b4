"""HTML routes of the web interface: start, Fragen, SPARQL editor, search, browse, ontology, graphs.

German first (``?lang=en`` switches); every script and style is ours (``/static/<name>``) or an
installed npm package served from ``node_modules`` (``/static/vendor/<name>``), never a CDN.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from rahmengraph.config import Settings
from rahmengraph.errors import NotFound, RahmengraphError
from rahmengraph.model import vocab
from rahmengraph.model.formats import GRAPH_FORMATS, RESULT_FORMATS
from rahmengraph.model.questions import questions
from rahmengraph.viz import analyses, answers, directory, documentation
from rahmengraph.viz.lookup import KINDS, views
from rahmengraph.viz.templating import lang_of, message, render

router = APIRouter(tags=["Webseiten"])

_STATIC = Path(__file__).resolve().parent / "static"
#: Our own front-end files (name → media type).
OWN_STATIC: Final[dict[str, str]] = {
    "site.css": "text/css",
    "tables.js": "text/javascript",
    "sparql.js": "text/javascript",
    "sparql-graph.js": "text/javascript",
}
#: npm files served at /static/vendor/<name>: name → (path under node_modules, media type).
VENDOR: Final[dict[str, tuple[str, str]]] = {
    "yasgui.min.js": ("@zazuko/yasgui/build/yasgui.min.js", "text/javascript"),
    "yasgui.min.css": ("@zazuko/yasgui/build/yasgui.min.css", "text/css"),
}
#: Where ``npm ci`` puts the packages: the repository top (source checkout), else the working folder.
NODE_MODULES: Final = (Path(__file__).resolve().parents[2] / "node_modules", Path.cwd() / "node_modules")

#: Graph formats offered for CONSTRUCT/DESCRIBE answers (N-Quads/TriG are for whole datasets).
CONSTRUCT_FORMATS: Final = tuple(k for k in GRAPH_FORMATS if k in ("ttl", "nt", "jsonld", "rdfxml"))
DEFAULT_QUERY: Final = (
    "SELECT ?nummer ?handlungsfeld (COUNT(?m) AS ?massnahmen) WHERE {\n"
    "  ?f a rg:ActionField ; skos:notation ?nummer ; rdfs:label ?handlungsfeld .\n"
    "  OPTIONAL { ?m rg:field ?f }\n"
    "}\nGROUP BY ?nummer ?handlungsfeld\nORDER BY ?nummer\n"
)


_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


def query_form(query: str) -> str:
    """``select``/``ask``/``construct``/``describe`` by the first query keyword (comments and
    IRIs removed), so only the download formats that apply are offered."""
    stripped = re.sub(r"#[^\n]*|<[^>\s]*>", " ", query)
    m = _FORM.search(stripped)
    return m.group(1).lower() if m else "select"


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
        return all(vendor_file(n).is_file() for n in VENDOR)
    except NotFound:
        return False


def sparql_editor(settings: Settings, query: str | None, lang: str) -> str:
    """The SPARQL editor page (what GET /sparql returns to a browser)."""
    examples = [{"name": q.name, "title": q.title, "sparql": q.sparql} for q in questions().values()]
    text = query if query and query.strip() else vocab.sparql_prologue() + DEFAULT_QUERY
    config = {
        "endpoint": "/sparql",
        "query": text,
        "examples": examples,
        "prefixes": dict(vocab.PREFIXES),
        "newTab": vocab.sparql_prologue() + "\nSELECT * WHERE {\n  ?s ?p ?o\n}\nLIMIT 10\n",
        "resultFormats": {k: f.media_type for k, f in RESULT_FORMATS.items()},
        "graphFormats": {k: GRAPH_FORMATS[k].media_type for k in CONSTRUCT_FORMATS},
    }
    return render(
        "sparql.html",
        lang,
        "/sparql-editor",
        {"query": query or ""},
        config=config,
        query=text,
        examples=examples,
        prefixes=list(vocab.PREFIXES.items()),
        timeout=settings.query_timeout,
        max_rows=settings.max_rows,
        editor=editor_available(),
        formats=list(CONSTRUCT_FORMATS if query_form(text) in ("construct", "describe") else RESULT_FORMATS),
        crumbs=[(message("nav.start", lang), "/"), (message("sparql.title", lang), None)],
    )


def _lang(request: Request) -> str:
    return lang_of(request.query_params.get("lang"))


def _error(request: Request, exc: RahmengraphError) -> HTMLResponse:
    lang = _lang(request)
    html = render("error.html", lang, request.url.path, message_text=str(exc), code=exc.code)
    return HTMLResponse(html, status_code=exc.status)


@router.get("/static/vendor/{name}", include_in_schema=False)
def vendor(request: Request, name: str) -> Response:
    try:
        return FileResponse(vendor_file(name), media_type=VENDOR[name][1])
    except NotFound as exc:
        return _error(request, exc)


@router.get("/static/{name}", include_in_schema=False)
def static(request: Request, name: str) -> Response:
    if name not in OWN_STATIC:
        return _error(request, NotFound(f"Unbekannte Datei {name!r} (Pfad /static/)"))
    return FileResponse(_STATIC / name, media_type=OWN_STATIC[name])


@router.get("/sparql-editor", response_class=HTMLResponse, summary="SPARQL-Editor")
def sparql_page(request: Request, query: str | None = None) -> HTMLResponse:
    return HTMLResponse(sparql_editor(request.app.state.settings, query, _lang(request)))


@router.get("/", response_class=HTMLResponse, summary="Startseite")
def start(request: Request) -> HTMLResponse:
    lang = _lang(request)
    store = request.app.state.store
    return HTMLResponse(directory.start_page(store, lang, missing=analyses.headlines(store, lang)))


@router.get("/suche", response_class=HTMLResponse, summary="Suche über alle Einträge")
def search(request: Request, q: str = "") -> HTMLResponse:
    return HTMLResponse(directory.search_page(request.app.state.store, q, _lang(request)))


@router.get("/browse", response_class=HTMLResponse, summary="Stöbern: Übersicht")
def browse_index(request: Request) -> HTMLResponse:
    return HTMLResponse(directory.browse_index(request.app.state.store, _lang(request)))


@router.get("/browse/{kind}", response_class=HTMLResponse, summary="Liste einer Art von Einträgen")
def browse(request: Request, kind: str) -> HTMLResponse:
    if kind not in KINDS:
        return _error(
            request, NotFound(f"Unbekannte Art {kind!r} (Pfad /browse/); bekannt: {', '.join(KINDS)}")
        )
    return HTMLResponse(directory.browse_page(request.app.state.store, kind, _lang(request)))


@router.get("/fragen", response_class=HTMLResponse, summary="Benannte Fragen")
def fragen(request: Request) -> HTMLResponse:
    return HTMLResponse(answers.index_page(_lang(request)))


@router.get("/fragen/{name}", response_class=HTMLResponse, summary="Eine Frage als Formular mit Antwort")
def frage(request: Request, name: str) -> HTMLResponse:
    values = {k: v for k, v in request.query_params.items() if k != "lang"}
    try:
        html, status = answers.question_page(request.app.state.store, name, values, _lang(request))
    except NotFound as exc:
        return _error(request, exc)
    return HTMLResponse(html, status_code=status)


@router.get("/fragen/{name}/{fmt}", summary="Antwort einer Frage als CSV oder XLSX")
def frage_download(request: Request, name: str, fmt: str) -> Response:
    values = {k: v for k, v in request.query_params.items() if k != "lang"}
    try:
        body, media_type, filename = answers.download(request.app.state.store, name, values, fmt)
    except RahmengraphError as exc:
        return _error(request, exc)
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return Response(body, media_type=media_type, headers=headers)


@router.get("/ontologie", response_class=HTMLResponse, summary="Dokumentation der Ontologie")
def ontologie(request: Request) -> HTMLResponse:
    return HTMLResponse(documentation.ontology_page(request.app.state.store, _lang(request)))


@router.get("/ontologie/{name}", summary="Ontologie als Turtle-Datei")
def ontologie_file(request: Request, name: str) -> Response:
    try:
        text = documentation.turtle_file(name)
    except NotFound as exc:
        return _error(request, exc)
    return Response(
        text, media_type="text/turtle", headers={"Content-Disposition": f'inline; filename="{name}"'}
    )


@router.get("/graphen", response_class=HTMLResponse, summary="Übersicht der Graph-Ansichten")
def graphen(request: Request) -> HTMLResponse:
    lang = _lang(request)
    found = views()
    items = [(name, getattr(v, "title", name), getattr(v, "help", "")) for name, v in found.items()]
    crumbs = [(message("nav.start", lang), "/"), (message("graphen.title", lang), None)]
    return HTMLResponse(render("graphen.html", lang, "/graphen", views=items, crumbs=crumbs))
