"""Who is who, whose words, and who sits at the table: kept in the database on every backend."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from leidraad.core.audience import Restriction
from leidraad.core.domain import Answer, Case, FamilyMember, MemberRole, Partner, SafetyScore
from leidraad.core.people import CannotInvite, change_position
from leidraad.core.positions import Position
from leidraad.core.voice import ClientVoice
from storage.repository import Repository
from tests.conftest import FIXED_DAY, family_case

pytestmark = pytest.mark.both_backends


@pytest.fixture
def dated(repo: Repository) -> Repository:
    """The same database, with the repository's day fixed."""
    return Repository(repo.engine, repo.actor, today=lambda: FIXED_DAY)


def violent_family() -> Case:
    """Moeder slachtoffer, vader pleger, Sam a child; the reclassering works with vader."""
    case = family_case()
    moeder, vader, sam = case.members
    case.members = [
        replace(moeder, position=Position.SLACHTOFFER, note="vermoeden LVB"),
        replace(vader, position=Position.PLEGER),
        replace(sam, position=Position.KIND),
    ]
    case.partners.append(Partner("Reclassering", "R. Visser", linked_to=(vader.key,)))
    return case


# --- people ---------------------------------------------------------------------------


def test_positions_notes_and_links_come_back_as_they_were_saved(dated: Repository) -> None:
    case = violent_family()
    saved = dated.save_case(case)
    assert saved.id is not None
    again = dated.get_case(saved.id)
    moeder, vader, _ = again.members
    assert [m.position for m in again.members] == [
        Position.SLACHTOFFER,
        Position.PLEGER,
        Position.KIND,
    ]
    assert (moeder.name, moeder.note) == ("moeder", "vermoeden LVB")
    assert vader.note == ""
    assert again.partners[-1].linked_to == (vader.key,)
    assert again.partners[0].linked_to == ()
    # A position given at the start is dated the day it was saved.
    assert moeder.position_history == [(FIXED_DAY, Position.SLACHTOFFER)]
    assert again == saved


def test_a_changed_position_is_kept_with_its_date_and_the_person_stays_who_they_are(
    repo: Repository,
) -> None:
    saved = repo.save_case(family_case())
    assert saved.id is not None
    vader = saved.members[1]
    days = iter([date(2026, 3, 1), date(2026, 9, 1)])
    later = Repository(repo.engine, repo.actor, today=lambda: next(days))

    saved.members[1] = replace(vader, position=Position.PLEGER)
    first = later.save_case(saved)
    first.members[1] = replace(first.members[1], position=Position.BEIDE)
    second = later.save_case(first)

    again = repo.get_case(saved.id)
    assert (again.members[1].id, again.members[1].key) == (vader.id, vader.key)
    assert again.members[1].position is Position.BEIDE
    assert again.members[1].position_history == [
        (date(2026, 3, 1), Position.PLEGER),
        (date(2026, 9, 1), Position.BEIDE),
    ]
    assert second == again
    # Saving again without a change adds nothing.
    assert repo.save_case(again).members[1].position_history == again.members[1].position_history


def test_a_change_made_with_its_own_date_keeps_that_date(dated: Repository) -> None:
    saved = dated.save_case(family_case())
    assert saved.id is not None
    saved.members[0] = change_position(saved.members[0], Position.SLACHTOFFER, date(2026, 1, 5))
    again = dated.save_case(saved)
    assert again.members[0].position_history == [(date(2026, 1, 5), Position.SLACHTOFFER)]


def test_a_form_that_forgets_the_history_does_not_erase_it(dated: Repository) -> None:
    saved = dated.save_case(violent_family())
    assert saved.id is not None
    moeder = saved.members[0]
    saved.members[0] = FamilyMember(
        "moeder", MemberRole.OUDER, None, moeder.id, moeder.key, Position.SLACHTOFFER
    )
    again = dated.save_case(saved)
    assert again.members[0].position_history == [(FIXED_DAY, Position.SLACHTOFFER)]


def test_a_removed_member_takes_their_history_and_links_with_them(dated: Repository) -> None:
    saved = dated.save_case(violent_family())
    assert saved.id is not None
    vader = saved.members[1]
    saved.members.remove(vader)
    again = dated.save_case(saved)
    assert [m.name for m in again.members] == ["moeder", "Sam"]
    assert again.partners[-1].linked_to == ()
    # Someone new under the old key would not inherit the old history.
    saved.members.append(FamilyMember("vader", MemberRole.PARTNER, key=vader.key))
    back = dated.save_case(saved)
    assert back.members[-1].position_history == []


# --- whose words ----------------------------------------------------------------------


def test_speaker_and_whose_score_and_voice_come_back(repo: Repository) -> None:
    case = repo.save_case(violent_family())
    assert case.id is not None
    moeder, vader, sam = case.members
    meeting = repo.start_meeting(case.id, "set")
    assert meeting.id is not None
    assert [s.member_key for s in meeting.scores if s.member_key] == [
        moeder.key,
        vader.key,
        sam.key,
    ]
    repo.save_answer(
        meeting.id,
        Answer("dv-1", "Vraag?", "beeldvorming", "Ik ga niet terug", True, speaker=moeder.key),
    )
    score = replace(meeting.scores[0], score=3)
    repo.save_score(score)
    added = repo.add_score(meeting.id, SafetyScore("Sam op school", member_key=sam.key))
    repo.save_client_voice(meeting.id, ClientVoice("Sam", True, heard="Bang", member_key=sam.key))

    again = repo.get_meeting(meeting.id)
    assert again.answers["dv-1"].speaker == moeder.key
    assert (again.scores[0].score, again.scores[0].member_key) == (3, moeder.key)
    assert again.scores[-1].member_key == added.member_key == sam.key
    [voice] = again.voices
    assert (voice.member, voice.member_key, voice.heard) == ("Sam", sam.key, "Bang")


def test_a_voice_is_found_by_key_after_the_member_was_renamed(repo: Repository) -> None:
    case = repo.save_case(violent_family())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "set")
    assert meeting.id is not None
    sam = case.members[2]
    repo.save_client_voice(meeting.id, ClientVoice("Sam", True, heard="Bang", member_key=sam.key))
    case.members[2] = replace(sam, name="Samuel")
    repo.save_case(case)
    [voice] = [v for v in repo.client_voices(meeting.id) if v.member_key == sam.key]
    voice.heard = "Minder bang"
    repo.save_client_voice(meeting.id, voice)
    stored = repo.get_meeting(meeting.id).voices
    assert [(v.member_key, v.heard) for v in stored] == [(sam.key, "Minder bang")]


def test_a_per_person_marking_of_any_length_is_kept_whole(repo: Repository) -> None:
    case = repo.save_case(violent_family())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "set")
    assert meeting.id is not None
    many = [f"{i:032x}" for i in range(100)]  # far beyond any short VARCHAR
    marking = Restriction.only_for("Reclassering").not_for_people(*many).shared_with_people("x")
    assert len(marking.encode()) > 3000
    repo.save_answer(meeting.id, Answer("dv-1", "Vraag?", "b", "tekst", restriction=marking))
    repo.save_score(replace(meeting.scores[0], restriction=marking))
    again = repo.get_meeting(meeting.id)
    assert again.answers["dv-1"].restriction == marking
    assert again.scores[0].restriction == marking


# --- who sits at the table ------------------------------------------------------------


def test_inviting_seats_the_invited_adults_and_the_partners_stay(repo: Repository) -> None:
    case = repo.save_case(violent_family())
    assert case.id is not None
    moeder, vader, _ = case.members
    meeting = repo.start_meeting(case.id, "set")
    assert meeting.id is not None
    partners = [p.name for p in meeting.participants]

    both = repo.set_invited(meeting.id, [vader.key, moeder.key], together_safe=False)

    assert both.invited == [moeder.key, vader.key]  # in the order of the case
    assert both.together_safe is False
    assert [(p.name, p.key) for p in both.participants[:2]] == [
        ("moeder", moeder.key),
        ("vader", vader.key),
    ]
    assert [p.name for p in both.participants[2:]] == partners
    assert repo.get_meeting(meeting.id) == both

    only = repo.set_invited(meeting.id, [moeder.key], together_safe=True)
    assert only.invited == [moeder.key]
    assert only.together_safe is None  # nobody to keep apart: nothing to decide
    assert [p.name for p in only.participants] == ["moeder", *partners]


def test_a_participant_keeps_attendance_and_people_added_by_hand_stay(repo: Repository) -> None:
    case = repo.save_case(violent_family())
    assert case.id is not None
    moeder, vader, _ = case.members
    meeting = repo.start_meeting(case.id, "set", invited=[moeder.key])
    assert meeting.id is not None
    from leidraad.core.domain import Attendance, Participant

    seat = meeting.participants[0]
    assert seat.id is not None and seat.key == moeder.key
    repo.set_attendance(seat.id, Attendance.TELEFONISCH)
    repo.add_participant(meeting.id, Participant("C. Smit", "ervaringsdeskundige"))

    again = repo.set_invited(meeting.id, [moeder.key, vader.key])

    assert again.participants[0].id == seat.id
    assert again.participants[0].attendance is Attendance.TELEFONISCH
    assert again.participants[-1].name == "C. Smit"
    assert again.together_safe is None  # not yet asked
    nobody = repo.set_invited(meeting.id, [])
    assert [p.name for p in nobody.participants] == [
        "A. de Vries",
        "B. Bakker",
        "R. Visser",
        "C. Smit",
    ]


def test_a_child_or_a_stranger_is_never_invited(repo: Repository) -> None:
    case = repo.save_case(violent_family())
    assert case.id is not None
    sam = case.members[2]
    meeting = repo.start_meeting(case.id, "set")
    assert meeting.id is not None
    with pytest.raises(CannotInvite, match="Sam is een kind"):
        repo.set_invited(meeting.id, [sam.key])
    with pytest.raises(CannotInvite, match="hoort niet"):
        repo.set_invited(meeting.id, ["onbekend"])
    with pytest.raises(CannotInvite, match="kind"):
        repo.start_meeting(case.id, "set", invited=[sam.key])
    assert repo.get_meeting(meeting.id).invited == []
    assert len(repo.list_meetings(case.id)) == 1


def test_an_invitation_is_logged_by_person_number_without_names(repo: Repository) -> None:
    case = repo.save_case(violent_family())
    assert case.id is not None
    moeder, vader, _ = case.members
    meeting = repo.start_meeting(case.id, "set")
    assert meeting.id is not None
    repo.set_invited(meeting.id, [moeder.key, vader.key], together_safe=True)
    entries = [(e.action, e.detail) for e in repo.audit_log(case.id)]
    assert entries[-1] == (
        "gewijzigd",
        "overleg 1: uitgenodigd persoon 1, persoon 2; samen aan tafel veilig: ja",
    )
    assert entries.count(("gewijzigd", "overleg 1")) == 1  # starting it; inviting is one line
    assert not any("moeder" in d or "vader" in d for _, d in entries)
