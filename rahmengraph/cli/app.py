"""The ``rahmengraph`` command: its commands (one table), German help, errors → exit codes.

Commands are thin adapters over ``rahmengraph.model`` (and ``api``/``viz`` for serve and viz),
one module per group: :mod:`.dataset`, :mod:`.questions`, :mod:`.analyses`, :mod:`.server`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import typer

from rahmengraph.cli import analyses, dataset, editions, output, participation, questions, report, server
from rahmengraph.cli.exits import described, exit_code
from rahmengraph.cli.language import GermanCommand, GermanGroup
from rahmengraph.errors import (
    InputError,
    NotFound,
    ParameterError,
    QueryError,
    RahmengraphError,
    StoreError,
    ValidationFailed,
)

_Errors = tuple[type[RahmengraphError], ...]

#: Command name → (function, the errors it can end with: its help quotes their exit codes).
COMMANDS: Final[dict[str, tuple[Callable[..., None], _Errors]]] = {
    "load": (dataset.load_cmd, (InputError, ParameterError, StoreError)),
    "validate": (dataset.validate_cmd, (InputError, ValidationFailed)),
    "query": (questions.query_cmd, (InputError, ParameterError, QueryError, NotFound, StoreError)),
    "fragen": (questions.fragen_cmd, ()),
    "export": (dataset.export_cmd, (InputError, ParameterError, StoreError)),
    "analyse": (analyses.analyse_cmd, (InputError, ParameterError, StoreError)),
    "viz": (analyses.viz_cmd, (InputError, ParameterError, StoreError)),
    "diff": (editions.diff_cmd, (InputError, ParameterError, StoreError)),
    "bericht": (report.bericht_cmd, (InputError, ParameterError, StoreError)),
    "serve": (server.serve_cmd, (InputError, ParameterError, StoreError)),
}


class Cli(GermanGroup):
    """The ``rahmengraph`` group: German texts, and our errors as one message and their exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except RahmengraphError as exc:
            output.error(str(exc))
            raise typer.Exit(exit_code(exc)) from exc


app = typer.Typer(
    cls=Cli,
    help="rahmengraph: Wissensgraph eines ressortübergreifenden Rahmenkonzepts.",
    epilog=described(),
    invoke_without_command=True,
    options_metavar="[OPTIONEN]",
    subcommand_metavar="BEFEHL [ARGUMENTE]…",
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
for _name, (_command, _errors) in COMMANDS.items():
    app.command(
        _name,
        cls=GermanCommand,
        epilog=described(*_errors) if _errors else None,
        options_metavar="[OPTIONEN]",
    )(_command)


app.add_typer(editions.ausgabe, name="ausgabe")
app.add_typer(participation.beteiligung, name="beteiligung")


@app.callback()
def _overview(ctx: typer.Context) -> None:
    """Without a command: the overview of all commands."""
    if ctx.invoked_subcommand is None:
        output.write(ctx.get_help() + "\n")


def main() -> None:
    """Entry point of the installed ``rahmengraph`` script and of ``python -m rahmengraph``."""
    app(prog_name="rahmengraph")
