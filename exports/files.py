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


def minutes_filename(alias: str, number: int, held_on: date) -> str:
    return f"{slug(alias)}-overleg-{number}-{held_on.isoformat()}.md"


def write_private(path: Path, text: str) -> Path:
    """Write via a temporary file and a rename, readable by the user only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
