"""The command line: a thin layer over the same functions the screens use."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from leidraad.paths import ENV_QUESTIONSETS, Paths
from screens import probe
from storage.settings import Settings, SettingsError, load_settings

if TYPE_CHECKING:
    from leidraad.app import Opened
    from storage.case_list import CaseList
    from storage.database import Location
    from storage.lock import DataLock
    from storage.repository import Repository

PASSPHRASE_TRIES = 3


class Context:
    def __init__(
        self,
        data_dir: str | None,
        questionsets: str | None,
        database_url: str | None,
        retention_years: int | None,
        user: str | None,
    ) -> None:
        self.paths = Paths.resolve(data_dir)
        chosen = questionsets or os.environ.get(ENV_QUESTIONSETS)
        self.questionsets_dir = Path(chosen).expanduser() if chosen else None
        self._given = {
            "database_url": database_url,
            "bewaartermijn_jaren": retention_years,
            "gebruiker": user,
        }
        self.command = "leidraad"  # who holds the lock, as told to a second start
        self._settings: Settings | None = None
        self._lock: DataLock | None = None
        self._location: Location | None = None
        self._prepared = False

    def prepare_folder(self) -> None:
        """Create the data folder and make it private: walked once per run, not per step."""
        if not self._prepared:
            self.paths.prepare()
            self._prepared = True

    def release(self) -> None:
        if self._lock is not None:
            self._lock.release()

    def user_set_folders(self) -> list[Path]:
        return [self.paths.questionsets_dir] + (
            [self.questionsets_dir] if self.questionsets_dir else []
        )

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            try:
                self._settings = load_settings(self.paths.settings_file, **self._given)
            except SettingsError as error:
                _fail(str(error), code=2)
        return self._settings

    @property
    def lock(self) -> DataLock:
        if self._lock is None:
            from storage.lock import DataLock

            self._lock = DataLock(self.paths.data_dir, self.command)
        return self._lock

    def location(self, *, retry: bool = False) -> Location:
        """The database to open; asks the passphrase of an encrypted one (again on retry)."""
        from storage.database import Location
        from storage.encryption import needs_passphrase

        if self._location is not None and not retry:
            return self._location
        if self.settings.database_url:
            self._location = Location(url=self.settings.database_url)
        else:
            path = self.paths.database
            passphrase = _ask_passphrase(path) if needs_passphrase(path) else None
            self._location = Location(path=path, passphrase=passphrase)
        return self._location


def _fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"leidraad: {message}", err=True)
    sys.exit(code)


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _confirm(question: str) -> bool:
    """A Dutch yes/no question; anything but 'ja' (or 'j') is no."""
    answer = click.prompt(f"{question} [ja/nee]", default="nee", show_default=False, err=True)
    return str(answer).strip().lower() in ("j", "ja")


def _ask_passphrase(path: Path, new: bool | None = None) -> str:
    if new is None:
        new = not path.exists() or path.stat().st_size == 0
    if new:
        click.echo(
            "De database wordt versleuteld. Kies een wachtwoord. Het wordt nergens bewaard: "
            "wie het vergeet, kan de gegevens niet meer openen.",
            err=True,
        )
    passphrase = click.prompt(
        "Wachtwoord van de database",
        hide_input=True,
        confirmation_prompt="Nog een keer, ter controle" if new else False,
        err=True,
    )
    if not passphrase:
        _fail("Zonder wachtwoord kan de versleutelde database niet open.", code=6)
    return str(passphrase)


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
@click.option(
    "--database-url",
    metavar="URL",
    help="Gedeelde PostgreSQL-database, bijv. postgresql://naam@server/leidraad "
    "(ook: LEIDRAAD_DATABASE_URL).",
)
@click.option(
    "--bewaartermijn",
    "retention_years",
    type=int,
    metavar="JAREN",
    help="Hoe lang een gesloten casus bewaard blijft (standaard 5; ook: LEIDRAAD_BEWAARTERMIJN).",
)
@click.option("--gebruiker", metavar="NAAM", help="Naam in het logboek (standaard: je inlognaam).")
@click.pass_context
def main(
    ctx: click.Context,
    data_dir: str | None,
    questionsets: str | None,
    database_url: str | None,
    retention_years: int | None,
    gebruiker: str | None,
) -> None:
    """Leid een casuïstiekbespreking met de Leidraad Gezamenlijke Analyse en Planvorming.

    Zonder opdracht opent het programma in de terminal.
    """
    os.umask(0o077)  # everything leidraad writes is for the user only
    ctx.obj = Context(data_dir, questionsets, database_url, retention_years, gebruiker)
    ctx.call_on_close(ctx.obj.release)
    if ctx.invoked_subcommand:
        ctx.obj.command = f"leidraad {ctx.invoked_subcommand}"
    if ctx.invoked_subcommand is None:
        _run_app(ctx.obj)


def _open(context: Context, *, exclusive: bool = False) -> Repository:
    """Open the database or stop with its Dutch message and exit code."""
    from storage.errors import StorageError

    try:
        return _open_repository(context, exclusive=exclusive)
    except StorageError as error:
        _fail(str(error), code=error.exit_code)


def _open_repository(context: Context, *, exclusive: bool = False) -> Repository:
    """Open the database; with exclusive, only while no other leidraad uses the folder.

    Commands that only read (export, backup) run beside the program. If the database
    must be upgraded first, they too need the folder to themselves for that moment.
    Problems come out as a StorageError with a Dutch message and an exit code.
    """
    from storage.database import connect
    from storage.errors import DatabaseInUse, WrongPassphrase, from_os_error
    from storage.migrations import needs_upgrade, prepare
    from storage.repository import Repository

    try:
        context.prepare_folder()
        settings = context.settings
        if exclusive and not context.lock.held:
            context.lock.acquire()
        for attempt in range(1, PASSPHRASE_TRIES + 1):
            try:
                engine = connect(context.location(retry=attempt > 1))
                break
            except WrongPassphrase as error:
                if attempt == PASSPHRASE_TRIES:
                    raise
                click.echo(f"leidraad: {error}", err=True)
        try:
            if needs_upgrade(engine) and not context.lock.held:
                try:
                    context.lock.acquire()
                except DatabaseInUse as error:
                    raise DatabaseInUse(
                        "De database moet eerst worden bijgewerkt naar deze versie van leidraad. "
                        + str(error)
                    ) from None
            prepare(engine, context.paths.backups_dir)
        except BaseException:
            engine.dispose()
            raise
        # (A backup made by the upgrade is private already: written 0600 in a 0700 folder.)
        return Repository(engine, settings.gebruiker or None)
    except OSError as error:
        raise from_os_error(error, context.paths.data_dir) from error


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


def _startup_notices(context: Context, repo: Repository) -> list[str]:
    from storage.encryption import available
    from storage.retention import expired_cases

    notices = []
    years = context.settings.bewaartermijn_jaren
    expired = expired_cases(repo.engine, years)
    if expired:
        notices.append(
            f"Bewaartermijn verlopen: {_count(len(expired), 'casus', 'casussen')} langer dan "
            f"{years} jaar gesloten. Bekijk met 'leidraad purge --dry-run' wat er "
            "vernietigd kan worden."
        )
    location = context.location()
    if available() and location.is_sqlite and not location.encrypted:
        notices.append(
            "De database is niet versleuteld. Versleutel hem met 'leidraad versleutelen'."
        )
    return notices


def _run_app(context: Context) -> None:
    """Show the first frame at once; the database and the guide open in a worker meanwhile.

    The lock is taken first, so a second start is refused before any screen appears.
    An encrypted database asks its passphrase in the terminal, so it is opened before.
    """
    from leidraad.app import LeidraadApp, Opened, OpenFailed
    from storage.encryption import needs_passphrase
    from storage.errors import StorageError, from_os_error

    try:
        context.prepare_folder()
        context.lock.acquire()
    except StorageError as error:
        _fail(str(error), code=error.exit_code)
    except OSError as error:
        problem = from_os_error(error, context.paths.data_dir)
        _fail(str(problem), code=problem.exit_code)

    def load() -> Opened:
        try:
            repo = _open_repository(context, exclusive=True)
            return Opened(repo, _guide(context), _startup_notices(context, repo))
        except StorageError as error:
            raise OpenFailed(str(error), error.exit_code) from error

    def preview() -> CaseList | None:
        from datetime import date

        from storage.case_list import quick_case_list

        return quick_case_list(context.paths.database, date.today())

    plain_file = not context.settings.database_url
    encrypted = plain_file and needs_passphrase(context.paths.database)
    opened = load_now(load) if encrypted else None
    app = (
        LeidraadApp(opened.repo, opened.guide, context.paths, notices=opened.notices)
        if opened
        else LeidraadApp(
            None, None, context.paths, loader=load, preview=preview if plain_file else None
        )
    )
    try:
        app.run(headless=probe.enabled())
    finally:
        if app.has_data:
            app.context.repo.engine.dispose()
        context.lock.release()
    if app.failure is not None:
        _fail(str(app.failure), code=app.failure.code)


def load_now(load: Callable[[], Opened]) -> Opened:
    from leidraad.app import OpenFailed

    try:
        return load()
    except OpenFailed as failure:
        _fail(str(failure), code=failure.code)


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
    from leidraad.demo.seed import demo_database
    from questionsets.loader import load_guide

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
    from storage.settings import display_file

    folder = context.paths.data_dir
    GuideApp(_guide(context), display_file(folder) if folder.is_dir() else None).run()


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
    from leidraad.core.voice import clients, voices_for
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
            "Voorbereiding" if chosen is Variant.VOORBEREIDING else "Verslag",
        )
    _record_export(repo, found.id, f"verslag overleg {meeting.number} ({variant})")


def _record_export(repo: Repository, case_id: int, what: str) -> None:
    """Note in the audit log that a document left the program (never its file name)."""
    from storage.errors import StorageError

    try:
        repo.record_export(case_id, what)
    except StorageError as error:
        click.echo(f"leidraad: het logboek kon niet worden bijgewerkt: {error}", err=True)


def _write(target: Path, write: Callable[[], Path], what: str = "Verslag") -> None:
    """Write one file, or stop with a Dutch message; an existing file needs --overschrijven."""
    try:
        path = write()
    except FileExistsError:
        _fail(f"{target} bestaat al. Kies een andere naam of gebruik --overschrijven.")
        return
    except OSError as error:
        _fail(f"{target} kon niet worden geschreven: {error.strerror}.")
        return
    click.echo(f"{what} geschreven: {path}")


def _export_history(
    context: Context,
    case: str,
    number: int | None,
    fmt: str,
    out: str | None,
    overwrite: bool,
) -> None:
    from datetime import date

    from exports.files import history_filename
    from exports.history import save_history
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
    _write(
        target, partial(save_history, history, target, today, fmt == "html", overwrite), "Verloop"
    )
    _record_export(repo, found.id, "verloop van de casus")


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


# --- data safety -------------------------------------------------------------


@main.command()
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Bestand voor de kopie (standaard: reservekopieen/leidraad-DATUM-TIJD.db in de map).",
)
@click.option("--overschrijven", is_flag=True, help="Een bestaand bestand vervangen.")
@click.pass_obj
def backup(context: Context, out: Path | None, overschrijven: bool) -> None:
    """Maak een reservekopie van de database.

    Dat kan ook terwijl leidraad draait: de kopie is één moment, nooit een halve wijziging.
    """
    from storage.backup import default_backup_name, make_backup
    from storage.errors import StorageError

    repo = _open(context)  # checks and, if needed, upgrades the database first
    repo.engine.dispose()
    target = out or default_backup_name(context.paths.backups_dir)
    if target.exists() and not overschrijven:
        _fail(f"{target} bestaat al. Kies een andere naam of gebruik --overschrijven.")
    try:
        path = make_backup(context.location(), target)
    except StorageError as error:
        _fail(str(error), code=error.exit_code)
    except OSError as error:
        _fail(f"{target} kon niet worden geschreven: {error.strerror}", code=2)
    click.echo(f"Reservekopie gemaakt: {path}")
    if context.location().encrypted:
        click.echo("De kopie is versleuteld met hetzelfde wachtwoord.")


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--ja", is_flag=True, help="Niet om bevestiging vragen.")
@click.pass_obj
def restore(context: Context, file: Path, ja: bool) -> None:
    """Zet een reservekopie terug.

    De huidige gegevens worden eerst als reservekopie bewaard.
    """
    from storage.backup import default_backup_name, describe_backup, restore_backup
    from storage.errors import StorageError

    repo = _open(context, exclusive=True)
    repo.engine.dispose()
    location = context.location()
    try:
        info = describe_backup(file, location.passphrase)
    except StorageError as error:
        _fail(str(error), code=error.exit_code)
    click.echo(
        f"Reservekopie {file}\n  {_count(info.cases, 'casus', 'casussen')}, gemaakt op "
        f"{info.made_at:%d-%m-%Y %H:%M}, schema {info.schema_version}."
    )
    click.echo(
        f"Dit vervangt ALLE huidige gegevens in {location.describe()}. "
        "De huidige gegevens worden eerst als reservekopie bewaard."
    )
    if not ja and not _confirm("Terugzetten?"):
        _fail("Niets veranderd.", code=1)
    safety = default_backup_name(context.paths.backups_dir).with_suffix(".voor-terugzetten.db")
    try:
        restore_backup(location, file, safety)
        repo = _open(context, exclusive=True)  # upgrades an older backup, with the usual checks
        from storage import audit

        with repo.engine.begin() as connection:
            audit.record(connection, repo.actor, None, audit.RESTORED, f"uit {file.name}")
        repo.engine.dispose()
    except StorageError as error:
        _fail(str(error), code=error.exit_code)
    click.echo(f"Teruggezet. De gegevens van daarvoor staan in {safety}.")


@main.command()
@click.option("--dry-run", is_flag=True, help="Alleen laten zien wat zou worden vernietigd.")
@click.option("--ja", is_flag=True, help="Niet om bevestiging vragen.")
@click.pass_obj
def purge(context: Context, dry_run: bool, ja: bool) -> None:
    """Vernietig casussen na de bewaartermijn.

    Casussen die langer dan de bewaartermijn gesloten zijn, worden met hun verslagen
    helemaal verwijderd. Met --dry-run zie je eerst welke.
    """
    from exports.files import case_documents, slug
    from storage.errors import StorageError
    from storage.retention import destroy_cases, expired_cases

    years = context.settings.bewaartermijn_jaren
    repo = _open(context, exclusive=not dry_run)
    try:
        expired = expired_cases(repo.engine, years)
    except StorageError as error:
        _fail(str(error), code=error.exit_code)
    if not expired:
        click.echo(f"Geen casussen die langer dan {years} jaar gesloten zijn.")
        return
    click.echo(f"Langer dan {years} jaar gesloten (bewaartermijn):")
    for case in expired:
        reason = f" ({case.reason})" if case.reason else ""
        click.echo(
            f"  {case.case_id}. {case.alias}: gesloten op {case.closed_at:%d-%m-%Y}{reason}, "
            f"{_count(len(case.meetings), 'overleg', 'overleggen')}"
        )
    if dry_run:
        click.echo("Er is niets vernietigd (--dry-run).")
        return
    if not ja and not _confirm(
        f"{'Deze casus' if len(expired) == 1 else f'Deze {len(expired)} casussen'} en de "
        f"verslagen in {context.paths.minutes_dir} voorgoed vernietigen?"
    ):
        _fail("Niets vernietigd.", code=1)
    try:
        destroy_cases(repo.engine, expired, repo.actor)
    except StorageError as error:
        _fail(str(error), code=error.exit_code)
    # Every version and format of the minutes, and the case histories, unless another
    # case's name gives the same file names: those are left and named.
    kept = {slug(c.alias) for c in repo.list_cases(include_closed=True)}
    removed = 0
    shared: list[str] = []
    for case in expired:
        own_name = slug(case.alias) not in kept
        if not own_name:
            shared.append(case.alias)
        for document in case_documents(
            context.paths.minutes_dir, case.alias, case.meetings, with_history=own_name
        ):
            document.unlink(missing_ok=True)
            removed += 1
    repo.engine.dispose()
    click.echo(
        f"Vernietigd: {_count(len(expired), 'casus', 'casussen')}, "
        f"{_count(removed, 'verslag', 'verslagen')}."
    )
    for alias in shared:
        click.echo(
            f"Let op: het verloop van {alias} is niet verwijderd, want een andere casus heeft "
            f"bijna dezelfde naam. Kijk zelf in {context.paths.minutes_dir}.",
        )
    backups = sorted(context.paths.backups_dir.glob("*.db"))
    if backups:
        click.echo(
            f"Let op: de reservekopieën in {context.paths.backups_dir} ({len(backups)}) "
            "kunnen deze gegevens nog bevatten. Verwijder kopieën die je niet meer nodig hebt.",
        )


@main.command()
@click.argument("case")
@click.pass_obj
def audit(context: Context, case: str) -> None:
    """Toon het logboek van een casus.

    Wie de casus aanmaakte, wijzigde, exporteerde, sloot of vernietigde, en wanneer.
    CASE is het nummer of de naam.
    """
    from storage.repository import NotFound

    repo = _open(context)
    try:
        found = repo.find_case(case)
        case_id: int | None = found.id
        title = f"Logboek van casus {found.id}: {found.alias}"
    except NotFound as error:
        if not case.strip().isdigit():
            _fail(str(error))
        case_id, title = int(case), f"Logboek van casus {case} (bestaat niet meer)"
    entries = repo.audit_log(case_id)
    if not entries:
        _fail(f"Geen logboek voor casus {case}.")
    click.echo(title)
    for entry in entries:
        detail = f": {entry.detail}" if entry.detail else ""
        click.echo(f"  {entry.when():<24} {entry.actor:<16} {entry.action}{detail}")


@main.command()
@click.pass_obj
def versleutelen(context: Context) -> None:
    """Versleutel de database (extra 'versleuteld')."""
    import sqlite3

    from storage.database import Location, connect
    from storage.encryption import available, encrypt_copy, is_encrypted_file
    from storage.errors import StorageError

    if not available():
        _fail("Versleutelen vraagt de extra 'versleuteld' (zie de README).", code=2)
    if context.settings.database_url:
        _fail("Een PostgreSQL-database versleutelt de server, niet leidraad.")
    path = context.paths.database
    if is_encrypted_file(path):
        _fail(f"{path} is al versleuteld.")
    repo = _open(context, exclusive=True)  # checks it and brings it up to date
    repo.engine.dispose()
    passphrase = _ask_passphrase(path, new=True)
    temporary = path.with_name(f".{path.name}.versleuteld")
    temporary.unlink(missing_ok=True)
    try:
        with sqlite3.connect(path) as plain:
            plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        plain.close()
        encrypt_copy(path, temporary, passphrase)
        connect(Location(path=temporary, passphrase=passphrase)).dispose()
    except StorageError as error:
        temporary.unlink(missing_ok=True)
        _fail(str(error), code=error.exit_code)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(temporary, path)
    click.echo(
        "De database is versleuteld. Vergeet het wachtwoord niet: zonder kan niemand de "
        "gegevens nog openen. Reservekopieën van eerder zijn niet versleuteld; verwijder "
        "ze of bewaar ze veilig."
    )
