"""The analyses as web pages: ``/analysen`` (the list) and ``/analysen/{name}`` (filter form, options,
summary, every report table sortable with its ids linked to their entity pages, downloads, graph link).

The report → page conversion (labels, linked cells, heatmap) is :mod:`rahmengraph.viz.report_tables`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final
from urllib.parse import urlencode

from rahmengraph.errors import NotFound, ParameterError
from rahmengraph.model import asof
from rahmengraph.model.analysis import ANALYSES, Analysis, Report
from rahmengraph.model.filters import FILTER_KINDS, Filters
from rahmengraph.model.labels import label, label_or, summary_help, summary_label
from rahmengraph.model.questions import PARAM_TYPES
from rahmengraph.model.store import GraphStore
from rahmengraph.model.terms import Terms, in_terms, terms
from rahmengraph.viz.question_pages import Field, choices
from rahmengraph.viz.report_tables import TableView, column_heads, heatmap, key_index, table_view
from rahmengraph.viz.templating import render
from rahmengraph.viz.views import VIEWS

#: Graph view showing an analysis (same filters).
GRAPH_VIEWS: Final[dict[str, str]] = {
    "gaps": "luecken",
    "matrix": "luecken",
    "abhaengigkeiten": "abhaengigkeiten",
    "overlaps": "ressort-netz",
}
#: Download formats of ``/api/analyse/{name}``.
DOWNLOADS: Final = ("csv", "xlsx", "json")
#: Headline numbers of the gaps analysis the start page shows ("Was fehlt?").
START_GAPS: Final = (
    "leere_zellen",
    "measures_without_lead",
    "measures_unmeasured",
    "intersectional_by_field",
    "municipal_fields",
)


def filter_fields(store: GraphStore, given: dict[str, list[str]], lang: str) -> list[Field]:
    """The filter selects, their choices taken from the store as in the Fragen forms; a given value
    that is no choice (a level's name, several ids) stays selectable so that it is not lost. Labels
    and help speak the loaded framework's terms."""
    own = terms(store)
    out = []
    for name, kind in FILTER_KINDS.items():
        ptype = PARAM_TYPES[kind.param_type]
        value = ";".join(given.get(name, []))
        pairs = choices(store, ptype.name, ptype.cls, lang) or []
        if value and value not in {v for v, _label in pairs}:
            pairs = [(value, value), *pairs]
        out.append(
            Field(
                name,
                _spoken(label_or(f"filter.{name}", name, lang), own, lang),
                _spoken(kind.help, own, lang),
                False,
                value,
                pairs,
            )
        )
    return out


def _spoken(text: str, own: Terms, lang: str) -> str:
    """A German page text in the framework's terms (English texts stay)."""
    return in_terms(text, own) if lang == "de" else text


def option_fields(analysis: Analysis, given: dict[str, str], lang: str, own: Terms) -> list[Field]:
    """The analysis' options: labelled by their help text; dimension choices by their filter label."""
    return [
        Field(
            o.name,
            _spoken(o.help, own, lang),
            f"{label('analysen.default', lang)}: {o.default}",
            False,
            given.get(o.name, o.default),
            [(c, _spoken(label_or(f"filter.{c}", c, lang), own, lang)) for c in o.choices]
            if o.choices
            else None,
        )
        for o in analysis.options
    ]


def title_of(analysis: Analysis, lang: str, own: Terms) -> tuple[str, str]:
    """(title, help) of ``analysis`` in ``lang`` and the framework's terms."""
    key = f"analysis.{analysis.name}"
    title, help_text = (
        label_or(f"{key}.title", analysis.title, lang),
        label_or(f"{key}.help", analysis.help, lang),
    )
    return _spoken(title, own, lang), _spoken(help_text, own, lang)


def _table_in_terms(view: TableView, own: Terms, lang: str) -> TableView:
    """A report table's title, explanation and headings in the framework's terms."""
    return replace(
        view,
        title=_spoken(view.title, own, lang),
        explain=_spoken(view.explain, own, lang) if view.explain else view.explain,
        columns=[_spoken(c, own, lang) for c in view.columns],
        rows=[
            (
                anchor,
                [
                    (numeric, [(_spoken(s, own, lang) if link is None else s, link) for s, link in segs])
                    for numeric, segs in cells
                ],
            )
            for anchor, cells in view.rows
        ],
    )


#: Headline numbers counted from a table of another name (the section a number links to).
SECTION_OF: Final[dict[str, str]] = {
    "leere_zellen": "coverage",
    "zellen": "matrix",
    "belegt": "cells",
    "leer": "empty",
}


def section_of(key: str) -> str:
    """The id of the section a headline number links to (``t-<table name>``)."""
    return f"t-{SECTION_OF.get(key, key)}"


def summary_items(
    report: Report, lang: str, own: Terms
) -> list[tuple[str, str, int | float | str, str | None, str]]:
    """(key, label, value, id of its section or None, what it counts) per headline number."""
    names = {t.name for t in report.tables}
    return [
        (
            key,
            _spoken(summary_label(key, lang), own, lang),
            value,
            section_of(key) if SECTION_OF.get(key, key) in names else None,
            _spoken(summary_help(key, lang), own, lang),
        )
        for key, value in report.summary.items()
    ]


def active_filters(fields: list[Field]) -> str:
    """The set filters and options as one line ("Handlungsfeld: 3.1 · …"), for the collapsed form."""
    return " · ".join(f"{f.label}: {dict(f.choices or []).get(f.value, f.value)}" for f in fields if f.value)


def index_page(store: GraphStore, lang: str) -> str:
    own = terms(store)
    items = [(a.name, *title_of(a, lang, own)) for a in ANALYSES.values()]
    crumbs = [(label("nav.start", lang), "/"), (label("analysen.title", lang), None)]
    return render("analysen.html", lang, "/analysen", analyses=items, crumbs=crumbs, own=own)


def edition_choices(store: GraphStore, stand: str) -> list[tuple[str, str]]:
    """(version, label) of every edition, newest first; a given ``stand`` that is no edition (a date)
    stays selectable so that it is not lost."""
    found = [(e.version, f"{e.version} – {e.title}") for e in reversed(asof.editions(store))]
    if stand and stand not in {v for v, _label in found}:
        found.insert(0, (stand, stand))
    return found


def analysis_page(store: GraphStore, name: str, params: list[tuple[str, str]], lang: str) -> str:
    """The page of analysis ``name`` for query parameters ``params`` (filters, its options, ``stand``)."""
    if name not in ANALYSES:
        raise NotFound(f"Unbekannte Analyse {name!r} (Pfad /analysen/); bekannt: {', '.join(ANALYSES)}")
    analysis = ANALYSES[name]
    own_names = [o.name for o in analysis.options]
    ParameterError.check_known(
        (k for k, _v in params),
        [*FILTER_KINDS, *own_names, "stand", "lang"],
        f"Analyse {name} (Query-Parameter)",
    )
    given: dict[str, list[str]] = {}
    for k, v in params:
        if k in FILTER_KINDS and v.strip():
            given.setdefault(k, []).append(v.strip())
    option_names = {o.name for o in analysis.options}
    options = {k: v.strip() for k, v in params if k in option_names and v.strip()}
    stand = next((v.strip() for k, v in params if k == "stand" and v.strip()), "")
    shown, at = asof.resolve(store, stand)
    report = analysis.run(shown, Filters.from_mapping(dict(given.items())), **options)
    filter_pairs = [(k, v) for k, vs in given.items() for v in vs] + ([("stand", stand)] if stand else [])
    pairs = filter_pairs + sorted(options.items())
    view = GRAPH_VIEWS.get(name)
    graph = (
        f"/viz/{view}" + (f"?{urlencode(filter_pairs)}" if filter_pairs else "") if view in VIEWS else None
    )
    index = key_index(shown)
    own = terms(store)
    matrix = table_view(report, report.table("matrix"), index) if name == "matrix" else None
    matrix = _table_in_terms(matrix, own, lang) if matrix else None
    heat = heatmap(report)
    title, help_text = title_of(analysis, lang, own)
    filters = filter_fields(store, given, lang)
    crumbs = [
        (label("nav.start", lang), "/"),
        (label("analysen.title", lang), "/analysen"),
        (title, None),
    ]
    return render(
        "analyse.html",
        lang,
        f"/analysen/{name}",
        {**{k: ";".join(vs) for k, vs in given.items()}, **options, **({"stand": stand} if stand else {})},
        name=name,
        title=title,
        help=help_text,
        report=report,
        filters=filters,
        options=option_fields(analysis, options, lang, own),
        active=active_filters(filters),
        summary=summary_items(report, lang, own),
        tables=[
            _table_in_terms(table_view(report, t, index), own, lang)
            for t in report.tables
            if t.name != "matrix"
        ],
        matrix=matrix,
        heads=column_heads(store, matrix.columns[2:]) if matrix else None,
        heat=list(zip([r for _id, r in matrix.rows], heat, strict=True)) if matrix and heat else None,
        downloads=[(fmt, f"/api/analyse/{name}?{urlencode([*pairs, ('format', fmt)])}") for fmt in DOWNLOADS],
        graph=graph,
        crumbs=crumbs,
        editions=edition_choices(store, stand),
        stand=stand,
        shown=at.label if stand else "",
        own=own,
    )


def headlines(store: GraphStore, lang: str) -> list[tuple[str, str, int | float | str, str]]:
    """(section id, label, number, what it counts) of the gap numbers the start page shows under
    "Was fehlt?": the same headline numbers as the gaps page and ``/api/analyse/gaps``."""
    summary = ANALYSES["gaps"].run(store, Filters()).summary
    own = terms(store)
    return [
        (
            section_of(key),
            _spoken(summary_label(key, lang), own, lang),
            summary[key],
            _spoken(summary_help(key, lang), own, lang),
        )
        for key in START_GAPS
        if key in summary
    ]
