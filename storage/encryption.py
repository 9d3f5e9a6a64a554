"""Encryption at rest with SQLCipher, present only with the extra `leidraad[versleuteld]`.

The passphrase is asked at every start and kept in memory only; it is never written
to a file, the environment or a log.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storage.errors import StorageError
from storage.fileformat import SQLITE_HEADER

if TYPE_CHECKING:
    from sqlalchemy import URL


def available() -> bool:
    """Whether the SQLCipher driver (the extra 'versleuteld') is installed."""
    return importlib.util.find_spec("sqlcipher3") is not None


def is_encrypted_file(path: Path) -> bool:
    """A non-empty file without SQLite's plain header: encrypted (or damaged)."""
    if not path.exists() or path.stat().st_size == 0:
        return False
    with path.open("rb") as handle:
        return handle.read(16) != SQLITE_HEADER


def needs_passphrase(path: Path) -> bool:
    """With the extra, a new database is made encrypted and an encrypted one needs its key."""
    if not available():
        return False
    return not path.exists() or path.stat().st_size == 0 or is_encrypted_file(path)


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def connect_raw(database: str, passphrase: str | None, *, uri: bool = False) -> Any:
    """An SQLCipher DB-API connection, keyed before anything is read (None: a plain file)."""
    if not available():
        raise StorageError(
            "Deze database is versleuteld. Installeer leidraad met de extra 'versleuteld' "
            "(zie de README) om hem te openen."
        )
    import sqlcipher3

    connection = sqlcipher3.connect(database, uri=uri, check_same_thread=False)
    connection.execute("PRAGMA cipher_log_level = NONE")  # no key errors on the terminal
    if passphrase is not None:
        connection.execute(f"PRAGMA key = {_quote(passphrase)}")
    return connection


def engine_url(path: Path, passphrase: str) -> URL:
    """An SQLAlchemy URL for the pysqlcipher dialect; the key lives only in this object."""
    if not available():
        raise StorageError(
            "Versleuteling vraagt de extra 'versleuteld': installeer leidraad[versleuteld]."
        )
    from sqlalchemy import URL

    return URL.create("sqlite+pysqlcipher", password=passphrase, database=str(path))


def encrypt_copy(source: Path, target: Path, passphrase: str) -> None:
    """Write an encrypted copy of a plain database (sqlcipher_export), for 'versleutelen'."""
    connection = connect_raw(str(source), None)
    try:
        connection.execute(
            f"ATTACH DATABASE {_quote(str(target))} AS versleuteld KEY {_quote(passphrase)}"
        )
        connection.execute("SELECT sqlcipher_export('versleuteld')")
        connection.execute("DETACH DATABASE versleuteld")
    finally:
        connection.close()
