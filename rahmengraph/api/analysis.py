"""Analysis endpoints: ``/api/analyse/{name}`` as JSON, CSV or XLSX, with the shared filters.

Filters (``field``, ``actor``, ``level``, ``target_group``, ``evidence``) may be repeated or
``;``-separated. Options of an analysis are further query parameters (see ``GET /api/analyse``).
Errors are raised as :mod:`rahmengraph.errors` exceptions; the API's one handler renders them.
"""

from __future__ import annotations

from typing import Annotated, Any, Final, Literal

from fastapi import APIRouter, Depends, Query, Request, Response

from rahmengraph.api.openapi import files
from rahmengraph.api.state import Store
from rahmengraph.errors import NotFound, ParameterError
from rahmengraph.model import asof
from rahmengraph.model.analysis import ANALYSES, Report, report_csv
from rahmengraph.model.analysis.coverage import matrix_csv, report_xlsx
from rahmengraph.model.filters import FILTER_KINDS, Filters
from rahmengraph.model.store import GraphStore

router = APIRouter(prefix="/api/analyse", tags=["Analysen"])

XLSX: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV: Final = "text/csv; charset=utf-8"
FORMATS: Final = ("json", "csv", "xlsx")
_OPTION_NAMES: Final = sorted({o.name for a in ANALYSES.values() for o in a.options})
_KNOWN: Final = {*FILTER_KINDS, *_OPTION_NAMES, "format", "stand"}

Values = Annotated[list[str], Query()]
Opt = Annotated[str | None, Query()]


def _documented_filters(
    field: Values = [],  # noqa: B006 - FastAPI query default
    actor: Values = [],  # noqa: B006
    level: Values = [],  # noqa: B006
    target_group: Values = [],  # noqa: B006
    evidence: Values = [],  # noqa: B006
    stand: Opt = None,
) -> None:
    """Declares the shared filters for OpenAPI; ``_run`` reads and checks them from the request."""


FilterQuery = Annotated[None, Depends(_documented_filters)]


def _filters(request: Request) -> Filters:
    unknown = sorted(set(request.query_params) - _KNOWN)
    if unknown:
        raise ParameterError(
            f"Unbekannte(r) Parameter {', '.join(unknown)}; erlaubt: {', '.join(sorted(_KNOWN))}"
        )
    return Filters.from_mapping({k: request.query_params.getlist(k) for k in FILTER_KINDS})


def _run(request: Request, store: GraphStore, name: str) -> Report:
    if name not in ANALYSES:
        raise NotFound(f"Unbekannte Analyse {name!r} (Pfad); bekannt: {', '.join(ANALYSES)}")
    analysis = ANALYSES[name]
    store, _at = asof.resolve(store, request.query_params.get("stand"))
    own = {o.name for o in analysis.options}
    options = {k: request.query_params.get(k) for k in _OPTION_NAMES if k in request.query_params}
    stray = sorted(set(options) - own)
    if stray:
        raise ParameterError(
            f"Analyse {name}: Option(en) {', '.join(stray)} gibt es hier nicht; "
            f"erlaubt: {', '.join(sorted(own)) or 'keine'}"
        )
    return analysis.run(store, _filters(request), **options)


def _respond(report: Report, fmt: str, csv_text: str | None = None) -> Response | dict[str, Any]:
    if fmt not in FORMATS:
        raise ParameterError(f"Parameter format: {fmt!r} unbekannt; erlaubt: {', '.join(FORMATS)}")
    disposition = {"Content-Disposition": f'attachment; filename="{report.name}.{fmt}"'}
    if fmt == "csv":
        return Response(
            csv_text if csv_text is not None else report_csv(report), media_type=CSV, headers=disposition
        )
    if fmt == "xlsx":
        return Response(report_xlsx(report), media_type=XLSX, headers=disposition)
    return report.model_dump()


@router.get("", summary="Verfügbare Analysen mit ihren Optionen")
def list_analyses() -> list[dict[str, Any]]:
    return [
        {
            "name": a.name,
            "title": a.title,
            "help": a.help,
            "options": [
                {"name": o.name, "default": o.default, "help": o.help, "choices": list(o.choices)}
                for o in a.options
            ],
            "filters": {k: f.help for k, f in FILTER_KINDS.items()},
        }
        for a in ANALYSES.values()
    ]


#: Matrix file suffix → (media type, renderer).
MATRIX_FILES: Final = {"csv": (CSV, matrix_csv), "xlsx": (XLSX, report_xlsx)}


@router.get(
    "/matrix.{suffix}",
    summary="Abdeckungsmatrix als Datei: .csv (Anzahl je Zelle) oder .xlsx (mit belegten und leeren Zellen)",
    response_class=Response,
    responses=files([CSV, XLSX], "Abdeckungsmatrix"),
)
def matrix_file(
    request: Request,
    store: Store,
    suffix: Literal["csv", "xlsx"],
    _filters: FilterQuery,
    rows: Opt = None,
    cols: Opt = None,
) -> Response:
    media_type, render = MATRIX_FILES[suffix]
    report = _run(request, store, "matrix")
    return Response(
        render(report),
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="matrix.{suffix}"'},
    )


@router.get(
    "/{name}",
    response_model=None,
    summary="Eine Analyse ausführen (JSON, CSV oder XLSX), gefiltert nach Handlungsfeld, Ressort, Ebene, "
    "Zielgruppe, Beleg",
    responses=files(["application/json", CSV, XLSX], "Ergebnis der Analyse (Parameter format)"),
)
def run_analysis(
    request: Request,
    store: Store,
    name: str,
    _filters: FilterQuery,
    rows: Opt = None,
    cols: Opt = None,
    min_fields: Opt = None,
    min_ressorts: Opt = None,
    seed: Opt = None,
    top: Opt = None,
    format: Opt = "json",
) -> Response | dict[str, Any]:
    report = _run(request, store, name)
    csv_text = matrix_csv(report) if name == "matrix" else None
    return _respond(report, format or "json", csv_text)
