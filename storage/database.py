"""Opening the database: SQLite in WAL mode with durable commits, or a PostgreSQL server.

Before anything is written, a read-only look decides whether the file is ours, intact
and not from a newer leidraad; a file that fails that check is never touched.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import URL, Engine, create_engine, event, inspect, make_url, text

from storage.errors import (
    DatabaseDamaged,
    StorageError,
    WrongPassphrase,
    damaged,
    translate,
)
from storage.fileformat import APPLICATION_ID, SQLITE_HEADER, check_version, not_ours
from storage.migrations import prepare, schema_shape, shape_of
from storage.tables import SchemaInfo

__all__ = [
    "SQLITE_HEADER",
    "Location",
    "StorageError",
    "check_version",
    "connect",
    "open_engine",
    "read_only",
]

BUSY_TIMEOUT_MS = 5000  # how long a write waits for another writer before it gives up


@dataclass(frozen=True)
class Location:
    """Where the cases live: an SQLite file (encrypted when a passphrase is given) or a server."""

    path: Path | None = None
    url: str | None = None
    passphrase: str | None = None

    @classmethod
    def of(cls, database: Path | Location) -> Location:
        return database if isinstance(database, Location) else cls(path=Path(database))

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    @property
    def encrypted(self) -> bool:
        return self.path is not None and self.passphrase is not None

    def describe(self) -> str:
        """For messages: the file, or the server without its password."""
        if self.path is not None:
            return str(self.path)
        return make_url(postgres_url(self.url or "")).render_as_string(hide_password=True)


def postgres_url(url: str) -> str:
    """Accept the usual postgresql:// and postgres:// forms and use the psycopg (v3) driver."""
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    raise StorageError(
        f"'{url}' is geen PostgreSQL-adres. Gebruik de vorm postgresql://gebruiker@server/database."
    )


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL keeps readers and the writer apart; FULL syncs every commit, so a
    # closed lid or a power cut cannot take back what was already saved.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    # Deleted text is overwritten, not just unlinked, so a destroyed case leaves no words.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def connect(database: Path | Location) -> Engine:
    """An engine for an existing or new database, after checking it is safe to write to.

    The schema is not created or upgraded here; `storage.migrations.prepare` does that.
    """
    location = Location.of(database)
    if location.path is None:
        return _connect_postgres(location)
    path = location.path
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        # Create the empty file private before SQLite writes anything into it.
        path.touch(mode=0o600)
    else:
        inspect_sqlite(location)
    if location.passphrase is not None:
        from storage.encryption import engine_url

        url: URL | str = engine_url(path, location.passphrase)
    else:
        url = f"sqlite:///{path}"
    engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _sqlite_pragmas)
    try:
        with engine.connect() as connection:  # sets WAL mode now, while we know the file is ours
            connection.exec_driver_sql("SELECT 1")
    except Exception as error:
        engine.dispose()
        raise translate(error, path) from error
    for file in path.parent.glob(path.name + "*"):
        file.chmod(0o600)
    return engine


def open_engine(database: Path | Location, backup_dir: Path | None = None) -> Engine:
    """Open (or create) the database and bring its schema to this version of leidraad."""
    engine = connect(database)
    try:
        prepare(engine, backup_dir)
    except BaseException:
        engine.dispose()
        raise
    location = Location.of(database)
    if location.path is not None:
        for file in location.path.parent.glob(location.path.name + "*"):
            file.chmod(0o600)
    return engine


def inspect_sqlite(location: Location) -> int | None:
    """The schema version of an existing SQLite file, read without writing a single byte.

    None means an empty database (a new one). Raises for a file that is not ours (another
    application_id, or no mark and tables that are no known version), is damaged, is
    encrypted without a passphrase, or comes from a newer leidraad.
    """
    assert location.path is not None
    path = location.path
    with path.open("rb") as handle:
        header = handle.read(16)
    if not header:
        return None
    if header != SQLITE_HEADER and location.passphrase is None:
        from storage.encryption import available

        if available():
            raise DatabaseDamaged(damaged(path))
        raise DatabaseDamaged(
            f"De database {path} is versleuteld of beschadigd. Is hij versleuteld, start "
            "leidraad dan met de extra 'versleuteld' (zie de README). Het bestand is niet "
            "aangeraakt."
        )
    if header == SQLITE_HEADER and location.passphrase is not None:
        raise StorageError(
            f"{path} is niet versleuteld, maar er is een wachtwoord gegeven. "
            "Versleutel de database eerst met 'leidraad versleutelen'."
        )
    try:
        with read_only(location) as connection:
            return _recognise(connection, path)
    except StorageError:
        raise
    except Exception as error:
        if location.passphrase is not None and "not a database" in str(error):
            raise WrongPassphrase(
                "Het wachtwoord klopt niet: de database kon er niet mee worden geopend. "
                "Er is niets veranderd; probeer het opnieuw."
            ) from error
        raise translate(error, path) from error


def _recognise(connection: Any, path: Path) -> int | None:
    """Ours by its mark, or (from before the mark) by tables exactly as a known version."""
    check = connection.execute("PRAGMA quick_check(1)").fetchone()
    if check is None or check[0] != "ok":
        raise DatabaseDamaged(damaged(path))
    mark = connection.execute("PRAGMA application_id").fetchone()[0]
    if mark not in (0, APPLICATION_ID):
        raise DatabaseDamaged(not_ours(path))
    query = "SELECT name FROM sqlite_master WHERE type='table'"
    tables = {row[0] for row in connection.execute(query)}
    if not tables:
        if mark == 0 and _has_other_objects(connection):
            raise DatabaseDamaged(not_ours(path))
        return None
    if SchemaInfo.__tablename__ not in tables:
        raise DatabaseDamaged(not_ours(path))
    rows = connection.execute(f"SELECT version FROM {SchemaInfo.__tablename__}").fetchall()
    if len(rows) != 1 or not isinstance(rows[0][0], int):
        raise DatabaseDamaged(not_ours(path))
    version = int(rows[0][0])
    check_version(version, path)
    if mark == 0:
        names = {
            table: {row[1] for row in connection.execute(_columns_of(table))} for table in tables
        }
        if version < 1 or shape_of(names) != schema_shape(version):
            raise DatabaseDamaged(not_ours(path))
    return version


def _columns_of(table: str) -> str:
    quoted = table.replace('"', '""')
    return f'PRAGMA table_info("{quoted}")'


def _has_other_objects(connection: Any) -> bool:
    """Views or triggers without tables: someone's file, not an empty database."""
    return bool(connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])


@contextmanager
def read_only(location: Location) -> Iterator[Any]:
    """A read-only connection that leaves no -wal or -shm file behind.

    Without a -wal file everything is in the main file, so it is opened immutable (SQLite
    then creates nothing). With one, it is opened read-only so the log is read too, and a
    -shm that SQLite had to make is removed again afterwards.
    """
    assert location.path is not None
    path = location.path
    siblings = [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm", "-journal")]
    existed = {sibling for sibling in siblings if sibling.exists()}
    name = quote(str(path.absolute()))
    wal = Path(f"{path}-wal") in existed
    uri = f"file:{name}?mode=ro" if wal else f"file:{name}?mode=ro&immutable=1"
    if location.passphrase is None:
        connection = sqlite3.connect(uri, uri=True)
    else:
        from storage.encryption import connect_raw

        connection = connect_raw(uri, location.passphrase, uri=True)
    try:
        yield connection
    finally:
        connection.close()
        for sibling in siblings:
            if sibling not in existed:
                sibling.unlink(missing_ok=True)


def _connect_postgres(location: Location) -> Engine:
    url = postgres_url(location.url or "")
    engine = create_engine(
        url,
        pool_pre_ping=True,
        # Times are stored as UTC without a zone, the same as in SQLite.
        connect_args={"options": "-c timezone=UTC", "connect_timeout": 10},
    )
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            if tables and SchemaInfo.__tablename__ not in tables:
                raise StorageError(
                    f"De database {location.describe()} bevat al tabellen van een ander "
                    "programma. Gebruik een eigen, lege database voor leidraad."
                )
            if SchemaInfo.__tablename__ in tables:
                row = connection.execute(
                    text(f"SELECT version FROM {SchemaInfo.__tablename__}")
                ).first()
                check_version(int(row[0]) if row else None, location.describe())
    except StorageError:
        engine.dispose()
        raise
    except Exception as error:
        engine.dispose()
        raise translate(error, location.describe()) from error
    return engine
