"""The data folder and everything in it are for the user only, and are made so again at start."""

from __future__ import annotations

import stat

from click.testing import CliRunner

from leidraad.cli import main
from leidraad.paths import Paths
from storage.repository import Repository


def test_loosened_files_and_folders_are_made_private_again_at_start(paths: Paths) -> None:
    Repository.open(paths.database).engine.dispose()
    loose = [
        paths.minutes_dir / "gezin-j-overleg-1-2026-11-24.md",
        paths.backups_dir / "leidraad-20261124-120000.db",
        paths.settings_file,
        paths.questionsets_dir / "eigen.toml",
    ]
    for file in loose:
        file.parent.mkdir(exist_ok=True)
        file.write_text("")
        file.chmod(0o644)
        file.parent.chmod(0o755)
    paths.data_dir.chmod(0o755)

    result = CliRunner().invoke(main, ["--data-dir", str(paths.data_dir), "purge", "--dry-run"])

    assert result.exit_code == 0, result.output
    for file in loose:
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
        assert stat.S_IMODE(file.parent.stat().st_mode) == 0o700, file.parent
    for file in paths.data_dir.glob("leidraad.*"):
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
