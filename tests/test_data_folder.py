"""A data folder is recognised before anything in it is created or changed.

Pointing leidraad at the wrong folder (a home folder, a project with scripts, a
shared folder) must not cost anyone a run bit or a group right: it is refused with
a Dutch message and left exactly as it was. Only leidraad's own files are made private.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from leidraad.cli import main
from leidraad.paths import MARKER_TEXT, ForeignFolder, Paths
from storage.repository import Repository


def snapshot(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every entry under `folder` (the folder too): mode, modification time and bytes."""
    found: dict[str, tuple[int, int, bytes]] = {}
    for path in sorted([folder, *folder.rglob("*")]):
        info = path.lstat()
        content = path.read_bytes() if path.is_file() and not path.is_symlink() else b""
        found[str(path.relative_to(folder))] = (info.st_mode, info.st_mtime_ns, content)
    return found


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def someone_elses_files(folder: Path) -> None:
    """A script with its run bit, a file shared with the group, a folder of their own."""
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o755)
    script = folder / "opruimen.sh"
    script.write_text("#!/bin/sh\necho klaar\n")
    script.chmod(0o755)
    shared = folder / "team" / "rooster.txt"
    shared.parent.mkdir()
    shared.write_text("maandag\n")
    shared.chmod(0o640)
    shared.parent.chmod(0o750)


def cli(folder: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--data-dir", str(folder), *args])
    return result.exit_code, result.output


COMMANDS = [
    pytest.param([], id="start"),
    pytest.param(["audit", "1"], id="audit"),
    pytest.param(["purge", "--dry-run"], id="purge"),
    pytest.param(["export", "1"], id="export"),
    pytest.param(["backup"], id="backup"),
]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_folder_with_other_things_is_refused_and_left_exactly_as_it_was(
    tmp_path: Path, command: list[str]
) -> None:
    folder = tmp_path / "projecten"
    someone_elses_files(folder)
    before = snapshot(folder)

    code, output = cli(folder, *command)

    assert code == 2, output
    assert str(folder) in output and "geen datamap van leidraad" in output
    assert "lege map" in output and "Er is niets veranderd" in output
    assert snapshot(folder) == before


def test_also_with_a_team_database_the_folder_is_refused_before_the_server_is_asked(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "projecten"
    someone_elses_files(folder)
    before = snapshot(folder)

    code, output = cli(
        folder, "--database-url", "postgresql://niemand@127.0.0.1:9/leidraad", "audit", "1"
    )

    assert code == 2, output
    assert "geen datamap van leidraad" in output
    assert snapshot(folder) == before


def test_a_file_given_as_data_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "notities.txt"
    file.write_text("eigen tekst\n")
    file.chmod(0o644)
    monkeypatch.setenv("LEIDRAAD_DATA_DIR", str(file))  # --data-dir itself checks for a file

    result = CliRunner().invoke(main, ["purge", "--dry-run"])

    assert result.exit_code == 2 and "geen map" in result.output, result.output
    assert file.read_text() == "eigen tekst\n" and mode(file) == 0o644


def test_a_new_folder_is_made_and_marked(tmp_path: Path) -> None:
    folder = tmp_path / "nieuw" / "leidraad"

    code, output = cli(folder, "purge", "--dry-run")

    assert code == 0, output
    marker = Paths(folder).marker
    assert marker.read_text(encoding="utf-8") == MARKER_TEXT
    assert "datamap van leidraad" in MARKER_TEXT
    assert mode(marker) == 0o600 and mode(folder) == 0o700


def test_an_empty_folder_is_marked(tmp_path: Path) -> None:
    folder = tmp_path / "leeg"
    folder.mkdir()

    code, output = cli(folder, "purge", "--dry-run")

    assert code == 0, output
    assert Paths(folder).marker.is_file()


def test_a_folder_with_only_the_settings_file_is_taken(tmp_path: Path) -> None:
    """Someone who writes instellingen.toml first (a team database) is not refused."""
    folder = tmp_path / "team"
    folder.mkdir()
    (folder / "instellingen.toml").write_text("bewaartermijn_jaren = 7\n")

    code, output = cli(folder, "purge", "--dry-run")

    assert code == 0, output
    assert "7 jaar" in output
    assert Paths(folder).marker.is_file()


@pytest.mark.parametrize("sign", ["leidraad.db", "leidraad.lock", "verslagen"])
def test_a_folder_from_before_the_marker_gets_it_once_and_keeps_the_rest(
    tmp_path: Path, sign: str
) -> None:
    folder = tmp_path / "oud"
    someone_elses_files(folder)
    paths = Paths(folder)
    if sign == "leidraad.db":
        Repository.open(paths.database).engine.dispose()
        paths.database.chmod(0o644)
    elif sign == "leidraad.lock":
        paths.lock_file.write_text("")
    else:
        paths.minutes_dir.mkdir()
        (paths.minutes_dir / "gezin-a-overleg-1-2026-11-24.md").write_text("# verslag\n")
        (paths.minutes_dir / "gezin-a-overleg-1-2026-11-24.md").chmod(0o644)
    theirs = {"opruimen.sh", "team", "team/rooster.txt"}
    before = {k: v for k, v in snapshot(folder).items() if k in theirs}

    code, output = cli(folder, "purge", "--dry-run")

    assert code == 0, output
    assert paths.marker.read_text(encoding="utf-8") == MARKER_TEXT
    assert {k: v for k, v in snapshot(folder).items() if k in theirs} == before
    assert mode(folder / "opruimen.sh") == 0o755 and mode(folder / "team") == 0o750
    assert mode(folder) == 0o700 and mode(paths.database) == 0o600
    for minutes in paths.minutes_dir.iterdir():
        assert mode(minutes) == 0o600
    marked = paths.marker.stat().st_mtime_ns

    assert cli(folder, "purge", "--dry-run")[0] == 0
    assert paths.marker.stat().st_mtime_ns == marked  # written once, then only read


def test_in_a_marked_folder_only_leidraads_own_files_are_made_private(paths: Paths) -> None:
    someone_elses_files(paths.data_dir)
    Repository.open(paths.database).engine.dispose()
    for own in (paths.database, paths.settings_file, paths.display_file, paths.marker):
        own.touch()
        own.chmod(0o644)
    (paths.backups_dir / "oud").mkdir(parents=True)
    (paths.backups_dir / "oud" / "kopie.db").write_bytes(b"")
    (paths.backups_dir / "oud" / "kopie.db").chmod(0o644)
    paths.backups_dir.chmod(0o755)
    theirs = {"opruimen.sh", "team", "team/rooster.txt"}
    before = {k: v for k, v in snapshot(paths.data_dir).items() if k in theirs}

    code, output = cli(paths.data_dir, "purge", "--dry-run")

    assert code == 0, output
    assert {k: v for k, v in snapshot(paths.data_dir).items() if k in theirs} == before
    for own in (paths.database, paths.settings_file, paths.display_file, paths.marker):
        assert mode(own) == 0o600, own
    assert mode(paths.backups_dir) == 0o700
    assert mode(paths.backups_dir / "oud") == 0o700
    assert mode(paths.backups_dir / "oud" / "kopie.db") == 0o600


def test_prepare_itself_refuses_a_foreign_folder_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "thuis"
    someone_elses_files(folder)
    before = snapshot(folder)

    with pytest.raises(ForeignFolder, match="geen datamap van leidraad"):
        Paths(folder).prepare()

    assert snapshot(folder) == before
    assert not Paths(folder).recognised()


def test_system_litter_does_not_make_a_folder_foreign(tmp_path: Path) -> None:
    folder = tmp_path / "leeg"
    folder.mkdir()
    (folder / ".DS_Store").write_bytes(b"\0")

    Paths(folder).prepare()

    assert Paths(folder).marker.is_file()
