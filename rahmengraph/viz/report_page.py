"""The page ``/bericht``: choose the period, see the headline findings, download the report and
the Vorlage as HTML, PDF or DOCX (or a DOCX in the ministry's own Word template)."""

from __future__ import annotations

from typing import Final
from urllib.parse import urlencode

from rahmengraph.model.labels import label
from rahmengraph.model.report_content import Bericht
from rahmengraph.viz.report_output import FORMATS
from rahmengraph.viz.templating import render

#: What can be downloaded: (kind, message key of its label).
KINDS: Final = (("bericht", "bericht.report"), ("vorlage", "bericht.vorlage"))


def download_url(b: Bericht, kind: str, fmt: str) -> str:
    params = {"format": fmt, "von": b.period_from, "bis": b.period_to, "stand": b.created}
    if kind == "vorlage":
        params["vorlage"] = "1"
    return f"/bericht/download?{urlencode(params)}"


def report_page(b: Bericht, lang: str) -> str:
    params = {"von": b.period_from, "bis": b.period_to, "stand": b.created}
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
    )
