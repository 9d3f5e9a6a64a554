"""Following a family over time: earlier actions ticked off, scores, phases, history.

Plans are kept by storage/plans.py; the history and the minutes ask it for their state.

Like the other stores, every method is one short transaction that commits before
it returns.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from leidraad.core.domain import InvalidInput, Phase, SafetyScore
from leidraad.core.followup import (
    ActionRecord,
    CaseHistory,
    MeetingFollowUp,
    Outcome,
    ReviewItem,
    ReviewRecord,
    StatusEvent,
    due_for_review,
    status_after,
)
from leidraad.core.phases import PhaseChange, check_phase_change
from leidraad.core.trend import ScoreSheet
from storage import audit
from storage.cases import CaseStore
from storage.errors import NotFound
from storage.meetings import MeetingStore, action_from_row, score_from_row
from storage.plans import PlanStore
from storage.session import UnitOfWork, case_or_fail, meeting_or_fail
from storage.tables import (
    ActionReviewRow,
    ActionRow,
    CaseStatusRow,
    MeetingRow,
    PhaseChangeRow,
    ScoreRow,
    utc_now,
)


class FollowUpStore:
    """Action reviews, score trends, phase history, plan awareness, the whole course."""

    def __init__(
        self, work: UnitOfWork, cases: CaseStore, meetings: MeetingStore, plans: PlanStore
    ) -> None:
        self.work = work
        self.cases = cases
        self.meetings = meetings
        self.plans = plans

    # --- reading helpers -----------------------------------------------------

    def _action_records(self, s: Session, case_id: int) -> list[ActionRecord]:
        meetings = {
            m.id: m for m in s.exec(select(MeetingRow).where(MeetingRow.case_id == case_id)).all()
        }
        actions = s.exec(
            select(ActionRow).where(ActionRow.case_id == case_id).order_by(col(ActionRow.id))
        ).all()
        reviews: dict[int, list[ReviewRecord]] = {}
        rows = s.exec(
            select(ActionReviewRow, MeetingRow)
            .join(MeetingRow, col(MeetingRow.id) == col(ActionReviewRow.meeting_id))
            .where(MeetingRow.case_id == case_id)
        ).all()
        for review, meeting in rows:
            outcome = Outcome(review.outcome) if review.outcome else None
            reviews.setdefault(review.action_id, []).append(
                ReviewRecord(meeting.number, meeting.held_on, outcome, review.note)
            )
        records = []
        for row in actions:
            agreed = meetings[row.meeting_id]
            records.append(
                ActionRecord(
                    action_from_row(row),
                    agreed.number,
                    agreed.held_on,
                    row.status,
                    tuple(sorted(reviews.get(row.id or 0, []), key=lambda r: r.meeting_number)),
                )
            )
        return sorted(records, key=lambda r: (r.meeting_number, r.action.id or 0))

    # --- ticking off earlier agreements ---------------------------------------

    def review_items(self, meeting_id: int) -> list[ReviewItem]:
        """The actions of earlier meetings that were still open when this meeting began."""
        with self.work.session() as s:
            meeting = meeting_or_fail(s, meeting_id)
            records = self._action_records(s, meeting.case_id)
        items = []
        for record in records:
            if record.meeting_number >= meeting.number:
                continue
            if not due_for_review(record.reviews, meeting.number):
                continue
            here = [r for r in record.reviews if r.meeting_number == meeting.number]
            items.append(
                ReviewItem(
                    record.action,
                    record.meeting_number,
                    record.agreed_on,
                    here[0].outcome if here else None,
                    here[0].note if here else "",
                    tuple(r for r in record.reviews if r.meeting_number < meeting.number),
                )
            )
        return items

    def save_review(
        self, meeting_id: int, action_id: int, outcome: Outcome | None, note: str
    ) -> None:
        """Store one tick-off and bring the action's status in line with its latest one."""
        with self.work.session() as s:
            meeting = meeting_or_fail(s, meeting_id)
            action = s.get(ActionRow, action_id)
            if action is None:
                raise NotFound("Deze actie bestaat niet meer.")
            agreed = s.get(MeetingRow, action.meeting_id)
            if action.case_id != meeting.case_id or agreed is None:
                raise InvalidInput("Deze actie hoort bij een andere casus.")
            if agreed.number >= meeting.number:
                raise InvalidInput("Een actie tik je af in een later overleg dan dat van de actie.")
            row = s.exec(
                select(ActionReviewRow).where(
                    ActionReviewRow.meeting_id == meeting_id, ActionReviewRow.action_id == action_id
                )
            ).first()
            if outcome is None and not note.strip():
                if row is not None:
                    s.delete(row)
            else:
                row = row or ActionReviewRow(meeting_id=meeting_id, action_id=action_id)
                row.outcome = outcome.value if outcome else None
                row.note = note
                row.updated_at = utc_now()
                s.add(row)
            s.flush()
            found = s.exec(
                select(ActionReviewRow, MeetingRow)
                .join(MeetingRow, col(MeetingRow.id) == col(ActionReviewRow.meeting_id))
                .where(ActionReviewRow.action_id == action_id)
            ).all()
            action.status = status_after(
                [
                    ReviewRecord(m.number, m.held_on, Outcome(r.outcome) if r.outcome else None)
                    for r, m in found
                ]
            )
            s.add(action)
            s.commit()

    def open_action_records(self, case_id: int) -> list[ActionRecord]:
        with self.work.session() as s:
            return [r for r in self._action_records(s, case_id) if r.is_open]

    # --- scores over time ------------------------------------------------------

    def score_sheets(self, case_id: int, up_to: int | None = None) -> list[ScoreSheet]:
        """Every meeting's scores, oldest first; up to and including meeting `up_to`."""
        with self.work.session() as s:
            query = select(MeetingRow).where(MeetingRow.case_id == case_id)
            if up_to is not None:
                query = query.where(MeetingRow.number <= up_to)
            meetings = s.exec(query.order_by(col(MeetingRow.number))).all()
            ids = [m.id for m in meetings]
            scores = s.exec(
                select(ScoreRow)
                .where(col(ScoreRow.meeting_id).in_(ids))
                .order_by(col(ScoreRow.position), col(ScoreRow.id))
            ).all()
        by_meeting: dict[int, list[SafetyScore]] = {}
        for c in scores:
            by_meeting.setdefault(c.meeting_id, []).append(score_from_row(c))
        return [
            ScoreSheet(m.number, m.held_on, tuple(by_meeting.get(m.id or 0, []))) for m in meetings
        ]

    # --- phases ------------------------------------------------------------------

    def phase_history(self, case_id: int) -> list[PhaseChange]:
        with self.work.session() as s:
            rows = s.exec(
                select(PhaseChangeRow)
                .where(PhaseChangeRow.case_id == case_id)
                .order_by(col(PhaseChangeRow.decided_on), col(PhaseChangeRow.id))
            ).all()
            numbers = {
                m.id: m.number
                for m in s.exec(select(MeetingRow).where(MeetingRow.case_id == case_id)).all()
            }
        return [_phase_change(r, numbers) for r in rows]

    def change_phase(
        self,
        case_id: int,
        target: Phase,
        reason: str,
        meeting_id: int | None = None,
        decided_on: date | None = None,
    ) -> PhaseChange:
        """Move the case to another phase and keep the decision in its history.

        The rules (InvalidInput with a Dutch message) are in followup.check_phase_change.
        """
        with self.work.session() as s:
            case = case_or_fail(s, case_id)
            meeting = meeting_or_fail(s, meeting_id) if meeting_id is not None else None
            if meeting is not None and meeting.case_id != case_id:
                raise InvalidInput("Dit overleg hoort bij een andere casus.")
            current = Phase(case.phase)
            cleaned = check_phase_change(
                current, target, reason, meeting is not None, case.closed_at is not None
            )
            row = PhaseChangeRow(
                case_id=case_id,
                meeting_id=meeting_id,
                from_phase=current.value,
                to_phase=target.value,
                reason=cleaned,
                decided_on=meeting.held_on if meeting else decided_on or date.today(),
            )
            case.phase = target.value
            s.add(row)
            s.add(case)
            s.commit()
            return _phase_change(row, {meeting.id: meeting.number} if meeting else {})

    # --- the whole course ---------------------------------------------------------

    def case_history(self, case_id: int) -> CaseHistory:
        case = self.cases.get_case(case_id)
        with self.work.session() as s:
            row = case_or_fail(s, case_id)
            records = self._action_records(s, case_id)
            events = s.exec(
                select(CaseStatusRow)
                .where(CaseStatusRow.case_id == case_id)
                .order_by(col(CaseStatusRow.at), col(CaseStatusRow.id))
            ).all()
        meetings = self.meetings.list_meetings(case_id)
        # A case entered after its first meetings began no later than those meetings.
        created_on = min([audit.local(row.created_at).date(), *(m.held_on for m in meetings)])
        return CaseHistory(
            case=case,
            created_on=created_on,
            meetings=meetings,
            sheets=self.score_sheets(case_id),
            phase_changes=self.phase_history(case_id),
            actions=records,
            plans=self.plans.plan_statuses(case_id),
            status_events=[
                StatusEvent(audit.local(e.at).date(), e.closed, e.reason) for e in events
            ],
            plan_versions=self.plans.plan_versions(case_id),
            closed_on=audit.local(row.closed_at).date() if row.closed_at else None,
            closed_reason=row.closed_reason,
        )

    def meeting_followup(self, meeting_id: int) -> MeetingFollowUp:
        """What the minutes of this meeting say about earlier actions, scores, phase and plans."""
        with self.work.session() as s:
            meeting = meeting_or_fail(s, meeting_id)
            changes = s.exec(
                select(PhaseChangeRow)
                .where(PhaseChangeRow.meeting_id == meeting_id)
                .order_by(col(PhaseChangeRow.id))
            ).all()
        numbers = {meeting.id: meeting.number}
        return MeetingFollowUp(
            held_on=meeting.held_on,
            review=self.review_items(meeting_id),
            sheets=self.score_sheets(meeting.case_id, up_to=meeting.number),
            phase_changes=[_phase_change(r, numbers) for r in changes],
            plans=self.plans.plan_statuses(meeting.case_id, as_of=meeting.held_on),
        )


def _phase_change(row: PhaseChangeRow, numbers: dict[int | None, int]) -> PhaseChange:
    return PhaseChange(
        Phase(row.from_phase),
        Phase(row.to_phase),
        row.reason,
        row.decided_on,
        numbers.get(row.meeting_id) if row.meeting_id is not None else None,
        row.meeting_id,
        row.id,
    )
