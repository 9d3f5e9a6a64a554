"""The rules of following a family over time, without storage or screens."""

from __future__ import annotations

from datetime import date

import pytest

from leidraad.core.domain import Action, Case, InvalidInput, MeetingStatus, Phase
from leidraad.core.domain import SafetyScore as S
from leidraad.core.followup import (
    ActionRecord,
    CaseHistory,
    EventKind,
    Outcome,
    ReviewRecord,
    due_for_review,
    is_overdue,
    overdue_text,
    status_after,
    timeline,
)
from leidraad.core.meeting import MeetingSummary
from leidraad.core.phases import (
    PhaseChange,
    PhaseMove,
    check_phase_change,
    closing_warnings,
    current_fallback,
    safe_since,
)
from leidraad.core.plans import PlanKind, PlanStatus, PlanVersion
from leidraad.core.trend import (
    ScoreSheet,
    divergence,
    perspective_key,
    sparkline,
    trend_text,
    trends,
)
from tests.conftest import family_case

D1, D2, D3, D4 = date(2027, 1, 12), date(2027, 2, 9), date(2027, 3, 9), date(2027, 4, 6)


# --- ticking off ------------------------------------------------------------


def test_done_or_dropped_closes_an_action_and_the_rest_comes_back() -> None:
    assert [o for o in Outcome if o.closes] == [Outcome.GEDAAN, Outcome.VERVALLEN]
    partly = [ReviewRecord(2, D2, Outcome.DEELS)]
    assert status_after(partly) == "open"
    assert due_for_review(partly, 3)
    done = [*partly, ReviewRecord(3, D3, Outcome.GEDAAN)]
    assert status_after(done) == "gedaan"
    assert due_for_review(done, 3)  # still shown in the meeting that ticked it off
    assert not due_for_review(done, 4)
    assert status_after([ReviewRecord(2, D2, None, "alleen een notitie")]) == "open"


def test_the_latest_tick_off_decides_even_when_an_older_meeting_is_corrected() -> None:
    reviews = [ReviewRecord(3, D3, Outcome.NIET_GEDAAN), ReviewRecord(2, D2, Outcome.VERVALLEN)]
    assert status_after(reviews) == "open"


def test_an_action_is_overdue_when_its_date_passed_and_it_is_not_done() -> None:
    action = Action("Huisbezoek", "Wijkteam", due=date(2027, 2, 1))
    assert is_overdue(action, D2)
    assert not is_overdue(action, date(2027, 2, 1))
    assert not is_overdue(action, D2, Outcome.GEDAAN)
    assert is_overdue(action, D2, Outcome.DEELS)
    assert not is_overdue(Action("Zonder datum", "VT"), D4)
    assert overdue_text(action, D2) == "te laat: 8 dagen"
    assert overdue_text(action, date(2027, 2, 2)) == "te laat: 1 dag"


# --- scores over time -------------------------------------------------------


def test_a_perspective_keeps_its_line_when_a_child_grows_older() -> None:
    assert perspective_key("Perspectief van Sam (kind, 8 jaar)") == "perspectief van sam"
    assert perspective_key("Perspectief van Sam (kind, 9 jaar)") == "perspectief van sam"
    assert perspective_key("Perspectief van  sam, 9 jaar") == "perspectief van sam"
    assert perspective_key("moeder (ouder)") == perspective_key("Moeder (partner of ex-partner)")
    assert perspective_key("Veilig Thuis") == "veilig thuis"
    # Brackets that are not a role stay part of the name.
    assert perspective_key("GGZ (volwassenen)") != perspective_key("GGZ (jeugd)")


def sheets() -> list[ScoreSheet]:
    return [
        ScoreSheet(1, D1, (S("moeder (ouder)", score=3), S("Politie", score=6))),
        ScoreSheet(2, D2, (S("moeder (ouder)", score=4), S("Politie"))),
        ScoreSheet(
            3,
            D3,
            (
                S("Politie", score=7),
                S("moeder (ouder)", score=6),
                S("Perspectief van Sam (kind, 9 jaar)", score=2),
            ),
        ),
    ]


def test_the_trend_has_a_point_for_every_meeting_with_gaps_where_no_score_was_given() -> None:
    found = {t.key: t for t in trends(sheets())}
    assert [t.key for t in trends(sheets())] == ["politie", "moeder", "perspectief van sam"]
    assert [p.score for p in found["moeder"].points] == [3, 4, 6]
    assert [p.score for p in found["politie"].points] == [6, None, 7]
    assert [p.score for p in found["perspectief van sam"].points] == [None, None, 2]
    assert trend_text(found["politie"]) == "6 → – → 7"
    assert found["moeder"].change == 2
    assert found["perspectief van sam"].latest == 2
    later = {t.key: t for t in trends([*sheets(), ScoreSheet(4, D4, ())])}  # none given in 4
    assert later["politie"].latest == 7 and trend_text(later["politie"]) == "6 → – → 7 → –"
    assert found["politie"].change == 1
    assert found["perspectief van sam"].change is None


def test_a_perspective_that_never_got_a_score_has_no_trend() -> None:
    assert trends([ScoreSheet(1, D1, (S("Wijkteam"),))]) == []


def test_the_sparkline_uses_a_fixed_scale_from_0_to_10() -> None:
    assert sparkline([0, 5, 10, None]) == "▁▅█·"
    assert sparkline([4, 5]) == sparkline([4]) + sparkline([5])


def test_a_difference_of_three_points_asks_for_a_conversation() -> None:
    spread = divergence([S("moeder", score=3), S("Politie", score=6), S("VT", score=5)])
    assert spread is not None
    assert spread.spread == 3 and spread.needs_discussion
    assert [s.perspective for s in spread.lowest] == ["moeder"]
    assert "laagst moeder (3), hoogst Politie (6)" in spread.describe()
    small = divergence([S("moeder", score=4), S("Politie", score=6)])
    assert small is not None and not small.needs_discussion
    assert divergence([S("moeder", score=4), S("Politie")]) is None


# --- phases -------------------------------------------------------------------


def test_back_to_directe_veiligheid_is_always_possible_also_between_meetings() -> None:
    for current in (Phase.STABIELE_VEILIGHEID, Phase.HERSTEL):
        reason = check_phase_change(current, Phase.DIRECTE_VEILIGHEID, " nieuw  incident ", False)
        assert reason == "nieuw incident"
    change = PhaseChange(Phase.HERSTEL, Phase.DIRECTE_VEILIGHEID, "incident", D3)
    assert change.move is PhaseMove.TERUG_NAAR_DIRECTE_VEILIGHEID
    assert change.describe() == "Terug naar directe veiligheid (was 3. Herstel)"


@pytest.mark.parametrize(
    ("current", "target", "reason", "in_meeting", "message"),
    [
        (Phase.DIRECTE_VEILIGHEID, Phase.DIRECTE_VEILIGHEID, "x", True, "al in fase"),
        (Phase.DIRECTE_VEILIGHEID, Phase.STABIELE_VEILIGHEID, "  ", True, "waarom"),
        (Phase.DIRECTE_VEILIGHEID, Phase.HERSTEL, "goed bezig", True, "overslaan"),
        (Phase.DIRECTE_VEILIGHEID, Phase.STABIELE_VEILIGHEID, "rustig", False, "in een overleg"),
        (Phase.HERSTEL, Phase.STABIELE_VEILIGHEID, "terugval", False, "in een overleg"),
    ],
)
def test_other_phase_changes_are_decided_in_a_meeting_one_step_at_a_time(
    current: Phase, target: Phase, reason: str, in_meeting: bool, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        check_phase_change(current, target, reason, in_meeting)


def test_a_closed_case_does_not_change_phase() -> None:
    with pytest.raises(InvalidInput, match="gesloten"):
        check_phase_change(Phase.HERSTEL, Phase.DIRECTE_VEILIGHEID, "x", False, closed=True)


def test_forward_and_one_step_back_within_a_meeting_are_allowed() -> None:
    assert check_phase_change(Phase.DIRECTE_VEILIGHEID, Phase.STABIELE_VEILIGHEID, "ok", True)
    assert check_phase_change(Phase.HERSTEL, Phase.STABIELE_VEILIGHEID, "ok", True)


def history_of_phases() -> list[PhaseChange]:
    return [
        PhaseChange(Phase.DIRECTE_VEILIGHEID, Phase.STABIELE_VEILIGHEID, "rust", D2, 2),
        PhaseChange(Phase.STABIELE_VEILIGHEID, Phase.DIRECTE_VEILIGHEID, "incident", D3),
        PhaseChange(Phase.DIRECTE_VEILIGHEID, Phase.STABIELE_VEILIGHEID, "weer rust", D4, 4),
    ]


def test_the_fall_back_is_shown_while_the_case_stays_in_directe_veiligheid() -> None:
    changes = history_of_phases()
    assert current_fallback(Phase.DIRECTE_VEILIGHEID, changes[:2]) is changes[1]
    assert current_fallback(Phase.STABIELE_VEILIGHEID, changes) is None
    assert current_fallback(Phase.DIRECTE_VEILIGHEID, []) is None


def test_safety_counts_as_stable_since_the_last_step_out_of_directe_veiligheid() -> None:
    changes = history_of_phases()
    assert safe_since(Phase.STABIELE_VEILIGHEID, D1, changes) == D4
    assert safe_since(Phase.DIRECTE_VEILIGHEID, D1, changes[:2]) is None
    assert safe_since(Phase.HERSTEL, D1, []) == D1
    warnings = closing_warnings(Phase.STABIELE_VEILIGHEID, D1, changes, 2, date(2027, 8, 1))
    assert "pas sinds 06-04-2027 stabiel (3 maanden)" in warnings[0]
    assert warnings[1] == "Er staan nog 2 acties open."
    assert closing_warnings(Phase.STABIELE_VEILIGHEID, D1, changes, 0, date(2027, 11, 1)) == []


# --- plans and the timeline ---------------------------------------------------


def test_a_plan_says_who_does_not_know_the_current_version_yet() -> None:
    version = PlanVersion(PlanKind.VEILIGHEIDSPLAN, "versie 2", D2, 1)
    status = PlanStatus(PlanKind.VEILIGHEIDSPLAN, version, ["Veilig Thuis", "moeder"])
    assert status.unaware() == ["Veilig Thuis", "moeder"]
    status.known["veilig thuis"] = D2
    assert status.known_since("Veilig  thuis") == D2
    assert status.summary() == (
        "Veiligheidsplan (versie 2 van 09-02-2027): 1 van 2 kennen deze versie. Nog niet: moeder."
    )
    assert PlanStatus(PlanKind.HERSTELPLAN, None, []).summary() == (
        "Herstelplan: nog niet vastgelegd."
    )


def test_the_timeline_puts_everything_in_date_order() -> None:
    case: Case = family_case()
    meetings = [
        MeetingSummary(n, n, d, Phase.DIRECTE_VEILIGHEID, MeetingStatus.AFGESLOTEN)
        for n, d in [(1, D1), (2, D2), (3, D3)]
    ]
    action = Action("Veiligheidsplan maken", "Veilig Thuis", id=1)
    record = ActionRecord(action, 1, D1, "gedaan", (ReviewRecord(2, D2, Outcome.GEDAAN),))
    history = CaseHistory(
        case=case,
        created_on=D1,
        meetings=meetings,
        sheets=sheets(),
        phase_changes=history_of_phases()[:2],
        actions=[record],
        plans=[],
        plan_versions=[PlanVersion(PlanKind.VEILIGHEIDSPLAN, "versie 1", D2)],
    )
    events = timeline(history)
    assert [e.on for e in events] == sorted(e.on for e in events)
    assert events[0].text == "Casus aangemaakt in fase 1. Directe veiligheid"
    kinds_on_d2 = [e.kind for e in events if e.on == D2]
    assert kinds_on_d2 == [
        EventKind.OVERLEG,
        EventKind.CIJFERS,
        EventKind.ACTIE,
        EventKind.FASE,
        EventKind.PLAN,
    ]
    done = next(e for e in events if e.kind is EventKind.ACTIE)
    assert done.text.startswith("Gedaan: Veiligheidsplan maken (Veilig Thuis")
    fallback = [e for e in events if e.kind is EventKind.FASE][-1]
    assert fallback.warning and "Terug naar directe veiligheid" in fallback.text
    scores_d3 = next(e for e in events if e.kind is EventKind.CIJFERS and e.on == D3)
    assert scores_d3.warning and "(verschil 5)" in scores_d3.text
    assert "1 actie afgesproken" in events[1].text


def test_the_review_page_follows_the_opening_only_when_there_is_something_to_tick_off() -> None:
    from leidraad.core.flow import REVIEW_STEP, MeetingFlow, Part
    from tests.conftest import small_guide

    guide = small_guide()
    phase_set = guide.for_phase(Phase.DIRECTE_VEILIGHEID)
    plain = MeetingFlow(phase_set, guide.client_voice)
    assert plain.review_position() is None
    flow = MeetingFlow(phase_set, guide.client_voice, review=True)
    assert len(flow) == len(plain) + 1
    assert flow.review_position() == 1
    assert flow.steps[1].kind == REVIEW_STEP and flow.steps[1].part is Part.OPENING
    assert flow.where(1) == "Deel 1 van 7 · Opening · afspraken aftikken"
    assert flow.next_part(0) == 1  # Ctrl+N from the opening does not skip the review
    assert flow.next_part(1) == flow.start_of(Part.CLIENTSTEM)
    assert flow.previous_part(1) == 0
