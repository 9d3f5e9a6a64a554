"""A consistent copy of an SQLite database, page by page, into a private file.

Used by backups and by the schema upgrade (a copy before the first step), so it
sits below both and imports neither.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from storage.encryption import connect_raw
from storage.errors import DatabaseDamaged, StorageError, translate


def private_target(target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if target.exists():
        target.unlink()
    # Made private before a single page of case data goes into it.
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


@contextmanager
def no_half_copy(target: Path, where: Path | str) -> Iterator[None]:
    """A copy that fails is removed, and the reason is told in Dutch."""
    try:
        yield
    except StorageError:
        target.unlink(missing_ok=True)
        raise
    except Exception as error:
        target.unlink(missing_ok=True)
        raise translate(error, where) from error


def open_plain_or_encrypted(path: Path, passphrase: str | None) -> Any:
    if passphrase is None:
        return sqlite3.connect(path)
    return connect_raw(str(path), passphrase)


def copy_pages(source: Any, target: Path, passphrase: str | None) -> None:
    destination = open_plain_or_encrypted(target, passphrase)
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
    private_target(target)
    raw = engine.raw_connection()
    try:
        with no_half_copy(target, target):
            passphrase = (
                engine.url.password if engine.url.drivername.endswith("pysqlcipher") else None
            )
            copy_pages(raw.driver_connection, target, str(passphrase) if passphrase else None)
    finally:
        raw.close()
    return target
