"""The command line: a thin layer over the same functions the screens use."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import click

from leidraad.paths import ENV_QUESTIONSETS, Paths

if TYPE_CHECKING:
    pass


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

    guide = load_guide(context.user_set_folders())
    chosen = context.questionsets_dir
    if chosen is not None and not chosen.is_dir():
        guide.problems.append(
            f"{chosen}: deze map met vragensets bestaat niet (--questionsets of "
            f"{ENV_QUESTIONSETS}); de andere vragensets worden gebruikt."
        )
    return guide


def _run_app(context: Context) -> None:
    from leidraad.app import LeidraadApp

    repo = _open(context)
    app = LeidraadApp(repo, _guide(context), context.paths)
    app.run()


@main.command()
@click.help_option("-h", "--help", help="Toon deze uitleg en stop.")
def demo() -> None:
    """Open het programma op vijf verzonnen gezinnen, om te laten zien en te oefenen.

    De demonstratie gebruikt een tijdelijke database die bij afsluiten wordt
    gewist. Je eigen gegevens (de datamap, ook met --data-dir of
    LEIDRAAD_DATA_DIR) worden niet gelezen en niet veranderd. De ingebouwde
    vragensets worden gebruikt.
    """
    from datetime import date

    from leidraad.app import LeidraadApp
    from questionsets.loader import load_guide
    from storage.demo import demo_database

    guide = load_guide([])  # the built-in sets only: the user's folders stay untouched
    with demo_database(guide, date.today()) as session:
        LeidraadApp(session.repo, guide, session.paths, demo=True).run()


@main.command()
@click.help_option("-h", "--help", help="Toon deze uitleg en stop.")
@click.pass_obj
def gids(context: Context) -> None:
    """Lees de vragen van de leidraad per fase en per stap, zonder casus.

    Voor uitleg en voorbereiding. Eigen vragensets worden meegenomen; er wordt
    geen database geopend.
    """
    from leidraad.app import GuideApp
    from storage.settings import settings_file

    folder = context.paths.data_dir
    GuideApp(_guide(context), settings_file(folder) if folder.is_dir() else None).run()


@main.command()
@click.help_option("-h", "--help", help="Toon deze uitleg en stop.")
@click.option(
    "--port",
    type=click.IntRange(1024, 65535),
    default=8000,
    show_default=True,
    help="Poort op 127.0.0.1.",
)
@click.option(
    "--lettergrootte",
    type=click.IntRange(8, 72),
    default=20,
    show_default=True,
    help="Lettergrootte in de browser (ook later: ?fontsize=N in het adres).",
)
@click.option(
    "--echte-gegevens",
    is_flag=True,
    help="Je eigen casussen tonen in plaats van de demonstratie. Alleen op een scherm "
    "dat niemand anders ziet.",
)
@click.pass_obj
def serve(context: Context, port: int, lettergrootte: int, echte_gegevens: bool) -> None:
    """Toon het programma in een browser op deze computer (voor een beamer of leslokaal).

    Standaard met de demonstratie: verzonnen gezinnen in een tijdelijke
    database. Alleen deze computer kan de pagina openen (127.0.0.1); elk
    tabblad krijgt een eigen programma. Stoppen met Ctrl+C.
    """
    from leidraad.serve import LocalServer, app_command, port_free

    if not port_free(port):
        _fail(f"poort {port} op 127.0.0.1 is al in gebruik. Kies een andere met --port.")
    if echte_gegevens:
        arguments = ["--data-dir", str(context.paths.data_dir)]
        if context.questionsets_dir is not None:
            arguments += ["--questionsets", str(context.questionsets_dir)]
        click.secho(
            "Let op: je toont echte gegevens in de browser. Bijzondere persoonsgegevens; "
            "zet de beamer pas aan als alleen de mensen die het mogen zien in de zaal zijn. "
            "Open één tabblad tegelijk.",
            fg="red",
            bold=True,
            err=True,
        )
        title = "leidraad"
    else:
        arguments = ["demo"]
        title = "leidraad: demonstratie"
    server = LocalServer(app_command(arguments), port, lettergrootte, title)
    try:
        server.serve()
    except OSError as error:
        _fail(f"kan niet luisteren op 127.0.0.1:{port}: {error.strerror or error}.")


VARIANTS = ("volledig", "client", "acties", "partner", "voorbereiding", "verloop")


@main.command()
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
    from exports.documents import (
        DocumentRequest,
        Format,
        UnknownClient,
        document_filename,
        preparation_voice,
        save_document,
    )
    from exports.variants import UnknownPartner, Variant, reader_for
    from leidraad.voice import clients, voices_for
    from storage.repository import NotFound

    if partner and variant != "partner":
        _fail("--partner hoort bij --variant partner.", code=2)
    if client and variant != "voorbereiding":
        _fail("--client hoort bij --variant voorbereiding.", code=2)
    if variant == "verloop":
        _export_history(context, case, number, fmt, out, overschrijven)
        return
    chosen = Variant(variant)
    try:
        reader_for(chosen, partner)
    except UnknownPartner as error:
        _fail(str(error), code=2)
    repo = _open(context)
    try:
        found = repo.find_case(case)
        assert found.id is not None
        meeting = repo.meeting_by_number(found.id, number)
    except NotFound as error:
        _fail(str(error))
        return
    names = [""]
    if chosen is Variant.VOORBEREIDING:
        try:
            names = (
                [preparation_voice(found, meeting, client).member]
                if client
                else [v.member for v in clients(voices_for(found, meeting.voices))]
            )
        except UnknownClient as error:
            _fail(str(error), code=2)
        if not names:
            _fail("Deze casus heeft geen cliënten om een voorbereiding voor te maken.")
        if out and len(names) > 1:
            _fail(f"Kies met --client voor wie: {', '.join(names)}.", code=2)
    assert meeting.id is not None
    followup = repo.meeting_followup(meeting.id)
    guide = _guide(context)
    for name in names:
        request = DocumentRequest(chosen, partner, Format(fmt), name)
        target = (
            Path(out)
            if out
            else context.paths.minutes_dir / document_filename(found, meeting, request)
        )
        _write(
            target,
            partial(save_document, found, meeting, guide, request, target, overschrijven, followup),
        )


def _write(target: Path, write: Callable[[], Path]) -> None:
    """Write one file, or stop with a Dutch message; an existing file needs --overschrijven."""
    try:
        path = write()
    except FileExistsError:
        _fail(f"{target} bestaat al. Kies een andere naam of gebruik --overschrijven.")
        return
    except OSError as error:
        _fail(f"{target} kon niet worden geschreven: {error.strerror}.")
        return
    click.echo(f"Geschreven: {path}")


def _export_history(
    context: Context,
    case: str,
    number: int | None,
    fmt: str,
    out: str | None,
    overwrite: bool,
) -> None:
    from datetime import date

    from exports.history import history_filename, save_history
    from storage.repository import NotFound

    if number is not None:
        _fail("--meeting hoort niet bij --variant verloop: het verloop gaat over alle overleggen.")
    repo = _open(context)
    try:
        found = repo.find_case(case)
    except NotFound as error:
        _fail(str(error))
        return
    assert found.id is not None
    history = repo.case_history(found.id)
    today = date.today()
    target = (
        Path(out) if out else context.paths.minutes_dir / history_filename(found.alias, today, fmt)
    )
    _write(target, partial(save_history, history, target, today, fmt == "html", overwrite))


_HELP = {"help": "Toon deze uitleg en stop."}


@main.group()
@click.help_option("-h", "--help", **_HELP)
def questionsets() -> None:
    """Vragensets bekijken en controleren.

    Eigen sets staan in de map vragensets in de datamap, of in een map die je
    met --questionsets opgeeft. Een set met hetzelfde id als een ingebouwde set
    vervangt die; een set met een nieuw id voor een fase wordt de set voor die fase.
    """


def _heading(text: str) -> None:
    click.secho(text, bold=True)


@questionsets.command("list")
@click.help_option("-h", "--help", **_HELP)
@click.pass_obj
def questionsets_list(context: Context) -> None:
    """Laat zien welke vragensets geladen zijn en waarvandaan."""
    guide = _guide(context)
    used = [s for s in guide.sets if s.used]
    unused = [s for s in guide.sets if not s.used]
    _heading("Vragensets in gebruik")
    for summary in used:
        origin = "ingebouwd" if summary.builtin else "eigen set"
        click.echo(f"  {summary.slot[0].upper()}{summary.slot[1:]}")
        click.echo(f"    {summary.label} · {summary.questions} vragen · id {summary.id}")
        click.echo(f"    {origin}: {summary.source}")
    if unused:
        click.echo()
        _heading("Gelezen, maar niet in gebruik")
        for summary in unused:
            click.echo(f"  {summary.label} · id {summary.id}")
            click.echo(f"    {summary.source}")
            click.echo(f"    {summary.note}")
    if guide.problems:
        click.echo()
        _heading("Overgeslagen bestanden")
        for problem in guide.problems:
            click.echo("\n".join(f"  {line}" for line in problem.splitlines()))
    click.echo()
    _heading("Eigen vragensets worden gezocht in")
    for folder in context.user_set_folders():
        state = "" if folder.is_dir() else " (bestaat niet)"
        origin = " (--questionsets)" if folder == context.questionsets_dir else ""
        click.echo(f"  {folder}{origin}{state}")


@questionsets.command("check")
@click.help_option("-h", "--help", **_HELP)
@click.argument("path", type=click.Path(path_type=Path), required=False)
@click.pass_obj
def questionsets_check(context: Context, path: Path | None) -> None:
    """Controleer een vragenset-bestand of een map met vragensets.

    Zonder PATH worden de mappen met eigen vragensets gecontroleerd. Bij fouten
    stopt de opdracht met code 1 en noemt elke fout het bestand, de regel of
    sleutel, en wat je moet aanpassen.
    """
    from questionsets.loader import check_path, set_files

    targets = [path] if path is not None else [f for f in context.user_set_folders() if f.is_dir()]
    if not targets:
        folders = ", ".join(str(f) for f in context.user_set_folders())
        click.echo(f"Geen eigen vragensets gevonden (gezocht in: {folders}).")
        return
    problems: list[str] = []
    for target in targets:
        problems += check_path(target)
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        found = "1 fout" if len(problems) == 1 else f"{len(problems)} fouten"
        click.echo(
            f"{found} gevonden. Een bestand met fouten slaat leidraad over tot het verbeterd is.",
            err=True,
        )
        sys.exit(1)
    for target in targets:
        count = len(set_files(target)) if target.is_dir() else 1
        click.echo(f"In orde: {target} ({count} {'bestand' if count == 1 else 'bestanden'})")
