"""Following a family over time: agreements ticked off, scores as a trend, phases, plans.

Families are followed for years, so what matters is whether safety grows and
whether agreements are kept. Everything here is plain data and rules, shared
by the screens, the storage layer and the exports.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from leidraad.domain import (
    SCORE_MAX,
    Action,
    Case,
    FamilyMember,
    InvalidInput,
    MeetingSummary,
    MemberRole,
    Phase,
    SafetyScore,
    format_date,
)

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


# --- safety scores over time ------------------------------------------------


def _member_descriptions() -> str:
    plain = {FamilyMember("", role).description for role in MemberRole}
    plain |= {role.label for role in MemberRole}
    return "|".join(re.escape(d.casefold()) for d in sorted(plain, key=len, reverse=True))


# perspectives_for writes 'moeder (ouder)' and 'Perspectief van Sam (kind, 8 jaar)';
# the role and the age are not part of who it is, so they are left out of the key.
_MEMBER_SUFFIX = re.compile(rf"\s*\((?:{_member_descriptions()})(?:,\s*\d+\s*jaar)?\)$")
_AGE_SUFFIX = re.compile(r",?\s*\(?\d+\s*jaar\)?$")


def perspective_key(perspective: str) -> str:
    """A stable name for a perspective, so one line can follow it over the meetings.

    Family members and partners are rewritten whenever a case is edited, so the
    key comes from the name as the score was asked: without upper/lower case,
    extra spaces, the role in brackets or a child's age (which grows between
    meetings). 'Perspectief van Sam (kind, 8 jaar)' and a perspective added by
    hand as 'Perspectief van Sam, 9 jaar' are the same line.
    """
    text = " ".join(perspective.split()).casefold()
    text = _MEMBER_SUFFIX.sub("", text)
    text = _AGE_SUFFIX.sub("", text)
    return text.strip(" ,") or " ".join(perspective.split()).casefold()


@dataclass(frozen=True)
class ScoreSheet:
    """The scores given in one meeting."""

    number: int
    held_on: date
    scores: tuple[SafetyScore, ...]


@dataclass(frozen=True)
class TrendPoint:
    number: int
    held_on: date
    score: int | None


@dataclass(frozen=True)
class Trend:
    """One perspective's score in every meeting, a gap where it was not given."""

    key: str
    label: str
    points: tuple[TrendPoint, ...]

    @property
    def given(self) -> list[int]:
        return [p.score for p in self.points if p.score is not None]

    @property
    def latest(self) -> int | None:
        """The most recent score given, also when the last meeting gave none."""
        given = self.given
        return given[-1] if given else None

    @property
    def change(self) -> int | None:
        """The step from the previous given score to the latest given one."""
        given = self.given
        return given[-1] - given[-2] if len(given) >= 2 else None


def trends(sheets: Sequence[ScoreSheet]) -> list[Trend]:
    """A trend per perspective over all meetings, in the order of the latest meeting."""
    ordered = sorted(sheets, key=lambda s: s.number)
    labels: dict[str, str] = {}
    first_seen: list[str] = []
    for sheet in ordered:
        for score in sheet.scores:
            key = perspective_key(score.perspective)
            if key not in labels:
                first_seen.append(key)
            labels[key] = score.perspective  # the most recent wording is shown
    if ordered:
        latest_order = [perspective_key(s.perspective) for s in ordered[-1].scores]
        first_seen = list(dict.fromkeys(latest_order + first_seen))
    result = []
    for key in first_seen:
        points = []
        for sheet in ordered:
            found = [
                s.score
                for s in sheet.scores
                if perspective_key(s.perspective) == key and s.score is not None
            ]
            points.append(TrendPoint(sheet.number, sheet.held_on, found[0] if found else None))
        trend = Trend(key, labels[key], tuple(points))
        if trend.given:
            result.append(trend)
    return result


_BARS = "▁▂▃▄▅▆▇█"
GAP = "·"


def sparkline(points: Sequence[int | None]) -> str:
    """One character per meeting on a fixed 0-10 scale (a 4 always looks like a 4)."""
    top = len(_BARS) - 1
    return "".join(GAP if p is None else _BARS[round(p * top / SCORE_MAX)] for p in points)


def trend_text(trend: Trend) -> str:
    """The trend in words for minutes and screen readers: '3 → 4 → – → 6'."""
    return " → ".join("–" if p.score is None else str(p.score) for p in trend.points)


def change_text(trend: Trend) -> str:
    change = trend.change
    if change is None:
        return "eerste cijfer"
    if change == 0:
        return "gelijk gebleven"
    return f"{change:+d} sinds vorige keer"


DIVERGENCE_THRESHOLD = 3


@dataclass(frozen=True)
class Divergence:
    """How far the perspectives in one meeting lie apart."""

    spread: int
    lowest: tuple[SafetyScore, ...]
    highest: tuple[SafetyScore, ...]

    @property
    def needs_discussion(self) -> bool:
        return self.spread >= DIVERGENCE_THRESHOLD

    def describe(self) -> str:
        def names(scores: tuple[SafetyScore, ...]) -> str:
            return ", ".join(s.perspective for s in scores)

        low, high = self.lowest[0].score, self.highest[0].score
        text = f"{self.spread} {'punt' if self.spread == 1 else 'punten'} verschil"
        if self.spread == 0:
            return "Alle perspectieven geven hetzelfde cijfer."
        return (
            f"{text}: laagst {names(self.lowest)} ({low}), hoogst {names(self.highest)} ({high})."
        )


def divergence(scores: Sequence[SafetyScore]) -> Divergence | None:
    """None until at least two perspectives have given a score."""
    given = [s for s in scores if s.score is not None]
    if len(given) < 2:
        return None
    low = min(s.score for s in given if s.score is not None)
    high = max(s.score for s in given if s.score is not None)
    return Divergence(
        high - low,
        tuple(s for s in given if s.score == low),
        tuple(s for s in given if s.score == high),
    )


DISCUSS_PROMPT = (
    "De perspectieven liggen {spread} punten uit elkaar. Bespreek het verschil: "
    "wat ziet de één dat de ander niet ziet, en wat is nodig om het cijfer omhoog te krijgen?"
)


# --- phases over time -------------------------------------------------------


class PhaseMove(StrEnum):
    VERDER = "verder"
    TERUG_NAAR_DIRECTE_VEILIGHEID = "terug_directe_veiligheid"
    TERUG = "terug"


def phase_move(from_phase: Phase, to_phase: Phase) -> PhaseMove:
    if to_phase.number > from_phase.number:
        return PhaseMove.VERDER
    if to_phase is Phase.DIRECTE_VEILIGHEID:
        return PhaseMove.TERUG_NAAR_DIRECTE_VEILIGHEID
    return PhaseMove.TERUG


@dataclass
class PhaseChange:
    """A decision to move a case to another phase, with the reason."""

    from_phase: Phase
    to_phase: Phase
    reason: str
    decided_on: date
    meeting_number: int | None = None
    meeting_id: int | None = None
    id: int | None = None

    @property
    def move(self) -> PhaseMove:
        return phase_move(self.from_phase, self.to_phase)

    @property
    def falls_back(self) -> bool:
        return self.move is PhaseMove.TERUG_NAAR_DIRECTE_VEILIGHEID

    def describe(self) -> str:
        if self.falls_back:
            return f"Terug naar directe veiligheid (was {phase_name(self.from_phase)})"
        return f"Van {phase_name(self.from_phase)} naar {phase_name(self.to_phase)}"

    @property
    def where(self) -> str:
        return f"overleg {self.meeting_number}" if self.meeting_number else "buiten een overleg"


def phase_name(phase: Phase) -> str:
    return f"{phase.number}. {phase.label}"


def check_phase_change(
    current: Phase, target: Phase, reason: str, in_meeting: bool, closed: bool = False
) -> str:
    """The rules of gefaseerd samenwerken; returns the cleaned reason or says what is wrong.

    Back to directe veiligheid is always possible, also between meetings. Any
    other change is a joint decision in a meeting, one phase at a time.
    """
    cleaned = " ".join(reason.split())
    if closed:
        raise InvalidInput("Deze casus is gesloten. Heropen hem eerst.")
    if target is current:
        raise InvalidInput(f"De casus is al in fase {phase_name(current)}. Kies een andere fase.")
    if not cleaned:
        raise InvalidInput("Schrijf op waarom de fase verandert. De reden komt in de geschiedenis.")
    if target.number - current.number > 1:
        raise InvalidInput(
            f"Een fase overslaan kan niet: ga eerst naar {phase_name(Phase.STABIELE_VEILIGHEID)}."
        )
    if not in_meeting and target is not Phase.DIRECTE_VEILIGHEID:
        raise InvalidInput(
            "Naar een andere fase gaan besluit je samen in een overleg: kies het overleg. "
            "Alleen terug naar directe veiligheid kan altijd, ook tussen overleggen door."
        )
    return cleaned


def current_fallback(phase: Phase, history: Sequence[PhaseChange]) -> PhaseChange | None:
    """The change that put the case back in directe veiligheid, while it is still there."""
    if phase is not Phase.DIRECTE_VEILIGHEID or not history:
        return None
    last = history[-1]
    return last if last.falls_back else None


def safe_since(phase: Phase, created_on: date, history: Sequence[PhaseChange]) -> date | None:
    """Since when the case has been out of directe veiligheid without falling back."""
    if phase is Phase.DIRECTE_VEILIGHEID:
        return None
    initial = history[0].from_phase if history else phase
    since = None if initial is Phase.DIRECTE_VEILIGHEID else created_on
    for change in history:
        if change.to_phase is Phase.DIRECTE_VEILIGHEID:
            since = None
        elif since is None:
            since = change.decided_on
    return since


STABLE_MONTHS = 6


def months_between(start: date, end: date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - (1 if end.day < start.day else 0)


def closing_warnings(
    phase: Phase,
    created_on: date,
    history: Sequence[PhaseChange],
    open_actions: int,
    today: date,
) -> list[str]:
    """What to weigh before closing: the ZVH stays until safety is stable for half a year."""
    warnings = []
    since = safe_since(phase, created_on, history)
    if since is None:
        warnings.append("De casus is nog in directe veiligheid.")
    elif months_between(since, today) < STABLE_MONTHS:
        warnings.append(
            f"De veiligheid is pas sinds {format_date(since)} stabiel "
            f"({months_between(since, today)} maanden). Meestal blijft het Zorg- en "
            f"Veiligheidshuis betrokken tot dat minstens een half jaar zo is."
        )
    if open_actions:
        warnings.append(
            f"Er {'staat' if open_actions == 1 else 'staan'} nog {open_actions} "
            f"{'actie' if open_actions == 1 else 'acties'} open."
        )
    return warnings


# --- plans: who knows the current version -----------------------------------


class PlanKind(StrEnum):
    VEILIGHEIDSPLAN = "veiligheidsplan"
    HULPVERLENINGSPLAN = "hulpverleningsplan"
    HERSTELPLAN = "herstelplan"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass
class PlanVersion:
    kind: PlanKind
    label: str
    dated: date
    id: int | None = None

    def describe(self) -> str:
        return f"{self.label} van {format_date(self.dated)}"


def plan_parties(case: Case) -> list[str]:
    """Who must know the plans: every partner at the table and the adults of the family."""
    names = [p.organisation for p in case.partners] + [m.name for m in case.adults]
    unique: dict[str, str] = {}
    for name in names:
        if name.strip():
            unique.setdefault(party_key(name), name.strip())
    return list(unique.values())


def party_key(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass
class PlanStatus:
    """One plan: its current version and since when each party knows that version."""

    kind: PlanKind
    version: PlanVersion | None
    parties: list[str]
    known: dict[str, date] = field(default_factory=dict)  # by party_key

    def known_since(self, party: str) -> date | None:
        return self.known.get(party_key(party))

    def aware(self) -> list[str]:
        return [p for p in self.parties if self.known_since(p) is not None]

    def unaware(self) -> list[str]:
        return [p for p in self.parties if self.known_since(p) is None]

    def summary(self) -> str:
        """One line for the case screen and the minutes."""
        if self.version is None:
            return f"{self.kind.label}: nog niet vastgelegd."
        head = f"{self.kind.label} ({self.version.describe()})"
        if not self.parties:
            return f"{head}: nog geen partijen bij de casus."
        missing = self.unaware()
        if not missing:
            return f"{head}: iedereen kent deze versie."
        return (
            f"{head}: {len(self.aware())} van {len(self.parties)} kennen deze versie. "
            f"Nog niet: {', '.join(missing)}."
        )


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
