"""Older databases are upgraded on start, with a backup first, and end up like new ones."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, inspect

from leidraad.paths import Paths
from storage import migrations
from storage.database import Location, connect
from storage.errors import DatabaseDamaged, DatabaseTooNew
from storage.migrations import STEPS, Step, create_at_version, prepare
from storage.repository import Repository
from storage.tables import SCHEMA_VERSION
from tests.conftest import family_case
from tests.postgres import PostgresServer

V1_DUMP = Path(__file__).parent / "data" / "leidraad-schema-1.sql"

pytestmark = pytest.mark.both_backends


def schema_of(engine: Engine) -> dict[str, Any]:
    """Tables, columns, keys and indexes as the database itself reports them."""
    found = inspect(engine)
    result: dict[str, Any] = {}
    for table in sorted(found.get_table_names()):
        result[table] = {
            "columns": {
                c["name"]: (str(c["type"]), c["nullable"]) for c in found.get_columns(table)
            },
            "primary key": found.get_pk_constraint(table)["constrained_columns"],
            "indexes": sorted(
                (i["name"], tuple(i["column_names"]), bool(i["unique"]))
                for i in found.get_indexes(table)
            ),
            "unique": sorted(tuple(u["column_names"]) for u in found.get_unique_constraints(table)),
            "foreign keys": sorted(
                (tuple(f["constrained_columns"]), f["referred_table"])
                for f in found.get_foreign_keys(table)
            ),
        }
    return result


@pytest.fixture
def other_location(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Location]:
    """A second, independent database of the same kind."""
    if backend == "sqlite":
        yield Location(path=tmp_path / "ander" / "leidraad.db")
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.new_database()
    yield Location(url=url)
    server.drop_database(url)


def test_the_steps_lead_one_by_one_to_the_current_version() -> None:
    assert [step.version for step in STEPS] == list(range(2, SCHEMA_VERSION + 1))


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_an_upgraded_database_has_exactly_the_schema_of_a_new_one(
    version: int, location: Location, other_location: Location
) -> None:
    old = connect(location)
    create_at_version(old, version)
    prepare(old)
    new = connect(other_location)
    prepare(new)
    try:
        assert schema_of(old) == schema_of(new)
        with old.connect() as connection:
            assert migrations.current_version(connection) == SCHEMA_VERSION
    finally:
        old.dispose()
        new.dispose()


def test_a_failing_step_leaves_the_database_at_the_version_before(
    location: Location, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = connect(location)
    create_at_version(engine, SCHEMA_VERSION - 1)
    last = STEPS[-1]

    def half_done(connection: Any) -> None:
        last.upgrade(connection)
        raise RuntimeError("stroom uitgevallen")

    monkeypatch.setattr(migrations, "STEPS", [*STEPS[:-1], Step(last.version, "", half_done)])
    before = schema_of(engine)
    with pytest.raises(Exception, match="stroom uitgevallen"):
        prepare(engine)
    assert schema_of(engine) == before
    with engine.connect() as connection:
        assert migrations.current_version(connection) == SCHEMA_VERSION - 1
    engine.dispose()


def test_a_database_from_a_newer_version_is_refused(location: Location) -> None:
    engine = connect(location)
    prepare(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE schema_info SET version = 99")
    engine.dispose()
    with pytest.raises(DatabaseTooNew, match="nieuwere versie"):
        Repository.open(location)


@pytest.mark.sqlite_only
def test_a_database_made_by_version_1_keeps_everything_and_is_backed_up_first(
    paths: Paths,
) -> None:
    with sqlite3.connect(paths.database) as connection:
        connection.executescript(V1_DUMP.read_text(encoding="utf-8"))
    connection.close()
    backups = paths.data_dir / "reservekopieen"

    repo = Repository.open(paths.database, backup_dir=backups)

    [summary] = repo.list_cases()
    case = repo.get_case(summary.id)
    assert case.alias == "Gezin J."
    assert [m.name for m in case.members] == ["moeder", "vader", "Sam"]
    meeting = repo.meeting_by_number(summary.id, 1)
    assert meeting.answers["dv-1"].text == "Moeder is bang"
    assert meeting.actions[0].description == "Veiligheidsplan maken"
    assert repo.closure(summary.id) is None
    repo.close_case(summary.id, "Veiligheid al een jaar stabiel")
    assert repo.closure(summary.id) is not None
    repo.engine.dispose()

    [backup] = backups.glob("*.db")
    assert "schema-1" in backup.name
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(backups.stat().st_mode) == 0o700
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT version FROM schema_info").fetchone() == (1,)
        assert copy.execute("SELECT alias FROM cases").fetchall() == [("Gezin J.",)]
    copy.close()


@pytest.mark.sqlite_only
def test_a_damaged_database_is_refused_and_left_byte_for_byte(paths: Paths) -> None:
    repo = Repository.open(paths.database)
    for _ in range(30):
        repo.save_case(family_case())
    repo.engine.dispose()
    with sqlite3.connect(paths.database) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = bytearray(paths.database.read_bytes())
    page = 4096
    data[2 * page : 3 * page] = b"\xa5" * page  # one page of the tables overwritten
    paths.database.write_bytes(bytes(data))
    before = hashlib.sha256(paths.database.read_bytes()).hexdigest()

    with pytest.raises(DatabaseDamaged, match="niet aangeraakt"):
        Repository.open(paths.database)

    assert hashlib.sha256(paths.database.read_bytes()).hexdigest() == before
