"""How the screen looks between sessions (the colour theme), kept apart from the settings.

A missing, unreadable or damaged file simply gives the defaults: a preference
is never worth a failed start.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from pydantic import BaseModel, ValidationError

SETTINGS_NAME = "weergave.json"


class Settings(BaseModel):
    theme: str = ""


def settings_file(data_dir: Path) -> Path:
    return data_dir / SETTINGS_NAME


def load_settings(path: Path) -> Settings:
    try:
        return Settings.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError):
        return Settings()


def save_settings(path: Path, settings: Settings) -> None:
    """Atomic and private, like every file leidraad writes; a failure is not fatal."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(settings.model_dump_json(indent=2) + "\n")
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
