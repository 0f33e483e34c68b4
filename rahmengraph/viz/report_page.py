"""The page ``/bericht``: choose the period, see the headline findings, download the report and
the Vorlage as HTML, PDF or DOCX (or a DOCX in the ministry's own Word template)."""

from __future__ import annotations

from typing import Final
from urllib.parse import urlencode

from rahmengraph.model.bericht import PARTICIPATION_NOTE
from rahmengraph.model.labels import label
from rahmengraph.model.report_content import Bericht
from rahmengraph.viz.report_output import FORMATS
from rahmengraph.viz.templating import render

#: What can be downloaded: (kind, message key of its label).
KINDS: Final = (("bericht", "bericht.report"), ("vorlage", "bericht.vorlage"))


def _period(b: Bericht) -> dict[str, str]:
    """The page's choices: period, date and (the report with) the participation chapter."""
    params = {"von": b.period_from, "bis": b.period_to, "stand": b.created}
    if b.participation is not None:
        params["beteiligung"] = "1"
    return params


def download_url(b: Bericht, kind: str, fmt: str) -> str:
    params = {"format": fmt, **_period(b)}
    if kind == "vorlage":
        params.pop("beteiligung", None)  # two pages for the steering group: no participation chapter
        params["vorlage"] = "1"
    return f"/bericht/download?{urlencode(params)}"


def report_page(b: Bericht, lang: str) -> str:
    params = _period(b)
    crumbs = [(label("nav.start", lang), "/"), (label("bericht.title", lang), None)]
    return render(
        "bericht_seite.html",
        lang,
        "/bericht",
        params,
        b=b,
        formats=list(FORMATS),
        kinds=[(k, label(key, lang)) for k, key in KINDS],
        downloads={(k, fmt): download_url(b, k, fmt) for k, _ in KINDS for fmt in FORMATS},
        crumbs=crumbs,
        participation_note=PARTICIPATION_NOTE,
    )
