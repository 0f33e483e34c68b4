"""The ``rahmengraph`` group as Typer builds it: German help, our errors → one message and an exit code.

:mod:`.app` builds it with every command (the command table); ``rahmengraph serve`` builds it with
its own command only (:func:`rahmengraph.cli.main`), so the server starts without importing the
libraries of the other commands (exports, reports, analyses: ~0.6 s).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer

from rahmengraph.cli.exits import described, exit_code
from rahmengraph.cli.language import GermanCommand, GermanGroup
from rahmengraph.errors import RahmengraphError

_Errors = tuple[type[RahmengraphError], ...]
#: Command name → (function, the errors it can end with: its help quotes their exit codes).
Commands = dict[str, tuple[Callable[..., None], _Errors]]


class Cli(GermanGroup):
    """The ``rahmengraph`` group: German texts, and our errors as one message and their exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except RahmengraphError as exc:
            from rahmengraph.cli import output

            output.error(str(exc))
            raise typer.Exit(exit_code(exc)) from exc


def command_group(commands: Commands) -> typer.Typer:
    """The ``rahmengraph`` group with ``commands``."""
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
    for name, (command, errors) in commands.items():
        app.command(
            name,
            cls=GermanCommand,
            epilog=described(*errors) if errors else None,
            options_metavar="[OPTIONEN]",
        )(command)

    @app.callback()
    def _overview(ctx: typer.Context) -> None:
        """Without a command: the overview of all commands."""
        if ctx.invoked_subcommand is None:
            from rahmengraph.cli import output

            output.write(ctx.get_help() + "\n")

    return app
