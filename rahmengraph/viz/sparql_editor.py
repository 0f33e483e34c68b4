"""The SPARQL editor page (Yasgui, served from our own files): examples, prefixes, limits, downloads."""

from __future__ import annotations

from typing import Final
from urllib.parse import urlencode

from rahmengraph.config import Settings
from rahmengraph.model import namespaces
from rahmengraph.model.formats import GRAPH_FORMATS, RESULT_FORMATS
from rahmengraph.model.labels import label
from rahmengraph.model.query_forms import query_form
from rahmengraph.model.questions import questions
from rahmengraph.viz.static_files import editor_available
from rahmengraph.viz.templating import render

#: Graph formats offered for CONSTRUCT/DESCRIBE answers (N-Quads/TriG are for whole datasets).
CONSTRUCT_FORMATS: Final = tuple(k for k in GRAPH_FORMATS if k in ("ttl", "nt", "jsonld", "rdfxml"))
DEFAULT_QUERY: Final = (
    "SELECT ?nummer ?handlungsfeld (COUNT(?m) AS ?massnahmen) WHERE {\n"
    "  ?f a rg:ActionField ; skos:notation ?nummer ; rdfs:label ?handlungsfeld .\n"
    "  OPTIONAL { ?m rg:field ?f }\n"
    "}\nGROUP BY ?nummer ?handlungsfeld\nORDER BY ?nummer\n"
)
#: Texts of the editor's own controls (keys of ``model/labels.py`` without ``sparql.ui.``).
EDITOR_TEXTS: Final = (
    "table", "response", "simple", "ellipse", "filter", "pagesize", "all", "row", "rows", "answer",
    "seconds", "error", "noanswer", "query", "endpoint", "newtab",
)  # fmt: skip


def editor_texts(lang: str) -> dict[str, object]:
    """The editor's texts in ``lang``, with DataTables' ``language`` options for the result table."""
    texts: dict[str, object] = {k: label(f"sparql.ui.{k}", lang) for k in EDITOR_TEXTS}
    texts["datatables"] = {
        "info": label("sparql.ui.info", lang),
        "infoEmpty": label("sparql.ui.empty", lang),
        "emptyTable": label("sparql.ui.empty", lang),
        "zeroRecords": label("sparql.ui.empty", lang),
        "infoFiltered": label("sparql.ui.filtered", lang),
        "lengthLabels": {"-1": label("sparql.ui.all", lang)},
        "paginate": {"first": "&lt;&lt;", "last": "&gt;&gt;", "next": "&gt;", "previous": "&lt;"},
    }
    return texts


def sparql_editor(settings: Settings, query: str | None, lang: str, stand: str | None = None) -> str:
    """The SPARQL editor page (what GET /sparql returns to a browser); with ``stand`` the queries
    run on the editions in force then (``/sparql?stand=…``)."""
    examples = [{"name": q.name, "title": q.title, "sparql": q.sparql} for q in questions().values()]
    text = query if query and query.strip() else namespaces.sparql_prologue() + DEFAULT_QUERY
    config = {
        "endpoint": "/sparql" + (f"?{urlencode({'stand': stand})}" if stand else ""),
        "query": text,
        "examples": examples,
        "prefixes": dict(namespaces.PREFIXES),
        "newTab": namespaces.sparql_prologue() + "\nSELECT * WHERE {\n  ?s ?p ?o\n}\nLIMIT 10\n",
        "resultFormats": {k: f.media_type for k, f in RESULT_FORMATS.items()},
        "graphFormats": {k: GRAPH_FORMATS[k].media_type for k in CONSTRUCT_FORMATS},
    }
    return render(
        "sparql.html",
        lang,
        "/sparql-editor",
        {"query": query or "", "stand": stand or ""},
        config=config,
        stand=stand or "",
        editor_text=editor_texts(lang),
        query=text,
        examples=examples,
        prefixes=list(namespaces.PREFIXES.items()),
        timeout=settings.query_timeout,
        max_rows=settings.max_rows,
        editor=editor_available(),
        formats=list(CONSTRUCT_FORMATS if query_form(text) in ("CONSTRUCT", "DESCRIBE") else RESULT_FORMATS),
        crumbs=[(label("nav.start", lang), "/"), (label("sparql.title", lang), None)],
    )
