"""Closing a meeting writes the minutes once, says so in the logboek once, and never loses them."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Static

from exports import publish
from leidraad.core.domain import MeetingStatus
from leidraad.core.flow import Part
from leidraad.paths import Paths
from screens.meeting.screen import MeetingScreen
from screens.widgets.prompt import ConfirmDialog
from storage.audit import EXPORTED
from storage.errors import DISK_FULL, TemporaryProblem
from storage.repository import Repository
from tests.conftest import family_case
from tests.helpers import make_app, notices, settle, wait_until


def exports_logged(repo: Repository, case_id: int) -> int:
    return sum(1 for e in repo.audit_log(case_id) if e.action == EXPORTED)


def minutes(paths: Paths) -> list[Path]:
    return sorted(paths.minutes_dir.glob("*.md"))


def result(screen: MeetingScreen) -> str:
    return str(screen.query_one("#result", Static).render())


async def open_closing_page(pilot: Pilot[None]) -> MeetingScreen:
    await pilot.press("enter", "n")  # the only case, a new meeting
    screen = pilot.app.screen
    assert isinstance(screen, MeetingScreen)
    await screen.goto(screen.flow.start_of(Part.AFSLUITING))
    await settle(pilot)
    return screen


async def press_close(pilot: Pilot[None]) -> None:
    """Click the closing button, once it takes a click again.

    A button ignores clicks during its short press effect (the `-active` class),
    which a person never notices but a test that waits for nothing else would.
    """
    button = pilot.app.screen.query_one("#close-meeting", Button)
    await wait_until(pilot, lambda: not button.has_class("-active"), "de knop")
    await pilot.click(button)


async def close(pilot: Pilot[None]) -> None:
    await press_close(pilot)
    await settle(pilot)


async def test_closing_writes_the_minutes_and_logs_the_export_once(
    paths: Paths, repo: Repository
) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_closing_page(pilot)
        await close(pilot)
        [written] = minutes(paths)
        assert f"Verslag opgeslagen in:\n{written}" in result(screen)
        assert "afgesloten" in str(screen.query_one("#meta", Static).render())
    assert repo.get_meeting(screen.meeting.id or 0).status is MeetingStatus.AFGESLOTEN
    assert "# Verslag casuïstiekbespreking: Gezin J." in written.read_text(encoding="utf-8")
    assert exports_logged(repo, case.id) == 1


async def test_replacing_the_minutes_asks_first_and_logs_once_more(
    paths: Paths, repo: Repository
) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_closing_page(pilot)
        await close(pilot)
        [written] = minutes(paths)
        written.write_text("met de hand aangevuld", encoding="utf-8")

        await press_close(pilot)  # 'Verslag opnieuw maken'
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "de vraag")
        await pilot.press("escape")  # no: the file stays as it is
        await settle(pilot)
        assert app.screen is screen
        assert "Het bestaande verslag is niet aangeraakt" in result(screen)
        assert written.read_text(encoding="utf-8") == "met de hand aangevuld"
        assert exports_logged(repo, case.id) == 1

        await press_close(pilot)
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "de vraag")
        await pilot.click("#yes")  # 'Vervangen'
        await settle(pilot)
        assert app.screen is screen
        assert f"Verslag opgeslagen in:\n{written}" in result(screen)
    assert minutes(paths) == [written]
    assert "# Verslag casuïstiekbespreking" in written.read_text(encoding="utf-8")
    assert exports_logged(repo, case.id) == 2


async def test_minutes_written_while_the_logboek_fails_are_kept_and_the_user_is_told(
    paths: Paths, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None

    def disk_full(*_: Any) -> None:
        raise TemporaryProblem(DISK_FULL)

    app = make_app(paths, repo)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_closing_page(pilot)
        monkeypatch.setattr(repo, "record_export", disk_full)
        await close(pilot)
        assert app.is_running and app.screen is screen
        [written] = minutes(paths)
        assert f"Verslag opgeslagen in:\n{written}" in result(screen)
        told = notices(pilot)
        assert "Het verslag is opgeslagen, maar het logboek kon dat niet vastleggen" in told
        assert "De schijf is vol" in told
    monkeypatch.undo()
    assert exports_logged(repo, case.id) == 0


async def test_minutes_that_cannot_be_written_leave_the_meeting_closed(
    paths: Paths, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None

    def no_space(*_: Any, **__: Any) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(publish, "write_private", no_space)
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_closing_page(pilot)
        await close(pilot)
        assert app.is_running and app.screen is screen
        assert "Het verslag kon niet worden geschreven: No space left on device." in notices(pilot)
        assert "Verslag opgeslagen" not in result(screen)
    assert repo.get_meeting(screen.meeting.id or 0).status is MeetingStatus.AFGESLOTEN
    assert minutes(paths) == []
    assert exports_logged(repo, case.id) == 0
