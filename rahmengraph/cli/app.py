"""The ``rahmengraph`` command: its commands (one table), German help, errors → exit codes.

Commands are thin adapters over ``rahmengraph.model`` (and ``api``/``viz`` for serve and viz),
one module per group: :mod:`.dataset`, :mod:`.questions`, :mod:`.analyses`, :mod:`.server`.
The group itself (German help, errors → exit codes) is built in :mod:`.command_line`.
"""

from __future__ import annotations

from typing import Final

from rahmengraph.cli import analyses, dataset, editions, participation, questions, report, server
from rahmengraph.cli.command_line import Commands, command_group
from rahmengraph.errors import (
    InputError,
    NotFound,
    ParameterError,
    QueryError,
    StoreError,
    ValidationFailed,
)

#: Command name → (function, the errors it can end with: its help quotes their exit codes).
COMMANDS: Final[Commands] = {
    "load": (dataset.load_cmd, (InputError, ParameterError, StoreError)),
    "validate": (dataset.validate_cmd, (InputError, ValidationFailed)),
    "query": (questions.query_cmd, (InputError, ParameterError, QueryError, NotFound, StoreError)),
    "fragen": (questions.fragen_cmd, ()),
    "export": (dataset.export_cmd, (InputError, ParameterError, StoreError)),
    "analyse": (analyses.analyse_cmd, (InputError, ParameterError, StoreError)),
    "viz": (analyses.viz_cmd, (InputError, ParameterError, StoreError)),
    "diff": (editions.diff_cmd, (InputError, ParameterError, StoreError)),
    "bericht": (report.bericht_cmd, (InputError, ParameterError, StoreError)),
    "serve": (server.serve_cmd, server.ERRORS),
}

app = command_group(COMMANDS)
app.add_typer(editions.ausgabe, name="ausgabe")
app.add_typer(participation.beteiligung, name="beteiligung")


def main() -> None:
    """Every command (see :func:`rahmengraph.cli.main`, the entry point)."""
    app(prog_name="rahmengraph")
