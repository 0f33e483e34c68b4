"""Command line: ``rahmengraph load|validate|query|fragen|export|analyse|viz|serve``.

One module per command group (:mod:`.dataset`, :mod:`.questions`, :mod:`.analyses`,
:mod:`.server`), the command table in :mod:`.app`, the group in :mod:`.command_line`, exit codes
in :mod:`.exits`. ``rahmengraph serve`` builds a group with only its own command: the server
starts without importing what the other commands need. The group with every command:
``rahmengraph.cli.app.app``.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Entry point of the installed ``rahmengraph`` script and of ``python -m rahmengraph``."""
    if sys.argv[1:2] == ["serve"]:
        from rahmengraph.cli import server
        from rahmengraph.cli.command_line import command_group

        command_group({"serve": (server.serve_cmd, server.ERRORS)})(prog_name="rahmengraph")
        return
    from rahmengraph.cli.app import main as every_command

    every_command()
