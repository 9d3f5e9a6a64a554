"""Backups are one consistent moment, even while leidraad writes, and come back when asked."""

from __future__ import annotations

import sqlite3
import stat
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from leidraad.cli import main
from leidraad.core.domain import Answer
from leidraad.paths import Paths
from storage.backup import describe_backup, make_backup, restore_backup
from storage.database import Location
from storage.errors import DatabaseDamaged
from storage.repository import Repository
from tests.conftest import family_case
from tests.postgres import PostgresServer
from tests.test_migrations import V1_DUMP


def run(paths: Paths, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, ["--data-dir", str(paths.data_dir), *args], input=input)


def test_a_backup_made_while_writing_holds_only_whole_changes(
    paths: Paths, repo: Repository, tmp_path: Path
) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "Directe veiligheid")
    assert meeting.id is not None
    stop = threading.Event()
    written: list[int] = []

    def write() -> None:
        n = 0
        while not stop.is_set():
            n += 1
            extra = family_case()
            extra.alias = f"Gezin {n}"
            repo.save_case(extra)  # a case and its three members in one transaction
            repo.save_answer(meeting.id, Answer("dv-1", "Vraag?", "beeldvorming", "x" * n))
            written.append(n)

    writer = threading.Thread(target=write)
    writer.start()
    copies = []
    try:
        for i in range(5):
            while len(written) < 10 * (i + 1):
                stop.wait(0.01)
            copies.append(make_backup(Location(path=paths.database), tmp_path / f"kopie-{i}.db"))
    finally:
        stop.set()
        writer.join()

    for copy in copies:
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
        assert not Path(f"{copy}-wal").exists()
        with sqlite3.connect(copy) as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            members = db.execute(
                "SELECT c.alias, count(m.id) FROM cases c "
                "LEFT JOIN family_members m ON m.case_id = c.id GROUP BY c.id"
            ).fetchall()
            assert members and all(count == 3 for _, count in members), members
        db.close()
    assert describe_backup(copies[-1]).cases > describe_backup(copies[0]).cases


def test_restore_brings_the_backup_back_and_keeps_what_it_replaced(
    paths: Paths, repo: Repository
) -> None:
    repo.save_case(family_case())
    result = run(paths, "backup")
    assert result.exit_code == 0, result.output
    [copy] = paths.backups_dir.glob("*.db")
    later = family_case()
    later.alias = "Gezin Later"
    repo.save_case(later)
    repo.engine.dispose()

    result = run(paths, "restore", str(copy), input="nee\n")
    assert result.exit_code == 1
    assert "1 casus," in result.output
    assert "Gezin Later" in [c.alias for c in Repository.open(paths.database).list_cases()]

    result = run(paths, "restore", str(copy), input="ja\n")
    assert result.exit_code == 0, result.output
    after = Repository.open(paths.database)
    assert [c.alias for c in after.list_cases()] == ["Gezin J."]
    [safety] = paths.backups_dir.glob("*voor-terugzetten*")
    assert describe_backup(safety).cases == 2
    assert [e.action for e in after.audit_log(None)] == ["teruggezet"]


def test_a_backup_from_an_older_version_is_upgraded_when_restored(
    paths: Paths, tmp_path: Path
) -> None:
    old = tmp_path / "oud.db"
    with sqlite3.connect(old) as db:
        db.executescript(V1_DUMP.read_text(encoding="utf-8"))
    db.close()
    Repository.open(paths.database).engine.dispose()
    result = run(paths, "restore", str(old), "--ja")
    assert result.exit_code == 0, result.output
    repo = Repository.open(paths.database)
    [case] = repo.list_cases()
    assert case.alias == "Gezin J."
    assert repo.closure(case.id) is None


def test_a_file_that_is_no_backup_is_refused(paths: Paths, tmp_path: Path) -> None:
    junk = tmp_path / "foto.jpg"
    junk.write_bytes(b"\xff\xd8\xff" * 100)
    with pytest.raises(DatabaseDamaged):
        describe_backup(junk)
    Repository.open(paths.database).engine.dispose()
    result = run(paths, "restore", str(junk), "--ja")
    assert result.exit_code == 4
    assert "niet aangeraakt" in result.output


def test_backup_does_not_overwrite_a_file_unless_asked(paths: Paths, repo: Repository) -> None:
    repo.save_case(family_case())
    target = paths.data_dir / "kopie.db"
    target.write_text("iets anders")
    result = run(paths, "backup", "--out", str(target))
    assert result.exit_code == 1
    assert "bestaat al" in result.output
    assert run(paths, "backup", "--out", str(target), "--overschrijven").exit_code == 0
    assert describe_backup(target).cases == 1


@pytest.mark.both_backends
def test_a_server_database_is_backed_up_to_a_file_and_restored(
    backend: str,
    location: Location,
    repo: Repository,
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "Directe veiligheid")
    assert meeting.id is not None
    repo.save_answer(meeting.id, Answer("dv-1", "Vraag?", "beeldvorming", "Moeder is bang"))
    copy = make_backup(location, tmp_path / "kopie.db")
    assert describe_backup(copy).cases == 1

    if backend == "sqlite":
        target = Location(path=tmp_path / "elders" / "leidraad.db")
    else:
        server: PostgresServer = request.getfixturevalue("postgres_server")
        target = Location(url=server.new_database())
    restore_backup(target, copy, safety_copy=None)
    restored = Repository.open(target)
    try:
        [summary] = restored.list_cases()
        assert summary.alias == "Gezin J."
        again = restored.meeting_by_number(summary.id, 1)
        assert again.answers["dv-1"].text == "Moeder is bang"
        back = restored.get_case(summary.id)
        assert [(m.id, m.key) for m in back.members] == [(m.id, m.key) for m in case.members]
        assert [(p.id, p.key) for p in back.partners] == [(p.id, p.key) for p in case.partners]
        # New rows get new numbers after a restore (sequences follow the data on PostgreSQL).
        assert restored.save_case(family_case()).id == summary.id + 1
    finally:
        restored.engine.dispose()


def test_an_old_backup_is_upgraded_on_its_way_to_the_server(
    postgres_server: PostgresServer, tmp_path: Path
) -> None:
    old = tmp_path / "oud.db"
    with sqlite3.connect(old) as db:
        db.executescript(V1_DUMP.read_text(encoding="utf-8"))
    db.close()
    target = Location(url=postgres_server.new_database())
    restore_backup(target, old, safety_copy=None)
    repo = Repository.open(target)
    try:
        [case] = repo.list_cases()
        assert case.alias == "Gezin J."
        assert repo.meeting_by_number(case.id, 1).answers["dv-1"].text == "Moeder is bang"
    finally:
        repo.engine.dispose()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["oud.db"]  # no scratch left behind


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal", "lock"])
@pytest.mark.parametrize("overwrite", [False, True])
def test_a_backup_onto_the_database_its_logs_or_the_lock_is_refused_before_opening(
    paths: Paths, repo: Repository, suffix: str, overwrite: bool
) -> None:
    repo.save_case(family_case())
    repo.engine.dispose()
    lock = paths.data_dir / "leidraad.lock"
    own = lock if suffix == "lock" else Path(f"{paths.database}{suffix}")
    # Another spelling of the same file: through '..' and a link to the data folder.
    link = paths.data_dir.parent / "koppeling"
    link.symlink_to(paths.data_dir)
    spelled = link / "verslagen" / ".." / own.name

    def files() -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted(paths.data_dir.iterdir()) if p.is_file()}

    before = files()
    extra = ["--overschrijven"] if overwrite else []
    result = run(paths, "backup", "--out", str(spelled), *extra)

    assert result.exit_code == 2, result.output
    assert "van leidraad zelf" in result.output
    assert "Er is niets veranderd" in result.output
    assert files() == before
