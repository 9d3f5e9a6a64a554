"""Following a family over time: agreements ticked off, and the whole course of a case.

Families are followed for years, so what matters is whether safety grows and
whether agreements are kept. The score trend, the phase rules and the plans
have their own modules (trend, phases, plans); this one ties them together
for the case screen, the timeline and the exports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from leidraad.core.domain import Action, Case, Phase
from leidraad.core.meeting import MeetingSummary
from leidraad.core.phases import PhaseChange, current_fallback, phase_name
from leidraad.core.plans import PlanStatus, PlanVersion
from leidraad.core.trend import ScoreSheet, divergence

# --- ticking off earlier agreements ----------------------------------------


class Outcome(StrEnum):
    """What became of an action, as said when the agreements are ticked off."""

    GEDAAN = "gedaan"
    DEELS = "deels"
    NIET_GEDAAN = "niet_gedaan"
    VERVALLEN = "vervallen"

    @property
    def label(self) -> str:
        return _OUTCOME_LABELS[self]

    @property
    def closes(self) -> bool:
        """Done or no longer needed ends the action; anything else comes back next time."""
        return self in (Outcome.GEDAAN, Outcome.VERVALLEN)

    @property
    def key(self) -> str:
        """The number key that chooses this outcome on the review page."""
        return str(list(Outcome).index(self) + 1)


_OUTCOME_LABELS = {
    Outcome.GEDAAN: "gedaan",
    Outcome.DEELS: "deels gedaan",
    Outcome.NIET_GEDAAN: "niet gedaan",
    Outcome.VERVALLEN: "niet meer nodig",
}

STATUS_OPEN = "open"


@dataclass(frozen=True)
class ReviewRecord:
    """One earlier tick-off of an action: in which meeting, and with what outcome."""

    meeting_number: int
    held_on: date
    outcome: Outcome | None
    note: str = ""


def due_for_review(reviews: Sequence[ReviewRecord], meeting_number: int) -> bool:
    """An action comes up in a meeting unless an earlier meeting already closed it."""
    return not any(
        r.outcome is not None and r.outcome.closes and r.meeting_number < meeting_number
        for r in reviews
    )


def status_after(reviews: Sequence[ReviewRecord]) -> str:
    """The action's status follows its latest tick-off: 'open', 'gedaan' or 'vervallen'."""
    decided = [r for r in reviews if r.outcome is not None]
    if not decided:
        return STATUS_OPEN
    latest = max(decided, key=lambda r: r.meeting_number).outcome
    assert latest is not None
    return latest.value if latest.closes else STATUS_OPEN


def is_overdue(action: Action, on: date, outcome: Outcome | None = None) -> bool:
    """Past its date and not (yet) done or dropped."""
    if outcome is not None and outcome.closes:
        return False
    return action.due is not None and action.due < on


def overdue_text(action: Action, on: date) -> str:
    """'te laat: 12 dagen' for the screens and the minutes; '' when not overdue."""
    if not is_overdue(action, on):
        return ""
    assert action.due is not None
    days = (on - action.due).days
    return f"te laat: {days} {'dag' if days == 1 else 'dagen'}"


@dataclass
class ReviewItem:
    """An action of an earlier meeting as it comes up to be ticked off in this meeting."""

    action: Action
    meeting_number: int
    agreed_on: date
    outcome: Outcome | None = None
    note: str = ""
    earlier: tuple[ReviewRecord, ...] = ()

    def overdue(self, on: date) -> bool:
        return is_overdue(self.action, on, self.outcome)


# --- the whole course of a case ---------------------------------------------


@dataclass(frozen=True)
class StatusEvent:
    """A case closed or reopened."""

    on: date
    closed: bool
    reason: str = ""


@dataclass
class ActionRecord:
    """An action with where it was agreed and every time it was ticked off."""

    action: Action
    meeting_number: int
    agreed_on: date
    status: str
    reviews: tuple[ReviewRecord, ...] = ()

    @property
    def outcome(self) -> Outcome | None:
        decided = [r for r in self.reviews if r.outcome is not None]
        return max(decided, key=lambda r: r.meeting_number).outcome if decided else None

    @property
    def is_open(self) -> bool:
        return self.status == STATUS_OPEN


@dataclass
class MeetingFollowUp:
    """What the minutes of one meeting add about the course of the case."""

    held_on: date
    review: list[ReviewItem]
    sheets: list[ScoreSheet]
    phase_changes: list[PhaseChange]
    plans: list[PlanStatus]


@dataclass
class CaseHistory:
    """Everything about a case over time, for the case screen, the timeline and the export."""

    case: Case
    created_on: date
    meetings: list[MeetingSummary]
    sheets: list[ScoreSheet]
    phase_changes: list[PhaseChange]
    actions: list[ActionRecord]
    plans: list[PlanStatus]
    status_events: list[StatusEvent] = field(default_factory=list)
    plan_versions: list[PlanVersion] = field(default_factory=list)
    closed_on: date | None = None
    closed_reason: str = ""

    @property
    def initial_phase(self) -> Phase:
        return self.phase_changes[0].from_phase if self.phase_changes else self.case.phase

    @property
    def open_actions(self) -> list[ActionRecord]:
        return [a for a in self.actions if a.is_open]

    def overdue(self, today: date) -> list[ActionRecord]:
        return [a for a in self.open_actions if is_overdue(a.action, today)]

    @property
    def fallback(self) -> PhaseChange | None:
        return current_fallback(self.case.phase, self.phase_changes)


@dataclass(frozen=True)
class CaseFlags:
    """What the case list marks per case: overdue actions and a fall back to phase 1."""

    overdue: int = 0
    fell_back: bool = False


class EventKind(StrEnum):
    CASUS = "casus"
    OVERLEG = "overleg"
    CIJFERS = "cijfers"
    ACTIE = "actie"
    FASE = "fase"
    PLAN = "plan"
    STATUS = "status"

    @property
    def label(self) -> str:
        return {"status": "Casus"}.get(self.value, self.value.capitalize())


@dataclass(frozen=True)
class TimelineEvent:
    on: date
    kind: EventKind
    text: str
    warning: bool = False


def timeline(history: CaseHistory) -> list[TimelineEvent]:
    """Meetings, scores, actions done, phase changes and plans, oldest first."""
    events = [
        TimelineEvent(
            history.created_on,
            EventKind.CASUS,
            f"Casus aangemaakt in fase {phase_name(history.initial_phase)}",
        )
    ]
    sheets = {s.number: s for s in history.sheets}
    agreed: dict[int, int] = {}
    for record in history.actions:
        agreed[record.meeting_number] = agreed.get(record.meeting_number, 0) + 1
    for m in history.meetings:
        count = agreed.get(m.number, 0)
        text = f"Overleg {m.number} in fase {phase_name(m.phase)}"
        if count:
            text += f"; {count} {'actie' if count == 1 else 'acties'} afgesproken"
        events.append(TimelineEvent(m.held_on, EventKind.OVERLEG, text))
        sheet = sheets.get(m.number)
        given = [s for s in sheet.scores if s.score is not None] if sheet else []
        if given:
            spread = divergence(given)
            text = " · ".join(f"{s.perspective} {s.score}" for s in given)
            warn = spread is not None and spread.needs_discussion
            if spread is not None and spread.spread:
                text += f" (verschil {spread.spread})"
            events.append(TimelineEvent(m.held_on, EventKind.CIJFERS, text, warn))
    for record in history.actions:
        for review in record.reviews:
            if review.outcome is not None and review.outcome.closes:
                events.append(
                    TimelineEvent(
                        review.held_on,
                        EventKind.ACTIE,
                        f"{review.outcome.label.capitalize()}: {record.action.description} "
                        f"({record.action.owner}, afgesproken in overleg {record.meeting_number})",
                    )
                )
    for change in history.phase_changes:
        events.append(
            TimelineEvent(
                change.decided_on,
                EventKind.FASE,
                f"{change.describe()}, {change.where}. Reden: {change.reason}",
                change.falls_back,
            )
        )
    for version in history.plan_versions:
        events.append(
            TimelineEvent(
                version.dated,
                EventKind.PLAN,
                f"{version.kind.label}: nieuwe versie, {version.label}",
            )
        )
    for status in history.status_events:
        text = "Casus gesloten" if status.closed else "Casus heropend"
        if status.reason:
            text += f". Reden: {status.reason}"
        events.append(TimelineEvent(status.on, EventKind.STATUS, text))
    order = list(EventKind)
    return sorted(events, key=lambda e: (e.on, order.index(e.kind)))
