"""The JSON API for planners (``/api/…``): lists, items, partners, responsibility today, named questions.

Handlers stay thin: the SPARQL and the logic live in ``rahmengraph.model`` (catalog, listing,
relations, partners, responsibility, questions). Handlers are plain ``def`` functions, so FastAPI
runs them in its thread pool and the event loop stays free.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Query, Request

from rahmengraph.api.schemas import (
    AnswerOut,
    CollectionOut,
    DutyOut,
    IncomingOut,
    ItemDetailOut,
    ItemOut,
    PageOut,
    ParamOut,
    PartnerOut,
    QuestionOut,
    SourceOut,
    SuccessionOut,
)
from rahmengraph.api.state import State, Store
from rahmengraph.errors import ParameterError
from rahmengraph.model import asof, frameworks
from rahmengraph.model import questions as named
from rahmengraph.model.catalog import COLLECTIONS, Collection
from rahmengraph.model.filters import FILTER_KINDS
from rahmengraph.model.listing import MEASURE_FILTERS, select_items, sort_items
from rahmengraph.model.partners import partners
from rahmengraph.model.relations import duties, incoming, sources
from rahmengraph.model.responsibility import responsible_today
from rahmengraph.model.terms import question_in_terms

router = APIRouter(prefix="/api", tags=["Planung"])

#: Query parameters that are not filters.
PAGING = {"q", "limit", "offset", "sort", "lang", "format", "stand"}
RAHMEN = Query(
    None,
    description="Rahmenkonzept (ID aus rahmen.csv, z. B. bremen-2021), wenn der Speicher mehrere hat; "
    "leer: jedes mit seinen eigenen Einträgen, mit der Spalte rahmen",
)
STAND = Query(None, description="Stand: Datum (JJJJ-MM-TT) oder Ausgabe (z. B. 2021-10); leer: aktuell")


def _filters(request: Request) -> dict[str, str]:
    params = request.query_params
    return {k: ";".join(params.getlist(k)) for k in params if k not in PAGING}


def _list_handler(col: Collection) -> Callable[..., PageOut]:
    def handler(
        request: Request,
        state: State,
        q: str | None = Query(None, description="Textsuche in ID, deutscher Bezeichnung und Textspalten"),
        limit: int = Query(50, ge=1, le=1000, description="Einträge je Seite"),
        offset: int = Query(0, ge=0, description="Einträge überspringen"),
        sort: str | None = Query(
            None, description="id (Vorgabe), label oder eine Spalte; '-' davor: absteigend"
        ),
    ) -> PageOut:
        filters = _filters(request)
        found = sort_items(select_items(state.catalog, col.path, filters, q), sort)
        if sort and sort.lstrip("-") not in {"id", "label", *(c.name for c in col.columns)}:
            raise ParameterError(
                f"Parameter sort: {sort!r} ist weder id, label noch eine Spalte von {col.path}"
            )
        page = found[offset : offset + limit]
        return PageOut(
            liste=col.path,
            gesamt=len(found),
            limit=limit,
            offset=offset,
            filter=filters,
            eintraege=[ItemOut.of(i) for i in page],
        )

    return handler


def _item_handler(col: Collection) -> Callable[..., ItemDetailOut]:
    def handler(state: State, ident: str) -> ItemDetailOut:
        item = state.catalog.item(col.path, ident)
        store = state.store
        base = ItemOut.of(item)
        return ItemDetailOut(
            **base.model_dump(),
            quellen=[SourceOut.of(s) for s in sources(store, item.iri)],
            verweise_auf_diesen=[IncomingOut.of(x) for x in incoming(store, item.iri)],
            zustaendigkeiten=[DutyOut.of(d) for d in duties(store, item.iri)]
            if col.entity == "measure"
            else [],
        )

    return handler


def _filter_help(col: Collection) -> str:
    if col.entity == "measure":
        kinds = {**{k: f.help for k, f in FILTER_KINDS.items()}, **MEASURE_FILTERS}
    else:
        kinds = {c.name: c.help or c.name for c in col.columns}
    lines = "\n".join(f"- `{k}`: {h}" for k, h in kinds.items())
    return f"Filter (mehrere Werte mit `;` oder wiederholtem Parameter; Arten verknüpft mit UND):\n{lines}"


for _col in COLLECTIONS.values():
    router.add_api_route(
        f"/{_col.path}",
        _list_handler(_col),
        methods=["GET"],
        response_model=PageOut,
        summary=f"{_col.title}: Liste (filtern, suchen, sortieren, blättern)",
        description=_filter_help(_col),
        name=f"liste_{_col.path}",
    )
    router.add_api_route(
        f"/{_col.path}/{{ident}}",
        _item_handler(_col),
        methods=["GET"],
        response_model=ItemDetailOut,
        summary=f"{_col.title}: ein Eintrag mit Verweisen und Quellen",
        name=f"eintrag_{_col.path}",
    )


@router.get("", response_model=list[CollectionOut], summary="Übersicht der Listen")
def collections() -> list[CollectionOut]:
    return [
        CollectionOut(name=c.path, titel=c.title, href=f"/api/{c.path}", spalten=[x.name for x in c.columns])
        for c in COLLECTIONS.values()
    ]


@router.get(
    "/akteure/{kuerzel}/partner",
    response_model=list[PartnerOut],
    summary="Ressortübergreifende Abhängigkeiten: mit wem ein Akteur Maßnahmen oder Handlungsfelder teilt",
)
def actor_partners(store: Store, kuerzel: str) -> list[PartnerOut]:
    return [PartnerOut.of(p) for p in partners(store, kuerzel)]


@router.get(
    "/massnahmen/{ident}/zustaendig-heute",
    response_model=list[SuccessionOut],
    summary="Wer ist heute zuständig? (folgt Ressortneuschnitten über Nachfolger)",
)
def today(state: State, ident: str, stand: str | None = STAND) -> list[SuccessionOut]:
    state.catalog.item("massnahmen", ident)  # 404 with the list's wording for unknown ids
    view, at = asof.resolve(state.store, stand)
    return [SuccessionOut.of(s) for s in responsible_today(view, ident, at.date)]


@router.get("/fragen", response_model=list[QuestionOut], summary="Benannte Fragen mit ihren Parametern")
def question_list(store: Store) -> list[QuestionOut]:
    """Every named question in the loaded framework's terms, its examples from the loaded data."""
    shown = [question_in_terms(store, q) for q in named.questions().values()]
    return [
        QuestionOut(
            name=q.name,
            titel=q.title,
            beschreibung=q.description,
            href=f"/api/fragen/{q.name}",
            parameter=[
                ParamOut(
                    name=p.name, typ=p.type.name, bezeichnung=p.type.label, pflicht=p.required, hilfe=p.help
                )
                for p in q.params
            ],
        )
        for q in shown
    ]


@router.get(
    "/fragen/{name}",
    response_model=AnswerOut,
    summary="Eine benannte Frage beantworten: Zeilen und die SPARQL-Abfrage dazu",
    description="Parameter der Frage als Query-Parameter (siehe `/api/fragen`).",
)
def question_answer(
    request: Request, store: Store, name: str, stand: str | None = STAND, rahmen: str | None = RAHMEN
) -> AnswerOut:
    q = question_in_terms(store, named.question(name))
    values: dict[str, Any] = {
        k: v for k, v in request.query_params.items() if k not in PAGING and k != frameworks.PARAM
    }
    table, sparql = named.run(store, name, values, stand, rahmen)
    return AnswerOut(
        name=q.name, titel=q.title, sparql=sparql, spalten=table.variables, zeilen=table.values()
    )
