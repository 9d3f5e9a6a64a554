"""How the key screens look, at a fixed size with fixed data and a fixed date."""

from __future__ import annotations

from datetime import date

from textual.pilot import Pilot

from leidraad.core.domain import Action, Answer, Phase
from leidraad.paths import Paths
from storage.repository import Repository
from tests.conftest import family_case
from tests.helpers import make_app


async def steady(pilot: Pilot[None]) -> None:
    """Stop cursors blinking, so a snapshot never catches one half-way."""
    for widget in pilot.app.screen.query("TextArea, Input"):
        widget.cursor_blink = False  # type: ignore[attr-defined]
    await pilot.pause()


def fill(repo: Repository) -> int:
    case = repo.save_case(family_case())
    other = family_case()
    other.alias, other.phase = "Familie K.", Phase.STABIELE_VEILIGHEID
    repo.save_case(other)
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "Directe veiligheid (versie 1.0)", date(2026, 11, 24))
    assert meeting.id is not None
    repo.save_action(meeting.id, Action("Veiligheidsplan opstellen", "Veilig Thuis"))
    return meeting.id


def test_home_screen(snap_compare, paths: Paths, repo: Repository) -> None:
    fill(repo)
    assert snap_compare(make_app(paths, repo), terminal_size=(100, 30))


def test_meeting_screen_on_a_question(snap_compare, paths: Paths, repo: Repository) -> None:
    meeting_id = fill(repo)
    meeting = repo.get_meeting(meeting_id)
    app = make_app(paths, repo)
    question = app.context.guide.for_phase(Phase.DIRECTE_VEILIGHEID).stages
    first = next(iter(question.values()))[0]
    repo.save_answer(
        meeting_id, Answer(first.id, first.text, "beeldvorming", "Moeder is bang als vader komt.")
    )
    assert meeting.id is not None

    async def to_beeldvorming(pilot: Pilot[None]) -> None:
        await pilot.press("down", "enter", "enter", "ctrl+n", "ctrl+n")
        await pilot.pause()
        await steady(pilot)

    assert snap_compare(app, terminal_size=(120, 36), run_before=to_beeldvorming)


def test_meeting_screen_scores(snap_compare, paths: Paths, repo: Repository) -> None:
    fill(repo)

    async def to_scores(pilot: Pilot[None]) -> None:
        await pilot.press("down", "enter", "enter", "ctrl+n")
        await pilot.pause()
        await steady(pilot)

    assert snap_compare(make_app(paths, repo), terminal_size=(100, 30), run_before=to_scores)


def test_who_may_read_an_answer_at_80x24(snap_compare, paths: Paths, repo: Repository) -> None:
    """The restriction dialog fits the smallest terminal: kinds, niet voor, gedeeld met."""
    fill(repo)

    async def to_dialog(pilot: Pilot[None]) -> None:
        await pilot.press("down", "enter", "enter", "ctrl+n", "ctrl+n")
        await pilot.press("M", "o", "e", "d", "e", "r", "ctrl+l")
        await pilot.pause()
        await steady(pilot)

    assert snap_compare(make_app(paths, repo), terminal_size=(80, 24), run_before=to_dialog)
