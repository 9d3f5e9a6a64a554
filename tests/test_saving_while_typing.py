"""Fields that save while typing keep the text when the disk refuses, and save it later."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Input

from leidraad.paths import Paths
from screens.meeting.review_page import ReviewPage
from screens.meeting.screen import MeetingScreen
from screens.widgets import saver
from storage.errors import DISK_FULL, TemporaryProblem
from storage.repository import Repository
from tests.followup_data import three_meetings
from tests.helpers import make_app, notices, settle, type_text, wait_until

pytestmark = pytest.mark.both_backends


async def test_a_review_note_that_cannot_be_saved_stays_with_its_action(
    paths: Paths, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    three_meetings(repo)
    monkeypatch.setattr(saver, "RETRY_DELAY", 0.2)
    real_save = repo.save_review
    disk_full = True

    def save_review(*args: Any) -> None:
        if disk_full:
            raise TemporaryProblem(DISK_FULL)
        real_save(*args)

    monkeypatch.setattr(repo, "save_review", save_review)
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "n", "pagedown")
        meeting = app.screen
        assert isinstance(meeting, MeetingScreen)
        review = meeting.query_one(ReviewPage)
        first = review.items[0]
        await pilot.press("enter")  # into the note of the first open action
        await type_text(pilot, "moeder was niet thuis")
        await pilot.press("enter")  # saving fails; the cursor moves to the next action
        await pilot.pause()
        assert "De schijf is vol" in notices(pilot)
        # The note did not jump to the next action's (empty) note: it is still there.
        assert review.query_one("#review-note", Input).value == "moeder was niet thuis"

        disk_full = False
        await wait_until(pilot, lambda: "De notitie is alsnog opgeslagen." in notices(pilot))
        # Now the field follows the cursor again.
        assert review.query_one("#review-note", Input).value == ""

    assert meeting.meeting.id is not None
    saved = {i.action.id: i for i in repo.review_items(meeting.meeting.id)}
    assert saved[first.action.id].note == "moeder was niet thuis"
    assert saved[first.action.id].outcome is None


async def test_a_phase_change_the_disk_refuses_keeps_the_dialog_and_the_reason(
    paths: Paths, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leidraad.core.domain import Phase
    from screens.phase_dialog import PhaseDialog
    from tests.conftest import family_case

    case = repo.save_case(family_case())
    assert case.id is not None

    def disk_full(*_: Any) -> None:
        raise TemporaryProblem(DISK_FULL)

    app = make_app(paths, repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "n")
        await pilot.press("ctrl+f")
        dialog = app.screen
        assert isinstance(dialog, PhaseDialog)
        await type_text(pilot, "rust in huis")
        monkeypatch.setattr(repo, "change_phase", disk_full)
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and app.screen is dialog
        assert "De schijf is vol" in notices(pilot)
        assert dialog.query_one("#reason", Input).value == "rust in huis"
    assert repo.get_case(case.id).phase is Phase.DIRECTE_VEILIGHEID


async def test_typing_a_voice_reloads_the_plan_only_when_the_aftercare_changes(
    paths: Paths, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leidraad.core.flow import Part
    from tests.conftest import family_case
    from tests.helpers import type_into
    from tests.opening_helpers import invite_both_parents

    repo.save_case(family_case())
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "n")
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await invite_both_parents(pilot)
        reads: list[int] = []
        real_get = repo.get_meeting

        def get_meeting(meeting_id: int) -> Any:
            reads.append(meeting_id)
            return real_get(meeting_id)

        monkeypatch.setattr(repo, "get_meeting", get_meeting)
        await pilot.press("down", "space")  # vader is not at the table after all
        await pilot.pause()
        await type_into(pilot, screen.query_one("#voiced-by", Input), "Fatima (ED)")
        await settle(pilot)
        assert reads == []
        await screen.goto(screen.flow.start_of(Part.AFSLUITING))
        await type_into(pilot, screen.query("#inform-by").first(Input), "casusregisseur")
        await settle(pilot)
        assert reads
        assert any("informeren" in a.description for a in screen.meeting.actions)
