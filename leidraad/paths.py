"""Every place leidraad keeps files, decided in one spot.

The data folder holds special-category personal data, so it and everything in
it is made readable by the user only.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

ENV_DATA_DIR = "LEIDRAAD_DATA_DIR"
ENV_QUESTIONSETS = "LEIDRAAD_QUESTIONSETS"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("leidraad", appauthor=False))


@dataclass(frozen=True)
class Paths:
    data_dir: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> Paths:
        """The command line wins, then the environment, then the platform's data folder."""
        chosen = data_dir or os.environ.get(ENV_DATA_DIR) or default_data_dir()
        return cls(Path(chosen).expanduser().resolve())

    @property
    def database(self) -> Path:
        return self.data_dir / "leidraad.db"

    @property
    def minutes_dir(self) -> Path:
        return self.data_dir / "verslagen"

    @property
    def questionsets_dir(self) -> Path:
        return self.data_dir / "vragensets"

    @property
    def backups_dir(self) -> Path:
        """Copies made by 'leidraad backup' and before every schema upgrade."""
        return self.data_dir / "reservekopieen"

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "instellingen.toml"

    def prepare(self) -> None:
        """Create the folders private to the user, and tighten everything someone loosened."""
        for folder in (self.data_dir, self.minutes_dir):
            folder.mkdir(parents=True, exist_ok=True)
        make_tree_private(self.data_dir)


def make_private(path: Path) -> None:
    mode = 0o700 if path.is_dir() else 0o600
    if stat.S_IMODE(path.stat().st_mode) != mode:
        path.chmod(mode)


def make_tree_private(folder: Path) -> None:
    """The folder and every file and folder in it: user only. Symbolic links are left alone."""
    make_private(folder)
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            if not path.is_symlink():
                make_private(path)
