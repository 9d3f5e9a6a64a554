"""Storing the course of a case: tick-offs, phase history, plans, closing and reopening."""

from __future__ import annotations

import pytest

from leidraad.core.domain import InvalidInput, Phase, SafetyScore
from leidraad.core.followup import Outcome
from leidraad.core.plans import PlanKind
from storage.repository import Repository
from tests.conftest import family_case
from tests.followup_data import D1, D2, D3, D4, three_meetings


def test_each_meeting_reviews_the_actions_still_open_when_it_began(repo: Repository) -> None:
    case_id, ids, _ = three_meetings(repo)
    assert repo.review_items(ids[0]) == []
    second = repo.review_items(ids[1])
    assert [(i.action.description, i.outcome) for i in second] == [
        ("Veiligheidsplan maken", Outcome.GEDAAN),
        ("Huisbezoek", Outcome.DEELS),
        ("Schuldhulp aanvragen", None),
    ]
    third = repo.review_items(ids[2])
    assert [(i.action.description, i.outcome) for i in third] == [
        ("Huisbezoek", Outcome.NIET_GEDAAN),
        ("Schuldhulp aanvragen", Outcome.VERVALLEN),
        ("Gesprek met school", None),
    ]
    assert [r.outcome for r in third[0].earlier] == [Outcome.DEELS]
    fourth = repo.start_meeting(case_id, "set", D4)
    assert fourth.id is not None
    items = repo.review_items(fourth.id)
    assert [i.action.description for i in items] == ["Huisbezoek", "Gesprek met school"]
    assert all(i.overdue(D4) for i in items)
    summary = next(s for s in repo.list_cases() if s.id == case_id)
    assert summary.open_actions == 2
    assert repo.case_flags(D4)[case_id].overdue == 2


def test_clearing_a_tick_off_opens_the_action_again(repo: Repository) -> None:
    _, ids, actions = three_meetings(repo)
    repo.save_review(ids[1], actions["Veiligheidsplan maken"], None, "")
    first = repo.review_items(ids[2])[0]
    assert first.action.description == "Veiligheidsplan maken"
    repo.delete_action(actions["Huisbezoek"])  # its tick-offs go with it
    assert "Huisbezoek" not in [i.action.description for i in repo.review_items(ids[2])]


def test_an_action_is_ticked_off_only_in_a_later_meeting_of_its_case(repo: Repository) -> None:
    _, ids, actions = three_meetings(repo)
    with pytest.raises(InvalidInput, match="later overleg"):
        repo.save_review(ids[1], actions["Gesprek met school"], Outcome.GEDAAN, "")


def test_score_sheets_follow_every_meeting(repo: Repository) -> None:
    case_id, ids, _ = three_meetings(repo)
    for meeting_id, value in zip(ids, (3, 5, 6), strict=True):
        first = repo.get_meeting(meeting_id).scores[0]
        repo.save_score(SafetyScore(first.perspective, first.voiced_by, value, "", first.id))
    sheets = repo.score_sheets(case_id)
    assert [s.number for s in sheets] == [1, 2, 3]
    assert [s.scores[0].score for s in sheets] == [3, 5, 6]
    assert len(repo.score_sheets(case_id, up_to=2)) == 2


def test_phase_changes_are_kept_with_their_meeting_and_reason(repo: Repository) -> None:
    case_id, ids, _ = three_meetings(repo)
    with pytest.raises(InvalidInput, match="in een overleg"):
        repo.change_phase(case_id, Phase.STABIELE_VEILIGHEID, "rust", None, D2)
    assert repo.get_case(case_id).phase is Phase.DIRECTE_VEILIGHEID
    forward = repo.change_phase(case_id, Phase.STABIELE_VEILIGHEID, "rust in huis", ids[1])
    assert (forward.decided_on, forward.meeting_number) == (D2, 2)
    back = repo.change_phase(case_id, Phase.DIRECTE_VEILIGHEID, "nieuw incident", None, D3)
    assert back.falls_back and back.meeting_number is None
    assert repo.get_case(case_id).phase is Phase.DIRECTE_VEILIGHEID
    history = repo.phase_history(case_id)
    assert [(c.from_phase, c.to_phase, c.reason) for c in history] == [
        (Phase.DIRECTE_VEILIGHEID, Phase.STABIELE_VEILIGHEID, "rust in huis"),
        (Phase.STABIELE_VEILIGHEID, Phase.DIRECTE_VEILIGHEID, "nieuw incident"),
    ]
    assert repo.case_flags(D4)[case_id].fell_back
    followup = repo.meeting_followup(ids[1])
    assert [c.reason for c in followup.phase_changes] == ["rust in huis"]


def test_a_new_plan_version_is_known_by_nobody_yet(repo: Repository) -> None:
    case_id, _, _ = three_meetings(repo)
    first = repo.add_plan_version(case_id, PlanKind.VEILIGHEIDSPLAN, "versie 1", D1)
    assert first.id is not None
    repo.set_plan_known(first.id, "Veilig Thuis", D1)
    repo.set_plan_known(first.id, "moeder", D2)
    status = repo.plan_statuses(case_id)[0]
    assert status.unaware() == ["Politie", "vader"]
    assert repo.plan_statuses(case_id, as_of=D1)[0].unaware() == ["Politie", "moeder", "vader"]
    second = repo.add_plan_version(case_id, PlanKind.VEILIGHEIDSPLAN, "versie 2", D3)
    assert second.id is not None
    status = repo.plan_statuses(case_id)[0]
    assert status.version is not None and status.version.label == "versie 2"
    assert status.aware() == []
    repo.set_plan_known(second.id, "moeder", D3)
    repo.set_plan_known(second.id, "moeder", None)
    assert repo.plan_statuses(case_id)[0].aware() == []
    with pytest.raises(InvalidInput):
        repo.add_plan_version(case_id, PlanKind.HERSTELPLAN, " ", D3)


def test_a_closed_case_is_hidden_but_found_by_searching(repo: Repository) -> None:
    case_id, _, _ = three_meetings(repo)
    other = family_case()
    other.alias = "Familie K."
    repo.save_case(other)
    with pytest.raises(InvalidInput):
        repo.close_case(case_id, "  ")
    repo.close_case(case_id, "Een half jaar stabiel veilig")
    assert [c.alias for c in repo.list_cases()] == ["Familie K."]
    [found] = repo.list_cases("gezin")
    assert found.closed
    assert repo.count_closed_cases() == 1
    closed = repo.case_closed(case_id)
    assert closed is not None and closed.reason == "Een half jaar stabiel veilig"
    with pytest.raises(InvalidInput, match="gesloten"):
        repo.change_phase(case_id, Phase.DIRECTE_VEILIGHEID, "incident", None, D4)
    repo.reopen_case(case_id, "Nieuwe melding")
    assert repo.case_closed(case_id) is None
    assert len(repo.list_cases()) == 2
    history = repo.case_history(case_id)
    assert [(e.closed, e.reason) for e in history.status_events] == [
        (True, "Een half jaar stabiel veilig"),
        (False, "Nieuwe melding"),
    ]


def test_score_sheets_hold_the_scores_the_meetings_hold(repo: Repository) -> None:
    case_id, ids, _ = three_meetings(repo, scores=True)
    sheets = repo.score_sheets(case_id)
    assert [list(s.scores) for s in sheets] == [repo.get_meeting(i).scores for i in ids]
