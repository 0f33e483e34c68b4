"""The analyses as web pages: ``/analysen`` (the list) and ``/analysen/{name}`` (filter form, options,
summary, every report table sortable with its ids linked to their entity pages, downloads, graph link).

The report → page conversion (labels, linked cells, heatmap) is :mod:`rahmengraph.viz.report_tables`.
"""

from __future__ import annotations

from typing import Final
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from rahmengraph.errors import NotFound, RahmengraphError
from rahmengraph.model.analysis import ANALYSES, Analysis, Report
from rahmengraph.model.filters import FILTER_KINDS, Filters
from rahmengraph.model.labels import summary_label
from rahmengraph.model.questions import PARAM_TYPES
from rahmengraph.model.store import GraphStore
from rahmengraph.viz.answers import Field, choices
from rahmengraph.viz.lookup import views
from rahmengraph.viz.report_tables import (
    ENGLISH,
    FILTER_LABELS,
    heatmap,
    key_index,
    table_view,
)
from rahmengraph.viz.templating import lang_of, message, render

router = APIRouter(tags=["Webseiten"])

#: Graph view showing an analysis (same filters).
GRAPH_VIEWS: Final[dict[str, str]] = {
    "gaps": "luecken",
    "matrix": "luecken",
    "abhaengigkeiten": "abhaengigkeiten",
    "overlaps": "ressort-netz",
}
#: Download formats of ``/api/analyse/{name}``.
DOWNLOADS: Final = ("csv", "xlsx", "json")
#: Gap tables whose row counts the start page shows ("Was fehlt?").
START_GAPS: Final = (
    "measures_without_lead",
    "measures_unmeasured",
    "intersectional_by_field",
    "municipal_fields",
)


def filter_fields(store: GraphStore, given: dict[str, list[str]], lang: str) -> list[Field]:
    """The filter selects, their choices taken from the store as in the Fragen forms; a given value
    that is no choice (a level's name, several ids) stays selectable so that it is not lost."""
    out = []
    for name, kind in FILTER_KINDS.items():
        ptype = PARAM_TYPES[kind.param_type]
        de, en = FILTER_LABELS.get(name, (name, name))
        value = ";".join(given.get(name, []))
        pairs = choices(store, ptype.name, ptype.cls, lang) or []
        if value and value not in {v for v, _label in pairs}:
            pairs = [(value, value), *pairs]
        out.append(
            Field(
                name,
                en if lang == "en" else de,
                kind.help,
                False,
                value,
                pairs,
            )
        )
    return out


def option_fields(analysis: Analysis, given: dict[str, str], lang: str) -> list[Field]:
    """The analysis' options: labelled by their help text; dimension choices by their filter label."""
    pick = 1 if lang == "en" else 0
    return [
        Field(
            o.name,
            o.help,
            f"{o.name}, Standard: {o.default}",
            False,
            given.get(o.name, o.default),
            [(c, FILTER_LABELS.get(c, (c, c))[pick]) for c in o.choices] if o.choices else None,
        )
        for o in analysis.options
    ]


def title_of(analysis: Analysis, lang: str) -> tuple[str, str]:
    return (
        ENGLISH.get(analysis.name, (analysis.title, analysis.help))
        if lang == "en"
        else (analysis.title, analysis.help)
    )


def summary_items(report: Report, lang: str) -> list[tuple[str, str, int | float | str, bool]]:
    """(key, label, value, has a table of that name) per headline number."""
    names = {t.name for t in report.tables}
    out: list[tuple[str, str, int | float | str, bool]] = []
    for key, value in report.summary.items():
        out.append((key, summary_label(key, lang), value, key in names))
    return out


def index_page(lang: str) -> str:
    items = [(a.name, *title_of(a, lang)) for a in ANALYSES.values()]
    crumbs = [(message("nav.start", lang), "/"), (message("analysen.title", lang), None)]
    return render("analysen.html", lang, "/analysen", analyses=items, crumbs=crumbs)


def analysis_page(store: GraphStore, name: str, params: list[tuple[str, str]], lang: str) -> str:
    """The page of analysis ``name`` for query parameters ``params`` (filters and its options)."""
    if name not in ANALYSES:
        raise NotFound(f"Unbekannte Analyse {name!r} (Pfad /analysen/); bekannt: {', '.join(ANALYSES)}")
    analysis = ANALYSES[name]
    given: dict[str, list[str]] = {}
    for k, v in params:
        if k in FILTER_KINDS and v.strip():
            given.setdefault(k, []).append(v.strip())
    own = {o.name for o in analysis.options}
    options = {k: v.strip() for k, v in params if k in own and v.strip()}
    report = analysis.run(store, Filters.from_mapping(dict(given.items())), **options)
    filter_pairs = [(k, v) for k, vs in given.items() for v in vs]
    pairs = filter_pairs + sorted(options.items())
    view = GRAPH_VIEWS.get(name)
    graph = (
        f"/viz/{view}" + (f"?{urlencode(filter_pairs)}" if filter_pairs else "") if view in views() else None
    )
    index = key_index(store)
    matrix = table_view(report, report.table("matrix"), index) if name == "matrix" else None
    heat = heatmap(report)
    title, help_text = title_of(analysis, lang)
    crumbs = [
        (message("nav.start", lang), "/"),
        (message("analysen.title", lang), "/analysen"),
        (title, None),
    ]
    return render(
        "analyse.html",
        lang,
        f"/analysen/{name}",
        {**{k: ";".join(vs) for k, vs in given.items()}, **options},
        name=name,
        title=title,
        help=help_text,
        report=report,
        filters=filter_fields(store, given, lang),
        options=option_fields(analysis, options, lang),
        summary=summary_items(report, lang),
        tables=[table_view(report, t, index) for t in report.tables if t.name != "matrix"],
        matrix=matrix,
        heat=list(zip([r for _id, r in matrix.rows], heat, strict=True)) if matrix and heat else None,
        downloads=[(fmt, f"/api/analyse/{name}?{urlencode([*pairs, ('format', fmt)])}") for fmt in DOWNLOADS],
        graph=graph,
        crumbs=crumbs,
    )


def headlines(store: GraphStore, lang: str) -> list[tuple[str, str, int]]:
    """(table name, label, rows) of the gap findings the start page shows under "Was fehlt?"."""
    report = ANALYSES["gaps"].run(store, Filters())
    counts = report.counts()
    out: list[tuple[str, str, int]] = []
    for name in START_GAPS:
        if name in counts:
            out.append((name, summary_label(name, lang), counts[name]))
    return out


def _error(request: Request, exc: RahmengraphError) -> HTMLResponse:
    lang = lang_of(request.query_params.get("lang"))
    html = render("error.html", lang, request.url.path, message_text=str(exc), code=exc.code)
    return HTMLResponse(html, status_code=exc.status)


@router.get("/analysen", response_class=HTMLResponse, summary="Analysen: Überschneidungen, Lücken, …")
def analysen(request: Request) -> HTMLResponse:
    return HTMLResponse(index_page(lang_of(request.query_params.get("lang"))))


@router.get("/analysen/{name}", response_class=HTMLResponse, summary="Eine Analyse mit Filtern")
def analyse(request: Request, name: str) -> HTMLResponse:
    lang = lang_of(request.query_params.get("lang"))
    try:
        html = analysis_page(request.app.state.store, name, list(request.query_params.multi_items()), lang)
    except RahmengraphError as exc:
        return _error(request, exc)
    return HTMLResponse(html)
