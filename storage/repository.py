"""The small API the screens and the command line use to read and save cases.

Every method is one short transaction that commits before it returns, so a
crash right after a call never loses what the call saved.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Engine, func
from sqlalchemy.exc import NoResultFound, SQLAlchemyError
from sqlmodel import Session, col, delete, select

from leidraad.core.audience import Restriction
from leidraad.core.domain import (
    Action,
    Answer,
    Attendance,
    Case,
    CaseSummary,
    FamilyMember,
    MeetingStatus,
    MemberRole,
    Participant,
    Partner,
    Phase,
    SafetyScore,
    participants_for,
    perspectives_for,
)
from leidraad.core.meeting import Meeting, MeetingSummary
from leidraad.core.voice import ClientVoice, TimeOut, voices_for
from storage import audit, voices
from storage.answers import AnswerWriter
from storage.case_list import LIST_LIMIT, CaseList, case_list
from storage.database import Location, open_engine
from storage.errors import translate
from storage.followup import FollowUpStore, action_from_row, score_from_row
from storage.tables import (
    ActionRow,
    AnswerRow,
    CaseRow,
    FamilyMemberRow,
    MeetingRow,
    ParticipantRow,
    PartnerRow,
    ScoreRow,
    utc_now,
)


class NotFound(LookupError):
    """A case or meeting that does not exist (any more)."""


@dataclass(frozen=True)
class Closure:
    """Why and when a case was closed; the retention period counts from closed_at."""

    closed_at: datetime
    reason: str


class Repository(FollowUpStore):
    def __init__(self, engine: Engine, actor: str | None = None) -> None:
        self.engine = engine
        self.actor = audit.enable(engine, actor)  # every change is logged in this name
        self._answers = AnswerWriter(engine, self.actor)

    @classmethod
    def open(
        cls, database: Path | Location, actor: str | None = None, backup_dir: Path | None = None
    ) -> Repository:
        return cls(open_engine(database, backup_dir), actor)

    @contextmanager
    def _session(self) -> Iterator[Session]:
        """One short transaction; driver errors come out as a StorageError in Dutch."""
        try:
            with Session(self.engine, expire_on_commit=False) as session:
                yield session
        except SQLAlchemyError as error:
            raise translate(error, self.engine.url.database) from error

    # --- cases ---------------------------------------------------------------

    def list_cases(self, search: str = "", include_closed: bool = False) -> list[CaseSummary]:
        """Every matching case (for the command line and tests; the screen pages them)."""
        return self.case_list(search, date.today(), None, include_closed).cases

    def case_list(
        self,
        search: str,
        today: date,
        limit: int | None = LIST_LIMIT,
        include_closed: bool = False,
    ) -> CaseList:
        """What the case list shows: a page of cases, how many match, how many are closed."""
        try:
            with self.engine.connect() as connection:
                return case_list(connection, search, today, limit, include_closed)
        except SQLAlchemyError as error:
            raise translate(error, self.engine.url.database) from error

    def get_case(self, case_id: int) -> Case:
        with self._session() as s:
            return _load_case(s, case_id)

    def find_case(self, reference: str) -> Case:
        """A case by its number or its alias (case-insensitive), as typed on the command line."""
        ref = reference.strip()
        with self._session() as s:
            row = s.get(CaseRow, int(ref)) if ref.isdigit() else None
            if row is None:
                row = s.exec(
                    select(CaseRow).where(func.lower(CaseRow.alias) == ref.lower())
                ).first()
        if row is None or row.id is None:
            raise NotFound(f"Er is geen casus '{reference}'. Gebruik het nummer of de naam.")
        return self.get_case(row.id)

    def save_case(self, case: Case) -> Case:
        """Insert or update a case with its family members and partners."""
        with self._session() as s:
            if case.id is None:
                row = CaseRow(alias=case.alias, phase=case.phase.value, regie=case.regie)
                s.add(row)
                s.flush()
            else:
                found = s.get(CaseRow, case.id)
                if found is None:
                    raise NotFound(f"Casus {case.id} bestaat niet.")
                row = found
                row.alias, row.phase, row.regie = case.alias, case.phase.value, case.regie
                s.exec(delete(FamilyMemberRow).where(col(FamilyMemberRow.case_id) == row.id))
                s.exec(delete(PartnerRow).where(col(PartnerRow.case_id) == row.id))
            assert row.id is not None
            for i, m in enumerate(case.members):
                s.add(
                    FamilyMemberRow(case_id=row.id, position=i, name=m.name, role=m.role, age=m.age)
                )
            for i, p in enumerate(case.partners):
                s.add(
                    PartnerRow(
                        case_id=row.id, position=i, organisation=p.organisation, contact=p.contact
                    )
                )
            s.commit()
            case_id = row.id
        return self.get_case(case_id)

    # --- meetings ------------------------------------------------------------

    def list_meetings(self, case_id: int) -> list[MeetingSummary]:
        with self._session() as s:
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

    def start_meeting(self, case_id: int, questionset: str, held_on: date | None = None) -> Meeting:
        """A new meeting with the case's people at the table and a score row per perspective."""
        case = self.get_case(case_id)
        with self._session() as s:
            highest = s.exec(
                select(func.max(MeetingRow.number)).where(MeetingRow.case_id == case_id)
            ).one()
            row = MeetingRow(
                case_id=case_id,
                number=(highest or 0) + 1,
                held_on=held_on or date.today(),
                phase=case.phase.value,
                questionset=questionset,
            )
            s.add(row)
            s.flush()
            assert row.id is not None
            for i, p in enumerate(participants_for(case)):
                s.add(ParticipantRow(meeting_id=row.id, position=i, name=p.name, role=p.role))
            for i, score in enumerate(perspectives_for(case)):
                s.add(
                    ScoreRow(
                        meeting_id=row.id,
                        position=i,
                        perspective=score.perspective,
                        voiced_by=score.voiced_by,
                    )
                )
            s.commit()
            meeting_id = row.id
        return self.get_meeting(meeting_id)

    def get_meeting(self, meeting_id: int) -> Meeting:
        with self._session() as s:
            row = s.get(MeetingRow, meeting_id)
            if row is None:
                raise NotFound(f"Overleg {meeting_id} bestaat niet.")
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
                    Participant(p.name, p.role, Attendance(p.attendance), p.id)
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
                    )
                    for a in answers
                },
                scores=[score_from_row(c) for c in scores],
                actions=[action_from_row(a) for a in actions],
                id=row.id,
                started_at=row.started_at,
                voices=voices.load_voices(s, meeting_id),
                timeouts=voices.load_timeouts(s, meeting_id),
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

    def set_next_meeting(self, meeting_id: int, when: date | None) -> None:
        with self._session() as s:
            self._meeting_or_fail(s, meeting_id).next_meeting = when
            s.commit()

    def close_meeting(self, meeting_id: int, when: datetime | None = None) -> None:
        with self._session() as s:
            row = self._meeting_or_fail(s, meeting_id)
            row.status = MeetingStatus.AFGESLOTEN.value
            row.closed_at = when or utc_now()
            s.commit()

    # --- what is said --------------------------------------------------------

    def save_answer(self, meeting_id: int, answer: Answer) -> None:
        """Upsert one answer; called while the user types, so it is the lean path."""
        try:
            self._answers.save(meeting_id, answer, utc_now())
        except NoResultFound as error:
            raise NotFound(f"Overleg {meeting_id} bestaat niet.") from error
        except SQLAlchemyError as error:
            raise translate(error, self.engine.url.database) from error

    def set_attendance(self, participant_id: int, attendance: Attendance) -> None:
        with self._session() as s:
            row = s.get(ParticipantRow, participant_id)
            if row is None:
                raise NotFound("Deze deelnemer bestaat niet meer.")
            row.attendance = attendance.value
            s.commit()

    def add_participant(self, meeting_id: int, participant: Participant) -> Participant:
        with self._session() as s:
            count = s.exec(
                select(func.count()).where(ParticipantRow.meeting_id == meeting_id)
            ).one()
            row = ParticipantRow(
                meeting_id=meeting_id,
                position=count,
                name=participant.name,
                role=participant.role,
                attendance=participant.attendance.value,
            )
            s.add(row)
            s.commit()
            return Participant(row.name, row.role, Attendance(row.attendance), row.id)

    def save_score(self, score: SafetyScore) -> None:
        with self._session() as s:
            row = s.get(ScoreRow, score.id)
            if row is None:
                raise NotFound("Dit veiligheidscijfer bestaat niet meer.")
            row.perspective, row.voiced_by = score.perspective, score.voiced_by
            row.score, row.higher = score.score, score.higher
            row.restriction = score.restriction.encode()
            s.commit()

    def add_score(self, meeting_id: int, score: SafetyScore) -> SafetyScore:
        with self._session() as s:
            count = s.exec(select(func.count()).where(ScoreRow.meeting_id == meeting_id)).one()
            row = ScoreRow(
                meeting_id=meeting_id,
                position=count,
                perspective=score.perspective,
                voiced_by=score.voiced_by,
                score=score.score,
                higher=score.higher,
                restriction=score.restriction.encode(),
            )
            s.add(row)
            s.commit()
            return score_from_row(row)

    # --- the client's voice, time-outs, aftercare -----------------------------

    def client_voices(self, meeting_id: int) -> list[ClientVoice]:
        """Every family member's voice for this meeting, new ones included (not yet stored)."""
        with self._session() as s:
            meeting = self._meeting_or_fail(s, meeting_id)
            stored = voices.load_voices(s, meeting_id)
            case = _load_case(s, meeting.case_id)
        return voices_for(case, stored)

    def save_client_voice(self, meeting_id: int, voice: ClientVoice) -> ClientVoice:
        with self._session() as s:
            stored = voices.store_voice(s, self._meeting_or_fail(s, meeting_id), voice)
            s.commit()
            return stored

    def mark_started(self, meeting_id: int, when: datetime | None = None) -> datetime:
        """The moment the meeting began, set once, so the meeting clock survives a restart."""
        with self._session() as s:
            row = self._meeting_or_fail(s, meeting_id)
            if row.started_at is None:
                row.started_at = when or utc_now()
                s.add(row)
                s.commit()
            started = row.started_at
            assert started is not None
            return started

    def start_timeout(self, meeting_id: int, when: datetime | None = None) -> TimeOut:
        with self._session() as s:
            self._meeting_or_fail(s, meeting_id)
            timeout = voices.start_timeout(s, meeting_id, when or utc_now())
            s.commit()
            return timeout

    def end_timeout(self, timeout_id: int, when: datetime | None = None) -> None:
        with self._session() as s:
            voices.end_timeout(s, timeout_id, when or utc_now())
            s.commit()

    # --- the action plan -----------------------------------------------------

    def save_action(self, meeting_id: int, action: Action) -> Action:
        with self._session() as s:
            meeting = self._meeting_or_fail(s, meeting_id)
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
        with self._session() as s:
            s.exec(delete(ActionRow).where(col(ActionRow.id) == action_id))
            s.commit()

    # --- closing a case and its audit log ---------------------------------------

    def closure(self, case_id: int) -> Closure | None:
        """When and why the case was closed, or None while it is open."""
        with self._session() as s:
            row = s.get(CaseRow, case_id)
            if row is None:
                raise NotFound(f"Casus {case_id} bestaat niet.")
            if row.closed_at is None:
                return None
            return Closure(audit.local(row.closed_at), row.closed_reason)

    def record_export(self, case_id: int, what: str) -> None:
        """Note that a document left the program; the file name is not kept (it holds the alias)."""
        detail = what
        with self._session() as s:
            audit.record(s.connection(), self.actor, case_id, audit.EXPORTED, detail)
            s.commit()

    def audit_log(self, case_id: int | None) -> list[audit.AuditEntry]:
        """Who did what to this case and when, oldest first (None: about all data)."""
        with self._session() as s:
            return audit.entries(s.connection(), case_id)


def _load_case(s: Session, case_id: int) -> Case:
    """A case with its family members and partners, read in the given session."""
    row = s.get(CaseRow, case_id)
    if row is None:
        raise NotFound(f"Casus {case_id} bestaat niet.")
    members = s.exec(
        select(FamilyMemberRow)
        .where(FamilyMemberRow.case_id == case_id)
        .order_by(col(FamilyMemberRow.position))
    ).all()
    partners = s.exec(
        select(PartnerRow).where(PartnerRow.case_id == case_id).order_by(col(PartnerRow.position))
    ).all()
    return Case(
        alias=row.alias,
        phase=Phase(row.phase),
        regie=row.regie,
        members=[FamilyMember(m.name, MemberRole(m.role), m.age, m.id) for m in members],
        partners=[Partner(p.organisation, p.contact, p.id) for p in partners],
        id=row.id,
    )
