"""A procesregisseur runs one whole case conference, driven through the keyboard."""

from __future__ import annotations

import pytest
from textual import events
from textual.command import CommandList
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from leidraad.core.domain import PURPOSE_ID, SUMMARY_ID, Attendance, MeetingStatus, Phase
from leidraad.core.flow import Part
from leidraad.paths import Paths
from screens.case_detail import CaseScreen
from screens.case_form import CaseFormScreen, MemberRow, PartnerRow
from screens.meeting.action_dialog import ActionDialog
from screens.meeting.screen import MeetingScreen
from storage.repository import Repository
from tests.conftest import family_case
from tests.helpers import (
    make_app,
    notices,
    screen_text,
    settle,
    type_into,
    type_text,
    wait_until,
)
from tests.opening_helpers import invite_both_parents


def palette_offers(pilot: Pilot[None], title: str) -> bool:
    """The command palette has found what was typed and offers it first."""
    found = pilot.app.screen.query(CommandList)
    option = found.first().highlighted_option if found else None
    return option is not None and str(option.prompt).startswith(title)


@pytest.mark.both_backends  # the same walk on a PostgreSQL server
async def test_creating_a_case_saves_while_typing(paths: Paths, repo: Repository) -> None:
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 36)) as pilot:
        assert "Nog geen casussen" in screen_text(pilot)
        await pilot.press("n")
        assert isinstance(app.screen, CaseFormScreen)
        member = app.screen.query(MemberRow).first()
        await type_into(pilot, member.query_one(".name", Input), "moeder")
        # Without a name the case cannot be stored yet; what was typed stays.
        await wait_until(pilot, lambda: "Geef de casus een naam" in screen_text(pilot))
        assert repo.list_cases() == []
        await type_into(pilot, app.screen.query_one("#alias", Input), "Gezin J.")
        await wait_until(pilot, repo.list_cases, "de casus is opgeslagen")
        [summary] = repo.list_cases()
        assert [m.name for m in repo.get_case(summary.id).members] == ["moeder"]

        await pilot.click("#add-member")
        await pilot.pause()
        child = app.screen.query(MemberRow).last()
        child.query_one(".role").value = "kind"  # type: ignore[attr-defined]
        await type_into(pilot, child.query_one(".name", Input), "Sam")
        await type_into(pilot, child.query_one(".age", Input), "acht")
        partner = app.screen.query(PartnerRow).first()
        await type_into(pilot, partner.query_one(".organisation", Input), "Veilig Thuis")
        await type_into(pilot, partner.query_one(".contact", Input), "A. de Vries")
        await pilot.press("ctrl+s")
        # A wrong age is refused with a message, and nothing typed is lost.
        assert "'acht' is geen leeftijd" in screen_text(pilot)
        assert isinstance(app.screen, CaseFormScreen)
        assert child.query_one(".name", Input).value == "Sam"
        child.query_one(".age", Input).value = "8"
        await wait_until(pilot, lambda: len(repo.get_case(summary.id).members) == 2)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        assert "Nog geen overleg" in screen_text(pilot)

    case = repo.get_case(summary.id)
    assert case.alias == "Gezin J."
    assert [(m.name, m.role.value, m.age) for m in case.members] == [
        ("moeder", "ouder", None),
        ("Sam", "kind", 8),
    ]
    assert case.partners[0].contact == "A. de Vries"


async def test_leaving_an_empty_new_case_creates_nothing(paths: Paths, repo: Repository) -> None:
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, CaseFormScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert "Nog geen casussen" in screen_text(pilot)
    assert repo.list_cases() == []


@pytest.mark.both_backends  # the same walk on a PostgreSQL server
async def test_a_whole_meeting_from_opening_to_minutes(paths: Paths, repo: Repository) -> None:
    case = repo.save_case(family_case())
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter")  # open the only case
        assert isinstance(app.screen, CaseScreen)
        await pilot.press("n")
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        flow = screen.flow
        assert "Deel 1 van 7 · Opening" in screen_text(pilot)

        # Opening: both parents are invited, the father is absent, the purpose is typed.
        await invite_both_parents(pilot)
        await pilot.press("down", "space")
        await type_into(pilot, screen.query_one("#purpose", TextArea), "Samen een veiligheidsplan")

        # Client's voice: a wrong score is refused, the typed text stays.
        await pilot.press("pagedown")
        assert "veiligheidscijfers" in screen_text(pilot)
        score = screen.query(".score").first()
        await type_into(pilot, score, "12")
        assert "12 kan niet" in screen_text(pilot)
        assert score.value == "12"  # type: ignore[attr-defined]
        await pilot.press("backspace", "backspace", "4", "tab")
        await type_text(pilot, "Als vader | niet komt")
        await settle(pilot)

        await pilot.press("pagedown")
        await type_text(pilot, "Ik wil # rust")
        await pilot.press("ctrl+o")

        # Beeldvorming, oordeelsvorming, besluitvorming.
        await pilot.press("ctrl+n")
        assert screen.position == flow.start_of(Part.BEELDVORMING)
        assert "Beeldvorming · vraag 1 van" in screen_text(pilot)
        await type_text(pilot, "Zorgen over geweld\n- waar kinderen bij zijn")
        await pilot.press("pagedown")
        await type_text(pilot, "School gaat goed")
        await pilot.press("ctrl+n")
        await type_text(pilot, "Een veiligheidsplan is nodig")
        await pilot.press("ctrl+n")
        await type_text(pilot, "Eerst het plan, later GGZ")

        # Action plan: a wrong date is refused in the dialog, then corrected.
        await pilot.press("ctrl+n")
        assert screen.position == flow.start_of(Part.ACTIEPLAN)
        await pilot.press("a")
        assert isinstance(app.screen, ActionDialog)
        await type_text(pilot, "Veiligheidsplan opstellen")
        await pilot.press("tab")
        await type_text(pilot, "Veilig Thuis")
        await pilot.press("tab")
        await type_text(pilot, "31-02-2027")
        await wait_until(pilot, lambda: "bestaat niet als datum" in screen_text(pilot))
        # Already stored while typing, without the impossible date.
        stored = repo.get_meeting(screen.meeting.id).actions  # type: ignore[arg-type]
        assert [(a.description, a.due) for a in stored] == [("Veiligheidsplan opstellen", None)]
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ActionDialog)  # a problem is named before leaving
        app.screen.query_one("#due", Input).value = "01-12-2026"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert "Veiligheidsplan opstellen" in screen_text(pilot)

        # Closing: summary, next meeting, close and write the minutes.
        await pilot.press("ctrl+n")
        await type_text(pilot, "Plan staat, VT coördineert")
        await type_into(pilot, screen.query_one("#next-meeting", Input), "05-01-2027")
        await pilot.click("#close-meeting")
        await pilot.pause()
        assert "Verslag opgeslagen in:" in screen_text(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        assert "afgesloten" in screen_text(pilot)

    assert case.id is not None
    meeting = repo.meeting_by_number(case.id, 1)
    assert meeting.status is MeetingStatus.AFGESLOTEN
    assert meeting.participants[1].attendance is Attendance.AFWEZIG
    assert meeting.answers[PURPOSE_ID].text == "Samen een veiligheidsplan"
    assert meeting.answers[SUMMARY_ID].text == "Plan staat, VT coördineert"
    assert (meeting.scores[0].score, meeting.scores[0].higher) == (4, "Als vader | niet komt")
    voice = [a for a in meeting.answers.values() if a.part == "clientstem"]
    assert [(a.text, a.client_words) for a in voice] == [("Ik wil # rust", True)]
    stages = {a.part for a in meeting.answers.values()}
    assert {"beeldvorming", "oordeelsvorming", "besluitvorming"} <= stages
    assert [(a.description, a.owner) for a in meeting.actions] == [
        ("Veiligheidsplan opstellen", "Veilig Thuis")
    ]
    assert meeting.next_meeting is not None and meeting.next_meeting.isoformat() == "2027-01-05"

    [minutes] = paths.minutes_dir.glob("*.md")
    text = minutes.read_text(encoding="utf-8")
    assert minutes.name == "gezin-j-1-overleg-1-2026-11-24.md"
    for expected in [
        "# Verslag casuïstiekbespreking: Gezin J.",
        "| vader | partner of ex-partner | afwezig |",
        "| 4 | Als vader \\| niet komt |",
        "> Ik wil # rust",
        "Zorgen over geweld\\\n\\- waar kinderen bij zijn",
        "## Oordeelsvorming",
        "| 1 | Veiligheidsplan opstellen | Veilig Thuis | 01-12-2026 | nu | Directe veiligheid |",
        "**Volgend overleg:** 05-01-2027",
    ]:
        assert expected in text, expected


async def test_a_finished_meeting_can_be_opened_and_corrected(
    paths: Paths, repo: Repository
) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "Directe veiligheid")
    assert meeting.id is not None
    repo.close_meeting(meeting.id)
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter")
        await pilot.press("enter")  # the meeting list has the finished meeting selected
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        assert "afgesloten" in screen_text(pilot)
        await pilot.press("ctrl+g")
        await pilot.press("end", "enter")
        assert screen.flow.steps[screen.position].part is Part.AFSLUITING
        await type_text(pilot, "Aanvulling")
        await pilot.press("escape")
    assert repo.get_meeting(meeting.id).answers[SUMMARY_ID].text == "Aanvulling"


async def test_a_meeting_follows_the_phase_of_its_case(paths: Paths, repo: Repository) -> None:
    case = family_case()
    case.phase = Phase.HERSTEL
    saved = repo.save_case(case)
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter", "n")
        await pilot.press("ctrl+n", "ctrl+n")
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        assert screen.session.phase_set.phase is Phase.HERSTEL
        assert "fase 3: Herstel" in screen_text(pilot)
    assert saved.id is not None


async def test_main_actions_are_in_the_command_palette(paths: Paths, repo: Repository) -> None:
    repo.save_case(family_case())
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p")
        await type_text(pilot, "nieuwe casus")
        await wait_until(pilot, lambda: palette_offers(pilot, "Nieuwe casus"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CaseFormScreen)
        await pilot.press("escape")
        await pilot.press("enter", "n")
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("ctrl+p")
        await type_text(pilot, "naar actieplan")
        await wait_until(pilot, lambda: palette_offers(pilot, "Naar Actieplan"))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.position == app.screen.flow.start_of(Part.ACTIEPLAN)  # type: ignore[attr-defined]


async def test_making_a_worry_concrete_keeps_it_with_its_question(
    paths: Paths, repo: Repository
) -> None:
    case = repo.save_case(family_case())
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter", "n")
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await pilot.press("ctrl+r")
        assert "Ga eerst naar een vraag" in notices(pilot)
        await pilot.press("ctrl+n", "ctrl+n", "pagedown")  # beeldvorming, second question
        origin = screen.flow.steps[screen.position].question
        assert origin is not None
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "Wat is precies je grootste zorg?" in screen_text(pilot)
        await type_text(pilot, "Dat vader | terugkomt")
        await pilot.press("tab")
        await type_text(pilot, "Buurvrouw belde de politie")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert "Zorg concreet gemaakt bij deze vraag (2 antwoorden)" in screen_text(pilot)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n")
        await pilot.click("#close-meeting")
        await pilot.pause()

    assert case.id is not None
    meeting = repo.meeting_by_number(case.id)
    worries = {k: a.text for k, a in meeting.answers.items() if "~" in k}
    assert worries == {
        f"{origin.id}~zc-grootste-zorg": "Dat vader | terugkomt",
        f"{origin.id}~zc-basis": "Buurvrouw belde de politie",
    }
    text = next(paths.minutes_dir.glob("*.md")).read_text(encoding="utf-8")
    block = text[text.index(f"### {origin.text}") :]
    assert block.index("**De zorg concreet gemaakt:**") < block.index("## Oordeelsvorming")
    assert "- *Wat is precies je grootste zorg?*\n\n  Dat vader \\| terugkomt" in block
    assert block.index("grootste zorg") < block.index("Buurvrouw")


async def test_typing_straight_after_moving_lands_on_the_new_question(
    paths: Paths, repo: Repository
) -> None:
    case = repo.save_case(family_case())
    app = make_app(paths, repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "n", "ctrl+n", "ctrl+n")
        # A fast typist: every key is queued before the screen has redrawn once.
        for key, char in [("E", "E"), ("r", "r"), ("pagedown", None), ("X", "X")]:
            app.post_message(events.Key(key, char))
        for key, char in [("pageup", None), ("Y", "Y")]:
            app.post_message(events.Key(key, char))
        await settle(pilot)
    assert case.id is not None
    answers = repo.meeting_by_number(case.id).answers
    texts = {k: a.text for k, a in answers.items() if a.text}
    assert list(texts.values()) == ["ErY", "X"]


async def test_what_was_typed_a_moment_ago_is_in_the_minutes_preview(
    paths: Paths, repo: Repository
) -> None:
    """Export flushes every field that saves while typing, not only the answer editors."""
    from textual.widgets import Markdown

    from screens.export_screen import ExportScreen
    from screens.meeting.scores_page import ScoreRow
    from screens.voice_forms import AbsentVoiceRow

    case = repo.save_case(family_case())
    assert case.id is not None
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "n")
        meeting = app.screen
        assert isinstance(meeting, MeetingScreen)
        await invite_both_parents(pilot)
        await pilot.press("down", "space")  # the second adult is not there
        await pilot.pause()
        absent = meeting.query(AbsentVoiceRow).first()
        await type_into(pilot, absent.query_one("#voiced-by", Input), "Fatima (ED)")
        await pilot.press("ctrl+n")
        await pilot.pause()
        row = meeting.query(ScoreRow).first()
        await type_into(pilot, row.query_one(".score", Input), "7")
        # No waiting for the debounce: the export must write it out first.
        await pilot.press("ctrl+e")
        await pilot.pause()
        export = app.screen
        assert isinstance(export, ExportScreen)
        preview = export.query_one("#preview", Markdown).source
        assert "Fatima (ED)" in preview
        assert f"| {row.score.perspective} | {row.score.voiced_by} | 7 |" in preview
