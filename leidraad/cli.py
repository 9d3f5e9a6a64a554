"""The command line: a thin layer over the same functions the screens use."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from leidraad.domain import Phase
from leidraad.paths import ENV_QUESTIONSETS, Paths
from leidraad.settings import Settings, SettingsError, load_settings

if TYPE_CHECKING:
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
    """Open the database; with exclusive, only while no other leidraad uses the folder.

    Commands that only read (export, backup) run beside the program. If the database
    must be upgraded first, they too need the folder to themselves for that moment.
    """
    from storage.database import connect
    from storage.errors import DatabaseInUse, StorageError, WrongPassphrase
    from storage.migrations import needs_upgrade, prepare
    from storage.repository import Repository

    try:
        context.paths.prepare()
        settings = context.settings
        if exclusive:
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
        context.paths.prepare()  # a backup made by the upgrade is private too
        return Repository(engine, settings.gebruiker or None)
    except StorageError as error:
        _fail(str(error), code=error.exit_code)
    except OSError as error:
        from storage.errors import from_os_error

        problem = from_os_error(error, context.paths.data_dir)
        _fail(str(problem), code=problem.exit_code)


def _guide(context: Context):  # type: ignore[no-untyped-def]
    from questionsets.loader import load_guide

    return load_guide(context.user_set_folders())


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
    from leidraad.app import LeidraadApp

    repo = _open(context, exclusive=True)
    try:
        notices = _startup_notices(context, repo)
        app = LeidraadApp(repo, _guide(context), context.paths, notices=notices)
        app.run()
    finally:
        repo.engine.dispose()
        context.lock.release()


@main.command()
@click.argument("case")
@click.option(
    "--meeting", "number", type=int, help="Nummer van het overleg (standaard: het laatste)."
)
@click.option("--out", type=click.Path(dir_okay=False), help="Bestand om naar te schrijven.")
@click.option("--overschrijven", is_flag=True, help="Een bestaand bestand vervangen.")
@click.pass_obj
def export(
    context: Context, case: str, number: int | None, out: str | None, overschrijven: bool
) -> None:
    """Schrijf het verslag van een overleg als markdown. CASE is het nummer of de naam."""
    from exports.documents import save_minutes
    from storage.errors import StorageError
    from storage.repository import NotFound

    repo = _open(context)
    try:
        found = repo.find_case(case)
        assert found.id is not None
        meeting = repo.meeting_by_number(found.id, number)
    except NotFound as error:
        _fail(str(error))
    target = Path(out) if out else None
    if target is not None and target.exists() and not overschrijven:
        _fail(f"{target} bestaat al. Kies een andere naam of gebruik --overschrijven.")
    path = save_minutes(found, meeting, _guide(context), context.paths.minutes_dir, target)
    try:
        repo.record_export(found.id, meeting.number, "via de opdrachtregel")
    except StorageError as error:
        click.echo(f"leidraad: het logboek kon niet worden bijgewerkt: {error}", err=True)
    click.echo(f"Verslag geschreven: {path}")


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
    from exports.files import minutes_filename
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
    removed = 0
    for case in expired:
        for number, held_on in case.meetings:
            minutes = context.paths.minutes_dir / minutes_filename(case.alias, number, held_on)
            if minutes.exists():
                minutes.unlink()
                removed += 1
    repo.engine.dispose()
    click.echo(
        f"Vernietigd: {_count(len(expired), 'casus', 'casussen')}, "
        f"{_count(removed, 'verslag', 'verslagen')}."
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
