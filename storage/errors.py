"""Database problems, told in Dutch, with the exit code the command line uses for each.

Everything below the repository raises one of these, so a screen needs to catch a
single exception type and can show its text as it is.
"""

from __future__ import annotations

import errno
import os
import sqlite3

# Primary SQLite result codes; extended codes carry these in their low byte.
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26


class NotFound(LookupError):
    """A case or meeting that does not exist (any more)."""


class StorageError(RuntimeError):
    """A database problem explained in Dutch for the user."""

    exit_code = 2


class DatabaseInUse(StorageError):
    """Another leidraad works on the same data folder."""

    exit_code = 3


class DatabaseDamaged(StorageError):
    """The file is not a (readable) leidraad database; it is left exactly as it is."""

    exit_code = 4


class DatabaseTooNew(StorageError):
    """Made by a newer leidraad; upgrading the program is the way out, not touching the data."""

    exit_code = 5


class WrongPassphrase(StorageError):
    """The encrypted database did not open with the passphrase given."""

    exit_code = 6


class TemporaryProblem(StorageError):
    """Full disk, read-only folder, busy database: retrying later can succeed."""


DISK_FULL = (
    "De schijf is vol: leidraad kan niets meer opslaan. Maak ruimte vrij; "
    "je tekst blijft staan en wordt opgeslagen zodra het weer kan."
)
READ_ONLY = (
    "De map met gegevens is alleen-lezen: leidraad kan niets opslaan. "
    "Controleer de map of de schijf; je tekst blijft staan en wordt opgeslagen zodra het weer kan."
)
BUSY = (
    "De database is bezet door een ander programma (bijvoorbeeld een reservekopie die "
    "loopt). Je tekst blijft staan; leidraad probeert het zo opnieuw."
)


def damaged(where: object) -> str:
    return (
        f"De database {where} is beschadigd of geen leidraad-database. Het bestand is niet "
        "aangeraakt. Zet een reservekopie terug met 'leidraad restore BESTAND', "
        "of kies een andere map met --data-dir."
    )


def from_sqlite(error: sqlite3.Error, where: object = "") -> StorageError:
    """Turn an sqlite3 error into a Dutch one, by SQLite's own result code."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(error).lower()
    if primary == _SQLITE_FULL or "disk is full" in text:
        return TemporaryProblem(DISK_FULL)
    if primary in (_SQLITE_READONLY, _SQLITE_PERM) or "readonly" in text:
        return TemporaryProblem(READ_ONLY)
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text:
        return TemporaryProblem(BUSY)
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in text:
        return DatabaseDamaged(damaged(where))
    if primary == _SQLITE_CANTOPEN:
        if _read_only_folder(where):
            return TemporaryProblem(READ_ONLY)
        return TemporaryProblem(
            f"De database {where} kan niet worden geopend. Bestaat de map nog en mag je "
            "erin schrijven? Je tekst blijft staan."
        )
    if primary == _SQLITE_IOERR:
        return TemporaryProblem(
            "Lezen of schrijven op de schijf mislukte. Is een USB-schijf losgeraakt of de "
            "schijf vol? Je tekst blijft staan en wordt opgeslagen zodra het weer kan."
        )
    return StorageError(f"De database gaf een fout: {error}")


def _read_only_folder(where: object) -> bool:
    """Whether the database's folder is on a read-only file system or not writable."""
    if not where:
        return False
    folder = os.path.dirname(os.fspath(str(where))) or "."
    try:
        read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        read_only = False
    return read_only or (os.path.isdir(folder) and not os.access(folder, os.W_OK))


def from_os_error(error: OSError, where: object = "") -> StorageError:
    if error.errno == errno.ENOSPC:
        return TemporaryProblem(DISK_FULL)
    if error.errno == errno.EROFS:
        return TemporaryProblem(READ_ONLY)
    if error.errno in (errno.EACCES, errno.EPERM):
        return TemporaryProblem(
            f"Je hebt geen toegang tot {where or 'de map met gegevens'}. Controleer wie de "
            "eigenaar is en wie erin mag schrijven."
        )
    return StorageError(f"{where or 'De map met gegevens'} is niet te gebruiken: {error}")


def translate(error: BaseException, where: object = "") -> StorageError:
    """Any error from the database driver or the file system as a StorageError."""
    if isinstance(error, StorageError):
        return error
    original = getattr(error, "orig", None)  # SQLAlchemy wraps the driver's exception
    if isinstance(original, BaseException) and original is not error:
        return translate(original, where)
    if isinstance(error, sqlite3.Error) or type(error).__module__.startswith("sqlcipher3"):
        return from_sqlite(error, where)  # type: ignore[arg-type]
    if isinstance(error, OSError):
        return from_os_error(error, where)
    if type(error).__module__.startswith("psycopg"):
        return _from_postgres(error)
    return StorageError(f"De database gaf een fout: {error}")


def _from_postgres(error: BaseException) -> StorageError:
    state = getattr(error, "sqlstate", None) or ""
    if state == "53100":
        return TemporaryProblem(DISK_FULL)
    if state in ("25006", "42501"):
        return TemporaryProblem(
            "De databaseserver staat alleen lezen toe (of je hebt geen schrijfrechten). "
            "Je tekst blijft staan en wordt opgeslagen zodra het weer kan."
        )
    if state.startswith("40") or state in ("55P03", "57014"):
        return TemporaryProblem(BUSY)
    if state.startswith("08") or state in ("57P01", "57P02", "57P03") or not state:
        return TemporaryProblem(
            "De databaseserver is niet bereikbaar. Controleer de verbinding; je tekst "
            f"blijft staan en wordt opgeslagen zodra het weer kan. ({_first_line(error)})"
        )
    return StorageError(f"De databaseserver gaf een fout: {_first_line(error)}")


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
