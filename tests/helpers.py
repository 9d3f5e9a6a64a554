"""Small helpers for driving the app the way a user does."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widget import Widget

from leidraad.app import LeidraadApp
from leidraad.paths import Paths
from questionsets.loader import load_guide
from storage.repository import Repository
from tests.conftest import FIXED_DAY


class Clock:
    """A clock the test moves by hand, so meeting times are exact."""

    def __init__(self, start: datetime | None = None) -> None:
        self.time = start or datetime(2026, 11, 24, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.time

    def advance(self, minutes: float) -> None:
        self.time += timedelta(minutes=minutes)


def make_app(
    paths: Paths,
    repo: Repository,
    user_sets: list[Path] | None = None,
    clock: Clock | None = None,
) -> LeidraadApp:
    return LeidraadApp(
        repo, load_guide(user_sets or []), paths, today=lambda: FIXED_DAY, now=clock or Clock()
    )


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type as on a keyboard: every character a key press, newlines as Enter.

    The keys are queued on the app one after another without waiting in between,
    as from a fast typist (the terminal driver does the same), and the test waits
    once when all are sent.
    """
    for char in text:
        key = "enter" if char == "\n" else ("space" if char == " " else char)
        pilot.app.post_message(events.Key(key, "\r" if char == "\n" else char))
    await pilot.pause()
    await pilot.pause()


async def type_into(pilot: Pilot[None], widget: Widget, text: str) -> None:
    widget.focus()
    await pilot.pause()
    await type_text(pilot, text)


def screen_text(pilot: Pilot[None]) -> str:
    """Everything visible on the screen now, as plain text lines."""
    strips = pilot.app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def notices(pilot: Pilot[None]) -> str:
    """The messages shown as notifications so far."""
    return "\n".join(n.message for n in pilot.app._notifications)


async def settle(pilot: Pilot[None]) -> None:
    """Write every field still waiting for its typing pause, and let workers finish.

    Tests wait for this instead of sleeping past the save timer.
    """
    from screens.widgets.saver import flush_all

    await pilot.pause()
    flush_all(pilot.app.screen)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def wait_until(
    pilot: Pilot[None], condition: Callable[[], object], what: str = "", limit: float = 10.0
) -> None:
    """Wait until `condition()` holds (checked every frame), never for a fixed time."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"gave up waiting after {limit} s: {what or condition}")
        await pilot.pause(0.02)
