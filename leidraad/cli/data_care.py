"""Taking care of the data: backups, the retention period, the audit log, encryption."""

from __future__ import annotations

import os
from pathlib import Path

import click

from leidraad.cli.common import Command, confirm, count, fail
from leidraad.cli.opening import Context, ask_passphrase, open_repo


@click.command(cls=Command)
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

    if out is not None:
        own = _own_file(context, out)
        if own is not None:
            fail(
                f"{out} is {own} van leidraad zelf. Een reservekopie daarop zou de gegevens "
                "vernietigen. Kies een bestand buiten de database, bijvoorbeeld in "
                f"{context.paths.backups_dir}. Er is niets veranderd.",
                code=2,
            )
    repo = open_repo(context)  # checks and, if needed, upgrades the database first
    repo.engine.dispose()
    target = out or default_backup_name(context.paths.backups_dir)
    if target.exists() and not overschrijven:
        fail(f"{target} bestaat al. Kies een andere naam of gebruik --overschrijven.")
    try:
        path = make_backup(context.location(), target)
    except StorageError as error:
        fail(str(error), code=error.exit_code)
    except OSError as error:
        fail(f"{target} kon niet worden geschreven: {error.strerror}", code=2)
    click.echo(f"Reservekopie gemaakt: {path}")
    if context.location().encrypted:
        click.echo("De kopie is versleuteld met hetzelfde wachtwoord.")


def _own_file(context: Context, target: Path) -> str | None:
    """What `target` is of leidraad's own files (the database, its logs, the lock), or None.

    Compared after resolving links and '..', so no other spelling of the path gets past.
    """
    database = context.paths.database
    own = {
        database: "de database",
        Path(f"{database}-wal"): "het logboek (-wal) van de database",
        Path(f"{database}-shm"): "het gedeelde geheugen (-shm) van de database",
        Path(f"{database}-journal"): "het journaal van de database",
        context.paths.data_dir / "leidraad.lock": "het slot",
    }
    where = Path(os.path.realpath(target.expanduser()))
    for path, name in own.items():
        if where == Path(os.path.realpath(path)):
            return name
    # A new backup may go to reservekopieen/; every other file leidraad keeps is refused.
    in_backups = where.parent == Path(os.path.realpath(context.paths.backups_dir))
    if context.paths.is_own_file(target) and not in_backups:
        return "een bestand"
    return None


@click.command(cls=Command)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--ja", is_flag=True, help="Niet om bevestiging vragen.")
@click.pass_obj
def restore(context: Context, file: Path, ja: bool) -> None:
    """Zet een reservekopie terug.

    De huidige gegevens worden eerst als reservekopie bewaard.
    """
    from storage.backup import default_backup_name, describe_backup, restore_backup
    from storage.errors import StorageError

    repo = open_repo(context, exclusive=True)
    repo.engine.dispose()
    location = context.location()
    try:
        info = describe_backup(file, location.passphrase)
    except StorageError as error:
        fail(str(error), code=error.exit_code)
    click.echo(
        f"Reservekopie {file}\n  {count(info.cases, 'casus', 'casussen')}, gemaakt op "
        f"{info.made_at:%d-%m-%Y %H:%M}, schema {info.schema_version}."
    )
    click.echo(
        f"Dit vervangt ALLE huidige gegevens in {location.describe()}. "
        "De huidige gegevens worden eerst als reservekopie bewaard."
    )
    if not ja and not confirm("Terugzetten?"):
        fail("Niets veranderd.", code=1)
    safety = default_backup_name(context.paths.backups_dir).with_suffix(".voor-terugzetten.db")
    try:
        restore_backup(location, file, safety)
        repo = open_repo(context, exclusive=True)  # upgrades an older backup, with the usual checks
        from storage import audit

        with repo.engine.begin() as connection:
            audit.record(connection, repo.actor, None, audit.RESTORED, f"uit {file.name}")
        repo.engine.dispose()
    except StorageError as error:
        fail(str(error), code=error.exit_code)
    click.echo(f"Teruggezet. De gegevens van daarvoor staan in {safety}.")


@click.command(cls=Command)
@click.option("--dry-run", is_flag=True, help="Alleen laten zien wat zou worden vernietigd.")
@click.option("--ja", is_flag=True, help="Niet om bevestiging vragen.")
@click.pass_obj
def purge(context: Context, dry_run: bool, ja: bool) -> None:
    """Vernietig casussen na de bewaartermijn.

    Casussen die langer dan de bewaartermijn gesloten zijn, worden met hun verslagen
    helemaal verwijderd. Met --dry-run zie je eerst welke.
    """
    from storage.documents import documents_of, registered_paths
    from storage.errors import StorageError
    from storage.retention import destroy_cases, expired_cases

    years = context.settings.bewaartermijn_jaren
    repo = open_repo(context, exclusive=not dry_run)
    try:
        expired = expired_cases(repo.engine, years)
    except StorageError as error:
        fail(str(error), code=error.exit_code)
    if not expired:
        click.echo(f"Geen casussen die langer dan {years} jaar gesloten zijn.")
        return
    click.echo(f"Langer dan {years} jaar gesloten (bewaartermijn):")
    for case in expired:
        reason = f" ({case.reason})" if case.reason else ""
        click.echo(
            f"  {case.case_id}. {case.alias}: gesloten op {case.closed_at:%d-%m-%Y}{reason}, "
            f"{count(len(case.meetings), 'overleg', 'overleggen')}"
        )
    if dry_run:
        click.echo("Er is niets vernietigd (--dry-run).")
        return
    if not ja and not confirm(
        f"{'Deze casus' if len(expired) == 1 else f'Deze {len(expired)} casussen'} en de "
        f"verslagen in {context.paths.minutes_dir} voorgoed vernietigen?"
    ):
        fail("Niets vernietigd.", code=1)
    minutes_dir = context.paths.minutes_dir
    try:
        documents = documents_of(repo.engine, [case.case_id for case in expired])
        destroy_cases(repo.engine, expired, repo.actor)
        still_registered = registered_paths(repo.engine)
    except StorageError as error:
        fail(str(error), code=error.exit_code)
    repo.engine.dispose()
    removed, elsewhere = _remove_documents(minutes_dir, [d.path for d in documents])
    click.echo(
        f"Vernietigd: {count(len(expired), 'casus', 'casussen')}, "
        f"{count(removed, 'verslag', 'verslagen')}."
    )
    if elsewhere:
        click.echo(
            f"Let op: {count(elsewhere, 'verslag is', 'verslagen zijn')} buiten "
            f"{minutes_dir} opgeslagen (met --out). Die verwijdert leidraad niet; "
            "ruim ze zelf op als ze er nog staan."
        )
    unknown = _unregistered(minutes_dir, still_registered)
    if unknown:
        click.echo(
            f"Let op: {count(unknown, 'bestand', 'bestanden')} in {minutes_dir} "
            f"{'staat' if unknown == 1 else 'staan'} niet in het register van leidraad "
            "(geschreven door een oudere versie, of door iemand anders). Die zijn niet "
            "verwijderd, want leidraad zoekt verslagen niet meer op hun naam. Kijk zelf of "
            "er verslagen van de vernietigde casussen bij zijn en verwijder die met de hand."
        )
    backups = sorted(context.paths.backups_dir.glob("*.db"))
    if backups:
        click.echo(
            f"Let op: de reservekopieën in {context.paths.backups_dir} ({len(backups)}) "
            "kunnen deze gegevens nog bevatten. Verwijder kopieën die je niet meer nodig hebt.",
        )


def _remove_documents(folder: Path, paths: list[str]) -> tuple[int, int]:
    """Delete the registered documents that lie inside `folder`; (removed, left elsewhere).

    A path that is absolute, or leads out of the folder (through '..' or a link), is
    not deleted: leidraad only removes what it wrote into verslagen/ itself.
    """
    root = Path(os.path.realpath(folder))
    removed = elsewhere = 0
    for registered in dict.fromkeys(paths):
        relative = Path(registered)
        if relative.is_absolute():
            elsewhere += Path(registered).exists()
            continue
        candidate = folder / relative
        where = Path(os.path.realpath(candidate))
        if not where.is_relative_to(root) or where == root:
            continue
        if candidate.is_file() and not candidate.is_symlink():
            candidate.unlink()
            removed += 1
    return removed, elsewhere


def _unregistered(folder: Path, registered: set[str]) -> int:
    """Documents in the folder that the register does not know (written before it)."""
    if not folder.is_dir():
        return 0
    known = set(registered)
    found = 0
    for path in folder.rglob("*"):
        if path.name.startswith(".") or not path.is_file() or path.is_symlink():
            continue
        if path.relative_to(folder).as_posix() not in known:
            found += 1
    return found


@click.command(cls=Command)
@click.argument("case")
@click.pass_obj
def audit(context: Context, case: str) -> None:
    """Toon het logboek van een casus.

    Wie de casus aanmaakte, wijzigde, exporteerde, sloot of vernietigde, en wanneer.
    CASE is het nummer of de naam.
    """
    from storage.repository import NotFound

    repo = open_repo(context)
    try:
        found = repo.find_case(case)
        case_id: int | None = found.id
        title = f"Logboek van casus {found.id}: {found.alias}"
    except NotFound as error:
        if not case.strip().isdigit():
            fail(str(error))
        case_id, title = int(case), f"Logboek van casus {case} (bestaat niet meer)"
    entries = repo.audit_log(case_id)
    if not entries:
        fail(f"Geen logboek voor casus {case}.")
    click.echo(title)
    for entry in entries:
        detail = f": {entry.detail}" if entry.detail else ""
        click.echo(f"  {entry.when():<24} {entry.actor:<16} {entry.action}{detail}")


@click.command(cls=Command)
@click.pass_obj
def versleutelen(context: Context) -> None:
    """Versleutel de database (extra 'versleuteld')."""
    import sqlite3

    from storage.database import Location, connect
    from storage.encryption import available, encrypt_copy, is_encrypted_file
    from storage.errors import StorageError

    if not available():
        fail("Versleutelen vraagt de extra 'versleuteld' (zie de README).", code=2)
    if context.settings.database_url:
        fail("Een PostgreSQL-database versleutelt de server, niet leidraad.")
    path = context.paths.database
    if is_encrypted_file(path):
        fail(f"{path} is al versleuteld.")
    repo = open_repo(context, exclusive=True)  # checks it and brings it up to date
    repo.engine.dispose()
    passphrase = ask_passphrase(path, new=True)
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
        fail(str(error), code=error.exit_code)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(temporary, path)
    click.echo(
        "De database is versleuteld. Vergeet het wachtwoord niet: zonder kan niemand de "
        "gegevens nog openen. Reservekopieën van eerder zijn niet versleuteld; verwijder "
        "ze of bewaar ze veilig."
    )
