"""Writing documents to disk safely: private, atomic, never half a file, never on our own files."""

from __future__ import annotations

import errno
import os
import re
import tempfile
import unicodedata
from datetime import date
from pathlib import Path

# What leidraad keeps in a data folder. leidraad/paths.py builds its paths from these names;
# they live here, at the bottom, so that every writer can refuse to land on one of them.
MARKER_NAME = ".leidraad-map"
DATABASE_NAME = "leidraad.db"
LOCK_NAME = "leidraad.lock"
SETTINGS_NAME = "instellingen.toml"
DISPLAY_NAME = "weergave.json"
MINUTES_FOLDER = "verslagen"
BACKUPS_FOLDER = "reservekopieen"
QUESTIONSETS_FOLDER = "vragensets"
OWN_FILE_NAMES = (
    MARKER_NAME,
    DATABASE_NAME,
    f"{DATABASE_NAME}-wal",
    f"{DATABASE_NAME}-shm",
    f"{DATABASE_NAME}-journal",
    LOCK_NAME,
    SETTINGS_NAME,
    DISPLAY_NAME,
)
KEPT_FOLDER_NAMES = (BACKUPS_FOLDER, QUESTIONSETS_FOLDER)
"""Folders whose every file is leidraad's (or the user's question sets): no output goes there."""

_OWN_NAMES = {name.casefold() for name in OWN_FILE_NAMES}
_KEPT_NAMES = {name.casefold() for name in KEPT_FOLDER_NAMES}


class OwnFileRefused(PermissionError):
    """Output aimed at a file leidraad keeps for itself; nothing was written."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EPERM, "het is een bestand dat leidraad zelf bijhoudt", str(path))


def looks_like_data_folder(folder: Path) -> bool:
    """Carries the marker, or (from before the marker) the database or the lock."""
    return any((folder / name).exists() for name in (MARKER_NAME, DATABASE_NAME, LOCK_NAME))


def is_own_file(target: Path, data_dir: Path | None = None) -> bool:
    """Whether writing to `target` would land on a file leidraad keeps for itself.

    The one rule for every output: the database and its -wal/-shm, the lock, the marker,
    the settings and the theme, or anything in reservekopieen/ or vragensets/, of
    `data_dir` or of any folder that looks like a data folder. Symbolic links and
    relative paths are resolved first; a hard link to one of `data_dir`'s files counts too.
    """
    resolved = Path(target).expanduser().resolve()
    known = Path(data_dir).expanduser().resolve() if data_dir is not None else None

    def data_folder(folder: Path) -> bool:
        return folder == known or looks_like_data_folder(folder)

    if resolved.name.casefold() in _OWN_NAMES and data_folder(resolved.parent):
        return True
    if any(f.name.casefold() in _KEPT_NAMES and data_folder(f.parent) for f in resolved.parents):
        return True
    if known is None or not resolved.is_file():
        return False
    for name in OWN_FILE_NAMES:
        own = known / name
        if own.is_file() and os.path.samefile(own, resolved):
            return True
    return False


def refuse_own_file(target: Path, data_dir: Path | None = None) -> None:
    """Raise OwnFileRefused (an OSError with a Dutch `strerror`) for a target of our own."""
    if is_own_file(target, data_dir):
        raise OwnFileRefused(target)


def slug(text: str) -> str:
    """A file-name-safe version of an alias, e.g. 'Gezin J.' -> 'gezin-j'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^a-zA-Z0-9]+", "-", ascii_text).strip("-").lower()
    return cleaned or "casus"


def _case_part(alias: str, case_id: int | None) -> str:
    """'gezin-j-3': the case number keeps apart two cases whose aliases slug alike."""
    return slug(alias) if case_id is None else f"{slug(alias)}-{case_id}"


def minutes_filename(
    alias: str,
    number: int,
    held_on: date,
    variant: str = "",
    extension: str = "md",
    case_id: int | None = None,
) -> str:
    """E.g. 'gezin-j-3-overleg-2-2027-01-02-acties.md' for case 3."""
    suffix = f"-{slug(variant)}" if variant else ""
    stem = f"{_case_part(alias, case_id)}-overleg-{number}-{held_on.isoformat()}"
    return f"{stem}{suffix}.{extension}"


def history_filename(
    alias: str, today: date, extension: str = "md", case_id: int | None = None
) -> str:
    return f"{_case_part(alias, case_id)}-verloop-{today.isoformat()}.{extension}"


def write_private(path: Path, text: str, overwrite: bool = True) -> Path:
    """Write via a temporary file and a rename, readable by the user only.

    Without `overwrite` an existing file is never replaced, not even by a race:
    the finished file is linked into place, which fails if the name is taken.
    A target that is one of leidraad's own files is refused first (OwnFileRefused).
    """
    refuse_own_file(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o600)
        if overwrite:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)  # raises FileExistsError when the name is taken
            os.unlink(temporary)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
