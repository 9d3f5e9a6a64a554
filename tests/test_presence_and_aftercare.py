"""Where someone will be, and how they hear the outcome, are items from that person.

A pleger must not learn where and when the slachtoffer sits at the table, nor how
and where a child is told the outcome when that aftercare is not for him; what a
family member does is theirs; and every document that goes round to the partners
says whom such an item may not reach.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from exports.action_list import render_action_list
from exports.client_minutes import render_client_minutes
from exports.history import render_history
from exports.minutes import render_minutes
from exports.preparation_sheet import preparation_view, render_preparation
from exports.variants import visible_meeting
from leidraad.core.audience import Restriction
from leidraad.core.domain import Action, Case, Phase, participants_for
from leidraad.core.followup import ActionRecord, CaseHistory
from leidraad.core.meeting import Meeting
from leidraad.core.people import client_reader, partner_reader
from leidraad.core.voice import InformHow, voices_for
from tests.conftest import small_guide
from tests.test_people import gezin_a

DAY = date(2026, 11, 20)


def meeting_with(case: Case, *invited: str) -> Meeting:
    mother, father, noor, _ = case.members
    voices = voices_for(case)
    noor_voice = next(v for v in voices if v.member_key == noor.key)
    noor_voice.inform_by, noor_voice.inform_how = "Veilig Thuis", InformHow.OP_SCHOOL
    noor_voice.inform_action_id = 7
    informs = Action(
        "Noor informeren over de uitkomst (op school)",
        "Veilig Thuis",
        id=7,
        restriction=Restriction().not_for_people(father.key),
    )
    her_own = Action("Aangifte doen van de berichten", mother.name, id=8)
    return Meeting(
        1,
        2,
        DAY,
        Phase.DIRECTE_VEILIGHEID,
        participants=participants_for(case, invited),
        actions=[informs, her_own],
        voices=voices,
        invited=list(invited),
    )


def test_the_pleger_does_not_learn_that_the_slachtoffer_sits_at_the_table() -> None:
    case = gezin_a()
    mother, father, _, _ = case.members
    meeting = meeting_with(case, mother.key)
    his = client_reader(case, father.key)
    seen = preparation_view(case, meeting, his, frozenset())
    assert [p.name for p in seen.participants] == ["E.", "M.", "S."]
    voice = next(v for v in voices_for(case, seen.voices) if v.member_key == father.key)
    sheet = render_preparation(case, seen, small_guide().client_voice, voice)
    assert "moeder" not in sheet and "20-11-2026" in sheet
    assert "moeder" not in render_client_minutes(case, meeting, his).split("## Wie er waren")[1]
    reclassering = partner_reader(case, "Reclassering")
    assert mother.name not in [
        p.name for p in visible_meeting(meeting, reclassering, case=case).participants
    ]
    # Released for him, it is his to know.
    released = replace(
        meeting.participants[0], restriction=Restriction().shared_with_people(father.key)
    )
    meeting.participants[0] = released
    assert mother.name in [
        p.name for p in preparation_view(case, meeting, his, frozenset()).participants
    ]


def test_the_slachtoffer_may_read_that_the_pleger_sits_at_the_table_unless_not_for_her() -> None:
    case = gezin_a()
    mother, father, _, _ = case.members
    meeting = meeting_with(case, father.key)
    hers = client_reader(case, mother.key)
    assert "vader" in [
        p.name for p in preparation_view(case, meeting, hers, frozenset()).participants
    ]
    meeting.participants[0].restriction = Restriction().not_for_people(mother.key)
    assert "vader" not in [
        p.name for p in preparation_view(case, meeting, hers, frozenset()).participants
    ]


def test_an_aftercare_line_follows_its_inform_action() -> None:
    case = gezin_a()
    mother, _, noor, _ = case.members
    meeting = meeting_with(case)
    reclassering = render_minutes(case, meeting, reader=partner_reader(case, "Reclassering"))
    assert "Nazorg" not in reclassering and "op school" not in reclassering
    table = render_minutes(case, meeting)
    assert (
        "| Noor (niet voor vader; niet naar moeder, Reclassering) | Veilig Thuis | op school |"
        in table
    )
    # The child's aftercare is not the parent's to read, unless it is shared with her.
    assert "Noor informeren" not in render_client_minutes(
        case, meeting, client_reader(case, mother.key)
    )
    meeting.actions[0].restriction = meeting.actions[0].restriction.shared_with_people(mother.key)
    assert "Noor informeren" in render_client_minutes(
        case, meeting, client_reader(case, mother.key)
    )
    assert noor.key not in {m.key for m in case.adults}


def test_what_a_family_member_does_is_theirs() -> None:
    case = gezin_a()
    mother, father, _, _ = case.members
    meeting = meeting_with(case)
    assert "Aangifte doen" in render_client_minutes(case, meeting, client_reader(case, mother.key))
    assert "Aangifte doen" not in render_client_minutes(
        case, meeting, client_reader(case, father.key)
    )
    assert "Aangifte doen" not in render_minutes(
        case, meeting, reader=partner_reader(case, "Reclassering")
    )


def test_the_lists_that_go_round_say_whom_an_item_may_not_reach() -> None:
    case = gezin_a()
    meeting = meeting_with(case)
    actions = render_action_list(case, meeting)
    assert "Aangifte doen van de berichten (niet naar vader, Reclassering)" in actions
    history = CaseHistory(
        case=case,
        created_on=DAY,
        meetings=[],
        sheets=[],
        phase_changes=[],
        actions=[ActionRecord(a, 2, DAY, "open") for a in meeting.actions],
        plans=[],
    )
    verloop = render_history(history, DAY)
    assert "Aangifte doen van de berichten (niet naar vader, Reclassering)" in verloop
    # Seen without the voices of its meeting, an aftercare action is still known as Noor's.
    assert (
        "Noor informeren over de uitkomst (op school) (niet voor vader; niet naar moeder" in verloop
    )
