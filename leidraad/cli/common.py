"""What every command shares: Dutch help, failing with a message and an exit code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

HELP_TEXT = "Toon deze uitleg en stop."


class Command(click.Command):
    """A command whose help option speaks Dutch; its names (-h, --help) come from the group."""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option


class Group(click.Group):
    """A group of commands with the same Dutch help option, for itself and its commands."""

    command_class = Command
    group_class = type  # a group made inside a group is one of these too

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option


def fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"leidraad: {message}", err=True)
    sys.exit(code)


def own_file_message(target: Path, instead: Path) -> str:
    """Why an --out may not be this file (Paths.is_own_file), and where output can go instead."""
    return (
        f"{target} is een bestand dat leidraad zelf bijhoudt (de database, het slot, de "
        "instellingen of een reservekopie). Er is niets geschreven. Kies een andere naam "
        f"of map, bijvoorbeeld in {instead}."
    )


def count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def confirm(question: str) -> bool:
    """A Dutch yes/no question; anything but 'ja' (or 'j') is no."""
    answer = click.prompt(f"{question} [ja/nee]", default="nee", show_default=False, err=True)
    return str(answer).strip().lower() in ("j", "ja")
