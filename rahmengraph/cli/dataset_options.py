"""The options that name the data (``-d`` Datensatz, ``-s`` Speicher) and the :class:`Settings` of one call.

Apart from :mod:`.options` (filters, stand, analysis options), which needs the model's filter table:
``rahmengraph serve`` reads only these and starts without loading the model's query machinery.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Final

import typer

from rahmengraph.config import Settings
from rahmengraph.errors import ParameterError

DatasetOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--dataset",
        "-d",
        metavar="ORDNER",
        help="Datensatz-Ordner (Standard: data/bremen); wiederholbar bei serve, load, query, analyse, viz: "
        "alle Datensätze in einem Speicher",
    ),
]
#: Commands that work on several datasets in one store (``-d A -d B``); the others take one.
SEVERAL: Final = "serve, load, query, analyse, viz, beteiligung"
StoreOpt = Annotated[
    str | None,
    typer.Option("--store", "-s", metavar="SPEICHER", help="Speicher, z. B. oxigraph:var/store oder memory"),
]


def settings(
    dataset: list[Path] | None = None, store: str | None = None, *, several: bool = False, **extra: Any
) -> Settings:
    """The settings of one call: the given options over environment, ``.env`` and defaults.

    ``dataset`` is the list of ``-d`` folders: the first is ``dataset``, the rest
    ``extra_datasets``; a command that takes one dataset (``several`` false) refuses more.
    """
    values: dict[str, Any] = {k: v for k, v in extra.items() if v is not None}
    folders = list(dataset or [])
    if len(folders) > 1 and not several:
        raise ParameterError(
            f"-d/--dataset {' '.join(str(f) for f in folders)}: dieser Befehl nimmt genau einen Datensatz; "
            f"mehrere Datensätze in einem Speicher gehen bei {SEVERAL}"
        )
    if folders:
        values["dataset"] = folders[0]
        values["extra_datasets"] = folders[1:]
    if store is not None:
        values["store"] = store
    return Settings(**values)
