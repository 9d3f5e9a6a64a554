"""`leidraad export`: every document the screens can write, from the command line.

Each file goes through the one export use case (exports/publish.py), which writes it
and records it in the logboek, one line per file. A version for one client or partner
(or a preparation sheet) that holds what came from or is about someone else is shown
as a reading check first, and only written after `ja` (or `--ja` in a script).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from leidraad.cli.common import Command, fail, own_file_message
from leidraad.cli.opening import Context, guide_for, open_repo

if TYPE_CHECKING:
    from exports.publish import Job, Prepared
    from exports.variants import Variant
    from leidraad.core.domain import Case
    from leidraad.core.meeting import Meeting
    from storage.repository import Repository

VARIANTS = ("volledig", "client", "acties", "partner", "voorbereiding", "verloop")
ONE_CLIENT = ("client", "voorbereiding")


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
    help="Welke versie: volledig, client (gewone taal, voor één cliënt), acties (alleen de "
    "actielijst), partner (met --partner), voorbereiding (het blad voor een cliënt) of "
    "verloop (de hele casus: fasen, overleggen, cijfers, acties).",
)
@click.option("--partner", default="", help="Voor welke partner (bij --variant partner).")
@click.option(
    "--client",
    "client",
    default="",
    help="Voor welke cliënt (bij --variant client of voorbereiding; zonder: een bestand "
    "per cliënt).",
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
@click.option(
    "--ja",
    "confirmed",
    is_flag=True,
    help="De leescontrole zonder vraag bevestigen (voor scripts). De controle wordt wel "
    "getoond en in het logboek gezet.",
)
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
    confirmed: bool,
) -> None:
    """Schrijf het verslag van een overleg. CASE is het nummer of de naam van de casus."""
    from exports.documents import DocumentRequest, Format
    from exports.publish import HistoryJob, MinutesJob
    from exports.variants import UnknownPartner, Variant, reader_for
    from storage.repository import NotFound

    if out and context.paths.is_own_file(out):
        fail(own_file_message(Path(out), context.paths.minutes_dir), code=2)
    if partner and variant != "partner":
        fail("--partner hoort bij --variant partner.", code=2)
    if client and variant not in ONE_CLIENT:
        fail("--client hoort bij --variant client of --variant voorbereiding.", code=2)
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
        job = HistoryJob(found.id, html=fmt == "html")
        _publish(context, repo, [job], out, overschrijven, confirmed)
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
    readers = [""]
    if chosen.for_one_client:
        readers = _clients(found, meeting, chosen, client)
        if out and len(readers) > 1:
            names = ", ".join(_name(found, key) for key in readers)
            fail(f"Kies met --client voor wie: {names}.", code=2)
    assert meeting.id is not None
    jobs: list[Job] = [
        MinutesJob(meeting.id, DocumentRequest(chosen, partner, Format(fmt), key))
        for key in readers
    ]
    labels = [_name(found, key) or partner.strip() or "de partners" for key in readers]
    _publish(context, repo, jobs, out, overschrijven, confirmed, labels)


def _clients(case: Case, meeting: Meeting, variant: Variant, client: str) -> list[str]:
    """The member keys to write for: the one named with --client, or every adult client.

    A client's version is for every adult of the case; a preparation sheet for every
    adult with a voice in this meeting (the same people, unless the case changed).
    """
    from exports.documents import (
        DocumentRequest,
        UnknownClient,
        document_clients,
        preparation_voice,
        request_client,
    )
    from exports.variants import Variant
    from leidraad.core.voice import clients, voices_for

    keys: list[str] = []
    try:
        if variant is Variant.CLIENT:
            if client:
                return [request_client(case, DocumentRequest(Variant.CLIENT, client=client)).key]
            keys = [m.key for m in document_clients(case)]
        else:
            if client:
                voice = preparation_voice(case, meeting, client)
                return [voice.member_key or voice.member]
            voices = clients(voices_for(case, meeting.voices))
            keys = [v.member_key or v.member for v in voices]
    except UnknownClient as error:
        fail(str(error), code=2)
    if not keys:
        what = "een versie" if variant is Variant.CLIENT else "een voorbereiding"
        fail(f"Deze casus heeft geen cliënten om {what} voor te maken.")
    return keys


def _name(case: Case, key: str) -> str:
    member = case.member(key)
    return member.name if member else key


def _publish(
    context: Context,
    repo: Repository,
    jobs: list[Job],
    out: str | None,
    overwrite: bool,
    confirmed: bool,
    readers: list[str] | None = None,
) -> None:
    """Prepare every document, show each reading check and ask for `ja`, then write them.

    Nothing is written unless every check is confirmed. A file that is written but could
    not be logged is said, and the command goes on; any other failure stops it.
    """
    from datetime import date

    from exports.publish import ExportNotLogged, HistoryJob, prepare, write_prepared
    from exports.variants import Variant

    guide = guide_for(context)
    prepared = [prepare(repo, guide, job, context.paths.minutes_dir, date.today()) for job in jobs]
    for document, reader in zip(prepared, readers or ["deze lezer"] * len(jobs), strict=True):
        _check(document, reader, confirmed)
    for job, document in zip(jobs, prepared, strict=True):
        if isinstance(job, HistoryJob):
            what = "Verloop"
        else:
            what = "Voorbereiding" if job.request.variant is Variant.VOORBEREIDING else "Verslag"
        target = Path(out) if out else document.default_path
        try:
            path = write_prepared(repo, document, target, overwrite, confirmed=True)
        except FileExistsError:
            fail(f"{target} bestaat al. Kies een andere naam of gebruik --overschrijven.")
        except OSError as error:
            fail(f"{target} kon niet worden geschreven: {error.strerror}.")
        except ExportNotLogged as error:
            click.echo(f"{what} geschreven: {error.path}")
            click.echo(f"leidraad: {error}", err=True)
            continue
        click.echo(f"{what} geschreven: {path}")


def _check(document: Prepared, reader: str, confirmed: bool) -> None:
    """Print the reading check; a version for one reader also needs `ja` (or --ja)."""
    if not document.notes:
        return
    click.echo(f"Leescontrole voor {document.default_path.name}:")
    for note in document.notes:
        click.echo(f"- {note.text}")
    if not document.needs_confirmation:
        return
    if confirmed:
        click.echo("Bevestigd met --ja.")
        return
    if not _said_yes(f"Mag dit document zo naar {reader}? Typ ja om het te schrijven"):
        fail(
            "er is niets geschreven. Haal eerst weg wat deze lezer niet mag lezen, "
            "of typ ja als het klopt (in een script: --ja)."
        )


def _said_yes(question: str) -> bool:
    """Only the word 'ja' confirms; an empty answer, 'j', or no input at all does not."""
    try:
        answer = click.prompt(question, default="", show_default=False, err=True)
    except (click.Abort, EOFError):
        click.echo("", err=True)
        return False
    return str(answer).strip().lower() == "ja"
