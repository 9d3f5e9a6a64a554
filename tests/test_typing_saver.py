"""Every field a person types into saves the same way: a failed save keeps the text, the
field says so, and it is stored by itself once it can be; quitting writes what waits."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widget import Widget
from textual.widgets import Input, TextArea

from leidraad.paths import Paths
from screens.widgets.saver import UNSAVED
from storage.errors import DISK_FULL, TemporaryProblem
from storage.repository import Repository
from tests.helpers import (
    make_app,
    notices,
    screen_text,
    settle,
    type_into,
    type_text,
    wait_until,
)
from tests.typed_fields import KINDS, meeting_with_history, open_field, stored

pytestmark = pytest.mark.both_backends

TEXT = "moeder wil eerst met de wijkagent praten"


def shown(field: Widget) -> str:
    return (
        field.text
        if isinstance(field, TextArea)
        else field.value
        if isinstance(field, Input)
        else ""
    )


@pytest.mark.parametrize("kind", list(KINDS))
async def test_a_failed_save_keeps_the_text_and_stores_it_within_3_s_without_a_key(
    paths: Paths, repo: Repository, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    meeting_id = meeting_with_history(repo)
    method = KINDS[kind]
    real_save = getattr(repo, method)
    disk_full = True

    def save(*args: Any) -> Any:
        if disk_full:
            raise TemporaryProblem(DISK_FULL)
        return real_save(*args)

    app = make_app(paths, repo)
    async with app.run_test(size=(120, 50)) as pilot:
        field = await open_field(app, pilot, kind, meeting_id)
        monkeypatch.setattr(repo, method, save)
        await type_text(pilot, TEXT)
        await wait_until(pilot, lambda: "De schijf is vol" in notices(pilot), "the notice")
        # The field says so, and keeps saying it after the notification has gone.
        await wait_until(pilot, lambda: UNSAVED in screen_text(pilot), "the field's warning")
        assert shown(field) == TEXT
        assert stored(repo, kind, meeting_id) == ""

        disk_full = False  # room again: no key is pressed from here on
        await wait_until(
            pilot, lambda: stored(repo, kind, meeting_id) == TEXT, "saved by itself", limit=3.0
        )
        await wait_until(pilot, lambda: UNSAVED not in screen_text(pilot), "the warning goes")
        assert "alsnog opgeslagen" in notices(pilot)
        assert shown(field) == TEXT


@pytest.mark.parametrize("kind", list(KINDS))
async def test_quitting_right_after_typing_stores_what_was_typed(
    paths: Paths, repo: Repository, kind: str
) -> None:
    meeting_id = meeting_with_history(repo)
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 50)) as pilot:
        await open_field(app, pilot, kind, meeting_id)
        await type_text(pilot, TEXT)
        assert stored(repo, kind, meeting_id) != TEXT  # still waiting for the typing pause
        await pilot.press("ctrl+q")
    assert stored(repo, kind, meeting_id) == TEXT


async def test_a_wrong_aftercare_date_does_not_hold_back_the_rest_of_the_row(
    paths: Paths, repo: Repository
) -> None:
    meeting_id = meeting_with_history(repo)
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 50)) as pilot:
        who = await open_field(app, pilot, "closing", meeting_id)
        assert who.parent is not None
        await type_into(pilot, who.parent.query_one("#inform-due"), "31-02")
        await type_into(pilot, who, "casusregisseur")
        await settle(pilot)
        status = who.parent.parent.query_one(".status")
        assert status.region.height and "De datum is nog niet opgeslagen" in str(status.render())
    assert stored(repo, "closing", meeting_id) == "casusregisseur"
