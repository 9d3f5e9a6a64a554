"""One leidraad per data folder: a second is told who works there; reading commands go on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from leidraad.cli import main
from leidraad.paths import Paths
from storage.errors import DatabaseInUse
from storage.lock import DataLock, read_holder
from storage.repository import Repository
from tests.conftest import family_case

ROOT = Path(__file__).resolve().parent.parent
HOLD = (
    "import sys, time; from pathlib import Path; from storage.lock import DataLock; "
    "lock = DataLock(Path(sys.argv[1]), 'leidraad').acquire(); "
    "print('VAST', flush=True); time.sleep(60)"
)


@pytest.fixture
def other_process(paths: Paths) -> Iterator[subprocess.Popen[str]]:
    """A second process that holds the data folder, as a running leidraad does."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(paths.data_dir)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "VAST"
    yield process
    process.kill()
    process.wait()


def run(paths: Paths, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["--data-dir", str(paths.data_dir), *args], input=input)


def test_a_second_lock_on_the_same_folder_names_the_holder(paths: Paths) -> None:
    with DataLock(paths.data_dir, "leidraad"), pytest.raises(DatabaseInUse) as refused:
        DataLock(paths.data_dir, "leidraad").acquire()
    message = str(refused.value)
    assert f"proces {os.getpid()}" in message
    assert "in gebruik" in message
    # Released: the next one gets it, and no stale name is left in the file.
    with DataLock(paths.data_dir) as lock:
        assert lock.held
    assert read_holder(paths.data_dir / "leidraad.lock") is None


def test_a_lock_left_by_a_dead_process_is_taken_over(paths: Paths) -> None:
    code = "import os; print(os.getpid())"
    finished = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    lock_file = paths.data_dir / "leidraad.lock"
    lock_file.write_text(
        json.dumps({"pid": int(finished.stdout), "host": os.uname().nodename, "user": "x"})
    )
    with DataLock(paths.data_dir) as lock:
        assert lock.held
        holder = read_holder(lock_file)
        assert holder is not None and holder.pid == os.getpid()


def test_starting_the_program_twice_says_which_process_has_the_data(
    paths: Paths, other_process: subprocess.Popen[str]
) -> None:
    result = run(paths)
    assert result.exit_code == 3
    assert f"proces {other_process.pid}" in result.output
    assert "Sluit dat programma eerst af" in result.output


def test_export_and_backup_work_while_the_program_runs(
    paths: Paths, repo: Repository, other_process: subprocess.Popen[str]
) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    repo.start_meeting(case.id, "Directe veiligheid")
    result = run(paths, "export", "Gezin J.")
    assert result.exit_code == 0, result.output
    assert "Verslag geschreven" in result.output
    result = run(paths, "backup")
    assert result.exit_code == 0, result.output
    assert run(paths, "audit", "Gezin J.").exit_code == 0
    assert run(paths, "purge", "--dry-run").exit_code == 0


def test_purge_and_restore_wait_until_the_program_is_closed(
    paths: Paths, repo: Repository, other_process: subprocess.Popen[str], tmp_path: Path
) -> None:
    repo.save_case(family_case())
    copy = tmp_path / "kopie.db"
    assert run(paths, "backup", "--out", str(copy)).exit_code == 0
    for args in (["purge", "--ja"], ["restore", str(copy), "--ja"]):
        result = run(paths, *args)
        assert result.exit_code == 3, result.output
        assert f"proces {other_process.pid}" in result.output
