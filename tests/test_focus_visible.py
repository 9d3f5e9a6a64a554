"""Moving with Tab always lands on a field the user can see, on every meeting part.

Textual orders Tab by where a widget is on screen; a button docked inside a scrolling
page once came between the aftercare rows, so what was typed next vanished into it and
every later field was one off. These tests walk every part with Tab, keyboard only,
at the smallest supported size and at a common laptop size.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, TextArea

from leidraad.core.flow import Part
from leidraad.paths import Paths
from screens.meeting.screen import MeetingScreen
from storage.repository import Repository
from tests.conftest import family_case
from tests.helpers import make_app, settle, type_text, wait_until

SIZES = [(80, 24), (120, 35)]
MAX_TABS = 60  # more than any part has fields: a walk that never returns is a failure


def problem_with(pilot: Pilot[None], widget: Widget | None) -> str:
    """Why the user cannot see the focused widget; '' when they can."""
    if widget is None:
        return "nothing has focus"
    screen = pilot.app.screen
    name = f"{type(widget).__name__}#{widget.id}"
    if not all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget)):
        return f"{name} or a parent is not displayed"
    region = widget.region
    if not region.area:
        return f"{name} has no size ({region})"
    if not screen.region.contains_region(region):
        return f"{name} is (partly) off screen ({region})"
    # Nothing docked or layered covers it: the middle of the widget is the widget.
    hit, _ = screen.get_widget_at(region.x + region.width // 2, region.y + region.height // 2)
    if hit is not widget and widget not in hit.ancestors:
        return f"{name} is covered by {type(hit).__name__}#{hit.id} ({region})"
    return ""


def value_of(widget: Widget) -> str | None:
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Input):
        return widget.value
    return None


async def walk_part(pilot: Pilot[None], key: str, *, type_along: bool) -> list[Widget]:
    """Press `key` until focus is back where it started; check every stop on the way."""
    start = pilot.app.focused
    visited: list[Widget] = []
    for _ in range(MAX_TABS):
        await pilot.press(key)
        await pilot.pause()
        focused = pilot.app.focused
        problem = problem_with(pilot, focused)
        assert not problem, f"after {len(visited) + 1} x {key}: {problem}"
        assert focused is not None
        if type_along and focused.id != "next-meeting" and value_of(focused) is not None:
            before = value_of(focused)
            text = f"x{len(visited)}"
            await type_text(pilot, text)
            after = value_of(focused)
            assert after is not None and after.endswith(text), (
                f"typed {text!r} into #{focused.id}: {before!r} -> {after!r}"
            )
            assert pilot.app.focused is focused
        visited.append(focused)
        if focused is start:
            return visited
    raise AssertionError(f"{key} never came back to where it started: {visited}")


async def open_meeting(pilot: Pilot[None]) -> MeetingScreen:
    """A new meeting with both parents invited, so the Afsluiting has three aftercare rows."""
    await pilot.press("enter", "n")
    screen = pilot.app.screen
    assert isinstance(screen, MeetingScreen)
    await pilot.press("shift+tab", "space", "down", "space", "tab")
    await wait_until(pilot, lambda: len(screen.session.meeting.invited) == 2, "both invited")
    return screen


# Tab at both sizes; Shift+Tab walks the same order backwards, once, at the smallest size.
WALKS = [(size, "tab") for size in SIZES] + [(SIZES[0], "shift+tab")]


@pytest.mark.parametrize(
    ("size", "key"), WALKS, ids=lambda v: f"{v[0]}x{v[1]}" if isinstance(v, tuple) else v
)
async def test_tab_lands_on_a_visible_field_on_every_part(
    paths: Paths, repo: Repository, size: tuple[int, int], key: str
) -> None:
    repo.save_case(family_case())
    app = make_app(paths, repo)
    async with app.run_test(size=size) as pilot:
        screen = await open_meeting(pilot)
        parts_seen: list[Part] = []
        while True:
            part = screen.flow.steps[screen.position].part
            parts_seen.append(part)
            if app.focused is not None:  # a part opens with its first field in view
                await wait_until(pilot, lambda: not problem_with(pilot, app.focused), str(part))
            await walk_part(pilot, key, type_along=False)
            before = screen.position
            await pilot.press("ctrl+n")
            await pilot.pause()
            if screen.position == before:
                break
        assert parts_seen[0] is Part.OPENING and parts_seen[-1] is Part.AFSLUITING
        assert len(set(parts_seen)) == len(parts_seen) == len(Part)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("key", ["tab", "shift+tab"])
async def test_text_typed_after_each_tab_on_the_closing_arrives_in_the_focused_field(
    paths: Paths, repo: Repository, size: tuple[int, int], key: str
) -> None:
    repo.save_case(family_case())
    app = make_app(paths, repo)
    async with app.run_test(size=size) as pilot:
        screen = await open_meeting(pilot)
        await screen.goto(screen.flow.start_of(Part.AFSLUITING))
        await pilot.pause()
        visited = await walk_part(pilot, key, type_along=True)
        ids = [w.id for w in visited]
        # Every aftercare row was reached: two parents and the child.
        assert ids.count("inform-by") == ids.count("inform-due") == 3
        await settle(pilot)
    assert screen.meeting.id is not None
    voices = repo.client_voices(screen.meeting.id)
    told_by = sorted(v.inform_by for v in voices if v.inform_by)
    assert len(told_by) == 3, told_by  # the ex-partner's aftercare is not left empty
