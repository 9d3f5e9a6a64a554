"""`leidraad export`: every document the screens can write, from the command line.

Each file goes through the one export use case (exports/publish.py), which writes it
and records it in the logboek, one line per file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from leidraad.cli.common import Command, fail
from leidraad.cli.opening import Context, guide_for, open_repo

if TYPE_CHECKING:
    from exports.publish import Job
    from storage.repository import Repository

VARIANTS = ("volledig", "client", "acties", "partner", "voorbereiding", "verloop")


@click.command(cls=Command)
@click.argument("case")
@click.option(
    "--meeting", "number", type=int, help="Nummer van het overleg (standaard: het laatste)."
)
@click.option(
    "--variant",
    type=click.Choice(VARIANTS),
    default="volledig",
    show_default=True,
    help="Welke versie: volledig, client (gewone taal), acties (alleen de actielijst), "
    "partner (met --partner), voorbereiding (het blad voor een cliënt) of verloop "
    "(de hele casus: fasen, overleggen, cijfers, acties).",
)
@click.option("--partner", default="", help="Voor welke partner (bij --variant partner).")
@click.option(
    "--client",
    "client",
    default="",
    help="Voor welke cliënt (bij --variant voorbereiding; zonder: een blad per cliënt).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html"]),
    default="md",
    show_default=True,
    help="markdown of html (om af te drukken of als PDF te bewaren).",
)
@click.option("--out", type=click.Path(dir_okay=False), help="Bestand om naar te schrijven.")
@click.option("--overschrijven", is_flag=True, help="Een bestaand bestand vervangen.")
@click.pass_obj
def export(
    context: Context,
    case: str,
    number: int | None,
    variant: str,
    partner: str,
    client: str,
    fmt: str,
    out: str | None,
    overschrijven: bool,
) -> None:
    """Schrijf het verslag van een overleg. CASE is het nummer of de naam van de casus."""
    from exports.documents import DocumentRequest, Format, UnknownClient, preparation_voice
    from exports.publish import HistoryJob, MinutesJob
    from exports.variants import UnknownPartner, Variant, reader_for
    from leidraad.core.voice import clients, voices_for
    from storage.repository import NotFound

    if partner and variant != "partner":
        fail("--partner hoort bij --variant partner.", code=2)
    if client and variant != "voorbereiding":
        fail("--client hoort bij --variant voorbereiding.", code=2)
    if variant == "verloop":
        if number is not None:
            fail(
                "--meeting hoort niet bij --variant verloop: het verloop gaat over alle overleggen."
            )
        repo = open_repo(context)
        try:
            found = repo.find_case(case)
        except NotFound as error:
            fail(str(error))
        assert found.id is not None
        _publish(context, repo, [HistoryJob(found.id, html=fmt == "html")], out, overschrijven)
        return
    chosen = Variant(variant)
    try:
        reader_for(chosen, partner)
    except UnknownPartner as error:
        fail(str(error), code=2)
    repo = open_repo(context)
    try:
        found = repo.find_case(case)
        assert found.id is not None
        meeting = repo.meeting_by_number(found.id, number)
    except NotFound as error:
        fail(str(error))
    names = [""]
    if chosen is Variant.VOORBEREIDING:
        try:
            names = (
                [preparation_voice(found, meeting, client).member]
                if client
                else [v.member for v in clients(voices_for(found, meeting.voices))]
            )
        except UnknownClient as error:
            fail(str(error), code=2)
        if not names:
            fail("Deze casus heeft geen cliënten om een voorbereiding voor te maken.")
        if out and len(names) > 1:
            fail(f"Kies met --client voor wie: {', '.join(names)}.", code=2)
    assert meeting.id is not None
    jobs: list[Job] = [
        MinutesJob(meeting.id, DocumentRequest(chosen, partner, Format(fmt), name))
        for name in names
    ]
    _publish(context, repo, jobs, out, overschrijven)


def _publish(
    context: Context, repo: Repository, jobs: list[Job], out: str | None, overwrite: bool
) -> None:
    """Write each document through the use case, or stop at the first that cannot be written.

    A file that is written but could not be logged is said, and the command goes on.
    """
    from datetime import date

    from exports.publish import ExportNotLogged, HistoryJob, prepare, write_prepared
    from exports.variants import Variant

    guide = guide_for(context)
    for job in jobs:
        if isinstance(job, HistoryJob):
            what = "Verloop"
        else:
            what = "Voorbereiding" if job.request.variant is Variant.VOORBEREIDING else "Verslag"
        prepared = prepare(repo, guide, job, context.paths.minutes_dir, date.today())
        target = Path(out) if out else prepared.default_path
        try:
            path = write_prepared(repo, prepared, target, overwrite)
        except FileExistsError:
            fail(f"{target} bestaat al. Kies een andere naam of gebruik --overschrijven.")
        except OSError as error:
            fail(f"{target} kon niet worden geschreven: {error.strerror}.")
        except ExportNotLogged as error:
            click.echo(f"{what} geschreven: {error.path}")
            click.echo(f"leidraad: {error}", err=True)
            continue
        click.echo(f"{what} geschreven: {path}")
