"""How the screen looks between sessions (the colour theme), kept apart from the settings.

A missing, unreadable or damaged file simply gives the defaults: a preference
is never worth a failed start.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

SETTINGS_NAME = "weergave.json"


@dataclass(frozen=True)
class Settings:
    theme: str = ""


def settings_file(data_dir: Path) -> Path:
    return data_dir / SETTINGS_NAME


def load_settings(path: Path) -> Settings:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    theme = data.get("theme", "") if isinstance(data, dict) else ""
    return Settings(theme=theme if isinstance(theme, str) else "")


def save_settings(path: Path, settings: Settings) -> None:
    """Atomic and private, like every file leidraad writes; a failure is not fatal."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(json.dumps(asdict(settings), indent=2) + "\n")
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
