"""Inviting clients on a meeting's opening, as a user does with the keyboard."""

from __future__ import annotations

from textual.pilot import Pilot

from tests.helpers import screen_text, wait_until


async def invite_both_parents(pilot: Pilot[None]) -> None:
    """From the table on the opening back to the invitations: tick moeder and vader.

    Nobody of the family is at the table until invited (issue 16); the family of
    tests.conftest.family_case has no pleger, so nothing is asked.
    """
    await pilot.press("shift+tab", "space", "down", "space", "tab")
    await wait_until(pilot, lambda: "Uitgenodigd: moeder, vader." in screen_text(pilot))
