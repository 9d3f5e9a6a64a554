"""Consistent copies of the database, made while leidraad may be running, and putting one back.

SQLite uses its online backup API: one read transaction copies every page, so the copy
is a single moment even while the meeting screen keeps saving. A PostgreSQL database is
copied row by row in one repeatable-read transaction into the same kind of SQLite file,
so every backup can be read, checked and restored the same way.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, func, insert, select, text
from sqlmodel import SQLModel

from storage.database import Location, connect, inspect_sqlite
from storage.errors import DatabaseDamaged, StorageError, damaged, translate
from storage.tables import CaseRow


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds, shown before it replaces the current data."""

    path: Path
    schema_version: int
    cases: int
    made_at: datetime


def default_backup_name(folder: Path, now: datetime | None = None) -> Path:
    return folder / f"leidraad-{(now or datetime.now()).strftime('%Y%m%d-%H%M%S')}.db"


def _private_target(target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if target.exists():
        target.unlink()
    # Made private before a single page of case data goes into it.
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


@contextmanager
def _no_half_copy(target: Path, where: Path | str) -> Iterator[None]:
    """A copy that fails is removed, and the reason is told in Dutch."""
    try:
        yield
    except StorageError:
        target.unlink(missing_ok=True)
        raise
    except Exception as error:
        target.unlink(missing_ok=True)
        raise translate(error, where) from error


def _open_plain_or_encrypted(path: Path, passphrase: str | None) -> Any:
    if passphrase is None:
        return sqlite3.connect(path)
    from storage.encryption import connect_raw

    return connect_raw(str(path), passphrase)


def _copy_pages(source: Any, target: Path, passphrase: str | None) -> None:
    destination = _open_plain_or_encrypted(target, passphrase)
    try:
        source.backup(destination)  # all pages in one step: one consistent moment
        # The copy stands alone: no -wal or -shm file beside it.
        destination.execute("PRAGMA journal_mode=DELETE")
        check = destination.execute("PRAGMA quick_check(1)").fetchone()
        if check is None or check[0] != "ok":
            raise DatabaseDamaged(f"De kopie {target} is niet in orde; probeer het opnieuw.")
    finally:
        destination.close()


def backup_sqlite_engine(engine: Engine, target: Path) -> Path:
    """Copy the database behind an SQLite engine to target (used before an upgrade too)."""
    _private_target(target)
    raw = engine.raw_connection()
    try:
        with _no_half_copy(target, target):
            passphrase = (
                engine.url.password if engine.url.drivername.endswith("pysqlcipher") else None
            )
            _copy_pages(raw.driver_connection, target, str(passphrase) if passphrase else None)
    finally:
        raw.close()
    return target


def make_backup(location: Location, target: Path) -> Path:
    """A consistent copy of the database at location, safe to run beside the app."""
    if location.path is not None:
        if not location.path.exists():
            raise StorageError(f"Er is nog geen database in {location.path.parent}.")
        inspect_sqlite(location)
        _private_target(target)
        with _no_half_copy(target, target):
            source = _open_plain_or_encrypted(location.path, location.passphrase)
            try:
                source.execute("PRAGMA busy_timeout=5000")
                _copy_pages(source, target, location.passphrase)
            finally:
                source.close()
        return target
    engine = connect(location)
    try:
        with _no_half_copy(target, location.describe()):
            _private_target(target)
            copy = _sqlite_engine(target)
            try:
                SQLModel.metadata.create_all(copy)
                _copy_rows(engine, copy, repeatable_read=True)
            finally:
                copy.dispose()
    finally:
        engine.dispose()
    return target


def describe_backup(path: Path, passphrase: str | None = None) -> BackupInfo:
    """Check that a file is a usable leidraad backup and say what is in it."""
    if not path.is_file():
        raise StorageError(f"{path} bestaat niet of is geen bestand.")
    version = inspect_sqlite(Location(path=path, passphrase=passphrase))
    if version is None:
        raise DatabaseDamaged(damaged(path))
    connection = _open_plain_or_encrypted(path, passphrase)
    try:
        cases = connection.execute(f"SELECT count(*) FROM {CaseRow.__tablename__}").fetchone()[0]
    finally:
        connection.close()
    made = datetime.fromtimestamp(path.stat().st_mtime)
    return BackupInfo(path, version, int(cases), made)


def restore_backup(location: Location, source: Path, safety_copy: Path | None) -> None:
    """Replace the current data by the backup's; the current data is copied aside first.

    The caller holds the data folder's lock, so no leidraad is writing meanwhile. The
    restored database is upgraded to this version afterwards by the normal start.
    """
    describe_backup(source, location.passphrase)
    if location.path is not None:
        if safety_copy is not None and location.path.exists() and location.path.stat().st_size:
            make_backup(location, safety_copy)
        location.path.parent.mkdir(parents=True, exist_ok=True)
        if not location.path.exists():
            location.path.touch(mode=0o600)
        backup = _open_plain_or_encrypted(source, location.passphrase)
        live = _open_plain_or_encrypted(location.path, location.passphrase)
        try:
            live.execute("PRAGMA busy_timeout=5000")
            backup.backup(live)
            live.execute("PRAGMA journal_mode=WAL")
            live.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except Exception as error:
            raise translate(error, location.path) from error
        finally:
            backup.close()
            live.close()
        return
    # PostgreSQL: bring the file to this schema in a scratch copy, then copy the rows in.
    from storage.migrations import prepare

    if safety_copy is not None:
        make_backup(location, safety_copy)
    with tempfile.TemporaryDirectory(prefix="leidraad-") as folder:
        scratch = Path(folder) / "herstel.db"
        _private_target(scratch)
        source_db, scratch_db = sqlite3.connect(source), sqlite3.connect(scratch)
        try:
            source_db.backup(scratch_db)
        finally:
            source_db.close()
            scratch_db.close()
        copy = _sqlite_engine(scratch)
        server = connect(location)
        try:
            prepare(copy, Path(folder))
            prepare(server)
            _copy_rows(copy, server, replace=True)
        finally:
            copy.dispose()
            server.dispose()


def _sqlite_engine(path: Path) -> Engine:
    return create_engine(f"sqlite:///{path}")


def _copy_rows(
    source: Engine, target: Engine, *, repeatable_read: bool = False, replace: bool = False
) -> None:
    tables = SQLModel.metadata.sorted_tables
    reader = (
        source.execution_options(isolation_level="REPEATABLE READ") if repeatable_read else source
    )
    with reader.connect() as src, target.begin() as dst:
        if replace:
            for table in reversed(tables):
                dst.execute(delete(table))
        for table in tables:
            rows = [dict(row._mapping) for row in src.execute(select(table))]
            if rows:
                dst.execute(insert(table), rows)
        if target.dialect.name == "postgresql":
            for table in tables:
                if "id" in table.c and table.c.id.autoincrement is not False:
                    highest = dst.execute(select(func.max(table.c.id))).scalar() or 0
                    dst.execute(
                        text("SELECT setval(pg_get_serial_sequence(:t, 'id'), :n, :called)"),
                        {"t": table.name, "n": max(highest, 1), "called": highest > 0},
                    )
