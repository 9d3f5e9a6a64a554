"""Settings that are not about one case: retention, who works, which database, the theme.

Each can come from the command line, the environment, or `instellingen.toml` in the
data folder, in that order. The passphrase of an encrypted database is never a
setting: it is asked at every start. The theme is kept apart, in `weergave.json`: the program
writes it, and a missing or damaged file simply gives the default, because a
preference is never worth a failed start.
"""

from __future__ import annotations

import json
import os
import tempfile
import tomllib
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

ENV_RETENTION = "LEIDRAAD_BEWAARTERMIJN"
ENV_USER = "LEIDRAAD_GEBRUIKER"
ENV_DATABASE_URL = "LEIDRAAD_DATABASE_URL"
DEFAULT_RETENTION_YEARS = 5

EXAMPLE = """\
# Instellingen van leidraad (dit bestand is optioneel).
# bewaartermijn_jaren = 5          # hoe lang een gesloten casus bewaard blijft
# gebruiker = "A. de Vries"        # naam in het logboek (standaard: je inlognaam)
# database_url = "postgresql://gebruiker@server/leidraad"   # gedeelde teamdatabase
"""


class SettingsError(ValueError):
    """A setting that cannot be used, explained in Dutch."""


@dataclass(frozen=True)
class Settings:
    bewaartermijn_jaren: int = DEFAULT_RETENTION_YEARS
    gebruiker: str = ""
    database_url: str = ""


_KNOWN = {f.name for f in fields(Settings)}


def load_settings(file: Path, **given: Any) -> Settings:
    """File, then environment, then what was given on the command line (None: not given).

    Checked by hand rather than with a schema library, so reading them costs nothing
    at start-up.
    """
    values: dict[str, Any] = {}
    if file.exists():
        try:
            values.update(tomllib.loads(file.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise SettingsError(f"{file} is niet te lezen: {error}") from error
    from_env = {
        "bewaartermijn_jaren": os.environ.get(ENV_RETENTION),
        "gebruiker": os.environ.get(ENV_USER),
        "database_url": os.environ.get(ENV_DATABASE_URL),
    }
    values.update({k: v for k, v in from_env.items() if v})
    values.update({k: v for k, v in given.items() if v is not None})
    problems = [
        f"'{key}' is geen instelling (zie de README)" for key in values if key not in _KNOWN
    ]
    years = values.get("bewaartermijn_jaren", DEFAULT_RETENTION_YEARS)
    try:
        years = int(str(years).strip()) if not isinstance(years, bool) else None
    except ValueError:
        years = None
    if years is None or not 1 <= years <= 100:
        problems.append("de bewaartermijn moet een heel aantal jaren zijn, van 1 tot 100")
    for key in ("gebruiker", "database_url"):
        if key in values and not isinstance(values[key], str):
            problems.append(f"'{key}' klopt niet: dit moet tekst zijn")
    if problems:
        raise SettingsError(f"Instellingen ({file}): " + "; ".join(problems))
    assert years is not None
    return Settings(
        bewaartermijn_jaren=years,
        gebruiker=str(values.get("gebruiker", "")),
        database_url=str(values.get("database_url", "")),
    )


# --- the theme (weergave.json) -------------------------------------------------

DISPLAY_NAME = "weergave.json"


@dataclass(frozen=True)
class Display:
    """How the screen looks between sessions; chosen in the program, not typed in a file."""

    theme: str = ""


def display_file(data_dir: Path) -> Path:
    return data_dir / DISPLAY_NAME


def load_display(path: Path) -> Display:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Display()
    theme = data.get("theme", "") if isinstance(data, dict) else ""
    return Display(theme=theme if isinstance(theme, str) else "")


def save_display(path: Path, display: Display) -> None:
    """Atomic and private, like every file leidraad writes; a failure is not fatal."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(json.dumps(asdict(display), indent=2) + "\n")
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
