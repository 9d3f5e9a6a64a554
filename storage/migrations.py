"""Bringing a database to this version of leidraad: create it new, or upgrade it step by step.

The steps themselves, and how to write one, are in storage/migration_steps.py. Each
step runs in its own transaction together with the new version number, so a crash
halfway leaves the database at the previous version. An SQLite file is copied to the
backup folder before the first step runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import cache
from pathlib import Path

from sqlalchemy import Connection, Engine, MetaData, create_engine, inspect, text
from sqlmodel import SQLModel

from storage.errors import StorageError, translate
from storage.fileformat import APPLICATION_ID, check_version
from storage.migration_steps import STEPS, Step, add_column, create_table, v1_tables
from storage.snapshot import backup_sqlite_engine
from storage.tables import SCHEMA_VERSION, SchemaInfo

__all__ = [
    "STEPS",
    "Step",
    "add_column",
    "create_at_version",
    "create_table",
    "current_version",
    "needs_upgrade",
    "prepare",
    "schema_shape",
    "upgrade",
]

INFO_TABLE = SchemaInfo.__tablename__
_PG_LOCK_KEY = 4_711_007  # advisory lock: two team members starting at once upgrade once


# --- running them ------------------------------------------------------------


def current_version(connection: Connection) -> int | None:
    """The stored schema version; None for an empty database."""
    if not inspect(connection).has_table(INFO_TABLE):
        return None
    row = connection.execute(text(f"SELECT version FROM {INFO_TABLE}")).first()
    return int(row[0]) if row else None


def needs_upgrade(engine: Engine) -> bool:
    with engine.connect() as connection:
        version = current_version(connection)
    return version is not None and version < SCHEMA_VERSION


def prepare(engine: Engine, backup_dir: Path | None = None) -> None:
    """Create the schema in an empty database, or upgrade an older one step by step."""
    try:
        with engine.connect() as connection:
            version = current_version(connection)
        check_version(version, engine.url.render_as_string(hide_password=True))
        if version is None:
            _create(engine)
        elif version < SCHEMA_VERSION:
            if engine.dialect.name == "sqlite":
                _backup_before_upgrade(engine, version, backup_dir)
            upgrade(engine)
        if engine.dialect.name == "sqlite":
            mark(engine)
    except StorageError:
        raise
    except Exception as error:
        raise translate(error, engine.url.database) from error


def _create(engine: Engine) -> None:
    with _transaction(engine) as connection:
        if current_version(connection) is not None:
            return  # someone else created it a moment ago
        SQLModel.metadata.create_all(connection)
        connection.execute(
            text(f"INSERT INTO {INFO_TABLE} (id, version) VALUES (1, :v)"), {"v": SCHEMA_VERSION}
        )


def mark(engine: Engine) -> None:
    """Set leidraad's application_id, so the file is known as ours from now on.

    Only reached for a file that was checked to be ours (or new): see inspect_sqlite.
    """
    with engine.connect() as connection:
        found = connection.exec_driver_sql("PRAGMA application_id").scalar()
        if found != APPLICATION_ID:
            connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.commit()


Shape = frozenset[tuple[str, frozenset[str]]]


def shape_of(names: dict[str, set[str]]) -> Shape:
    """Table and column names, SQLite's own tables left out: what a version is known by."""
    return frozenset(
        (table, frozenset(columns))
        for table, columns in names.items()
        if not table.startswith("sqlite_")
    )


@cache
def schema_shape(version: int) -> Shape:
    """The tables and columns a database of this schema version has, built in memory."""
    engine = create_engine("sqlite://")
    try:
        create_at_version(engine, version)
        with engine.connect() as connection:
            found = inspect(connection)
            names = {t: {c["name"] for c in found.get_columns(t)} for t in found.get_table_names()}
    finally:
        engine.dispose()
    return shape_of(names)


def upgrade(engine: Engine, target: int = SCHEMA_VERSION) -> None:
    """Run the steps from the stored version up to `target`, each in one transaction."""
    for step in STEPS:
        if step.version > target:
            break
        with _transaction(engine) as connection:
            version = current_version(connection)
            if version is None or version >= step.version:
                continue
            if version != step.version - 1:
                raise StorageError(f"Schema {version} kan niet naar {step.version}.")
            step.upgrade(connection)
            connection.execute(text(f"UPDATE {INFO_TABLE} SET version = :v"), {"v": step.version})


@contextmanager
def _transaction(engine: Engine) -> Iterator[Connection]:
    """One real transaction, DDL included.

    Python's sqlite3 module runs DDL outside any transaction unless told otherwise, so
    for SQLite we begin the transaction ourselves (IMMEDIATE: take the write lock now).
    PostgreSQL does DDL in transactions anyway; an advisory lock makes concurrent
    starts take turns.
    """
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            raw = connection.connection.driver_connection
            previous = raw.isolation_level  # type: ignore[union-attr]
            raw.isolation_level = None  # type: ignore[union-attr]
            try:
                connection.exec_driver_sql("BEGIN IMMEDIATE")
                try:
                    yield connection
                except BaseException:
                    connection.rollback()
                    raise
                connection.commit()
            finally:
                raw.isolation_level = previous  # type: ignore[union-attr]
        else:
            with connection.begin():
                connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
                yield connection


def _backup_before_upgrade(engine: Engine, version: int, backup_dir: Path | None) -> Path:
    database = Path(engine.url.database or "leidraad.db")
    folder = backup_dir or database.parent / "reservekopieen"
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{database.stem}-schema-{version}-{stamp}.db"
    return backup_sqlite_engine(engine, target)


# --- for tests: a database as an older leidraad left it ----------------------


def create_at_version(engine: Engine, version: int) -> None:
    """Build an empty database at an earlier schema version: version 1, then the steps."""
    if not 1 <= version <= SCHEMA_VERSION:
        raise ValueError(f"no schema version {version}")
    metadata = MetaData()
    v1_tables(metadata)
    with _transaction(engine) as connection:
        metadata.create_all(connection)
        connection.execute(text(f"INSERT INTO {INFO_TABLE} (id, version) VALUES (1, 1)"))
    upgrade(engine, target=version)
