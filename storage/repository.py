"""The small API the screens and the command line use to read and save cases.

A Repository is made of one unit of work (engine, actor, short transactions) and
four stores that share it: cases, meetings, plans and follow-up. Its methods only
pass the call on, so callers keep one object and the stores stay apart. Every
method is one short transaction that commits before it returns, so a crash
right after a call never loses what the call saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Engine

from leidraad.core.domain import (
    Action,
    Answer,
    Attendance,
    Case,
    CaseSummary,
    Participant,
    Phase,
    SafetyScore,
)
from leidraad.core.followup import (
    ActionRecord,
    CaseFlags,
    CaseHistory,
    MeetingFollowUp,
    Outcome,
    ReviewItem,
    StatusEvent,
)
from leidraad.core.meeting import Meeting, MeetingSummary
from leidraad.core.phases import PhaseChange
from leidraad.core.plans import PlanKind, PlanStatus, PlanVersion
from leidraad.core.trend import ScoreSheet
from leidraad.core.voice import ClientVoice, TimeOut
from storage import audit
from storage.case_list import LIST_LIMIT, CaseList
from storage.cases import CaseStore, Closure
from storage.database import Location, open_engine
from storage.errors import NotFound
from storage.followup import FollowUpStore
from storage.meetings import MeetingStore
from storage.plans import PlanAudienceSetting, PlanStore
from storage.session import UnitOfWork

__all__ = ["Closure", "NotFound", "PlanAudienceSetting", "Repository"]


class Repository:
    def __init__(
        self, engine: Engine, actor: str | None = None, today: Callable[[], date] | None = None
    ) -> None:
        self.work = UnitOfWork(engine, actor, today)
        self.cases = CaseStore(self.work)
        self.meetings = MeetingStore(self.work, self.cases)
        self.plans = PlanStore(self.work, self.cases)
        self.followup = FollowUpStore(self.work, self.cases, self.meetings, self.plans)

    @classmethod
    def open(
        cls,
        database: Path | Location,
        actor: str | None = None,
        backup_dir: Path | None = None,
        today: Callable[[], date] | None = None,
    ) -> Repository:
        return cls(open_engine(database, backup_dir), actor, today)

    @property
    def engine(self) -> Engine:
        return self.work.engine

    @property
    def actor(self) -> str:
        """Every change is logged in this name."""
        return self.work.actor

    # --- cases ---------------------------------------------------------------

    def list_cases(self, search: str = "", include_closed: bool = False) -> list[CaseSummary]:
        return self.cases.list_cases(search, include_closed)

    def case_list(
        self, search: str, today: date, limit: int | None = LIST_LIMIT, include_closed: bool = False
    ) -> CaseList:
        return self.cases.case_list(search, today, limit, include_closed)

    def get_case(self, case_id: int) -> Case:
        return self.cases.get_case(case_id)

    def find_case(self, reference: str) -> Case:
        return self.cases.find_case(reference)

    def save_case(self, case: Case) -> Case:
        return self.cases.save_case(case)

    def close_case(self, case_id: int, reason: str, when: datetime | None = None) -> None:
        self.cases.close_case(case_id, reason, when)

    def reopen_case(self, case_id: int, reason: str = "", when: datetime | None = None) -> None:
        self.cases.reopen_case(case_id, reason, when)

    def closure(self, case_id: int) -> Closure | None:
        return self.cases.closure(case_id)

    def case_closed(self, case_id: int) -> StatusEvent | None:
        return self.cases.case_closed(case_id)

    def count_closed_cases(self) -> int:
        return self.cases.count_closed_cases()

    def case_flags(self, today: date) -> dict[int, CaseFlags]:
        return self.cases.case_flags(today)

    # --- meetings ------------------------------------------------------------

    def list_meetings(self, case_id: int) -> list[MeetingSummary]:
        return self.meetings.list_meetings(case_id)

    def start_meeting(
        self,
        case_id: int,
        questionset: str,
        held_on: date | None = None,
        invited: Sequence[str] = (),
        together_safe: bool | None = None,
    ) -> Meeting:
        """A new meeting: the partners at the table, and of the family only the invited."""
        return self.meetings.start_meeting(case_id, questionset, held_on, invited, together_safe)

    def set_invited(
        self, meeting_id: int, keys: Sequence[str], together_safe: bool | None = None
    ) -> Meeting:
        """Invite these clients (member keys, never a child) and seat them; see MeetingStore."""
        return self.meetings.set_invited(meeting_id, keys, together_safe)

    def get_meeting(self, meeting_id: int) -> Meeting:
        return self.meetings.get_meeting(meeting_id)

    def meeting_by_number(self, case_id: int, number: int | None = None) -> Meeting:
        return self.meetings.meeting_by_number(case_id, number)

    def set_next_meeting(self, meeting_id: int, when: date | None) -> None:
        self.meetings.set_next_meeting(meeting_id, when)

    def close_meeting(self, meeting_id: int, when: datetime | None = None) -> None:
        self.meetings.close_meeting(meeting_id, when)

    def save_answer(self, meeting_id: int, answer: Answer) -> None:
        self.meetings.save_answer(meeting_id, answer)

    def set_attendance(self, participant_id: int, attendance: Attendance) -> None:
        self.meetings.set_attendance(participant_id, attendance)

    def add_participant(self, meeting_id: int, participant: Participant) -> Participant:
        return self.meetings.add_participant(meeting_id, participant)

    def save_score(self, score: SafetyScore) -> None:
        self.meetings.save_score(score)

    def add_score(self, meeting_id: int, score: SafetyScore) -> SafetyScore:
        return self.meetings.add_score(meeting_id, score)

    def client_voices(self, meeting_id: int) -> list[ClientVoice]:
        return self.meetings.client_voices(meeting_id)

    def save_client_voice(self, meeting_id: int, voice: ClientVoice) -> ClientVoice:
        return self.meetings.save_client_voice(meeting_id, voice)

    def mark_started(self, meeting_id: int, when: datetime | None = None) -> datetime:
        return self.meetings.mark_started(meeting_id, when)

    def start_timeout(self, meeting_id: int, when: datetime | None = None) -> TimeOut:
        return self.meetings.start_timeout(meeting_id, when)

    def end_timeout(self, timeout_id: int, when: datetime | None = None) -> None:
        self.meetings.end_timeout(timeout_id, when)

    def save_action(self, meeting_id: int, action: Action) -> Action:
        return self.meetings.save_action(meeting_id, action)

    def delete_action(self, action_id: int) -> None:
        self.meetings.delete_action(action_id)

    # --- following the family over time --------------------------------------

    def review_items(self, meeting_id: int) -> list[ReviewItem]:
        return self.followup.review_items(meeting_id)

    def save_review(
        self, meeting_id: int, action_id: int, outcome: Outcome | None, note: str
    ) -> None:
        self.followup.save_review(meeting_id, action_id, outcome, note)

    def open_action_records(self, case_id: int) -> list[ActionRecord]:
        return self.followup.open_action_records(case_id)

    def score_sheets(self, case_id: int, up_to: int | None = None) -> list[ScoreSheet]:
        return self.followup.score_sheets(case_id, up_to)

    def phase_history(self, case_id: int) -> list[PhaseChange]:
        return self.followup.phase_history(case_id)

    def change_phase(
        self,
        case_id: int,
        target: Phase,
        reason: str,
        meeting_id: int | None = None,
        decided_on: date | None = None,
    ) -> PhaseChange:
        return self.followup.change_phase(case_id, target, reason, meeting_id, decided_on)

    # --- plans ------------------------------------------------------------------

    def plan_versions(self, case_id: int) -> list[PlanVersion]:
        return self.plans.plan_versions(case_id)

    def add_plan_version(
        self, case_id: int, kind: PlanKind, label: str, dated: date
    ) -> PlanVersion:
        return self.plans.add_plan_version(case_id, kind, label, dated)

    def plan_statuses(self, case_id: int, as_of: date | None = None) -> list[PlanStatus]:
        return self.plans.plan_statuses(case_id, as_of)

    def set_plan_known(self, version_id: int, party: str, since: date | None) -> None:
        self.plans.set_plan_known(version_id, party, since)

    def plan_audience(self, case_id: int, kind: PlanKind) -> PlanAudienceSetting:
        """Who outside the table must know this plan, and who must not (default or chosen)."""
        return self.plans.plan_audience(case_id, kind)

    def set_plan_audience(
        self,
        case_id: int,
        kind: PlanKind,
        outside: Sequence[str],
        must_not: Sequence[str] | None = None,
    ) -> PlanAudienceSetting:
        """Store who outside the table must know it (names) and who must not (member keys;
        None or the default list: the default, which follows changes of position)."""
        return self.plans.set_plan_audience(case_id, kind, outside, must_not)

    def case_history(self, case_id: int) -> CaseHistory:
        return self.followup.case_history(case_id)

    def meeting_followup(self, meeting_id: int) -> MeetingFollowUp:
        return self.followup.meeting_followup(meeting_id)

    # --- the audit log -------------------------------------------------------

    def record_export(self, case_id: int, what: str) -> None:
        """Note that a document left the program; the file name is not kept (it holds the alias)."""
        with self.work.session() as s:
            audit.record(s.connection(), self.actor, case_id, audit.EXPORTED, what)
            s.commit()

    def record_document(self, case_id: int, meeting_id: int | None, path: str) -> None:
        """Register a written document by its case (and meeting), for purge; see
        storage/documents.py for what `path` holds."""
        from storage.documents import record_document

        record_document(self.engine, case_id, meeting_id, path)

    def record_event(self, action: str, detail: str = "") -> None:
        """A line about no case (a browser tab on real data): who, when, what; never client text."""
        with self.work.session() as s:
            audit.record(s.connection(), self.actor, None, action, detail)
            s.commit()

    def audit_log(self, case_id: int | None) -> list[audit.AuditEntry]:
        """Who did what to this case and when, oldest first (None: about all data)."""
        with self.work.session() as s:
            return audit.entries(s.connection(), case_id)
