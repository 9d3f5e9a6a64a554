"""The shape of a demonstration family, as plain data that reads like the minutes.

Dates are days relative to the day the demonstration starts, so the history
always lies in the past and the overdue actions are always a few days late.
Who speaks or scores is named the way the case names them: a family member's
name ("moeder", "Noor") or a partner's organisation ("Politie"). People in
per-person marks (`not_for`, `shared_with`), in `invited`, and in a partner's
`linked_to` are named the same way; the builder turns names into member keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from leidraad.core.audience import Restriction
from leidraad.core.domain import Attendance, FamilyMember, Partner, Phase, Position, Priority
from leidraad.core.followup import Outcome
from leidraad.core.plans import PlanKind
from leidraad.core.voice import HearingMode, InformHow


@dataclass(frozen=True)
class Said:
    """An answer as a procesregisseur types it.

    `speaker` names whose own words these are (they are then marked as own words).
    `not_for`: family members who may never read it (nor partners linked to them).
    `shared_with`: family members it was released for, e.g. a child who agreed.
    """

    question_id: str
    text: str
    speaker: str = ""
    restriction: Restriction = field(default_factory=Restriction)
    not_for: tuple[str, ...] = ()
    shared_with: tuple[str, ...] = ()


@dataclass(frozen=True)
class Score:
    """A safety score; `shared_with` names the parents a child agreed may read it."""

    who: str
    score: int | None
    higher: str = ""
    not_for: tuple[str, ...] = ()
    shared_with: tuple[str, ...] = ()


@dataclass(frozen=True)
class Agreed:
    """An action agreed in a meeting; `key` lets a later meeting tick it off."""

    key: str
    description: str
    owner: str
    due_days: int | None = 14  # after the meeting
    priority: Priority = Priority.NU
    restriction: Restriction = field(default_factory=Restriction)
    not_for: tuple[str, ...] = ()


@dataclass(frozen=True)
class Review:
    key: str
    outcome: Outcome | None
    note: str = ""


@dataclass(frozen=True)
class Voice:
    """How one family member was prepared and heard, and who tells them the outcome.

    `inform_not_for`: family members who may not read the action to inform this one.
    """

    member: str
    hearing: HearingMode = HearingMode.AAN_TAFEL
    voiced_by: str = ""
    seat: str = ""
    timeout_sign: str = ""
    topics: str = ""
    professional_note: str = ""
    heard: str = ""
    heard_where: str = ""
    ggz_perspective: str = ""
    ggz_by: str = ""
    inform_by: str = ""
    inform_how: InformHow = InformHow.TELEFONISCH
    inform_days: int | None = 2  # after the meeting
    inform_not_for: tuple[str, ...] = ()


@dataclass(frozen=True)
class Worry:
    """A worry made concrete (Ctrl+R) at one question: the worry question's id and the answer."""

    at_question: str
    answers: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class PhaseDecision:
    to: Phase
    reason: str


@dataclass(frozen=True)
class DemoMeeting:
    """One meeting. `invited`: the clients invited to the table (never a child).

    `together_safe` records the answer to "may this pleger and this slachtoffer sit
    at the table together?", given only when both are invited.
    The purpose and the summary reach every version, so they are written for everyone;
    `aftercare_not_for` keeps the aftercare from family members.
    """

    days_ago: int
    purpose: str
    invited: tuple[str, ...] = ()
    together_safe: bool | None = None
    answers: tuple[Said, ...] = ()
    scores: tuple[Score, ...] = ()
    actions: tuple[Agreed, ...] = ()
    reviews: tuple[Review, ...] = ()
    voices: tuple[Voice, ...] = ()
    attendance: tuple[tuple[str, Attendance], ...] = ()
    worries: tuple[Worry, ...] = ()
    timeout_minutes: int = 0
    phase_decision: PhaseDecision | None = None
    summary: str = ""
    aftercare: str = ""
    aftercare_not_for: tuple[str, ...] = ()
    next_in_days: int | None = 35
    held: bool = True  # False: planned ahead, only prepared


@dataclass(frozen=True)
class PlanEvent:
    """A plan version made on a day, and since how many days ago each party knows it."""

    kind: PlanKind
    label: str
    days_ago: int
    known: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class PlanAudienceChoice:
    """Who must know a plan besides the table (`outside`: free names such as a neighbour),
    and who must not (`must_not`: family members; None keeps the default, which is the
    pleger for the veiligheidsplan; () where the plan is made with everyone)."""

    kind: PlanKind
    outside: tuple[str, ...] = ()
    must_not: tuple[str, ...] | None = None


@dataclass(frozen=True)
class InterimPhaseChange:
    """A fall back to directe veiligheid between meetings, with its reason."""

    days_ago: int
    to: Phase
    reason: str


@dataclass(frozen=True)
class PositionChange:
    """A member's position as the professionals saw it from a day on (for the history).

    Without any, a member's position dates from the first meeting.
    """

    member: str
    days_ago: int
    position: Position


@dataclass(frozen=True)
class DemoFamily:
    """A family: its members (with position and professional note), partners (with
    `linked_to`: the members they work with), meetings and plans."""

    alias: str
    profile: str
    about: str
    regie: str
    members: tuple[FamilyMember, ...]
    partners: tuple[Partner, ...]
    meetings: tuple[DemoMeeting, ...]
    start_phase: Phase = Phase.DIRECTE_VEILIGHEID
    plans: tuple[PlanEvent, ...] = ()
    plan_audiences: tuple[PlanAudienceChoice, ...] = ()
    interim: tuple[InterimPhaseChange, ...] = ()
    positions: tuple[PositionChange, ...] = ()
