"""Writing documents to disk safely: private, atomic, never half a file."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from datetime import date
from pathlib import Path


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
    """
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
