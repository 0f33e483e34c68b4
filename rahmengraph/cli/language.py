"""German for the texts Typer adds to our help and usage errors ("Usage", "Options", "[required]" …).

Typer (≥ 0.25) ships its own copy of Click whose texts are fixed English strings, and the few that
go through ``gettext`` would follow the user's locale; our interface is German whatever the locale.
So we use the hooks Typer offers for this: the command and group classes (``cls=``) with their
context and help-formatter classes (usage prefix, section headings, the ``[default: …]``/
``[required]`` notes, the help option's text), and our own handling of usage errors in
:meth:`GermanGroup.main`, whose messages are translated by the tables below. ``tests/cli`` checks
that help and usage errors show no English.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any, Final

import typer
from typer.core import TyperCommand, TyperGroup

HELP_OPTION: Final = "Diese Hilfe zeigen und beenden."
USAGE: Final = "Aufruf: "

#: Section headings of the help text.
HEADINGS: Final[dict[str, str]] = {
    "Options": "Optionen",
    "Arguments": "Argumente",
    "Commands": "Befehle",
}

#: Words inside the ``[…]`` note after an option's help.
NOTES: Final[dict[str, str]] = {
    "default: ": "Standard: ",
    "env var: ": "Umgebungsvariable: ",
    "required": "Pflicht",
}
_NOTE = re.compile(r"\[([^\[\]]*)\]\s*$")
#: Typer's type name after an argument (``NAME <str>``): our metavars say it in German already.
_TYPE = re.compile(r"\s<[^<>]+>$")

#: Typer's usage-error messages (pattern) → German (the pattern's groups as placeholders).
MESSAGES: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (re.compile(pattern, re.DOTALL), german)
    for pattern, german in (
        (
            r"No such option: (?P<name>\S+) \(Possible options: (?P<alts>.*)\)",
            "Unbekannte Option {name} (möglich: {alts})",
        ),
        (r"No such option: (?P<name>\S+)", "Unbekannte Option {name}"),
        (r"No such command '(?P<name>.*)'\.", "Unbekannter Befehl '{name}'."),
        (r"Missing command\.", "Befehl fehlt."),
        (r"Missing option (?P<name>.+?)\.(?P<rest>.*)", "Option {name} fehlt.{rest}"),
        (r"Missing argument (?P<name>.+?)\.(?P<rest>.*)", "Argument {name} fehlt.{rest}"),
        (r"Missing parameter: (?P<name>.+)", "Parameter fehlt: {name}"),
        (r"Invalid value for (?P<name>.+?): (?P<detail>.*)", "Ungültiger Wert für {name}: {detail}"),
        (r"Invalid value: (?P<detail>.*)", "Ungültiger Wert: {detail}"),
        (
            r"Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)",
            "Unerwartete zusätzliche Argumente ({args})",
        ),
        (r"Option '(?P<name>[^']+)' requires an argument\.", "Option '{name}' braucht einen Wert."),
        (r"Option '(?P<name>[^']+)' requires (?P<n>\d+) arguments\.", "Option '{name}' braucht {n} Werte."),
        (r"Option '(?P<name>[^']+)' does not take a value\.", "Option '{name}' nimmt keinen Wert."),
        (r"'(?P<value>.*)' is not a valid (?P<type>integer|float)( range)?\.", "'{value}' ist keine Zahl."),
        (
            r"'(?P<value>.*)' is not a valid boolean\..*",
            "'{value}' ist kein Wahrheitswert (ja: true, nein: false).",
        ),
        (r"'(?P<value>.*)' is not one of (?P<choices>.*)\.", "'{value}' ist keiner von {choices}."),
        (r"(?P<name>\w+) '(?P<path>.*)' does not exist\.", "'{path}' gibt es nicht."),
        (r"(?P<name>\w+) '(?P<path>.*)' is a directory\.", "'{path}' ist ein Ordner."),
        (r"(?P<name>\w+) '(?P<path>.*)' is a file\.", "'{path}' ist eine Datei."),
    )
)


def german(message: str) -> str:
    """``message`` in German when a pattern of :data:`MESSAGES` matches it whole (details too)."""
    for pattern, text in MESSAGES:
        m = pattern.fullmatch(message.strip())
        if m:
            parts = {k: german(v) if k == "detail" else (v or "") for k, v in m.groupdict().items()}
            return text.format(**parts)
    return message


def _notes(help_text: str) -> str:
    def translate(m: re.Match[str]) -> str:
        inner = m.group(1)
        for english, de in NOTES.items():
            inner = inner.replace(english, de)
        return f"[{inner}]"

    return _NOTE.sub(translate, help_text)


_Context: Any = TyperGroup.context_class
_Formatter: Any = _Context.formatter_class


class GermanFormatter(_Formatter):  # type: ignore[misc]
    """Typer's help formatter with German usage prefix, headings and notes."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, USAGE if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(HEADINGS.get(heading, heading))

    def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        super().write_dl([(_TYPE.sub("", term), _notes(text)) for term, text in rows], *args, **kwargs)


class GermanContext(_Context):  # type: ignore[misc]
    formatter_class = GermanFormatter


def _german_help_option(option: Any) -> Any:
    if option is not None:
        option.help = HELP_OPTION
    return option


class GermanCommand(TyperCommand):
    """A command whose help is German (see the module docstring)."""

    context_class = GermanContext

    def get_help_option(self, ctx: Any) -> Any:
        return _german_help_option(super().get_help_option(ctx))


class GermanGroup(TyperGroup):
    """The command group: German help, and usage errors as a German message with exit code 2."""

    context_class = GermanContext

    def get_help_option(self, ctx: Any) -> Any:
        return _german_help_option(super().get_help_option(ctx))

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except typer.Abort:
            print("Abgebrochen.", file=sys.stderr)
            code = 1
        except typer.TyperException as exc:  # Typer's usage errors (its Click's ClickException)
            show(exc)
            code = exc.exit_code
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


def show(exc: typer.TyperException) -> None:
    """A usage error as Click shows it (usage line, help hint, message), in German."""
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        print(ctx.get_usage(), file=sys.stderr)
        print(f"Hilfe: {ctx.command_path} {ctx.help_option_names[0]}", file=sys.stderr)
    print(f"Fehler: {german(exc.format_message())}", file=sys.stderr)
