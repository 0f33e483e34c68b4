"""How a command reaches the configured store, also while ``rahmengraph serve`` holds it.

A running server holds the Oxigraph folder's lock (``var/store`` under ``make run``). Commands
that only read then open the folder read-only; ``load`` cannot, and says what to do instead.
"""

from __future__ import annotations

import time

from rahmengraph.cli.output import note
from rahmengraph.config import Settings
from rahmengraph.errors import RahmengraphError, StoreError
from rahmengraph.model.loading.checking import read_all
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.loading.writing import write
from rahmengraph.model.store import GraphStore, open_store
from rahmengraph.model.stores.oxigraph import OxigraphStore

BUSY = (
    "Speicher {store} ist belegt – vermutlich läuft `rahmengraph serve` (make run) mit diesem Speicher. "
    "Laden geht nur ohne den Server: Server beenden (Strg+C) und neu starten – er lädt {dataset} beim "
    "Start selbst neu –, oder in einen anderen Speicher laden: --store oxigraph:ANDERER-ORDNER."
)


def _held_by_another(settings: Settings) -> GraphStore | None:
    """The store opened read-only, if that works although opening it for writing did not."""
    try:
        return open_store(settings.store, read_only=True)
    except RahmengraphError:
        return None


def for_writing(settings: Settings) -> GraphStore:
    """The store opened for writing; if a server holds it, a :class:`StoreError` saying what to do."""
    try:
        return open_store(settings.store)
    except StoreError as exc:
        reader = _held_by_another(settings)
        if reader is None:
            raise
        reader.close()
        raise StoreError(BUSY.format(store=settings.store, dataset=settings.dataset)) from exc


def for_reading(settings: Settings) -> tuple[GraphStore, Dataset]:
    """The store with the configured datasets in it, for commands that only read, and the first.

    A store held by a server is read read-only. A dataset missing from the store is loaded into it
    (or, when the store is held, into memory for this call only), and the command says so.
    """
    writable = True
    try:
        store = open_store(settings.store)
    except StoreError:
        held = _held_by_another(settings)
        if held is None:
            raise
        store, writable = held, False
        note(f"Speicher {settings.store} ist belegt (läuft `rahmengraph serve`?): lese ihn schreibgeschützt.")
    datasets = read_all(settings.datasets)
    present = set(store.graphs())
    missing = [ds for ds in datasets if ds.graph not in present]
    if not missing:
        return store, datasets[0]
    names = ", ".join(
        str(f) for f, ds in zip(settings.datasets, datasets, strict=True) if ds.graph not in present
    )
    if not writable:
        store.close()
        store = OxigraphStore()
        missing = datasets  # a fresh memory store: every dataset of the call
        note(
            f"Datensatz {names} ist nicht im belegten Speicher {settings.store}: "
            "lade ihn nur für diesen Aufruf in den Arbeitsspeicher …"
        )
    else:
        note(
            f"Datensatz {names} ist noch nicht im Speicher {settings.store}: lade ihn hinein "
            "(anderer Datensatz: -d ORDNER) …"
        )
    start = time.perf_counter()
    write(store, missing)  # already read and checked: no second pass over the files
    count = sum(store.count(ds.graph) for ds in missing)
    note(f"… geladen: {count} Tripel in {time.perf_counter() - start:.1f} s.")
    return store, datasets[0]
