"""The command line: a thin layer over the same functions the screens use."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from leidraad.domain import Phase
from leidraad.paths import ENV_QUESTIONSETS, Paths

if TYPE_CHECKING:
    from storage.repository import Repository


class Context:
    def __init__(self, data_dir: str | None, questionsets: str | None) -> None:
        self.paths = Paths.resolve(data_dir)
        chosen = questionsets or os.environ.get(ENV_QUESTIONSETS)
        self.questionsets_dir = Path(chosen).expanduser() if chosen else None

    def user_set_folders(self) -> list[Path]:
        return [self.paths.questionsets_dir] + (
            [self.questionsets_dir] if self.questionsets_dir else []
        )


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"leidraad: {message}", err=True)
    sys.exit(code)


@click.group(invoke_without_command=True)
@click.help_option("-h", "--help", help="Toon deze uitleg en stop.")
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False),
    help="Map voor de database en de verslagen (ook: LEIDRAAD_DATA_DIR).",
)
@click.option(
    "--questionsets",
    type=click.Path(file_okay=False),
    help="Extra map met eigen vragensets (ook: LEIDRAAD_QUESTIONSETS).",
)
@click.pass_context
def main(ctx: click.Context, data_dir: str | None, questionsets: str | None) -> None:
    """Leid een casuïstiekbespreking met de Leidraad Gezamenlijke Analyse en Planvorming.

    Zonder opdracht opent het programma in de terminal.
    """
    os.umask(0o077)  # everything leidraad writes is for the user only
    ctx.obj = Context(data_dir, questionsets)
    if ctx.invoked_subcommand is None:
        _run_app(ctx.obj)


def _open(context: Context):  # type: ignore[no-untyped-def]
    from storage.database import StorageError
    from storage.repository import Repository

    try:
        context.paths.prepare()
        return Repository.open(context.paths.database)
    except StorageError as error:
        _fail(str(error), code=2)
    except OSError as error:
        _fail(f"de map {context.paths.data_dir} is niet te gebruiken: {error.strerror}", code=2)


def _guide(context: Context):  # type: ignore[no-untyped-def]
    from questionsets.loader import load_guide

    return load_guide(context.user_set_folders())


def _run_app(context: Context) -> None:
    from leidraad.app import LeidraadApp

    repo = _open(context)
    app = LeidraadApp(repo, _guide(context), context.paths)
    app.run()


@main.command()
@click.argument("case")
@click.option(
    "--meeting", "number", type=int, help="Nummer van het overleg (standaard: het laatste)."
)
@click.option("--out", type=click.Path(dir_okay=False), help="Bestand om naar te schrijven.")
@click.option("--overschrijven", is_flag=True, help="Een bestaand bestand vervangen.")
@click.option(
    "--variant",
    type=click.Choice(["verloop"]),
    help="verloop: het verloop van de hele casus (fasen, overleggen, cijfers, acties).",
)
@click.pass_obj
def export(
    context: Context,
    case: str,
    number: int | None,
    out: str | None,
    overschrijven: bool,
    variant: str | None,
) -> None:
    """Schrijf het verslag van een overleg als markdown. CASE is het nummer of de naam."""
    from exports.documents import save_minutes
    from storage.repository import NotFound

    repo = _open(context)
    try:
        found = repo.find_case(case)
        assert found.id is not None
        meeting = repo.meeting_by_number(found.id, number) if variant != "verloop" else None
    except NotFound as error:
        _fail(str(error))
        return
    target = Path(out) if out else None
    if target is not None and target.exists() and not overschrijven:
        _fail(f"{target} bestaat al. Kies een andere naam of gebruik --overschrijven.")
    if meeting is None:
        _export_history(context, repo, found.id, number, target)
        return
    assert meeting.id is not None
    followup = repo.meeting_followup(meeting.id)
    path = save_minutes(
        found, meeting, _guide(context), context.paths.minutes_dir, target, followup
    )
    click.echo(f"Verslag geschreven: {path}")


def _export_history(
    context: Context, repo: Repository, case_id: int, number: int | None, target: Path | None
) -> None:
    from datetime import date

    from exports.history import save_history

    if number is not None:
        _fail("--meeting hoort niet bij --variant verloop: het verloop gaat over alle overleggen.")
    path = save_history(repo.case_history(case_id), context.paths.minutes_dir, date.today(), target)
    click.echo(f"Verloop geschreven: {path}")


@main.group()
def questionsets() -> None:
    """Vragensets bekijken en controleren."""


@questionsets.command("list")
@click.pass_obj
def questionsets_list(context: Context) -> None:
    """Laat zien welke vragensets geladen zijn en waarvandaan."""
    guide = _guide(context)
    for phase in Phase:
        phase_set = guide.for_phase(phase)
        count = sum(len(q) for q in phase_set.stages.values())
        click.echo(f"{phase.label}: {phase_set.label}, {count} vragen\n  {phase_set.source}")
    voice = guide.client_voice
    click.echo(f"Stem van de cliënt: {voice.title} (versie {voice.version})\n  {voice.source}")
    if guide.worry:
        click.echo(f"Zorg concreet maken: {guide.worry.title} (versie {guide.worry.version})")
        click.echo(f"  {guide.worry.source}")
    for problem in guide.problems:
        click.echo(problem, err=True)


@questionsets.command("check")
@click.argument("path", type=click.Path(path_type=Path))
def questionsets_check(path: Path) -> None:
    """Controleer een vragenset-bestand of een map met vragensets."""
    from questionsets.loader import check_path

    problems = check_path(path)
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        sys.exit(1)
    click.echo(f"In orde: {path}")
