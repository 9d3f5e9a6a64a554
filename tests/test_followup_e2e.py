"""Following a family over meetings, driven through the keyboard as a procesregisseur does."""

from __future__ import annotations

from textual.widgets import Input, Select

from leidraad.core.domain import Action, Phase
from leidraad.core.followup import Outcome
from leidraad.core.plans import PlanKind
from leidraad.paths import Paths
from screens.case_detail import CaseScreen
from screens.case_timeline import TimelineScreen
from screens.meeting.divergence_note import DivergenceNote
from screens.meeting.review_page import ReviewPage
from screens.meeting.screen import MeetingScreen
from screens.phase_dialog import PhaseDialog
from screens.plans import PlansScreen
from screens.widgets.fields_dialog import FieldsDialog
from storage.repository import Repository
from tests.conftest import family_case
from tests.followup_data import D2, three_meetings
from tests.helpers import make_app, notices, screen_text, settle, type_into, type_text


async def test_the_fourth_meeting_ticks_off_what_is_still_open_and_shows_the_trend(
    paths: Paths, repo: Repository
) -> None:
    case_id, _, actions = three_meetings(repo, scores=True)
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, CaseScreen)
        text = screen_text(pilot)
        # Every meeting is a point of the trend, in numbers as well as in bars.
        assert "3 → 4 → 6" in text and "2 → 3 → 5" in text
        assert "2 acties over de afgesproken" in text

        await pilot.press("n")
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await pilot.press("pagedown")
        assert "Opening · afspraken aftikken" in screen_text(pilot)
        review = screen.query_one(ReviewPage)
        assert [i.action.description for i in review.items] == ["Huisbezoek", "Gesprek met school"]
        assert "⚠ 2 over de datum" in screen_text(pilot)
        assert "Veiligheidsplan maken" not in screen_text(pilot)

        await pilot.press("2", "enter")  # Huisbezoek partly done, and a note
        await type_text(pilot, "na de vakantie")
        await pilot.press("enter", "4")  # the next one is no longer needed
        await pilot.pause()
        assert "1 over de datum" in screen_text(pilot)

        # A difference of three points or more asks for a conversation.
        await pilot.press("ctrl+n")
        note = screen.query_one(DivergenceNote)
        assert not note.has_class("discuss")
        scores = list(screen.query(".score").results(Input))
        await type_into(pilot, scores[0], "2")
        await type_into(pilot, scores[2], "6")
        await settle(pilot)
        assert note.has_class("discuss")
        assert "liggen 4 punten uit elkaar" in notices(pilot)

        await pilot.press(*["ctrl+n"] * 5)
        await pilot.click("#close-meeting")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        assert "3 → 4 → 6 → 2" in screen_text(pilot)

    items = {i.action.description: i for i in repo.review_items(screen.meeting.id or 0)}
    assert (items["Huisbezoek"].outcome, items["Huisbezoek"].note) == (
        Outcome.DEELS,
        "na de vakantie",
    )
    assert items["Gesprek met school"].outcome is Outcome.VERVALLEN
    assert [r.action.id for r in repo.open_action_records(case_id)] == [actions["Huisbezoek"]]
    [minutes] = paths.minutes_dir.glob("*overleg-4*.md")
    text = minutes.read_text(encoding="utf-8")
    assert (
        "| Huisbezoek | Veilig Thuis | 03-08-2026 (te laat: 113 dagen) | 1 | deels gedaan" in text
    )
    assert "| moeder (ouder) | 3 → 4 → 6 → 2 | 2 | -4 sinds vorige keer |" in text
    assert "**Let op: de perspectieven liggen 4 punten uit elkaar.**" in text


async def test_phase_changes_need_a_reason_and_falling_back_is_said_plainly(
    paths: Paths, repo: Repository
) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "n")
        meeting = app.screen
        assert isinstance(meeting, MeetingScreen)
        await pilot.press("ctrl+f")
        assert isinstance(app.screen, PhaseDialog)
        await pilot.press("enter")
        assert "Schrijf op waarom de fase verandert" in screen_text(pilot)
        await type_text(pilot, "rust in huis")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is meeting
        assert repo.get_case(case.id).phase is Phase.STABIELE_VEILIGHEID
        await pilot.press("escape")

        # Between meetings only the way back to directe veiligheid is open.
        await pilot.press("f")
        dialog = app.screen
        assert isinstance(dialog, PhaseDialog)
        dialog.query_one("#meeting", Select).value = "buiten"
        dialog.query_one("#target", Select).value = Phase.HERSTEL.value
        await type_into(pilot, dialog.query_one("#reason", Input), "x")
        await pilot.press("enter")
        assert "besluit je samen in een overleg" in screen_text(pilot)
        dialog.query_one("#target", Select).value = Phase.DIRECTE_VEILIGHEID.value
        await pilot.pause()
        assert "Terug naar directe veiligheid." in screen_text(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        assert "⚠ Terug naar directe veiligheid" in screen_text(pilot)

        await pilot.press("t")
        assert isinstance(app.screen, TimelineScreen)
        text = screen_text(pilot)
        assert "Van 1. Directe veiligheid naar 2. Stabiele veiligheid, overleg 1" in text
        assert "Reden: rust in huis" in text
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert "(⚠ terug)" in screen_text(pilot)

    history = repo.phase_history(case.id)
    assert [(c.to_phase, c.meeting_number, c.reason) for c in history] == [
        (Phase.STABIELE_VEILIGHEID, 1, "rust in huis"),
        (Phase.DIRECTE_VEILIGHEID, None, "x"),
    ]


async def test_who_knows_the_plan_and_closing_and_reopening_a_case(
    paths: Paths, repo: Repository
) -> None:
    case_id, _, _ = three_meetings(repo)
    version = repo.add_plan_version(case_id, PlanKind.VEILIGHEIDSPLAN, "versie 1", D2)
    other = family_case()
    other.alias = "Familie K."
    repo.save_case(other)
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "enter")
        assert isinstance(app.screen, CaseScreen)
        assert "Nog niet: Veilig Thuis, Politie, moeder, vader." in screen_text(pilot)
        await pilot.press("p")
        assert isinstance(app.screen, PlansScreen)
        await pilot.press("space")
        await pilot.pause()
        assert "ja, sinds 24-11-2026" in screen_text(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert "Nog niet: Politie, moeder, vader." in screen_text(pilot)

        await pilot.press("s")
        assert isinstance(app.screen, FieldsDialog)
        assert "Er staan nog 2 acties open." in screen_text(pilot)
        await pilot.press("enter")
        assert "Schrijf op waarom" in screen_text(pilot)
        await type_text(pilot, "verhuisd")
        await pilot.press("enter")
        await pilot.pause()
        assert "Gesloten op" in screen_text(pilot)
        await pilot.press("n")
        assert "Deze casus is gesloten" in notices(pilot)
        await pilot.press("escape")
        await pilot.pause()
        text = screen_text(pilot)
        assert "Gezin J." not in text and "1 gesloten casus staat niet in de lijst" in text

        await pilot.press("slash")
        await type_text(pilot, "gezin")
        await pilot.press("enter")
        await pilot.pause()
        assert "gesloten · 1. Directe veiligheid" in screen_text(pilot)
        await pilot.press("enter", "h")
        await type_text(pilot, "nieuwe melding")
        await pilot.press("enter")
        await pilot.pause()
        assert "Gesloten op" not in screen_text(pilot)

    assert version.id is not None
    assert repo.plan_statuses(case_id)[0].aware() == ["Veilig Thuis"]
    assert repo.case_closed(case_id) is None
    events = repo.case_history(case_id).status_events
    assert [(e.closed, e.reason) for e in events] == [(True, "verhuisd"), (False, "nieuwe melding")]


async def test_the_review_note_comes_into_view_on_a_small_laptop_screen(
    paths: Paths, repo: Repository
) -> None:
    """With many open actions the note field lies below the table: Enter must show it."""
    _, ids, _ = three_meetings(repo)
    for i in range(12):
        repo.save_action(ids[2], Action(f"Afspraak {i}", "Wijkteam"))
    app = make_app(paths, repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "n", "pagedown")
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await pilot.press("1", "enter")
        await pilot.pause()
        note = screen.query_one("#review-note", Input)
        assert note.has_focus
        assert screen.region.contains_region(note.region), "het notitieveld valt buiten beeld"
        await type_text(pilot, "klaar")
        await settle(pilot)
    [first, *_] = repo.review_items(screen.meeting.id or 0)
    assert (first.outcome, first.note) == (Outcome.GEDAAN, "klaar")
