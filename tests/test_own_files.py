"""No output lands on the program's own files: not the database, not the lock, not a backup.

`--overschrijven` replaces a document, never leidraad's own data. The rule is one
function (exports.files.is_own_file); every writer goes through write_private,
which refuses such a target before anything is written.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from exports.files import (
    DISPLAY_NAME,
    LOCK_NAME,
    OwnFileRefused,
    is_own_file,
    write_private,
)
from exports.publish import MinutesJob, export_document
from leidraad.cli import main
from leidraad.paths import Paths
from storage.lock import DataLock
from storage.repository import Repository
from storage.settings import DISPLAY_NAME as SETTINGS_DISPLAY_NAME
from tests.conftest import family_case, small_guide
from tests.test_data_folder import snapshot

OWN = [
    "leidraad.db",
    "leidraad.db-wal",
    "leidraad.db-shm",
    "leidraad.lock",
    ".leidraad-map",
    "instellingen.toml",
    "weergave.json",
    "reservekopieen/leidraad-20261124-120000.db",
    "reservekopieen/nieuw.md",
    "vragensets/eigen.toml",
]


@pytest.fixture
def filled(paths: Paths, repo: Repository) -> Paths:
    """A data folder with a case, a meeting and every file leidraad keeps there."""
    case = repo.save_case(family_case())
    assert case.id is not None
    repo.start_meeting(case.id, "Directe veiligheid")
    contents = {
        "leidraad.lock": "",
        "instellingen.toml": "# eigen instellingen\n",
        "weergave.json": '{"theme": "textual-light"}\n',
        "reservekopieen/leidraad-20261124-120000.db": "kopie\n",
        "vragensets/eigen.toml": "# een eigen set\n",
    }
    for name, text in contents.items():
        target = paths.data_dir / name
        target.parent.mkdir(exist_ok=True)
        target.write_text(text)
    return paths


def cli(paths: Paths, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--data-dir", str(paths.data_dir), *args])
    return result.exit_code, result.output


@pytest.mark.parametrize("overwrite", [True, False], ids=["overschrijven", "zonder"])
@pytest.mark.parametrize("name", OWN)
def test_export_refuses_every_file_leidraad_keeps(
    filled: Paths, name: str, overwrite: bool
) -> None:
    before = snapshot(filled.data_dir)
    flag = ["--overschrijven"] if overwrite else []

    code, output = cli(filled, "export", "1", "--out", str(filled.data_dir / name), *flag)

    assert code == 2, output
    assert "een bestand dat leidraad zelf bijhoudt" in output
    assert "Er is niets geschreven" in output
    assert snapshot(filled.data_dir) == before


def test_a_symbolic_link_or_a_relative_path_to_the_database_is_refused(
    filled: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = tmp_path / "verslag.md"
    link.symlink_to(filled.database)
    before = snapshot(filled.data_dir)

    code, output = cli(filled, "export", "1", "--out", str(link), "--overschrijven")
    assert code == 2 and "zelf bijhoudt" in output, output

    monkeypatch.chdir(filled.minutes_dir)
    code, output = cli(filled, "export", "1", "--out", "../leidraad.db", "--overschrijven")
    assert code == 2 and "zelf bijhoudt" in output, output

    assert snapshot(filled.data_dir) == before
    assert link.is_symlink()


def test_a_hard_link_to_the_database_is_refused(filled: Paths, tmp_path: Path) -> None:
    link = tmp_path / "kopie.md"
    os.link(filled.database, link)

    assert filled.is_own_file(link)


def test_documents_still_go_where_they_belong(filled: Paths, tmp_path: Path) -> None:
    code, output = cli(filled, "export", "1")
    assert code == 0, output
    assert list(filled.minutes_dir.glob("*.md"))

    code, output = cli(filled, "export", "1", "--out", str(filled.data_dir / "los.md"))
    assert code == 0, output
    code, output = cli(filled, "export", "1", "--out", str(tmp_path / "leidraad.db"))
    assert code == 0, output  # a file of that name outside any data folder is just a file


@pytest.mark.parametrize("overwrite", [True, False])
@pytest.mark.parametrize("name", OWN)
def test_write_private_refuses_before_writing(filled: Paths, name: str, overwrite: bool) -> None:
    """The guard every writer passes, the screens too; it needs no data folder handed in."""
    target = filled.data_dir / name
    before = snapshot(filled.data_dir)

    with pytest.raises(OwnFileRefused) as refused:
        write_private(target, "# verslag\n", overwrite=overwrite)

    assert isinstance(refused.value, OSError)  # the screens' `except OSError` tells it
    assert refused.value.strerror == "het is een bestand dat leidraad zelf bijhoudt"
    assert snapshot(filled.data_dir) == before


def test_the_one_export_use_case_refuses_the_database(filled: Paths, repo: Repository) -> None:
    cases = repo.list_cases()
    meeting = repo.meeting_by_number(cases[0].id, None)
    assert meeting.id is not None
    before = filled.database.read_bytes()

    with pytest.raises(OSError, match="zelf bijhoudt"):
        export_document(
            repo,
            small_guide(),
            MinutesJob(meeting.id),
            filled.minutes_dir,
            date(2026, 11, 24),
            target=filled.database,
            overwrite=True,
        )

    assert filled.database.read_bytes() == before


def test_another_data_folder_is_protected_as_well(paths: Paths, tmp_path: Path) -> None:
    other = Paths(tmp_path / "ander")
    other.prepare()

    assert is_own_file(other.database)
    assert is_own_file(other.backups_dir / "x.db")
    assert not is_own_file(other.minutes_dir / "verslag.md")
    assert not is_own_file(tmp_path / "leidraad.db")


def test_the_names_agree_with_the_files_storage_writes(tmp_path: Path) -> None:
    assert DataLock(tmp_path).path.name == LOCK_NAME
    assert SETTINGS_DISPLAY_NAME == DISPLAY_NAME
    paths = Paths(tmp_path)
    for own in (paths.database, paths.lock_file, paths.settings_file, paths.display_file):
        assert own in paths.own_files()


def test_a_backup_may_go_to_the_backup_folder_but_never_onto_the_settings(tmp_path: Path) -> None:
    from leidraad.cli import main

    folder = tmp_path / "data"
    runner = CliRunner()
    first = runner.invoke(main, ["--data-dir", str(folder), "backup"])  # makes the folder
    assert first.exit_code == 0, first.output
    settings = folder / "instellingen.toml"
    settings.write_text("bewaartermijn_jaren = 5\n", encoding="utf-8")
    before = settings.read_bytes()
    refused = runner.invoke(main, ["--data-dir", str(folder), "backup", "--out", str(settings)])
    assert refused.exit_code == 2
    assert "Er is niets veranderd" in refused.output
    assert settings.read_bytes() == before
    target = folder / "reservekopieen" / "voor-de-training.db"
    made = runner.invoke(main, ["--data-dir", str(folder), "backup", "--out", str(target)])
    assert made.exit_code == 0, made.output
    assert target.is_file()
