"""Downloads: each loaded dataset (``serve -d A -d B``: every framework) at stable URLs,
``/download/rahmengraph-<dataset>.<ext>``, in every format of
:data:`rahmengraph.viz.distribution.DISTRIBUTIONS` (made once, kept until an update)."""

from __future__ import annotations

from typing import Any, Final

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from rahmengraph.api.error_responses import wants_html
from rahmengraph.api.language import PageLang
from rahmengraph.api.openapi import files
from rahmengraph.api.state import State
from rahmengraph.errors import NotFound
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.viz.distribution import DISTRIBUTIONS, downloads_page

router = APIRouter(tags=["Downloads"])

#: Download suffix → (export key, media type).
SUFFIXES: Final[dict[str, tuple[str, str]]] = {d.suffix: (k, d.media_type) for k, d in DISTRIBUTIONS.items()}


class DownloadOut(BaseModel):
    name: str
    href: str
    format: str
    beschreibung: str


def dataset_id(base: str) -> str:
    """Short name of a dataset from its base IRI (``…/bremen/`` → ``bremen``)."""
    return base.rstrip("/").rsplit("/", 1)[-1]


@router.get("/download", response_model=list[DownloadOut], summary="Downloads des ganzen Datensatzes")
def download_list(request: Request, state: State, lang: PageLang) -> Any:
    """JSON for clients; an HTML page for a browser (``Accept: text/html``)."""
    found = _downloads(state)
    if wants_html(request):
        return HTMLResponse(downloads_page([(d.name, d.href, d.beschreibung) for d in found], lang))
    return found


def _downloads(state: State) -> list[DownloadOut]:
    return [
        DownloadOut(
            name=f"rahmengraph-{dataset_id(ds.base)}.{suffix}",
            href=f"/download/rahmengraph-{dataset_id(ds.base)}.{suffix}",
            format=key,
            beschreibung=f"{DISTRIBUTIONS[key].help} ({dataset_id(ds.base)})"
            if len(_loaded(state)) > 1
            else DISTRIBUTIONS[key].help,
        )
        for ds in _loaded(state)
        for suffix, (key, _media) in SUFFIXES.items()
    ]


def _loaded(state: State) -> list[Dataset]:
    """The datasets loaded from files, the first one first."""
    return state.datasets or [state.dataset]


@router.get(
    "/download/{name}",
    summary="Ein ganzer Datensatz in einem Format (stabile URL; je Rahmenkonzept)",
    response_class=Response,
    responses=files([media for _key, media in SUFFIXES.values()], "der Datensatz als Datei"),
)
def download(state: State, name: str) -> Response:
    for ds in _loaded(state):
        prefix = f"rahmengraph-{dataset_id(ds.base)}."
        suffix = name.removeprefix(prefix) if name.startswith(prefix) else None
        if suffix in SUFFIXES:
            break
    else:
        known = ", ".join(d.name for d in _downloads(state))
        raise NotFound(f"Download {name!r} gibt es nicht; verfügbar: {known}")
    key, media = SUFFIXES[suffix]
    cache = state.downloads
    if name not in cache:
        cache[name] = DISTRIBUTIONS[key].produce(state.store, ds.graph)
    return Response(
        cache[name], media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )
