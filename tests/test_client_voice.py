"""Niet óver maar mét: preparing clients, their voice in the meeting, time-outs and aftercare."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Markdown, Select, TextArea

from exports.documents import DocumentRequest, UnknownClient, preparation_voice, render_markdown
from exports.variants import Variant
from leidraad.core.audience import same_partner
from leidraad.core.domain import Phase, name_key
from leidraad.core.flow import Part
from leidraad.core.meeting import Meeting
from leidraad.core.voice import (
    ClientVoice,
    HearingMode,
    TimeOut,
    describe_timeouts,
    meeting_time,
    paused_time,
)
from leidraad.paths import Paths
from screens.export_screen import ExportScreen
from screens.meeting.screen import MeetingScreen
from screens.meeting.timeout_screen import TimeOutScreen
from screens.preparation import PreparationScreen
from screens.voice_forms import VoiceForm
from storage.repository import Repository
from tests.conftest import FIXED_DAY, family_case, small_guide
from tests.helpers import (
    Clock,
    make_app,
    notices,
    screen_text,
    settle,
    type_into,
    type_text,
    wait_until,
)
from tests.opening_helpers import invite_both_parents


def planned_meeting(repo: Repository) -> tuple[int, int]:
    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "Directe veiligheid", FIXED_DAY + timedelta(days=7))
    assert meeting.id is not None
    return case.id, meeting.id


async def showing(pilot: Pilot[None], member: str) -> None:
    """Wait until the preparation screen has swapped in the form of `member`."""

    def shown() -> bool:
        forms = list(pilot.app.screen.query(VoiceForm))
        return [(f.voice.member, f.is_mounted) for f in forms] == [(member, True)]

    await wait_until(pilot, shown, f"het formulier van {member}")
    await pilot.pause()


async def test_a_casusregisseur_prepares_each_client_and_hears_the_child(
    paths: Paths, repo: Repository
) -> None:
    _, meeting_id = planned_meeting(repo)
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "c")
        screen = app.screen
        assert isinstance(screen, PreparationScreen)
        text = screen_text(pilot)
        assert "Welk cijfer van 0 tot 10" in text  # the questions she will be asked
        assert "B. Bakker (Politie)" in text  # who sits at the table
        screen.query_one("#hearing", Select).value = HearingMode.AAN_TAFEL.value
        await type_into(pilot, screen.query_one("#seat", Input), "bij de deur")
        await type_into(pilot, screen.query_one("#timeout-sign", Input), "hand omhoog")
        await type_into(pilot, screen.query_one("#topics", TextArea), "Mijn zoon slaapt slecht")
        await type_into(
            pilot, screen.query_one("#professional-note", TextArea), "Niet samen wachten"
        )
        await settle(pilot)

        people = screen.query_one("#people")
        people.focus()
        await pilot.press("down")  # vader
        await showing(pilot, "vader")
        await type_into(pilot, screen.query_one("#seat", Input), "naast de casusregisseur")
        await pilot.press("shift+tab")
        people.focus()
        await pilot.press("down")  # Sam, the child
        await showing(pilot, "Sam")
        assert "Kinderen komen niet naar het overleg" in screen_text(pilot)
        await type_into(pilot, screen.query_one("#heard", TextArea), "Ik word bang van geschreeuw")
        await settle(pilot)

        people.focus()
        await pilot.press("up", "up")  # back to moeder, and her sheet
        await showing(pilot, "moeder")
        await pilot.press("ctrl+e")
        await pilot.pause()
        export = app.screen
        assert isinstance(export, ExportScreen)
        sheet = export.query_one("#preview", Markdown).source

    voices = {v.member: v for v in repo.client_voices(meeting_id)}
    assert voices["moeder"].seat == "bij de deur"
    assert voices["moeder"].professional_note == "Niet samen wachten"
    assert voices["vader"].seat == "naast de casusregisseur"
    assert voices["Sam"].heard == "Ik word bang van geschreeuw"
    assert "bij de deur" in sheet and "hand omhoog" in sheet
    assert "Mijn zoon slaapt slecht" in sheet
    for private in ("Niet samen wachten", "naast de casusregisseur", "geschreeuw"):
        assert private not in sheet, private


async def test_a_time_out_stops_the_meeting_clock(paths: Paths, repo: Repository) -> None:
    case = repo.save_case(family_case())
    clock = Clock()
    app = make_app(paths, repo, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter", "n")
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        clock.advance(10)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, TimeOutScreen)
        assert "Time-out" in screen_text(pilot)
        clock.advance(6)
        await wait_until(pilot, lambda: "Pauze: 6:00" in screen_text(pilot), "de pauzeklok")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert "tijd 0:10" in screen_text(pilot)  # the six minutes of pause do not count
        assert "Time-out van 6 minuten vastgelegd" in notices(pilot)
    assert case.id is not None
    [timeout] = repo.meeting_by_number(case.id).timeouts
    assert timeout.ended_at is not None
    assert timeout.ended_at - timeout.started_at == timedelta(minutes=6)


async def test_the_clients_own_words_become_quotes_and_aftercare_becomes_an_action(
    paths: Paths, repo: Repository
) -> None:
    case = repo.save_case(family_case())
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "n")
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await invite_both_parents(pilot)
        await pilot.press("down", "space")  # vader is not at the table after all
        await pilot.pause()
        assert "vader is er niet" in screen_text(pilot)
        await type_into(pilot, screen.query_one("#voiced-by", Input), "Fatima (ED)")
        await screen.goto(screen.flow.start_of(Part.CLIENTSTEM) + 1)
        await type_text(pilot, "Ik wil gewoon rust in huis")
        await pilot.press("ctrl+o")
        await pilot.press("ctrl+n")
        assert "Stem van de cliënt:" in screen_text(pilot)  # kept in view during the BOB stages
        assert "Ik wil gewoon rust in huis" in screen_text(pilot)
        await screen.goto(screen.flow.start_of(Part.AFSLUITING))
        await pilot.pause()
        await type_into(pilot, screen.query("#inform-by").first(Input), "casusregisseur")
        await type_into(pilot, screen.query("#inform-due").first(Input), "26-11-2026")
        await settle(pilot)
        await pilot.click("#close-meeting")
        await settle(pilot)

    assert case.id is not None
    meeting = repo.meeting_by_number(case.id)
    voices = {v.member: v for v in meeting.voices}
    assert voices["vader"].hearing is HearingMode.CASUSREGISSEUR
    assert voices["vader"].voiced_by == "Fatima (ED)"
    [aftercare] = [a for a in meeting.actions if "informeren" in a.description]
    assert aftercare.description == "moeder informeren over de uitkomst (telefonisch)"
    assert (aftercare.owner, aftercare.due) == ("casusregisseur", date(2026, 11, 26))
    minutes = next(paths.minutes_dir.glob("*.md")).read_text(encoding="utf-8")
    assert "> Ik wil gewoon rust in huis" in minutes
    assert "**vader:** via de casusregisseur (verwoord door Fatima (ED))" in minutes
    assert "| moeder | casusregisseur | telefonisch | 26-11-2026 |" in minutes


async def test_aftercare_typed_at_the_close_shows_in_the_action_plan_already_open(
    paths: Paths, repo: Repository
) -> None:
    repo.save_case(family_case())
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "n")
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await screen.goto(screen.flow.start_of(Part.ACTIEPLAN))
        await pilot.pause()
        assert "Nog geen acties" in screen_text(pilot)
        await pilot.press("ctrl+n")  # to the closing page
        await type_into(pilot, screen.query("#inform-by").first(Input), "casusregisseur")
        await settle(pilot)
        await pilot.press("ctrl+b")  # back to the plan, made before the aftercare was typed
        await pilot.pause()
        assert "moeder informeren over de uitkomst" in screen_text(pilot)


# --- the preparation sheet: plain language, and only this client's own things -------------


def _sheet(repo: Repository, client: str) -> str:
    case_id, meeting_id = planned_meeting(repo)
    repo.save_client_voice(
        meeting_id,
        ClientVoice(
            "moeder",
            hearing=HearingMode.AAN_TAFEL,
            seat="bij het raam",
            timeout_sign="kaartje op tafel",
            topics="Ik wil dat vader hulp krijgt.",
            professional_note="VERTROUWELIJK-PROF",
            inform_by="casusregisseur",
        ),
    )
    repo.save_client_voice(
        meeting_id,
        ClientVoice("vader", seat="ANDERE-CLIENT-PLEK", topics="ANDERE-CLIENT-ONDERWERP"),
    )
    repo.save_client_voice(meeting_id, ClientVoice("Sam", is_child=True, heard="KIND-WOORDEN"))
    meeting = repo.get_meeting(meeting_id)
    request = DocumentRequest(Variant.VOORBEREIDING, client=client)
    return render_markdown(repo.get_case(case_id), meeting, small_guide(), request, None)


def test_the_preparation_sheet_holds_only_this_clients_own_things(repo: Repository) -> None:
    sheet = _sheet(repo, "Moeder")
    assert "bij het raam" in sheet and "kaartje op tafel" in sheet
    assert "Ik wil dat vader hulp krijgt" in sheet
    for private in ("VERTROUWELIJK-PROF", "ANDERE-CLIENT", "KIND-WOORDEN"):
        assert private not in sheet, private


def test_the_preparation_sheet_is_written_in_short_sentences(repo: Repository) -> None:
    sheet = _sheet(repo, "moeder")
    # The program's own sentences: drop markdown marks, then count words per sentence.
    plain = re.sub(r"[#*>_|\\-]", " ", sheet)
    sentences = [s.split() for s in re.split(r"[.?!:\n]+", plain) if s.strip()]
    lengths = [len(s) for s in sentences]
    assert max(lengths) <= 15, max(zip(lengths, sentences, strict=True))
    assert sum(lengths) / len(lengths) <= 8


def test_the_meeting_clock_leaves_out_time_outs() -> None:
    start = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    pause = TimeOut(start + timedelta(minutes=20), start + timedelta(minutes=30))
    running = TimeOut(start + timedelta(minutes=50))  # still going
    now = start + timedelta(minutes=55)
    assert meeting_time(start, [pause, running], now) == timedelta(minutes=40)
    assert meeting_time(None, [], now) == timedelta()


def test_an_absent_client_counts_as_heard_in_another_way() -> None:
    voice = ClientVoice("vader", hearing=HearingMode.ERVARINGSDESKUNDIGE)
    assert voice.voiced_label == "ervaringsdeskundige"
    assert ClientVoice("moeder").voiced_label == "zelf"
    assert ClientVoice("Sam", is_child=True).voiced_label == "casusregisseur"


def test_a_running_time_out_measured_before_it_began_counts_as_nothing() -> None:
    start = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    done = TimeOut(start + timedelta(minutes=10), start + timedelta(minutes=25))
    running = TimeOut(start + timedelta(minutes=40))
    assert running.length(start) == timedelta()
    assert running.length(start + timedelta(minutes=45)) == timedelta(minutes=5)
    assert paused_time([done, running], start) == timedelta(minutes=15)
    assert describe_timeouts([done, running], start) == "2 time-outs, samen 15 minuten"


def test_a_preparation_sheet_finds_a_client_whose_name_has_extra_spaces() -> None:
    case = family_case()
    case.members[0].name = "Anna  de   Vries"
    meeting = Meeting(case_id=1, number=1, held_on=date(2026, 11, 24), phase=Phase.HERSTEL)
    assert preparation_voice(case, meeting, " anna de VRIES ").member == "Anna  de   Vries"
    with pytest.raises(UnknownClient):
        preparation_voice(case, meeting, "Anna")


def test_names_compare_without_case_and_extra_spaces() -> None:
    assert name_key("  Veilig\tThuis ") == name_key("veilig thuis") == "veilig thuis"
    assert same_partner("Veilig  Thuis", "veilig thuis")
    assert not same_partner("Veilig Thuis", "VeiligThuis")
