"""The named questions as forms: choices from the store, the answer as a table, CSV/XLSX downloads."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlencode

import pyoxigraph as ox

from rahmengraph.errors import ParameterError, RahmengraphError
from rahmengraph.model import namespaces, value_lists, vocab
from rahmengraph.model.export import finish_sheet
from rahmengraph.model.filters import FILTER_KINDS
from rahmengraph.model.frameworks import PARAM, chosen, frameworks, owner
from rahmengraph.model.kinds import KINDS
from rahmengraph.model.labels import label
from rahmengraph.model.loading.csv_text import excel_csv
from rahmengraph.model.ordering import natural_key
from rahmengraph.model.questions import Question, question, questions, run
from rahmengraph.model.store import GraphStore, Table, text
from rahmengraph.model.terms import in_terms, question_in_terms, terms
from rahmengraph.viz.iri_display import href, iri_list, labels
from rahmengraph.viz.kind_pages import CLASS_KIND
from rahmengraph.viz.templating import render
from rahmengraph.viz.views import VIEWS

#: Parameter types whose choices are cells of a vocab table (value, German label, English label).
_VOCAB_CHOICES: Final = {"role": value_lists.ROLES, "evidence": value_lists.EVIDENCE}
#: Download formats of an answer: name → media type.
DOWNLOADS: Final[dict[str, str]] = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
GRAPH_VIEW = "gesamtbild"
#: Question parameters that the graph view takes under another name (the rest are its filters).
_GRAPH_PARAMS: Final = {"measure": "fokus"}


@dataclass
class Field:
    name: str
    label: str
    help: str
    required: bool
    value: str
    choices: list[tuple[str, str]] | None  # None: free text


def choices(store: GraphStore, ptype: str, cls: str | None, lang: str) -> list[tuple[str, str]] | None:
    """(value, label) pairs for a parameter type: the entities of its class in the store."""
    if ptype in _VOCAB_CHOICES:
        own = terms(store)
        return [
            (t.cell, t.label_en if lang == "en" else in_terms(t.label_de, own))
            for t in _VOCAB_CHOICES[ptype].values()
        ]
    if cls is None:
        return None
    kind = CLASS_KIND.get(cls)
    classes = [c for c, k in CLASS_KIND.items() if k == kind] or [cls]
    rows = store.select(
        f"SELECT DISTINCT ?e ?key WHERE {{ VALUES ?c {{ {iri_list(classes)} }} "
        f"?e a ?c ; <{vocab.NOTATION}> ?key }}"
    ).values()
    names = labels(store, {r["e"] for r in rows if r["e"]}, lang)
    if len(frameworks(store)) > 1:
        # ids repeat across frameworks (MB here and there): the value is the IRI, the label names
        # the framework, so every option is unique and no choice merges two frameworks' entities
        owned = [(r, owner(store, r["e"] or "")) for r in rows]
        tagged = {
            (r["e"] or "", f"{r['key']} – {names.get(r['e'] or '', '')} ({fw.name if fw else '–'})", fw)
            for r, fw in owned
        }
        ordered = sorted(tagged, key=lambda t: (t[2].ident if t[2] else "", natural_key(t[1])))
        return [(value, text_) for value, text_, _fw in ordered]
    pairs = {(r["key"] or "", f"{r['key']} – {names.get(r['e'] or '', '')}".rstrip(" –")) for r in rows}
    return sorted(pairs, key=lambda p: natural_key(p[0]))


def framework_field(store: GraphStore, value: str, lang: str) -> list[Field]:
    """The ``rahmen`` field, in a store with several frameworks (none otherwise)."""
    known = frameworks(store)
    if len(known) <= 1:
        return []
    options = [(fw.ident, f"{fw.ident} – {fw.title}") for fw in known]
    return [
        Field(PARAM, label("fragen.rahmen", lang), label("fragen.rahmen.help", lang), False, value, options)
    ]


def form(store: GraphStore, q: Question, values: dict[str, str], lang: str) -> list[Field]:
    """The question's fields (``q`` as :func:`question_in_terms` gives it)."""
    return framework_field(store, values.get(PARAM, ""), lang) + [
        Field(
            p.name,
            p.type.label,
            p.help,
            p.required,
            values.get(p.name, ""),
            choices(store, p.type.name, p.type.cls, lang),
        )
        for p in q.params
    ]


def known_values(q: Question, values: dict[str, str]) -> dict[str, str]:
    """The given parameter values (empty ones left out); an unknown parameter is an error."""
    allowed = [PARAM, *(p.name for p in q.params)]
    ParameterError.check_known(values, allowed, f"Frage {q.name} (Query-Parameter)")
    return {k: v.strip() for k, v in values.items() if v.strip()}


def _without(values: dict[str, str]) -> dict[str, str]:
    """The question's own parameters (``rahmen`` is the framework's, not the question's)."""
    return {k: v for k, v in values.items() if k != PARAM}


def index_page(store: GraphStore, lang: str) -> str:
    crumbs = [(label("nav.start", lang), "/"), (label("fragen.title", lang), None)]
    shown = [question_in_terms(store, q) for q in questions().values()]
    return render("fragen.html", lang, "/fragen", questions=shown, crumbs=crumbs, own=terms(store))


def _id_links(store: GraphStore, q: Question, table: Table) -> dict[tuple[str, str, str], str]:
    """(framework id, kind, id) → the entity's page, for the ids in columns the question declares as
    ids; the framework id "" gives the first framework's (for rows that name none)."""
    wanted: dict[str, set[str]] = {}
    for i, var in enumerate(table.variables):
        kind = q.column(var).kind
        if kind:
            wanted.setdefault(kind, set()).update(text(row[i]) or "" for row in table if row[i] is not None)
    out: dict[tuple[str, str, str], str] = {}
    for kind, ids in wanted.items():
        keys = " ".join(str(ox.Literal(k)) for k in sorted(ids))
        rows = store.select(
            f"SELECT ?e ?key WHERE {{ VALUES ?key {{ {keys} }} ?e a <{KINDS[kind].cls}> ; "
            f"<{vocab.NOTATION}> ?key }} ORDER BY ?e"
        ).values()
        for r in rows:
            link = href(r["e"] or "")
            if link:
                fw = owner(store, r["e"] or "")
                out.setdefault((fw.ident if fw else "", kind, r["key"] or ""), link)
                out.setdefault(("", kind, r["key"] or ""), link)
    return out


def _cells(
    store: GraphStore, q: Question, table: Table, lang: str, rahmen: str = ""
) -> list[list[tuple[str, str | None]]]:
    """The answer's cells as (text, link); an id links to the entity of its row's framework (column
    ``rahmen``, else the one asked for), so ids two frameworks share lead to the right one."""
    iris = {t.value for row in table for t in row if isinstance(t, ox.NamedNode)}
    names = labels(store, iris, lang)
    kinds = [q.column(var).kind for var in table.variables]
    ids = _id_links(store, q, table)
    at = table.variables.index(PARAM) if PARAM in table.variables else None
    out = []
    for row in table:
        fw = (text(row[at]) or "") if at is not None else rahmen
        cells: list[tuple[str, str | None]] = []
        for kind, t in zip(kinds, row, strict=True):
            if isinstance(t, ox.NamedNode):
                cells.append((names.get(t.value, t.value), href(t.value)))
            elif isinstance(t, ox.Literal) and t.datatype.value == namespaces.XSD + "boolean":
                cells.append((label("value.true" if t.value in ("true", "1") else "value.false", lang), None))
            else:
                value = text(t) or ""
                link = ids.get((fw, kind, value)) or ids.get(("", kind, value)) if kind else None
                cells.append((value, link))
        out.append(cells)
    return out


def _asked(store: GraphStore, given: dict[str, str]) -> str:
    """The id of the framework the question was asked for ("" for all)."""
    return chosen(store, given[PARAM]).ident if given.get(PARAM) else ""


def question_page(store: GraphStore, name: str, values: dict[str, str], lang: str) -> tuple[str, int]:
    """The form of question ``name``; with the answer when every required parameter has a value."""
    q = question_in_terms(store, question(name))
    given = known_values(q, values)
    ready = all(p.name in given for p in q.params if p.required)
    table: Table | None = None
    sparql = ""
    error = ""
    status = 200
    if ready:
        try:
            table, sparql = run(store, name, _without(given), rahmen=given.get(PARAM))
        except RahmengraphError as exc:
            error, status = str(exc), exc.status
    graph_params = {_GRAPH_PARAMS.get(k, k): v for k, v in given.items()}
    filters = {k: v for k, v in graph_params.items() if k in FILTER_KINDS or k in _GRAPH_PARAMS.values()}
    graph = f"/viz/{GRAPH_VIEW}?{urlencode(filters)}" if GRAPH_VIEW in VIEWS else None
    crumbs = [(label("nav.start", lang), "/"), (label("fragen.title", lang), "/fragen"), (q.title, None)]
    html = render(
        "frage.html",
        lang,
        f"/fragen/{name}",
        given,
        q=q,
        fields=form(store, q, given, lang),
        table=table,
        rows=_cells(store, q, table, lang, _asked(store, given)) if table is not None else [],
        headings=[q.column(v).heading for v in table.variables] if table is not None else [],
        sparql=sparql,
        error=error,
        query_string=urlencode(given),
        downloads=list(DOWNLOADS),
        graph=graph.rstrip("?") if graph else None,
        crumbs=crumbs,
        own=terms(store),
    )
    return html, status


def csv_bytes(table: Table, headings: list[str]) -> bytes:
    """The answer as CSV for German Excel (BOM, semicolon, CRLF; see data/README.md)."""
    return excel_csv(headings, ([text(t) or "" for t in row] for row in table)).encode("utf-8")


def xlsx_answer(table: Table, title: str, headings: list[str]) -> bytes:
    from openpyxl import Workbook  # on first use: a server that writes no workbook need not hold it

    wb = Workbook()
    ws = wb.active
    assert ws is not None  # a new workbook always has one sheet
    ws.title = title[:31] or "Antwort"
    ws.append(headings)
    for row in table:
        ws.append([text(t) or "" for t in row])
    finish_sheet(ws, text=True)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def download(store: GraphStore, name: str, values: dict[str, str], fmt: str) -> tuple[bytes, str, str]:
    """(body, media type, file name) of the answer in ``fmt`` (csv or xlsx)."""
    if fmt not in DOWNLOADS:
        raise ParameterError(
            f"Unbekanntes Format {fmt!r} (Pfad /fragen/{name}/); bekannt: {', '.join(DOWNLOADS)}"
        )
    q = question(name)
    given = known_values(q, values)
    table, _sparql = run(store, name, _without(given), rahmen=given.get(PARAM))
    headings = [q.column(v).heading for v in table.variables]
    body = csv_bytes(table, headings) if fmt == "csv" else xlsx_answer(table, name, headings)
    return body, DOWNLOADS[fmt], f"{name}.{fmt}"
