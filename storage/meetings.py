"""Meetings: who is at the table, what is said, the scores, actions, voices and time-outs.

Every method is one short transaction that commits before it returns, except
`save_answer`, which takes the lean path of storage.answers while someone types.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import func
from sqlalchemy.exc import NoResultFound, SQLAlchemyError
from sqlmodel import col, delete, select

from leidraad.core.audience import Restriction
from leidraad.core.domain import (
    Action,
    Answer,
    Attendance,
    MeetingStatus,
    Participant,
    Phase,
    Priority,
    SafetyScore,
    participants_for,
    perspectives_for,
)
from leidraad.core.meeting import Meeting, MeetingSummary
from leidraad.core.voice import ClientVoice, TimeOut, voices_for
from storage import audit, invitations, voices
from storage.cases import CaseStore, load_case
from storage.errors import NotFound
from storage.people import decode_keys, encode_keys
from storage.session import UnitOfWork, meeting_or_fail
from storage.tables import (
    ActionRow,
    AnswerRow,
    MeetingRow,
    ParticipantRow,
    ScoreRow,
    utc_now,
)


class MeetingStore:
    def __init__(self, work: UnitOfWork, cases: CaseStore) -> None:
        self.work = work
        self.cases = cases

    # --- the meeting itself --------------------------------------------------

    def list_meetings(self, case_id: int) -> list[MeetingSummary]:
        with self.work.session() as s:
            rows = s.exec(
                select(MeetingRow)
                .where(MeetingRow.case_id == case_id)
                .order_by(col(MeetingRow.number))
            ).all()
            return [
                MeetingSummary(
                    r.id or 0, r.number, r.held_on, Phase(r.phase), MeetingStatus(r.status)
                )
                for r in rows
            ]

    def start_meeting(
        self,
        case_id: int,
        questionset: str,
        held_on: date | None = None,
        invited: Sequence[str] = (),
        together_safe: bool | None = None,
    ) -> Meeting:
        """A new meeting: the partners and the invited clients at the table (nobody of the
        family unless invited, never a child), and a score row per perspective."""
        case = self.cases.get_case(case_id)
        keys, safe = invitations.checked(case, invited, together_safe)
        with self.work.session() as s:
            highest = s.exec(
                select(func.max(MeetingRow.number)).where(MeetingRow.case_id == case_id)
            ).one()
            row = MeetingRow(
                case_id=case_id,
                number=(highest or 0) + 1,
                held_on=held_on or date.today(),
                phase=case.phase.value,
                questionset=questionset,
                invited=encode_keys(keys),
                together_safe=safe,
            )
            s.add(row)
            s.flush()
            assert row.id is not None
            for i, p in enumerate(participants_for(case, keys)):
                s.add(
                    ParticipantRow(
                        meeting_id=row.id, position=i, name=p.name, role=p.role, key=p.key
                    )
                )
            for i, score in enumerate(perspectives_for(case)):
                s.add(
                    ScoreRow(
                        meeting_id=row.id,
                        position=i,
                        perspective=score.perspective,
                        voiced_by=score.voiced_by,
                        member_key=score.member_key,
                    )
                )
            s.commit()
            meeting_id = row.id
        return self.get_meeting(meeting_id)

    def get_meeting(self, meeting_id: int) -> Meeting:
        with self.work.session() as s:
            row = meeting_or_fail(s, meeting_id)
            participants = s.exec(
                select(ParticipantRow)
                .where(ParticipantRow.meeting_id == meeting_id)
                .order_by(col(ParticipantRow.position), col(ParticipantRow.id))
            ).all()
            answers = s.exec(select(AnswerRow).where(AnswerRow.meeting_id == meeting_id)).all()
            scores = s.exec(
                select(ScoreRow)
                .where(ScoreRow.meeting_id == meeting_id)
                .order_by(col(ScoreRow.position), col(ScoreRow.id))
            ).all()
            actions = s.exec(
                select(ActionRow)
                .where(ActionRow.meeting_id == meeting_id)
                .order_by(col(ActionRow.id))
            ).all()
            return Meeting(
                case_id=row.case_id,
                number=row.number,
                held_on=row.held_on,
                phase=Phase(row.phase),
                questionset=row.questionset,
                status=MeetingStatus(row.status),
                next_meeting=row.next_meeting,
                closed_at=row.closed_at,
                participants=[
                    Participant(p.name, p.role, Attendance(p.attendance), p.id, p.key)
                    for p in participants
                ],
                answers={
                    a.question_id: Answer(
                        a.question_id,
                        a.question_text,
                        a.part,
                        a.text,
                        a.client_words,
                        Restriction.decode(a.restriction),
                        a.speaker,
                    )
                    for a in answers
                },
                scores=[score_from_row(c) for c in scores],
                actions=[action_from_row(a) for a in actions],
                id=row.id,
                started_at=row.started_at,
                voices=voices.load_voices(s, meeting_id),
                timeouts=voices.load_timeouts(s, meeting_id),
                invited=decode_keys(row.invited),
                together_safe=row.together_safe,
            )

    def meeting_by_number(self, case_id: int, number: int | None = None) -> Meeting:
        """Meeting N of a case, or its latest when no number is given."""
        meetings = self.list_meetings(case_id)
        if not meetings:
            raise NotFound("Deze casus heeft nog geen overleg.")
        if number is None:
            return self.get_meeting(meetings[-1].id)
        for m in meetings:
            if m.number == number:
                return self.get_meeting(m.id)
        raise NotFound(f"Deze casus heeft geen overleg {number} (er zijn er {len(meetings)}).")

    def set_invited(
        self, meeting_id: int, keys: Sequence[str], together_safe: bool | None = None
    ) -> Meeting:
        """Say which clients are invited (member keys; never a child) and seat them.

        Invited adults come to the table as participants with their key; family members
        no longer invited leave it; partners stay. `together_safe` answers whether a
        pleger and a slachtoffer may sit together, kept only when the invitation seats
        such a pair. Raises CannotInvite (Dutch) for a child or someone not in the case.
        The audit log names people by number only.
        """
        with self.work.session() as s:
            row = meeting_or_fail(s, meeting_id)
            case = load_case(s, row.case_id)
            invited, safe = invitations.checked(case, keys, together_safe)
            audit.covers(s, row.case_id, f"overleg {row.number}")
            invitations.invite(s, row, case, invited, safe)
            detail = invitations.describe(case, row.number, invited, safe)
            audit.record(s.connection(), self.work.actor, row.case_id, audit.CHANGED, detail)
            s.commit()
        return self.get_meeting(meeting_id)

    def set_next_meeting(self, meeting_id: int, when: date | None) -> None:
        with self.work.session() as s:
            meeting_or_fail(s, meeting_id).next_meeting = when
            s.commit()

    def close_meeting(self, meeting_id: int, when: datetime | None = None) -> None:
        with self.work.session() as s:
            row = meeting_or_fail(s, meeting_id)
            row.status = MeetingStatus.AFGESLOTEN.value
            row.closed_at = when or utc_now()
            s.commit()

    # --- what is said --------------------------------------------------------

    def save_answer(self, meeting_id: int, answer: Answer) -> None:
        """Upsert one answer; called while the user types, so it is the lean path."""
        try:
            self.work.answers.save(meeting_id, answer, utc_now())
        except NoResultFound as error:
            raise NotFound(f"Overleg {meeting_id} bestaat niet.") from error
        except SQLAlchemyError as error:
            raise self.work.failure(error) from error

    def set_attendance(self, participant_id: int, attendance: Attendance) -> None:
        with self.work.session() as s:
            row = s.get(ParticipantRow, participant_id)
            if row is None:
                raise NotFound("Deze deelnemer bestaat niet meer.")
            row.attendance = attendance.value
            s.commit()

    def add_participant(self, meeting_id: int, participant: Participant) -> Participant:
        with self.work.session() as s:
            count = s.exec(
                select(func.count()).where(ParticipantRow.meeting_id == meeting_id)
            ).one()
            row = ParticipantRow(
                meeting_id=meeting_id,
                position=count,
                name=participant.name,
                role=participant.role,
                attendance=participant.attendance.value,
                key=participant.key,
            )
            s.add(row)
            s.commit()
            return Participant(row.name, row.role, Attendance(row.attendance), row.id, row.key)

    def save_score(self, score: SafetyScore) -> None:
        with self.work.session() as s:
            row = s.get(ScoreRow, score.id)
            if row is None:
                raise NotFound("Dit veiligheidscijfer bestaat niet meer.")
            row.perspective, row.voiced_by = score.perspective, score.voiced_by
            row.score, row.higher = score.score, score.higher
            row.restriction = score.restriction.encode()
            row.member_key = score.member_key
            s.commit()

    def add_score(self, meeting_id: int, score: SafetyScore) -> SafetyScore:
        with self.work.session() as s:
            count = s.exec(select(func.count()).where(ScoreRow.meeting_id == meeting_id)).one()
            row = ScoreRow(
                meeting_id=meeting_id,
                position=count,
                perspective=score.perspective,
                voiced_by=score.voiced_by,
                score=score.score,
                higher=score.higher,
                restriction=score.restriction.encode(),
                member_key=score.member_key,
            )
            s.add(row)
            s.commit()
            return score_from_row(row)

    # --- the client's voice, time-outs ---------------------------------------

    def client_voices(self, meeting_id: int) -> list[ClientVoice]:
        """Every family member's voice for this meeting, new ones included (not yet stored)."""
        with self.work.session() as s:
            meeting = meeting_or_fail(s, meeting_id)
            stored = voices.load_voices(s, meeting_id)
            case = load_case(s, meeting.case_id)
        return voices_for(case, stored)

    def save_client_voice(self, meeting_id: int, voice: ClientVoice) -> ClientVoice:
        with self.work.session() as s:
            stored = voices.store_voice(s, meeting_or_fail(s, meeting_id), voice)
            s.commit()
            return stored

    def mark_started(self, meeting_id: int, when: datetime | None = None) -> datetime:
        """The moment the meeting began, set once, so the meeting clock survives a restart."""
        with self.work.session() as s:
            row = meeting_or_fail(s, meeting_id)
            if row.started_at is None:
                row.started_at = when or utc_now()
                s.add(row)
                s.commit()
            started = row.started_at
            assert started is not None
            return started

    def start_timeout(self, meeting_id: int, when: datetime | None = None) -> TimeOut:
        with self.work.session() as s:
            meeting_or_fail(s, meeting_id)
            timeout = voices.start_timeout(s, meeting_id, when or utc_now())
            s.commit()
            return timeout

    def end_timeout(self, timeout_id: int, when: datetime | None = None) -> None:
        with self.work.session() as s:
            voices.end_timeout(s, timeout_id, when or utc_now())
            s.commit()

    # --- the action plan -----------------------------------------------------

    def save_action(self, meeting_id: int, action: Action) -> Action:
        with self.work.session() as s:
            meeting = meeting_or_fail(s, meeting_id)
            row = s.get(ActionRow, action.id) if action.id is not None else None
            if row is None:
                row = ActionRow(
                    case_id=meeting.case_id, meeting_id=meeting_id, description="", phase=""
                )
            row.description, row.owner, row.due = action.description, action.owner, action.due
            row.priority, row.phase = action.priority.value, action.phase.value
            row.restriction = action.restriction.encode()
            s.add(row)
            s.commit()
            return action_from_row(row)

    def delete_action(self, action_id: int) -> None:
        with self.work.session() as s:
            s.exec(delete(ActionRow).where(col(ActionRow.id) == action_id))
            s.commit()


def action_from_row(row: ActionRow) -> Action:
    """The one translation from a stored action to the domain, for every store."""
    return Action(
        row.description,
        row.owner,
        row.due,
        Priority(row.priority),
        Phase(row.phase),
        row.id,
        Restriction.decode(row.restriction),
    )


def score_from_row(row: ScoreRow) -> SafetyScore:
    """The one translation from a stored safety score to the domain, for every store."""
    return SafetyScore(
        row.perspective,
        row.voiced_by,
        row.score,
        row.higher,
        row.id,
        Restriction.decode(row.restriction),
        member_key=row.member_key,
    )
