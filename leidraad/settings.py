"""Settings that are not about one case: retention period, who works, which database.

Each can come from the command line, the environment, or `instellingen.toml` in the
data folder, in that order. The passphrase of an encrypted database is never a
setting: it is asked at every start.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

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


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    bewaartermijn_jaren: int = Field(DEFAULT_RETENTION_YEARS, ge=1, le=100)
    gebruiker: str = ""
    database_url: str = ""


def load_settings(file: Path, **given: Any) -> Settings:
    """File, then environment, then what was given on the command line (None: not given)."""
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
    try:
        return Settings.model_validate(values)
    except ValidationError as error:
        problems = []
        for problem in error.errors():
            key = ".".join(str(part) for part in problem["loc"])
            if key == "bewaartermijn_jaren":
                problems.append("de bewaartermijn moet een heel aantal jaren zijn, van 1 tot 100")
            elif problem["type"] == "extra_forbidden":
                problems.append(f"'{key}' is geen instelling (zie de README)")
            else:
                problems.append(f"'{key}' klopt niet: {problem['msg']}")
        raise SettingsError(f"Instellingen ({file}): " + "; ".join(problems)) from error
