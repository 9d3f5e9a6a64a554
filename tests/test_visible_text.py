"""Stored text is only ever text on screen: control characters show as placeholders.

Text can come from a colleague on the team database, a restored backup or a
question-set file; an escape sequence in it must not rename the terminal window
or make text blink, and the stored text itself stays as it was.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input

from leidraad.core.domain import Answer, FamilyMember, MemberRole
from leidraad.core.text import line, visible
from leidraad.paths import Paths
from screens.case_detail import CaseScreen
from screens.case_form import CaseFormScreen
from screens.home import HomeScreen
from screens.meeting.screen import MeetingScreen
from screens.shown import escape
from storage.repository import Repository
from tests.conftest import family_case
from tests.helpers import make_app, screen_text, settle, wait_until

OSC = "\x1b]0;pwned\x07"
BLINK = "\x1b[5m"
ALIAS = f"Gezin {OSC}K{BLINK}."
NAME = f"Mo{BLINK}ra"
SHOWN_ALIAS = "Gezin ␛]0;pwned␇K␛[5m."
SHOWN_NAME = "Mo␛[5mra"

CONTROLS = {chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]}


@given(st.text())
def test_visible_text_has_no_control_character_but_newline_and_tab(text: str) -> None:
    shown = visible(text)
    assert not (set(shown) & (CONTROLS - {"\n", "\t"}))
    assert not (set(line(text)) & CONTROLS)


@given(st.text(alphabet=st.characters(exclude_categories=["Cc"])))
def test_text_without_controls_is_shown_as_it_is(text: str) -> None:
    assert visible(text) == text == line(text)


def test_each_control_has_its_own_placeholder() -> None:
    assert visible(OSC + BLINK) == "␛]0;pwned␇␛[5m"
    assert visible("a\nb\tc\rd\x7f\x9b") == "a\nb\tc␍d␡�"
    assert line("a\nb\tc") == "a␊b␉c"


def assert_only_placeholders(pilot: Pilot[None], *expected: str) -> None:
    text = screen_text(pilot)
    for shown in expected:
        assert shown in text, shown
    assert not (set(text) & (CONTROLS - {"\n"}))
    assert not (set(pilot.app.export_screenshot()) & (CONTROLS - {"\n", "\t"}))


def tricky_case(repo: Repository) -> int:
    case = family_case()
    case = replace(
        case,
        alias=ALIAS,
        members=[FamilyMember(NAME, MemberRole.OUDER), *case.members[1:]],
    )
    saved = repo.save_case(case)
    assert saved.id is not None
    return saved.id


async def test_home_and_case_screen_show_placeholders_and_keep_the_text(
    paths: Paths, repo: Repository
) -> None:
    case_id = tricky_case(repo)
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await wait_until(pilot, lambda: SHOWN_ALIAS in screen_text(pilot))
        assert_only_placeholders(pilot, SHOWN_ALIAS)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await wait_until(pilot, lambda: SHOWN_NAME in screen_text(pilot))
        assert_only_placeholders(pilot, SHOWN_ALIAS, SHOWN_NAME)
        await settle(pilot)
    stored = repo.get_case(case_id)
    assert stored.alias == ALIAS
    assert stored.members[0].name == NAME


async def test_the_meeting_screen_shows_placeholders_and_keeps_the_answer(
    paths: Paths, repo: Repository
) -> None:
    case_id = tricky_case(repo)
    meeting = repo.start_meeting(case_id, "Directe veiligheid")
    assert meeting.id is not None
    answer_text = f"Zij zei {OSC}niets{BLINK}"
    first = next(iter(meeting.answers.values()), None)
    question_id = first.question_id if first else "vraag"
    repo.save_answer(meeting.id, Answer(question_id, "Vraag?", "vragen", answer_text))
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen))
        await wait_until(pilot, lambda: SHOWN_ALIAS in screen_text(pilot))
        assert_only_placeholders(pilot, SHOWN_ALIAS)
        await settle(pilot)
    stored = repo.get_meeting(meeting.id)
    assert stored.answers[question_id].text == answer_text
    assert repo.get_case(case_id).alias == ALIAS


@given(st.text())
def test_any_stored_text_in_markup_reads_back_as_its_visible_form(text: str) -> None:
    plain = Content.from_markup(f"[b]{escape(text)}[/] · [i]daarna[/]").plain
    assert plain.replace("\u200b", "") == visible(text).replace("\u200b", "") + " · daarna"


async def test_a_field_holding_the_stored_text_sends_no_escape_to_the_terminal(
    paths: Paths, repo: Repository
) -> None:
    """The case form edits the alias as it is stored; the control characters take no cell."""
    case_id = tricky_case(repo)
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, CaseFormScreen))
        assert app.screen.query_one("#alias", Input).value == ALIAS
        await wait_until(pilot, lambda: "Gezin ]0;pwnedK[5m." in screen_text(pilot))
        assert_only_placeholders(pilot)
        await pilot.press("escape")
        await settle(pilot)
    assert repo.get_case(case_id).alias == ALIAS
