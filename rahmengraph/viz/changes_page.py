"""The page "Änderungen" (``/aenderungen``): what changed between two editions, filterable by
Handlungsfeld, Ressort, level and type, with the documented reason and source of every change."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from rahmengraph.model import value_lists
from rahmengraph.model.asof import EditionInfo, editions
from rahmengraph.model.change_list import Filters, Report, between, row
from rahmengraph.model.edition_update import Plan
from rahmengraph.model.iri_paths import local_path
from rahmengraph.model.labels import label as message
from rahmengraph.model.ordering import natural_key
from rahmengraph.model.store import GraphStore
from rahmengraph.viz.templating import render

#: Filter parameters of the page and of ``/api/aenderungen``.
FILTERS = ("field", "actor", "level", "art")


@dataclass(frozen=True)
class Choice:
    name: str
    label: str
    value: str
    choices: list[tuple[str, str]]


def type_label(cell: str, lang: str) -> str:
    term = value_lists.CHANGE_TYPES.get(cell) or value_lists.TRANSFER_KINDS.get(cell)
    if term is None:
        return cell
    return term.label_en if lang == "en" else term.label_de


def _choices(report: Report, given: dict[str, str], lang: str) -> list[Choice]:
    """Filter selects, their choices from the unfiltered changes (so no choice gives an empty page)."""
    found: dict[str, set[str]] = {"field": set(), "actor": set(), "level": set()}
    for c in report.changes:
        found["field"].update(c.fields)
        found["actor"].update(c.actors)
        found["level"].update(c.levels)
    labels = {
        "field": message("aenderungen.field", lang),
        "actor": message("aenderungen.actor", lang),
        "level": message("aenderungen.level", lang),
        "art": message("aenderungen.type", lang),
    }
    out = [
        Choice(k, labels[k], given.get(k, ""), [(v, v) for v in sorted(vals, key=natural_key)])
        for k, vals in found.items()
    ]
    types = [(cell, type_label(cell, lang)) for cell in value_lists.CHANGE_TYPES]
    return [*out, Choice("art", labels["art"], given.get("art", ""), types)]


def upload_preview(found: Plan, upload: str, lang: str) -> str:
    """What a new edition would change, with the checks' warnings; nothing is written yet."""
    crumbs = [
        (message("nav.start", lang), "/"),
        (message("aenderungen.title", lang), "/aenderungen"),
        (message("aenderungen.preview", lang), None),
    ]
    rows = [row(c) for c in found.changes]
    return render(
        "ausgabe_vorschau.html",
        lang,
        "/aenderungen",
        crumbs=crumbs,
        edition=found.edition,
        previous=found.previous[0],
        items=list(zip(found.changes, rows, strict=True)),
        warnings=[str(w) for w in found.warnings],
        upload=upload,
        type_label=lambda cell: type_label(cell, lang),
        page=lambda iri: local_path(iri) or iri,
    )


def changes_page(store: GraphStore, params: dict[str, str], lang: str) -> str:
    """The page for query parameters ``params`` (``von``, ``bis``, filters); raises ParameterError."""
    found = editions(store)
    crumbs = [(message("nav.start", lang), "/"), (message("aenderungen.title", lang), None)]
    if not found:
        return render("aenderungen.html", lang, "/aenderungen", crumbs=crumbs, editions=[], report=None)
    first: EditionInfo = found[0]
    before = params.get("von") or first.version
    after = params.get("bis", "")
    given = {k: params[k] for k in FILTERS if params.get(k)}
    whole = between(store, before, after)
    report = between(store, before, after, Filters(*(given.get(k, "") for k in FILTERS)))
    query = [("von", before), ("bis", after), *sorted(given.items())]
    return render(
        "aenderungen.html",
        lang,
        "/aenderungen",
        {"von": before, "bis": after, **given},
        crumbs=crumbs,
        editions=[e for e in found if e.framework == whole.framework],
        before=report.before,
        after=report.after,
        filters=_choices(whole, given, lang),
        report=report,
        rows=report.rows(),
        items=list(zip(report.changes, report.rows(), strict=True)),
        page=lambda iri: local_path(iri) or iri,
        type_label=lambda cell: type_label(cell, lang),
        downloads=[(f, "/api/aenderungen?" + urlencode([*query, ("format", f)])) for f in ("csv", "json")],
        graph="/viz/aenderungen?"
        + urlencode([("von", report.before.version), ("bis", report.after.version)]),
    )
