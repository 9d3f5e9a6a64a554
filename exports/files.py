"""Writing documents to disk safely: private, atomic, never half a file."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from datetime import date
from pathlib import Path


def slug(text: str) -> str:
    """A file-name-safe version of an alias, e.g. 'Gezin J.' -> 'gezin-j'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^a-zA-Z0-9]+", "-", ascii_text).strip("-").lower()
    return cleaned or "casus"


def _minutes_stem(alias: str, number: int, held_on: date) -> str:
    return f"{slug(alias)}-overleg-{number}-{held_on.isoformat()}"


def minutes_filename(
    alias: str, number: int, held_on: date, variant: str = "", extension: str = "md"
) -> str:
    suffix = f"-{slug(variant)}" if variant else ""
    return f"{_minutes_stem(alias, number, held_on)}{suffix}.{extension}"


def history_filename(alias: str, today: date, extension: str = "md") -> str:
    return f"{slug(alias)}-verloop-{today.isoformat()}.{extension}"


def case_documents(
    folder: Path, alias: str, meetings: Iterable[tuple[int, date]], with_history: bool = True
) -> list[Path]:
    """Every document written for these meetings of a case: all versions, both formats.

    `with_history`: also the case histories (`verloop`), which are named by the alias
    alone; leave them when another case has a name that gives the same file names.
    """
    if not folder.is_dir():
        return []
    stems = {_minutes_stem(alias, n, held_on) for n, held_on in meetings}
    history = re.compile(rf"{re.escape(slug(alias))}-verloop-\d{{4}}-\d{{2}}-\d{{2}}$")
    found: list[Path] = []
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".md", ".html") or not path.is_file():
            continue
        stem = path.stem
        ours = stem in stems or any(stem.startswith(f"{s}-") for s in stems)
        if ours or (with_history and history.match(stem)):
            found.append(path)
    return found


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
