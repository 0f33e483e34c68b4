"""Routes of the report: the page ``/bericht`` and ``/bericht/download`` (GET: HTML, PDF, DOCX of the
report or the Vorlage; POST: the same with the ministry's own Word template uploaded).

Errors are :mod:`rahmengraph.errors` exceptions, answered by the one handler (HTML page for browsers
on these page routes, JSON for clients that ask for it).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Annotated, Final

from fastapi import APIRouter, File, Form, Query, UploadFile
from fastapi.responses import HTMLResponse, Response

from rahmengraph.api.error_responses import PageRoute
from rahmengraph.api.language import PageLang
from rahmengraph.api.openapi import errors, files
from rahmengraph.api.state import AppState, State, loaded_bases
from rahmengraph.errors import ParameterError
from rahmengraph.model.bericht import build, default_period
from rahmengraph.model.change_list import report_changes
from rahmengraph.model.participation.results import results_of
from rahmengraph.model.report_content import Bericht
from rahmengraph.viz.report_output import FORMATS, file_name, render_report
from rahmengraph.viz.report_page import report_page

router = APIRouter(tags=["Bericht"], route_class=PageRoute)

#: Largest Word template accepted (bytes).
MAX_TEMPLATE = 20 * 1024 * 1024


#: The query parameter (and form field) that adds the chapter "Ergebnisse der Beteiligung".
PARTICIPATION: Final = Query(description="Kapitel „Ergebnisse der Beteiligung“ anfügen (nur Bericht)")


def _report(
    state: AppState, von: str | None, bis: str | None, stand: str | None, beteiligung: bool = False
) -> Bericht:
    today = dt.date.today()
    start, end = default_period(today)
    voices = results_of(loaded_bases(state)) if beteiligung else None
    return build(
        state.store, von or start, bis or end, stand or today.isoformat(), changes=report_changes,
        participation=voices,
    )  # fmt: skip


def _download(b: Bericht, fmt: str, vorlage: bool, template: Path | None = None) -> Response:
    data = render_report(b, fmt, vorlage, template)
    disposition = "inline" if fmt == "html" else "attachment"
    return Response(
        data,
        media_type=FORMATS[fmt].media_type,
        headers={"Content-Disposition": f'{disposition}; filename="{file_name(b, fmt, vorlage)}"'},
    )


@router.get(
    "/bericht", response_class=HTMLResponse, summary="Umsetzungsbericht: Zeitraum wählen, herunterladen"
)
def bericht_page(
    state: State,
    lang: PageLang,
    von: str | None = None,
    bis: str | None = None,
    stand: str | None = None,
    beteiligung: Annotated[bool, PARTICIPATION] = False,
) -> HTMLResponse:
    return HTMLResponse(report_page(_report(state, von, bis, stand, beteiligung), lang))


#: What the downloads answer: the report in one of its formats.
REPORT_FILES: Final = files([f.media_type for f in FORMATS.values()], "Bericht oder Vorlage")


@router.get(
    "/bericht/download",
    summary="Bericht oder Vorlage als HTML, PDF oder DOCX",
    response_class=Response,
    responses=REPORT_FILES,
)
def bericht_download(
    state: State,
    format: Annotated[str, Query(description="Format", json_schema_extra={"enum": list(FORMATS)})] = "pdf",
    von: str | None = None,
    bis: str | None = None,
    stand: str | None = None,
    vorlage: bool = False,
    beteiligung: Annotated[bool, PARTICIPATION] = False,
) -> Response:
    return _download(_report(state, von, bis, stand, beteiligung and not vorlage), format, vorlage)


@router.post(
    "/bericht/download",
    summary="Bericht als DOCX in einer eigenen Word-Vorlage",
    response_class=Response,
    responses={**REPORT_FILES, **errors(422)},
)
def bericht_with_template(
    state: State,
    word_vorlage: Annotated[UploadFile, File(description="Word-Vorlage (.docx)")],
    von: Annotated[str | None, Form()] = None,
    bis: Annotated[str | None, Form()] = None,
    stand: Annotated[str | None, Form()] = None,
    vorlage: Annotated[bool, Form()] = False,
    beteiligung: Annotated[bool, Form(description="Kapitel „Ergebnisse der Beteiligung“ anfügen")] = False,
) -> Response:
    data = word_vorlage.file.read(MAX_TEMPLATE + 1)
    if len(data) > MAX_TEMPLATE:
        raise ParameterError(
            f"Word-Vorlage {word_vorlage.filename!r} ist größer als {MAX_TEMPLATE // 2**20} MB"
        )
    b = _report(state, von, bis, stand, beteiligung and not vorlage)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "vorlage.docx"
        path.write_bytes(data)
        return _download(b, "docx", vorlage, path)
