"""Consistent copies of the database, made while leidraad may be running, and putting one back.

SQLite uses its online backup API: one read transaction copies every page, so the copy
is a single moment even while the meeting screen keeps saving. A PostgreSQL database is
copied row by row in one repeatable-read transaction into the same kind of SQLite file,
so every backup can be read, checked and restored the same way.
"""

from __future__ import annotations

import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, delete, func, insert, select, text
from sqlmodel import SQLModel

from storage.database import Location, connect, inspect_sqlite, read_only
from storage.errors import DatabaseDamaged, StorageError, damaged, translate
from storage.fileformat import APPLICATION_ID
from storage.migrations import prepare
from storage.snapshot import (
    backup_sqlite_engine,
    copy_pages,
    no_half_copy,
    open_plain_or_encrypted,
    private_target,
)
from storage.tables import CaseRow

__all__ = [
    "BackupInfo",
    "backup_sqlite_engine",
    "default_backup_name",
    "describe_backup",
    "make_backup",
    "restore_backup",
]


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds, shown before it replaces the current data."""

    path: Path
    schema_version: int
    cases: int
    made_at: datetime


def default_backup_name(folder: Path, now: datetime | None = None) -> Path:
    return folder / f"leidraad-{(now or datetime.now()).strftime('%Y%m%d-%H%M%S')}.db"


def make_backup(location: Location, target: Path) -> Path:
    """A consistent copy of the database at location, safe to run beside the app."""
    if location.path is not None:
        if not location.path.exists():
            raise StorageError(f"Er is nog geen database in {location.path.parent}.")
        inspect_sqlite(location)
        private_target(target)
        with no_half_copy(target, target):
            source = open_plain_or_encrypted(location.path, location.passphrase)
            try:
                source.execute("PRAGMA busy_timeout=5000")
                copy_pages(source, target, location.passphrase)
            finally:
                source.close()
        return target
    engine = connect(location)
    try:
        with no_half_copy(target, location.describe()):
            private_target(target)
            copy = _sqlite_engine(target)
            try:
                SQLModel.metadata.create_all(copy)
                _copy_rows(engine, copy, repeatable_read=True)
                with copy.connect() as marking:  # a leidraad file, known by its mark
                    marking.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            finally:
                copy.dispose()
    finally:
        engine.dispose()
    return target


def describe_backup(path: Path, passphrase: str | None = None) -> BackupInfo:
    """Check that a file is a usable leidraad backup and say what is in it."""
    if not path.is_file():
        raise StorageError(f"{path} bestaat niet of is geen bestand.")
    location = Location(path=path, passphrase=passphrase)
    version = inspect_sqlite(location)
    if version is None:
        raise DatabaseDamaged(damaged(path))
    try:
        with read_only(location) as connection:
            query = f"SELECT count(*) FROM {CaseRow.__tablename__}"
            cases = connection.execute(query).fetchone()[0]
    except Exception as error:
        raise translate(error, path) from error
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
        try:
            with read_only(Location(path=source, passphrase=location.passphrase)) as backup:
                live = open_plain_or_encrypted(location.path, location.passphrase)
                try:
                    live.execute("PRAGMA busy_timeout=5000")
                    backup.backup(live)
                    live.execute("PRAGMA journal_mode=WAL")
                    live.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    live.close()
        except Exception as error:
            raise translate(error, location.path) from error
        return
    # PostgreSQL: bring the file to this schema in a scratch copy, then copy the rows in.
    if safety_copy is not None:
        make_backup(location, safety_copy)
    with tempfile.TemporaryDirectory(prefix="leidraad-") as folder:
        scratch = Path(folder) / "herstel.db"
        private_target(scratch)
        with read_only(Location(path=source)) as source_db:
            scratch_db = sqlite3.connect(scratch)
            try:
                source_db.backup(scratch_db)
            finally:
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
