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


def minutes_filename(
    alias: str, number: int, held_on: date, variant: str = "", extension: str = "md"
) -> str:
    suffix = f"-{slug(variant)}" if variant else ""
    return f"{slug(alias)}-overleg-{number}-{held_on.isoformat()}{suffix}.{extension}"


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
