"""Options several commands share, and turning them into :class:`Settings` and :class:`Filters`.

Short flags mean the same in every command: ``-d`` Datensatz, ``-s`` Speicher, ``-f`` Format,
``-o`` Ausgabedatei, ``-p`` Parameter einer Frage, ``-O`` Option einer Analyse oder Ansicht.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Final

import typer

from rahmengraph.config import Settings
from rahmengraph.errors import ParameterError
from rahmengraph.model.filters import FILTER_KINDS, Filters

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
OptionOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--option", "-O", metavar="NAME=WERT", help="Option NAME=WERT (wiederholbar), z. B. rows=field"
    ),
]
FieldOpt = Annotated[list[str] | None, typer.Option("--field", metavar="NR", help=FILTER_KINDS["field"].help)]
ActorOpt = Annotated[
    list[str] | None, typer.Option("--actor", metavar="KÜRZEL", help=FILTER_KINDS["actor"].help)
]
LevelOpt = Annotated[
    list[str] | None, typer.Option("--level", metavar="EBENE", help=FILTER_KINDS["level"].help)
]
GroupOpt = Annotated[
    list[str] | None, typer.Option("--target-group", metavar="ID", help=FILTER_KINDS["target_group"].help)
]
StandOpt = Annotated[
    str | None,
    typer.Option(
        "--stand", metavar="STAND", help="Datum (JJJJ-MM-TT) oder Ausgabe (z. B. 2021-10); leer: aktuell"
    ),
]
EvidenceOpt = Annotated[
    list[str] | None, typer.Option("--evidence", metavar="BELEG", help=FILTER_KINDS["evidence"].help)
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


def filters(field: list[str] | None, actor: list[str] | None, level: list[str] | None,
            target_group: list[str] | None, evidence: list[str] | None) -> Filters:  # fmt: skip
    return Filters.from_mapping(
        {"field": field, "actor": actor, "level": level, "target_group": target_group, "evidence": evidence}
    )


def pairs(items: list[str] | None, flag: str) -> dict[str, str]:
    """``NAME=WERT`` items as a dict; an item without ``=`` names the flag it came with."""
    values: dict[str, str] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ParameterError(f"{flag} {item!r}: erwartet NAME=WERT")
        values[key.strip()] = value.strip()
    return values
