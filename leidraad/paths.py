"""Every place leidraad keeps files, decided in one spot.

The data folder holds special-category personal data, so leidraad's own files and
folders in it are made readable by the user only. A folder is first recognised as a
data folder (by its marker file) before anything in it is created or changed: a
folder that holds other things is refused and left exactly as it is.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from exports.files import (
    BACKUPS_FOLDER,
    DATABASE_NAME,
    DISPLAY_NAME,
    KEPT_FOLDER_NAMES,
    LOCK_NAME,
    MARKER_NAME,
    MINUTES_FOLDER,
    OWN_FILE_NAMES,
    QUESTIONSETS_FOLDER,
    SETTINGS_NAME,
    is_own_file,
)

ENV_DATA_DIR = "LEIDRAAD_DATA_DIR"
ENV_QUESTIONSETS = "LEIDRAAD_QUESTIONSETS"

MARKER_TEXT = (
    "Deze map is een datamap van leidraad: hier staan de database, de verslagen en de "
    "reservekopieën. Laat dit bestand staan; zonder dit bestand gebruikt leidraad de map niet.\n"
)
# Put there by the system, not by a person: a folder with only these counts as empty.
SYSTEM_LITTER = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})
_OURS = frozenset({*OWN_FILE_NAMES, MINUTES_FOLDER, *KEPT_FOLDER_NAMES})


class ForeignFolder(Exception):
    """The chosen data folder holds other things than leidraad's: it is left untouched."""

    exit_code = 2


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
        return self.data_dir / DATABASE_NAME

    @property
    def minutes_dir(self) -> Path:
        return self.data_dir / MINUTES_FOLDER

    @property
    def questionsets_dir(self) -> Path:
        return self.data_dir / QUESTIONSETS_FOLDER

    @property
    def backups_dir(self) -> Path:
        """Copies made by 'leidraad backup' and before every schema upgrade."""
        return self.data_dir / BACKUPS_FOLDER

    @property
    def settings_file(self) -> Path:
        return self.data_dir / SETTINGS_NAME

    @property
    def display_file(self) -> Path:
        return self.data_dir / DISPLAY_NAME

    @property
    def lock_file(self) -> Path:
        return self.data_dir / LOCK_NAME

    @property
    def marker(self) -> Path:
        """The file that says this folder is leidraad's; without it nothing here is touched."""
        return self.data_dir / MARKER_NAME

    def own_files(self) -> list[Path]:
        """Every file leidraad keeps directly in the data folder (whether it exists or not)."""
        return [self.data_dir / name for name in OWN_FILE_NAMES]

    def own_folders(self) -> list[Path]:
        return [self.minutes_dir, self.backups_dir, self.questionsets_dir]

    def is_own_file(self, path: str | os.PathLike[str]) -> bool:
        """Whether output to `path` would land on one of leidraad's own files (one rule)."""
        return is_own_file(Path(path), self.data_dir)

    def recognised(self) -> bool:
        """A data folder of leidraad, or one it may become: looks only, changes nothing.

        Marked; or from before the marker (holds the database, the lock or verslagen/);
        or empty, not there yet, or holding nothing but leidraad's own names.
        """
        folder = self.data_dir
        if not folder.exists():
            return True
        if not folder.is_dir():
            return False
        if self.marker.is_file() or self.database.exists() or self.lock_file.exists():
            return True
        if self.minutes_dir.is_dir():
            return True
        return all(entry.name in _OURS | SYSTEM_LITTER for entry in folder.iterdir())

    def claim(self) -> None:
        """Recognise the folder and mark it as leidraad's, or raise ForeignFolder untouched."""
        if not self.recognised():
            what = (
                "er staan al andere dingen in"
                if self.data_dir.is_dir()
                else "het is een bestand, geen map"
            )
            raise ForeignFolder(
                f"{self.data_dir} is geen datamap van leidraad: {what}. leidraad gebruikt "
                "alleen een nieuwe of lege map, of een map die al van leidraad is. Kies met "
                "--data-dir (of LEIDRAAD_DATA_DIR) een lege map of de map waarin je gegevens "
                "van leidraad staan. Er is niets veranderd."
            )
        self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not self.marker.exists():
            write_marker(self.marker)

    def prepare(self) -> None:
        """Recognise and mark the folder, create verslagen/, and make leidraad's own files
        private again (someone may have loosened them); anything else is left alone."""
        self.claim()
        self.minutes_dir.mkdir(mode=0o700, exist_ok=True)
        make_private(self.data_dir)
        for path in self.own_files():
            if path.is_file() and not path.is_symlink():
                make_private(path)
        for folder in self.own_folders():
            if folder.is_dir() and not folder.is_symlink():
                make_tree_private(folder)


def write_marker(path: Path) -> None:
    """Created, never replaced: a second start at the same moment finds it there."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(fd, "w", encoding="utf-8") as stream:
        stream.write(MARKER_TEXT)


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
