"""A case followed over three meetings, shared by the follow-up tests."""

from __future__ import annotations

from datetime import date

from leidraad.core.domain import Action, SafetyScore
from leidraad.core.followup import Outcome
from storage.repository import Repository
from tests.conftest import family_case

D1, D2, D3, D4 = date(2026, 7, 14), date(2026, 8, 11), date(2026, 9, 8), date(2026, 10, 6)


def three_meetings(repo: Repository, scores: bool = False) -> tuple[int, list[int], dict[str, int]]:
    """Actions agreed in meetings 1 and 2, ticked off in 2 and 3; scores when asked.

    After meeting 3 two actions are still open: 'Huisbezoek' (not done, past its
    date) and 'Gesprek met school' (not yet discussed, past its date).
    """
    case = repo.save_case(family_case())
    assert case.id is not None
    ids: list[int] = []
    actions: dict[str, int] = {}
    for held_on in (D1, D2, D3):
        meeting = repo.start_meeting(case.id, "set", held_on)
        assert meeting.id is not None
        ids.append(meeting.id)
    for meeting_id, name, due in [
        (ids[0], "Veiligheidsplan maken", date(2026, 8, 2)),
        (ids[0], "Huisbezoek", date(2026, 8, 3)),
        (ids[0], "Schuldhulp aanvragen", None),
        (ids[1], "Gesprek met school", date(2026, 8, 31)),
    ]:
        saved = repo.save_action(meeting_id, Action(name, "Veilig Thuis", due))
        assert saved.id is not None
        actions[name] = saved.id
    repo.save_review(ids[1], actions["Veiligheidsplan maken"], Outcome.GEDAAN, "klaar")
    repo.save_review(ids[1], actions["Huisbezoek"], Outcome.DEELS, "moeder niet thuis")
    repo.save_review(ids[2], actions["Huisbezoek"], Outcome.NIET_GEDAAN, "")
    repo.save_review(ids[2], actions["Schuldhulp aanvragen"], Outcome.VERVALLEN, "via gemeente")
    if scores:
        # moeder, vader, Veilig Thuis, Politie, Sam's perspective in every meeting.
        given = [(3, 5, 4, 4, 2), (4, 5, 5, 5, 3), (6, 6, 6, 7, 5)]
        for meeting_id, values in zip(ids, given, strict=True):
            for score, value in zip(repo.get_meeting(meeting_id).scores, values, strict=True):
                repo.save_score(
                    SafetyScore(score.perspective, score.voiced_by, value, "", score.id)
                )
    return case.id, ids, actions
