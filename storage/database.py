"""Opening the database: SQLite in WAL mode, durable commits, private files."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlmodel import Session, SQLModel, create_engine, select

from storage.tables import SCHEMA_VERSION, SchemaInfo


class StorageError(RuntimeError):
    """A database problem explained in Dutch for the user."""


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL keeps readers and the writer apart; FULL syncs every commit, so a
    # closed lid or a power cut cannot take back what was already saved.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def open_engine(database: Path) -> Engine:
    """Open (or create) the database file and make sure its schema is ours."""
    database.parent.mkdir(parents=True, exist_ok=True)
    if database.exists():
        _check_header(database)
    else:
        # Create the empty file private before SQLite writes anything into it.
        database.touch(mode=0o600)
    engine = create_engine(f"sqlite:///{database}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _sqlite_pragmas)
    _ensure_schema(engine)
    for path in database.parent.glob(database.name + "*"):
        path.chmod(0o600)
    return engine


def _check_header(database: Path) -> None:
    with database.open("rb") as handle:
        header = handle.read(16)
    if header and header != b"SQLite format 3\x00":
        raise StorageError(
            f"{database} is geen leidraad-database of is beschadigd. "
            "Het bestand is niet aangeraakt. Kies een andere map met --data-dir."
        )


def _ensure_schema(engine: Engine) -> None:
    try:
        with engine.connect() as connection:
            has_info = engine.dialect.has_table(connection, SchemaInfo.__tablename__)
        if has_info:
            with Session(engine) as session:
                info = session.exec(select(SchemaInfo)).first()
            if info is not None and info.version > SCHEMA_VERSION:
                raise StorageError(
                    f"Deze database is gemaakt door een nieuwere versie van leidraad "
                    f"(schema {info.version}, deze versie kent {SCHEMA_VERSION}). "
                    "Werk leidraad bij; de database is niet aangeraakt."
                )
        SQLModel.metadata.create_all(engine)
        with Session(engine) as session:
            if session.exec(select(SchemaInfo)).first() is None:
                session.add(SchemaInfo(version=SCHEMA_VERSION))
                session.commit()
    except StorageError:
        raise
    except Exception as error:
        raise StorageError(f"De database kon niet worden geopend: {error}") from error
