"""Help and usage errors: German throughout, exit codes as promised, one meaning per short flag."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from rahmengraph.cli.app import COMMANDS, app
from rahmengraph.model.analysis import ANALYSES, GERMAN_NAMES, NAMES
from tests.cli.conftest import Run

#: English that Typer/Click put into help and usage errors unless translated.
ENGLISH = re.compile(
    r"\b(Usage|Options|Arguments|Commands|Show this|required|default|env var|Error|Try|Missing|"
    r"Invalid|No such|Got unexpected|requires|is not)\b|<(str|path|int|float|list\[str\])>"
)


@pytest.mark.parametrize("command", [[], *([name] for name in COMMANDS)], ids=["rahmengraph", *COMMANDS])
def test_help_is_german(rg: Run, command: list[str]) -> None:
    done = rg(*command, "--help")
    assert done.exit_code == 0, done.output
    assert done.stdout.startswith("Aufruf: rahmengraph")
    assert "Optionen:" in done.stdout and "Diese Hilfe zeigen und beenden." in done.stdout
    assert not ENGLISH.search(done.stdout), ENGLISH.search(done.stdout)


def test_without_a_command_the_overview_is_shown(rg: Run) -> None:
    done = rg()
    assert done.exit_code == 0
    assert "Befehle:" in done.stdout and all(name in done.stdout for name in COMMANDS)


@pytest.mark.parametrize(
    "args",
    [
        ["gibtsnicht"],
        ["analyse", "--gibtsnicht"],
        ["export", "-f", "ttl"],
        ["viz"],
        ["query", "-n"],
        ["serve", "--port", "acht"],
        ["fragen", "zuviel"],
        ["validate", "--json=ja"],
    ],
    ids=lambda a: " ".join(a),
)
def test_usage_errors_are_german_and_exit_2(rg: Run, args: list[str]) -> None:
    done = rg(*args)
    assert done.exit_code == 2, done.output
    assert "Fehler: " in done.stderr
    assert not ENGLISH.search(done.stderr), done.stderr


def _promised(help_text: str) -> dict[int, str]:
    """Exit code → meaning, from the 'Exit-Codes: …' paragraph of a help text."""
    text = " ".join(help_text.split())
    promised = text.split("Exit-Codes: ", 1)[1].rstrip(".")
    return {int(part.split(" ", 1)[0]): part.split(" ", 1)[1] for part in promised.split("; ")}


def test_validate_exits_with_the_codes_its_help_promises(
    rg: Run, tmp_path: Path, musterland_dir: Path, shacl_violation: Path
) -> None:
    promised = _promised(rg("validate", "--help").stdout)
    assert rg("validate", "-d", str(musterland_dir)).exit_code == 0
    assert "SHACL" in promised[rg("validate", "-d", str(shacl_violation)).exit_code]
    unreadable = rg("validate", "-d", str(tmp_path / "gibt-es-nicht"))
    assert "Datensatz unlesbar" in promised[unreadable.exit_code], unreadable.output


def test_query_exits_with_the_codes_its_help_promises(rg: Run, musterland_dir: Path) -> None:
    promised = _promised(rg("query", "--help").stdout)
    assert "SPARQL" in promised[rg("query", "SELECT {", "-d", str(musterland_dir)).exit_code]
    assert "nicht gefunden" in promised[rg("query", "-n", "nix", "-d", str(musterland_dir)).exit_code]


def test_short_o_means_output_in_every_command() -> None:
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    for name, command in group.commands.items():
        for param in command.params:
            if "-o" in param.opts:
                assert "--output" in param.opts, f"{name}: -o is {param.opts}"


@pytest.mark.parametrize(("english", "german"), sorted(GERMAN_NAMES.items()))
def test_analysis_names_are_german_with_english_aliases(
    rg: Run, musterland_dir: Path, english: str, german: str
) -> None:
    by_german = rg("analyse", german, "-f", "json", "-d", str(musterland_dir))
    by_english = rg("analyse", english, "-f", "json", "-d", str(musterland_dir))
    assert by_german.exit_code == 0, by_german.output
    assert by_german.stdout == by_english.stdout


def test_analyse_help_names_every_analysis_in_german(rg: Run) -> None:
    text = " ".join(rg("analyse", "--help").stdout.split())
    for name in ANALYSES:
        assert GERMAN_NAMES.get(name, name) in text
    assert set(NAMES.values()) == set(ANALYSES)
