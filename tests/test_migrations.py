"""Older databases are upgraded on start, with a backup first, and end up like new ones."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, MetaData, insert, inspect

from leidraad.core.domain import FamilyMember, MemberRole
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
    assert len({m.key for m in case.members}) == 3
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


def test_people_from_before_keys_keep_everything_and_each_get_their_own_key(
    location: Location,
) -> None:
    engine = connect(location)
    create_at_version(engine, 3)  # the last schema without keys for people
    tables = MetaData()
    tables.reflect(engine)
    rows: dict[str, list[dict[str, Any]]] = {
        "cases": [
            {"id": i, "alias": alias, "phase": "directe_veiligheid", "regie": "VT"}
            | {"created_at": datetime(2026, 1, 5, 9, 0), "closed_reason": ""}
            for i, alias in ((1, "Gezin J."), (2, "Gezin K."))
        ],
        "family_members": [
            {"id": 1, "case_id": 1, "position": 0, "name": "moeder", "role": "ouder", "age": None},
            {"id": 2, "case_id": 1, "position": 1, "name": "Sam", "role": "kind", "age": 8},
            {"id": 3, "case_id": 2, "position": 0, "name": "moeder", "role": "ouder", "age": None},
        ],
        "partners": [
            {"id": 1, "case_id": 1, "position": 0, "organisation": "Veilig Thuis", "contact": "A."},
            {"id": 2, "case_id": 2, "position": 0, "organisation": "Politie", "contact": ""},
        ],
        "meetings": [
            {"id": 1, "case_id": 1, "number": 1, "held_on": date(2026, 1, 6)}
            | {"phase": "directe_veiligheid", "questionset": "dv", "status": "open"}
        ],
        "answers": [
            {"meeting_id": 1, "question_id": "dv-1", "question_text": "Vraag?", "part": "b"}
            | {"text": "Moeder is bang", "client_words": False, "restriction": ""}
            | {"updated_at": datetime(2026, 1, 6, 10, 0)}
        ],
    }
    with engine.begin() as connection:
        for name, values in rows.items():
            connection.execute(insert(tables.tables[name]), values)
    if engine.dialect.name == "postgresql":  # rows were given their ids by hand
        with engine.begin() as connection:
            for name in rows:
                connection.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"(SELECT max(id) FROM {name}))"
                )
    engine.dispose()

    repo = Repository.open(location)
    try:
        first, second = repo.get_case(1), repo.get_case(2)
        assert [(m.id, m.name, m.age) for m in first.members] == [
            (1, "moeder", None),
            (2, "Sam", 8),
        ]
        assert [(p.organisation, p.contact) for p in first.partners] == [("Veilig Thuis", "A.")]
        assert second.members[0].name == "moeder"
        assert repo.meeting_by_number(1, 1).answers["dv-1"].text == "Moeder is bang"
        keys = [m.key for c in (first, second) for m in c.members]
        keys += [p.key for c in (first, second) for p in c.partners]
        assert len(set(keys)) == len(keys) == 5
        assert all(len(key) == 32 and int(key, 16) >= 0 for key in keys)
        # The keys now stored stay: an edit keeps them, a new person gets a row of its own.
        first.members[1] = replace(first.members[1], age=9)
        first.members.append(FamilyMember("Noor", MemberRole.KIND, 1))
        again = repo.save_case(first)
        assert [(m.id, m.key) for m in again.members[:2]] == [
            (m.id, m.key) for m in first.members[:2]
        ]
        assert again.members[2].id not in (1, 2, 3)
    finally:
        repo.engine.dispose()
