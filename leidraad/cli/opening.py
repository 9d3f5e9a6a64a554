"""Opening the data: the context of a run, the passphrase, the database, the main program.

Every command that reads or writes cases opens them through `open_repo`, so each one
takes the same lock, asks the passphrase the same way and upgrades the database first.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from leidraad.cli.common import count, fail
from leidraad.paths import ENV_QUESTIONSETS, ForeignFolder, Paths
from screens import probe
from storage.settings import Settings, SettingsError, load_settings

if TYPE_CHECKING:
    from leidraad.app import Opened
    from leidraad.core.guide import Guide
    from storage.case_list import CaseList
    from storage.database import Location
    from storage.lock import DataLock
    from storage.repository import Repository

PASSPHRASE_TRIES = 3


class Context:
    """One run of the command line: its folders and settings, and the lock and database it took."""

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
        """Recognise the data folder, then make leidraad's files in it private: once per run.

        A folder that is not leidraad's is refused untouched, as a StorageError (exit 2),
        so every command stops with the same Dutch message.
        """
        from storage.errors import StorageError

        if not self._prepared:
            try:
                self.paths.prepare()
            except ForeignFolder as error:
                raise StorageError(str(error)) from None
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
                fail(str(error), code=2)
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
            passphrase = ask_passphrase(path) if needs_passphrase(path) else None
            self._location = Location(path=path, passphrase=passphrase)
        return self._location


def ask_passphrase(path: Path, new: bool | None = None) -> str:
    """Ask in the terminal; a new one twice, with the warning that it cannot be found back."""
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
        fail("Zonder wachtwoord kan de versleutelde database niet open.", code=6)
    return str(passphrase)


def open_repo(context: Context, *, exclusive: bool = False) -> Repository:
    """Open the database or stop with its Dutch message and exit code."""
    from storage.errors import StorageError

    try:
        return open_repository(context, exclusive=exclusive)
    except StorageError as error:
        fail(str(error), code=error.exit_code)


def open_repository(context: Context, *, exclusive: bool = False) -> Repository:
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


def guide_for(context: Context) -> Guide:
    """The built-in and the user's question sets; a missing --questionsets folder is told."""
    from questionsets.loader import load_guide

    guide = load_guide(context.user_set_folders())
    chosen = context.questionsets_dir
    if chosen is not None and not chosen.is_dir():
        guide.problems.append(
            f"{chosen}: deze map met vragensets bestaat niet (--questionsets of "
            f"{ENV_QUESTIONSETS}); de andere vragensets worden gebruikt."
        )
    return guide


def startup_notices(context: Context, repo: Repository) -> list[str]:
    from storage.encryption import available
    from storage.retention import expired_cases

    notices = []
    years = context.settings.bewaartermijn_jaren
    expired = expired_cases(repo.engine, years)
    if expired:
        notices.append(
            f"Bewaartermijn verlopen: {count(len(expired), 'casus', 'casussen')} langer dan "
            f"{years} jaar gesloten. Bekijk met 'leidraad purge --dry-run' wat er "
            "vernietigd kan worden."
        )
    location = context.location()
    if available() and location.is_sqlite and not location.encrypted:
        notices.append(
            "De database is niet versleuteld. Versleutel hem met 'leidraad versleutelen'."
        )
    return notices


def run_app(context: Context) -> None:
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
        fail(str(error), code=error.exit_code)
    except OSError as error:
        problem = from_os_error(error, context.paths.data_dir)
        fail(str(problem), code=problem.exit_code)

    def load() -> Opened:
        try:
            repo = open_repository(context, exclusive=True)
            return Opened(repo, guide_for(context), startup_notices(context, repo))
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
        fail(str(app.failure), code=app.failure.code)


def load_now(load: Callable[[], Opened]) -> Opened:
    from leidraad.app import OpenFailed

    try:
        return load()
    except OpenFailed as failure:
        fail(str(failure), code=failure.code)
