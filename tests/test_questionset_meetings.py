"""Meetings and changing question sets: old meetings keep their words, regions stay visible."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from textual.widgets import Static

from exports.documents import save_minutes
from leidraad.core.domain import Answer, Phase, Stage, worry_answer_id
from leidraad.core.flow import MeetingFlow, Part
from leidraad.core.guide import Question
from leidraad.paths import Paths
from questionsets.loader import load_guide
from screens.meeting.question_page import QuestionPage
from screens.meeting.screen import MeetingScreen
from storage.repository import Repository
from tests.conftest import family_case, small_guide
from tests.helpers import make_app, notices, screen_text

REGIONAL = """\
soort = "fase"
id = "dv-regio"
fase = "directe_veiligheid"
titel = "Directe veiligheid"
versie = "{version}"
gebaseerd_op = "Regionale variant voor de test"
regio = "ZVH Testregio"

[[beeldvorming]]
id = "r-b-1"
tekst = "{text}"
doorvragen = ["Sinds wanneer?"]

[[oordeelsvorming]]
id = "r-o-1"
tekst = "Wat is nodig?"

[[besluitvorming]]
id = "r-s-1"
tekst = "Wie doet wat?"
"""


def regional(folder: Path, version: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "regio.toml"
    path.write_text(REGIONAL.format(version=version, text=text), encoding="utf-8")
    return folder


# --- the walk through a meeting -------------------------------------------------


def _flow_with(answers: list[Answer]) -> MeetingFlow:
    guide = small_guide()
    return MeetingFlow(guide.for_phase(Phase.DIRECTE_VEILIGHEID), guide.client_voice, answers)


def _texts(flow: MeetingFlow, part: Part) -> list[tuple[str, str]]:
    return [(q.id, q.text) for p, q in flow.questions() if p is part]


def test_an_answered_question_keeps_the_text_it_was_asked_with() -> None:
    flow = _flow_with([Answer("di-be-1", "Vraag zoals toen gesteld?", "beeldvorming", "x")])
    assert _texts(flow, Part.BEELDVORMING) == [
        ("di-be-1", "Vraag zoals toen gesteld?"),
        ("di-be-2", "Vraag di-be 2?"),
    ]


def test_an_answered_question_no_longer_in_the_set_stays_at_the_end_of_its_part() -> None:
    old = Answer("weg", "Een vraag die uit de set is gehaald?", "oordeelsvorming", "Antwoord")
    flow = _flow_with([old])
    assert _texts(flow, Part.OORDEELSVORMING)[-1] == ("weg", old.question_text)
    assert len(_texts(flow, Part.OORDEELSVORMING)) == 3


def test_a_removed_question_with_only_a_worry_answer_stays_too() -> None:
    origin = Answer("weg", "Verdwenen vraag?", "besluitvorming", "")
    worry = Answer(worry_answer_id("weg", "zc-nu"), "Wat moet er nu?", "besluitvorming", "Bellen")
    flow = _flow_with([origin, worry])
    assert ("weg", "Verdwenen vraag?") in _texts(flow, Part.BESLUITVORMING)
    assert all("~" not in q.id for _, q in flow.questions())


def test_a_removed_question_that_was_never_answered_is_not_shown() -> None:
    flow = _flow_with([Answer("weg", "Leeg?", "beeldvorming", "  ")])
    assert "weg" not in [q.id for _, q in flow.questions()]


def test_a_question_moved_to_another_part_is_shown_once() -> None:
    moved = Answer("di-oo-1", "Eerst in beeldvorming gesteld?", "beeldvorming", "x")
    flow = _flow_with([moved])
    ids = [q.id for _, q in flow.questions()]
    assert ids.count("di-oo-1") == 1
    assert ("di-oo-1", "Eerst in beeldvorming gesteld?") in _texts(flow, Part.OORDEELSVORMING)


# --- minutes ----------------------------------------------------------------------


def test_minutes_of_an_old_meeting_keep_the_question_text_after_the_set_changed(
    tmp_path: Path, repo: Repository
) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    old_guide = load_guide([regional(tmp_path / "v1", "1", "Welke zorgen zijn er?")])
    phase_set = old_guide.for_phase(Phase.DIRECTE_VEILIGHEID)
    meeting = repo.start_meeting(case.id, phase_set.label, date(2026, 1, 5))
    assert meeting.id is not None
    question = phase_set.stages[next(iter(phase_set.stages))][0]
    repo.save_answer(meeting.id, Answer(question.id, question.text, "beeldvorming", "Angst."))

    new_guide = load_guide([regional(tmp_path / "v2", "2", "Welke zorgen heeft ieder van jullie?")])
    assert new_guide.for_phase(Phase.DIRECTE_VEILIGHEID).stages != phase_set.stages
    text = save_minutes(
        case, repo.get_meeting(meeting.id), new_guide, tmp_path, followup=None
    ).read_text()
    assert "### Welke zorgen zijn er?" in text
    assert "Welke zorgen heeft ieder van jullie?" not in text
    assert "**Vragenset:** Directe veiligheid (versie 1), ZVH Testregio" in text


# --- the meeting screen -------------------------------------------------------------


async def test_the_regional_variant_shows_in_the_meeting_header_and_the_minutes(
    tmp_path: Path, paths: Paths, repo: Repository
) -> None:
    repo.save_case(family_case())
    app = make_app(paths, repo, [regional(tmp_path / "regio", "2", "Welke zorgen zijn er?")])
    async with app.run_test(size=(140, 36)) as pilot:
        await pilot.press("enter", "n")  # open the case, start a meeting
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        meta = str(app.screen.query_one("#meta", Static).render())
        assert "vragenset: Directe veiligheid (versie 2), ZVH Testregio" in meta
        meeting = app.screen.meeting
    assert meeting.questionset == "Directe veiligheid (versie 2), ZVH Testregio"
    text = save_minutes(
        family_case(), meeting, app.context.guide, tmp_path, followup=None
    ).read_text()
    assert "**Vragenset:** Directe veiligheid (versie 2), ZVH Testregio" in text


async def test_an_old_meeting_shows_its_original_question_text_after_the_set_changed(
    tmp_path: Path, paths: Paths, repo: Repository
) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "Directe veiligheid (versie 1), ZVH Testregio")
    assert meeting.id is not None
    repo.save_answer(meeting.id, Answer("r-b-1", "Welke zorgen zijn er?", "beeldvorming", "Angst"))

    folder = regional(tmp_path / "regio", "2", "Welke zorgen heeft ieder van jullie?")
    app = make_app(paths, repo, [folder])
    async with app.run_test(size=(140, 36)) as pilot:
        await app.push_screen(MeetingScreen(app.context, meeting.id))
        await pilot.press("ctrl+n", "ctrl+n")  # opening -> client's voice -> beeldvorming
        await pilot.pause()
        shown = screen_text(pilot)
        assert "Welke zorgen zijn er?" in shown
        assert "Welke zorgen heeft ieder van jullie?" not in shown
        assert "vragenset: Directe veiligheid (versie 1), ZVH Testregio" in shown
        [page] = [p for p in app.screen.query(QuestionPage) if p.answer.question_id == "r-b-1"]
        assert page.answer.text == "Angst"


def test_a_question_keeps_its_follow_ups_when_only_its_text_is_frozen() -> None:
    guide = small_guide()
    phase_set = guide.for_phase(Phase.DIRECTE_VEILIGHEID)
    flow = MeetingFlow(
        phase_set,
        guide.client_voice,
        [Answer("di-be-1", "Oude tekst?", "beeldvorming", "x")],
    )
    [(_, first), *_] = [(p, q) for p, q in flow.questions() if p is Part.BEELDVORMING]
    original = next(iter(phase_set.stages.values()))[0]
    assert first == replace(original, text="Oude tekst?")
    assert isinstance(first, Question)


WORRY_V2 = """\
soort = "zorg"
id = "zorg-concreet"
titel = "De zorg concreet maken"
versie = "2"
gebaseerd_op = "Test"

[[vragen]]
id = "zc-grootste-zorg"
tekst = "Wat is je allergrootste zorg, in één zin?"
"""


async def test_worry_answers_keep_their_question_text_after_the_worry_set_changed(
    tmp_path: Path, paths: Paths, repo: Repository
) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "Directe veiligheid (versie 1.1)")
    assert meeting.id is not None
    origin = load_guide().for_phase(Phase.DIRECTE_VEILIGHEID).stages[Stage.BEELDVORMING][0]
    repo.save_answer(meeting.id, Answer(origin.id, origin.text, "beeldvorming", ""))
    worry_id = worry_answer_id(origin.id, "zc-grootste-zorg")
    repo.save_answer(
        meeting.id, Answer(worry_id, "Wat is precies je grootste zorg?", "beeldvorming", "Vader")
    )
    folder = tmp_path / "regio"
    folder.mkdir()
    (folder / "zorg.toml").write_text(WORRY_V2, encoding="utf-8")
    app = make_app(paths, repo, [folder])
    async with app.run_test(size=(140, 40)) as pilot:
        await app.push_screen(MeetingScreen(app.context, meeting.id))
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+r")
        await pilot.pause()
        shown = screen_text(pilot)
        assert "Wat is precies je grootste zorg?" in shown
        assert "allergrootste" not in shown


async def test_the_program_starts_with_a_broken_user_set_and_says_why(
    tmp_path: Path, paths: Paths, repo: Repository
) -> None:
    folder = tmp_path / "regio"
    folder.mkdir()
    (folder / "kapot.toml").write_text('soort = "fase"\nregoi = "x"\n', encoding="utf-8")
    app = make_app(paths, repo, [folder])
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert "Casussen" in screen_text(pilot)
        told = notices(pilot)
        assert f"{folder / 'kapot.toml'} is overgeslagen:" in told
        assert 'regoi: deze sleutel is onbekend (bedoel je "regio"?)' in told
    assert app.context.guide.for_phase(Phase.DIRECTE_VEILIGHEID).id == "directe-veiligheid"
