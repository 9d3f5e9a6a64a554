"""A procesregisseur protects people on screen: niet voor, whose words, and the reading check."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Input, Markdown, Select, Static, TextArea

from exports.variants import Variant
from leidraad.core.audience import Restriction
from leidraad.core.domain import SUMMARY_ID, Answer, Case, Partner, Position
from leidraad.core.flow import Part
from leidraad.core.plans import PlanKind
from leidraad.core.voice import HearingMode
from leidraad.paths import Paths
from screens.case_detail import CaseScreen
from screens.case_form import CaseFormScreen, MemberRow, PartnerRow
from screens.export_screen import ExportScreen
from screens.meeting.action_dialog import ActionDialog
from screens.meeting.screen import MeetingScreen
from screens.plans import PlansScreen
from screens.preparation import PreparationScreen
from screens.widgets.answer_editor import cycle_speaker
from screens.widgets.choose_people import ChoosePeopleDialog
from screens.widgets.fields_dialog import FieldsDialog
from screens.widgets.prompt import ConfirmDialog
from screens.widgets.restriction_dialog import RestrictionDialog
from storage.repository import Repository
from tests.conftest import FIXED_DAY, family_case
from tests.helpers import (
    make_app,
    notices,
    screen_text,
    settle,
    type_into,
    type_text,
    wait_until,
)

SECRET = "Moeder en de kinderen wonen op een geheim adres"


def member_key(case: Case, name: str) -> str:
    return next(m.key for m in case.members if m.name == name)


def preview(screen: ExportScreen) -> str:
    return screen.query_one("#preview", Markdown).source


def exported(repo: Repository, case_id: int) -> list[str]:
    return [e.detail for e in repo.audit_log(case_id) if e.action == "geëxporteerd"]


async def choose(pilot: Pilot[None], screen: ExportScreen, variant: str, person: str) -> None:
    """Choose the version and its reader, as with the two selects."""
    people = screen.query_one("#partner", Select)
    if screen.query_one("#variant", Select).value != variant:
        screen.query_one("#variant", Select).value = variant
        await wait_until(pilot, lambda: not people.disabled, "the people to choose from")
    people.value = person
    await pilot.pause()


async def test_an_answer_marked_niet_voor_vader_stays_out_of_his_version_only(
    paths: Paths, repo: Repository
) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter", "n")
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await screen.goto(screen.flow.start_of(Part.AFSLUITING))
        await type_text(pilot, SECRET)
        await pilot.press("ctrl+l")
        await wait_until(pilot, lambda: isinstance(app.screen, RestrictionDialog), "the dialog")
        assert "Niet voor" in screen_text(pilot)
        await pilot.press("tab", "down", "space")  # niet voor: moeder, vader -> vader
        await wait_until(pilot, lambda: "Komt niet in de versie voor: vader" in screen_text(pilot))
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen, "back in the meeting")
        summary = screen.query_one("#summary", TextArea)
        assert summary.border_subtitle == "afgeschermd: niet voor vader"
        assert "Wie mag dit lezen: niet voor vader." in notices(pilot)

        await pilot.press("ctrl+e")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportScreen), "export")
        export = app.screen
        assert isinstance(export, ExportScreen)
        assert SECRET in preview(export)  # the partners at the table may read it
        await choose(pilot, export, "client", member_key(case, "vader"))
        await wait_until(pilot, lambda: "voor jou, vader" in preview(export), "father's version")
        assert SECRET not in preview(export)
        assert export.query_one("#path").value.endswith("-voor-vader.md")  # type: ignore[attr-defined]
        await choose(pilot, export, "client", member_key(case, "moeder"))
        await wait_until(pilot, lambda: "voor jou, moeder" in preview(export), "mother's version")
        assert SECRET in preview(export)

    [answer] = [a for a in repo.meeting_by_number(case.id).answers.values() if a.text == SECRET]
    assert answer.restriction == Restriction().not_for_people(member_key(case, "vader"))


async def test_a_clients_version_is_written_only_after_the_reading_check_is_confirmed(
    paths: Paths, repo: Repository
) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "Directe veiligheid", FIXED_DAY)
    assert meeting.id is not None
    mother = next(s for s in meeting.scores if s.perspective.startswith("moeder"))
    mother.score = 3
    repo.save_score(mother)
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(ExportScreen(app.context, meeting.id))
        await pilot.pause()
        export = app.screen
        assert isinstance(export, ExportScreen)
        await choose(pilot, export, "client", member_key(case, "vader"))
        check = "Dit document voor vader bevat 1 score van anderen (moeder)."
        await wait_until(pilot, lambda: check in screen_text(pilot), "the check above the preview")
        target = Path(export.query_one("#path").value)  # type: ignore[attr-defined]
        assert target.name == "gezin-j-1-overleg-1-2026-11-24-voor-vader.md"

        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        assert check in screen_text(pilot)
        await pilot.press("escape")  # no
        await settle(pilot)
        assert "Niet bewaard: de leescontrole is niet bevestigd." in screen_text(pilot)
        assert not target.exists()
        assert exported(repo, case.id) == []

        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.click("#yes")
        await settle(pilot)
        assert "Bewaard:" in screen_text(pilot)
    assert "3" in target.read_text(encoding="utf-8")
    [line] = exported(repo, case.id)
    assert "gecontroleerd: 1 score" in line
    assert "moeder" not in line and "vader" not in line


async def test_a_preparation_sheet_is_chosen_by_name_and_lists_only_adults(
    paths: Paths, repo: Repository
) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "Directe veiligheid", FIXED_DAY)
    assert meeting.id is not None
    app = make_app(paths, repo)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ExportScreen(app.context, meeting.id, Variant.VOORBEREIDING, "Moeder"))
        await pilot.pause()
        export = app.screen
        assert isinstance(export, ExportScreen)
        people = export.query_one("#partner", Select)
        assert people.value == member_key(case, "moeder")
        assert [label for label, _ in export._people(Variant.VOORBEREIDING)] == ["moeder", "vader"]


def test_ctrl_o_names_each_speaker_in_turn_then_nobody_in_particular() -> None:
    answer = Answer(SUMMARY_ID, "Samenvatting", "afsluiting", "Ik wil rust")
    seen = []
    for _ in range(4):
        answer = cycle_speaker(answer, ["m", "v"])
        seen.append((answer.client_words, answer.speaker))
    assert seen == [(True, "m"), (True, "v"), (True, ""), (False, "")]


# --- who is invited to the table ------------------------------------------------------


def pleger_case() -> Case:
    """The family of the tests, with the father as pleger and the mother as slachtoffer."""
    case = family_case()
    mother, father, child = case.members
    mother.position, father.position, child.position = (
        Position.SLACHTOFFER,
        Position.PLEGER,
        Position.KIND,
    )
    return case


async def test_inviting_only_the_mother_puts_her_on_the_sheets_and_not_the_father(
    paths: Paths, repo: Repository
) -> None:
    case = repo.save_case(pleger_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "Directe veiligheid", FIXED_DAY)
    assert meeting.id is not None
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter", "c")
        screen = app.screen
        assert isinstance(screen, PreparationScreen)
        assert "Nog niemand van het gezin." in screen_text(pilot)
        await pilot.press("tab", "space")  # from the people to the invitations: moeder
        await wait_until(pilot, lambda: "Uitgenodigd: moeder." in screen_text(pilot))
        shared = str(screen.query_one("#shared", Static).render())
        assert "moeder" in shared and "vader" not in shared
        await pilot.press("shift+tab", "down")  # vader's preparation
        await wait_until(pilot, lambda: screen.selected_client() is not None)
        await wait_until(pilot, lambda: getattr(screen.selected_client(), "member", "") == "vader")
        await pilot.press("ctrl+e")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportScreen), "his sheet")
        export = app.screen
        assert isinstance(export, ExportScreen)
        his = preview(export)
        await choose(pilot, export, "voorbereiding", member_key(case, "moeder"))
        await wait_until(pilot, lambda: "**Voor:** moeder" in preview(export), "her sheet")
        hers = preview(export)

    table = his[his.index("## Wie er aan tafel zitten") : his.index("## Wat we je gaan vragen")]
    # She is at the table, but the pleger's sheet never says where and when she will be.
    assert "moeder" not in table and "Veilig Thuis" in table
    mine = hers[hers.index("## Wie er aan tafel zitten") : hers.index("## Wat we je gaan vragen")]
    assert "vader" not in mine and "moeder" not in mine
    assert repo.get_meeting(meeting.id).invited == [member_key(case, "moeder")]
    hearing = {v.member: v.hearing for v in repo.client_voices(meeting.id) if not v.is_child}
    assert hearing == {"moeder": HearingMode.AAN_TAFEL, "vader": HearingMode.CASUSREGISSEUR}
    assert "Je komt niet zelf." in his and "Je komt zelf naar het overleg" in hers


async def test_inviting_the_pleger_with_the_slachtoffer_asks_and_keeps_the_answer(
    paths: Paths, repo: Repository
) -> None:
    case = repo.save_case(pleger_case())
    assert case.id is not None
    mother, father = member_key(case, "moeder"), member_key(case, "vader")
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter", "n")
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("shift+tab", "space")  # moeder: nothing to ask
        await wait_until(pilot, lambda: "Uitgenodigd: moeder." in screen_text(pilot))
        await pilot.press("down", "space")  # and vader
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert (
            "vader (pleger) en moeder (slachtoffer) zitten dan samen aan tafel" in dialog.question
        )
        await pilot.press("escape")  # no: he is not invited
        await wait_until(pilot, lambda: "vader is niet uitgenodigd." in notices(pilot))
        assert "Uitgenodigd: moeder." in screen_text(pilot)
        meeting = repo.meeting_by_number(case.id)
        assert (meeting.invited, meeting.together_safe) == ([mother], None)

        await pilot.press("space")  # vader again; this time it is safe
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.click("#yes")
        await wait_until(pilot, lambda: "Samen aan tafel is veilig bevonden." in screen_text(pilot))
        await pilot.press("tab")
        assert "vader" in screen_text(pilot)  # at the table now

    meeting = repo.meeting_by_number(case.id)
    assert (meeting.invited, meeting.together_safe) == ([mother, father], True)
    assert [p.key for p in meeting.participants[:2]] == [mother, father]


# --- who must and must not know a plan -------------------------------------------------


async def test_the_plan_screen_asks_who_must_know_it_and_never_names_the_pleger(
    paths: Paths, repo: Repository
) -> None:
    case = repo.save_case(pleger_case())
    assert case.id is not None
    repo.add_plan_version(case.id, PlanKind.VEILIGHEIDSPLAN, "versie 1", FIXED_DAY)
    app = make_app(paths, repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "p")
        await wait_until(pilot, lambda: isinstance(app.screen, PlansScreen), "the plans")
        plans = app.screen
        assert isinstance(plans, PlansScreen)
        state = plans.statuses[PlanKind.VEILIGHEIDSPLAN]
        assert state.unaware() == ["Veilig Thuis", "Politie", "moeder"]
        audience = plans.query_one("#audience-veiligheidsplan", Static)
        assert "Mag het niet krijgen (n): vader (standaard)" in str(audience.render())

        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, FieldsDialog), "the question")
        await type_text(pilot, "huisarts, school")
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is plans, "back")
        state = plans.statuses[PlanKind.VEILIGHEIDSPLAN]
        assert state.unaware() == ["Veilig Thuis", "Politie", "moeder", "huisarts", "school"]
        assert "vader" not in state.parties

        await pilot.press("n")  # who must not get it: the pleger, and here also the child
        await wait_until(pilot, lambda: isinstance(app.screen, ChoosePeopleDialog), "who not")
        await pilot.press("down", "down", "space", "ctrl+s")  # moeder, vader, Sam: tick Sam
        await wait_until(pilot, lambda: app.screen is plans, "back")
        assert "Mag het niet krijgen (n): vader, Sam" in str(audience.render())

    setting = repo.plan_audience(case.id, PlanKind.VEILIGHEIDSPLAN)
    assert setting.outside == ("huisarts", "school")
    assert set(setting.must_not) == {member_key(case, "vader"), member_key(case, "Sam")}
    [status, *_] = repo.plan_statuses(case.id)
    assert "vader" not in status.unaware()


# --- who is who: the case form --------------------------------------------------------


async def test_the_case_form_keeps_position_note_and_links_with_the_same_people(
    paths: Paths, repo: Repository
) -> None:
    case = family_case()
    case.partners.append(Partner("Reclassering", "R. Jansen"))
    case = repo.save_case(case)
    assert case.id is not None
    keys = [m.key for m in case.members]
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter", "b")
        form = app.screen
        assert isinstance(form, CaseFormScreen)
        mother, father, _ = form.query(MemberRow)
        mother.query_one(".position", Select).value = Position.SLACHTOFFER.value
        await type_into(pilot, mother.query_one(".note", Input), "vermoeden LVB")
        father.query_one(".position", Select).value = Position.PLEGER.value
        await wait_until(
            pilot,
            lambda: repo.get_case(case.id).members[1].position is Position.PLEGER,  # type: ignore[arg-type]
        )

        reclassering = form.query(PartnerRow).last()
        reclassering.query_one(".links", Button).press()
        await wait_until(pilot, lambda: isinstance(app.screen, ChoosePeopleDialog), "werkt met")
        await pilot.press("down", "space", "ctrl+s")  # moeder, vader: vader
        await wait_until(pilot, lambda: app.screen is form, "back in the form")
        assert str(reclassering.query_one(".links", Button).label) == "Werkt met: vader"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, CaseScreen), "the case")
        text = screen_text(pilot)
        assert "moeder (ouder) · slachtoffer" in text and "notitie: vermoeden LVB" in text
        assert "werkt met vader" in text

    stored = repo.get_case(case.id)
    assert [m.key for m in stored.members] == keys
    mother_now, father_now, _ = stored.members
    assert (mother_now.name, mother_now.note) == ("moeder", "vermoeden LVB")
    assert mother_now.position is Position.SLACHTOFFER
    assert [p for _, p in father_now.position_history] == [Position.PLEGER]
    assert stored.partners[-1].linked_to == (keys[1],)


async def test_an_action_can_be_kept_from_the_pleger_in_the_action_dialog(
    paths: Paths, repo: Repository
) -> None:
    case = repo.save_case(pleger_case())
    assert case.id is not None
    app = make_app(paths, repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "n")
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await screen.goto(screen.flow.start_of(Part.ACTIEPLAN))
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, ActionDialog), "the action")
        dialog = app.screen
        await type_text(pilot, "Contactverbod onderzoeken")
        await pilot.press("tab")
        await type_text(pilot, "Politie")
        await pilot.click("#readers")
        await wait_until(pilot, lambda: isinstance(app.screen, RestrictionDialog), "who reads")
        await pilot.press("tab", "down", "space", "ctrl+s")  # niet voor: moeder, vader -> vader
        await wait_until(pilot, lambda: app.screen is dialog, "back in the action")
        assert str(dialog.query_one("#readers", Button).label) == "niet voor vader"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen, "back in the plan")
        table = screen.query_one("#actions", DataTable)
        described = str(table.get_row_at(0)[1])
        assert described == "Contactverbod onderzoeken (afgeschermd: niet voor vader)"

    [action] = repo.meeting_by_number(case.id).actions
    assert action.restriction == Restriction().not_for_people(member_key(case, "vader"))
