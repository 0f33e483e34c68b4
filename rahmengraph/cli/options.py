"""Options several commands share, and turning them into :class:`Settings` and :class:`Filters`.

Short flags mean the same in every command: ``-d`` Datensatz, ``-s`` Speicher, ``-f`` Format,
``-o`` Ausgabedatei, ``-p`` Parameter einer Frage, ``-O`` Option einer Analyse oder Ansicht.
"""

from __future__ import annotations

from typing import Annotated

import typer

# the data options live in .dataset_options (serve needs only them); commands import all options from here
from rahmengraph.cli.dataset_options import SEVERAL as SEVERAL
from rahmengraph.cli.dataset_options import DatasetOpt as DatasetOpt
from rahmengraph.cli.dataset_options import StoreOpt as StoreOpt
from rahmengraph.cli.dataset_options import settings as settings
from rahmengraph.errors import ParameterError
from rahmengraph.model.filters import FILTER_KINDS, Filters

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
