"""A full disk, a read-only folder or a busy database: a Dutch message, and saved when it can be."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import event
from textual.widgets import Input

from leidraad.cli import main
from leidraad.core.domain import Answer
from leidraad.paths import Paths
from screens.case_form import CaseFormScreen
from screens.meeting.screen import MeetingScreen
from screens.widgets.answer_editor import AnswerEditor
from storage import database
from storage.errors import TemporaryProblem
from storage.repository import Repository
from tests.conftest import family_case
from tests.filesystems import SmallDisk, small_disk
from tests.helpers import make_app, notices, type_text

BIG = "Moeder vertelt uitgebreid over de afgelopen weken. " * 2000  # about 100 kB


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[SmallDisk]:
    with small_disk(tmp_path / "schijf") as found:
        yield found


@pytest.fixture
def on_disk(disk: SmallDisk) -> Iterator[tuple[Paths, Repository]]:
    paths = Paths(disk.root / "data")
    paths.prepare()
    repo = Repository.open(paths.database)
    yield paths, repo
    repo.engine.dispose()


def make_full(disk: SmallDisk, repo: Repository) -> None:
    """A full disk: really, on a small tmpfs; otherwise SQLite may not grow the file."""
    if disk.mounted:
        disk.fill()
        return

    def no_growth(connection: sqlite3.Connection, _record: object) -> None:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count={pages}")

    event.listen(repo.engine, "connect", no_growth)
    disk.limit = no_growth
    repo.engine.dispose()


def make_room(disk: SmallDisk, repo: Repository) -> None:
    if disk.mounted:
        disk.free()
        return
    event.remove(repo.engine, "connect", disk.limit)
    repo.engine.dispose()


def meeting_of(repo: Repository) -> int:
    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "Directe veiligheid")
    assert meeting.id is not None
    return meeting.id


def test_a_full_disk_is_told_in_dutch_and_saving_works_again_after(
    disk: SmallDisk, on_disk: tuple[Paths, Repository]
) -> None:
    _, repo = on_disk
    meeting_id = meeting_of(repo)
    make_full(disk, repo)
    with pytest.raises(TemporaryProblem, match="De schijf is vol"):
        repo.save_answer(meeting_id, Answer("dv-1", "Vraag?", "beeldvorming", BIG))
    make_room(disk, repo)
    repo.save_answer(meeting_id, Answer("dv-1", "Vraag?", "beeldvorming", BIG))
    assert repo.get_meeting(meeting_id).answers["dv-1"].text == BIG


def test_a_folder_that_became_read_only_is_told_in_dutch(
    disk: SmallDisk, on_disk: tuple[Paths, Repository]
) -> None:
    paths, repo = on_disk
    meeting_id = meeting_of(repo)
    repo.engine.dispose()  # a remount needs the files closed; the pool opens them again
    if disk.mounted:
        disk.read_only(True)
    elif os.geteuid() != 0:
        for path in [paths.data_dir, *paths.data_dir.iterdir()]:
            path.chmod(0o500 if path.is_dir() else 0o400)
    else:
        pytest.skip("als root zonder mount is een map niet alleen-lezen te maken")
    try:
        with pytest.raises(TemporaryProblem, match="alleen-lezen"):
            repo.save_answer(meeting_id, Answer("dv-1", "Vraag?", "beeldvorming", "tekst"))
        result = CliRunner().invoke(main, ["--data-dir", str(paths.data_dir)])
        assert result.exit_code == 2, result.output
        assert "alleen-lezen" in result.output
    finally:
        if disk.mounted:
            disk.read_only(False)
        else:
            for path in [paths.data_dir, *paths.data_dir.iterdir()]:
                path.chmod(0o700 if path.is_dir() else 0o600)
    repo.save_answer(meeting_id, Answer("dv-1", "Vraag?", "beeldvorming", "tekst"))
    assert repo.get_meeting(meeting_id).answers["dv-1"].text == "tekst"


def test_a_database_held_by_another_writer_is_told_in_dutch(
    paths: Paths, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id = meeting_of(repo)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)
    repo.engine.dispose()
    other = sqlite3.connect(paths.database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # e.g. another program writing a long time
    try:
        with pytest.raises(TemporaryProblem, match="bezet"):
            repo.save_answer(meeting_id, Answer("dv-1", "Vraag?", "beeldvorming", "tekst"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    repo.save_answer(meeting_id, Answer("dv-1", "Vraag?", "beeldvorming", "tekst"))


async def test_typing_on_a_full_disk_keeps_the_text_and_saves_it_when_there_is_room(
    disk: SmallDisk, on_disk: tuple[Paths, Repository]
) -> None:
    paths, repo = on_disk
    meeting_id = meeting_of(repo)
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = MeetingScreen(app.context, meeting_id)
        app.push_screen(screen)
        await pilot.pause()
        await pilot.press("ctrl+n", "ctrl+n")  # Beeldvorming, answer field focused
        editor = app.focused
        assert isinstance(editor, AnswerEditor)
        make_full(disk, repo)
        editor.text = BIG  # as if pasted
        editor.move_cursor(editor.document.end)
        await type_text(pilot, " en nog wat")
        assert editor.flush() is False
        await pilot.pause()
        assert "De schijf is vol" in notices(pilot)
        assert editor.text == BIG + " en nog wat"  # nothing typed is lost from the screen
        assert "nog niet opgeslagen" in str(editor.border_subtitle)
        assert app.is_running

        make_room(disk, repo)
        assert editor.flush() is True
        await pilot.pause()
        assert "alsnog opgeslagen" in notices(pilot)
        assert not editor.border_subtitle
        question = editor.answer.question_id
    assert repo.get_meeting(meeting_id).answers[question].text == BIG + " en nog wat"


async def test_a_new_case_on_a_full_disk_stays_on_the_form(
    disk: SmallDisk, on_disk: tuple[Paths, Repository]
) -> None:
    paths, repo = on_disk
    repo.save_case(family_case())
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, CaseFormScreen)
        await type_text(pilot, "Gezin L.")
        members = app.screen.query_one("#regie", Input)
        members.value = BIG  # a long text, so the save needs new room on the disk
        make_full(disk, repo)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CaseFormScreen)
        assert "De schijf is vol" in notices(pilot)
        assert app.screen.query_one("#alias", Input).value == "Gezin L."
        assert app.screen.query_one("#regie", Input).value == BIG
        make_room(disk, repo)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, CaseFormScreen)
    assert len(repo.list_cases()) == 2
