"""Our database is known by its own mark: a foreign file is never written to."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from leidraad.cli import main
from leidraad.paths import Paths
from storage.database import connect
from storage.errors import DatabaseDamaged, DatabaseTooNew
from storage.fileformat import APPLICATION_ID
from storage.migrations import create_at_version
from storage.repository import Repository
from storage.tables import SCHEMA_VERSION
from tests.conftest import family_case

pytestmark = pytest.mark.sqlite_only


def run(paths: Paths, *args: str) -> Result:
    return CliRunner().invoke(main, ["--data-dir", str(paths.data_dir), *args])


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in the folder (recursively) and its bytes: the listing and the contents."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def foreign_file(path: Path, application_id: int = 0) -> None:
    """Someone else's SQLite file that happens to have a table named schema_info."""
    connection = sqlite3.connect(path)
    connection.executescript(
        "CREATE TABLE schema_info (id INTEGER PRIMARY KEY, version INTEGER NOT NULL);"
        "INSERT INTO schema_info VALUES (1, 2);"
        "CREATE TABLE recepten (id INTEGER PRIMARY KEY, naam TEXT);"
        f"PRAGMA application_id = {application_id};"
    )
    connection.close()


def application_id(path: Path) -> int:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(connection.execute("PRAGMA application_id").fetchone()[0])
    finally:
        connection.close()


def test_a_new_database_carries_the_mark(paths: Paths) -> None:
    Repository.open(paths.database).engine.dispose()
    assert application_id(paths.database) == APPLICATION_ID


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_an_unmarked_older_database_of_a_known_version_is_upgraded_and_marked(
    paths: Paths, version: int
) -> None:
    engine = connect(paths.database)
    create_at_version(engine, version)
    engine.dispose()
    assert application_id(paths.database) == 0

    Repository.open(paths.database).engine.dispose()

    assert application_id(paths.database) == APPLICATION_ID


@pytest.mark.parametrize("mark", [0, 0x12345678])
def test_a_foreign_file_with_a_schema_info_table_is_refused_untouched(
    paths: Paths, mark: int
) -> None:
    foreign_file(paths.database, mark)
    before = snapshot(paths.data_dir)

    with pytest.raises(DatabaseDamaged, match="geen leidraad-database"):
        Repository.open(paths.database)

    assert snapshot(paths.data_dir) == before


def test_an_unmarked_file_with_one_column_too_many_is_refused_untouched(paths: Paths) -> None:
    engine = connect(paths.database)
    create_at_version(engine, 3)
    with engine.begin() as connection:
        connection.exec_driver_sql("ALTER TABLE cases ADD COLUMN iets TEXT")
    engine.dispose()
    before = snapshot(paths.data_dir)

    with pytest.raises(DatabaseDamaged, match="geen leidraad-database"):
        Repository.open(paths.database)

    assert snapshot(paths.data_dir) == before


def test_a_marked_database_of_another_program_is_refused_by_its_mark(paths: Paths) -> None:
    repo = Repository.open(paths.database)
    repo.save_case(family_case())
    repo.engine.dispose()
    connection = sqlite3.connect(paths.database)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.execute("PRAGMA application_id = 42")
    connection.close()
    before = snapshot(paths.data_dir)

    with pytest.raises(DatabaseDamaged, match="geen leidraad-database"):
        Repository.open(paths.database)

    assert snapshot(paths.data_dir) == before


def test_a_newer_database_in_wal_mode_is_refused_and_gets_no_wal_or_shm(paths: Paths) -> None:
    repo = Repository.open(paths.database)
    with repo.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE schema_info SET version = 99")
    repo.engine.dispose()  # closing checkpoints and removes -wal and -shm; WAL stays the mode
    assert sorted(p.name for p in paths.data_dir.glob("leidraad.db*")) == ["leidraad.db"]
    before = snapshot(paths.data_dir)

    with pytest.raises(DatabaseTooNew):
        Repository.open(paths.database)
    result = run(paths, "audit", "1")

    assert result.exit_code == 5, result.output
    assert "Traceback" not in result.output
    assert snapshot(paths.data_dir) == before


def test_commands_on_a_foreign_file_end_in_dutch_with_code_4(paths: Paths) -> None:
    foreign_file(paths.database)
    before = snapshot(paths.data_dir)

    for command in (["audit", "1"], ["backup"], ["purge", "--dry-run"], ["export", "1"]):
        result = run(paths, *command)
        assert result.exit_code == 4, (command, result.output)
        assert "geen leidraad-database" in result.output
        assert not isinstance(result.exception, Exception) or isinstance(
            result.exception, SystemExit
        )
    assert snapshot(paths.data_dir) == before


def test_restoring_a_foreign_file_is_refused_in_dutch_and_changes_nothing(
    paths: Paths, tmp_path: Path
) -> None:
    repo = Repository.open(paths.database)
    repo.save_case(family_case())
    repo.engine.dispose()
    foreign = tmp_path / "vreemd.db"
    foreign_file(foreign)
    data_before, foreign_before = snapshot(paths.data_dir), foreign.read_bytes()

    result = run(paths, "restore", str(foreign), "--ja")

    assert result.exit_code == 4, result.output
    assert "geen leidraad-database" in result.output
    assert isinstance(result.exception, SystemExit)
    after = snapshot(paths.data_dir)
    after.pop("leidraad.lock", None)  # restore takes the folder's lock first: leidraad's own
    assert after == data_before
    assert foreign.read_bytes() == foreign_before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("vreemd")) == [
        "vreemd.db"
    ]


def test_a_backup_in_wal_mode_is_read_without_leaving_files_beside_it(
    paths: Paths, tmp_path: Path
) -> None:
    from storage.backup import describe_backup

    other = tmp_path / "ander" / "leidraad.db"
    repo = Repository.open(other)
    repo.save_case(family_case())
    repo.engine.dispose()  # a database file in WAL mode, used as a backup
    listing = sorted(p.name for p in other.parent.iterdir())
    data = other.read_bytes()

    assert describe_backup(other).cases == 1
    result = run(paths, "restore", str(other), "--ja")

    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in other.parent.iterdir()) == listing
    assert other.read_bytes() == data
