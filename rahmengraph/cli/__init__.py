"""Command line: ``rahmengraph load|validate|query|fragen|export|analyse|viz|serve``.

One module per command group (:mod:`.dataset`, :mod:`.questions`, :mod:`.analyses`,
:mod:`.server`), the command table and entry point in :mod:`.app`, exit codes in :mod:`.exits`.
"""

from rahmengraph.cli.app import app, main

__all__ = ["app", "main"]
