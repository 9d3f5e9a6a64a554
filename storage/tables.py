"""The database tables. Only the repository uses these; screens see domain objects."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import ClassVar

from sqlalchemy import Index
from sqlmodel import Field, SQLModel, UniqueConstraint

from leidraad.core.domain import new_key

# Raise by one with every change below, and add the step in storage/migration_steps.py.
SCHEMA_VERSION = 6


def utc_now() -> datetime:
    return datetime.now(UTC)


class SchemaInfo(SQLModel, table=True):
    __tablename__ = "schema_info"
    id: int = Field(default=1, primary_key=True)
    version: int = SCHEMA_VERSION


class CaseRow(SQLModel, table=True):
    __tablename__ = "cases"
    id: int | None = Field(default=None, primary_key=True)
    alias: str = Field(index=True)
    phase: str
    regie: str = ""
    created_at: datetime = Field(default_factory=utc_now)
    closed_at: datetime | None = None
    closed_reason: str = ""


class FamilyMemberRow(SQLModel, table=True):
    __tablename__ = "family_members"
    # A unique index, not a constraint: an upgrade can add an index to an existing table.
    __table_args__ = (Index("ix_family_members_case_id_key", "case_id", "key", unique=True),)
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    # The person's identity for life; the column default serves inserts without the ORM.
    key: str = Field(default_factory=new_key, sa_column_kwargs={"default": new_key})
    position: int = 0  # the order on the form; where someone stands is `violence_position`
    name: str
    role: str
    age: int | None = None
    violence_position: str = "onbekend"  # core.positions.Position
    note: str = ""  # for professionals only


class PartnerRow(SQLModel, table=True):
    __tablename__ = "partners"
    __table_args__ = (Index("ix_partners_case_id_key", "case_id", "key", unique=True),)
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    key: str = Field(default_factory=new_key, sa_column_kwargs={"default": new_key})
    position: int = 0
    organisation: str
    contact: str = ""
    linked_to: str = ""  # member keys, as storage.people.encode_keys writes them


class MeetingRow(SQLModel, table=True):
    __tablename__ = "meetings"
    __table_args__ = (UniqueConstraint("case_id", "number"),)
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    number: int
    held_on: date
    phase: str
    questionset: str = ""
    status: str = "open"
    next_meeting: date | None = None
    closed_at: datetime | None = None
    started_at: datetime | None = None
    invited: str = ""  # member keys of the clients invited (storage.people.encode_keys)
    together_safe: bool | None = None  # None: not asked (nobody to keep apart, or not yet)


class ParticipantRow(SQLModel, table=True):
    __tablename__ = "participants"
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meetings.id", index=True)
    position: int = 0
    name: str
    role: str = ""
    attendance: str = "aanwezig"
    key: str = ""  # the member's or partner's key; empty for someone added by hand


class AnswerRow(SQLModel, table=True):
    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("meeting_id", "question_id"),)
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meetings.id", index=True)
    question_id: str
    question_text: str
    part: str
    text: str = ""
    client_words: bool = False
    restriction: str = ""
    speaker: str = ""  # member key: whose own words these are
    updated_at: datetime = Field(default_factory=utc_now)


class ScoreRow(SQLModel, table=True):
    __tablename__ = "safety_scores"
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meetings.id", index=True)
    position: int = 0
    perspective: str
    voiced_by: str = ""
    score: int | None = None
    higher: str = ""
    restriction: str = ""
    member_key: str = ""  # whose perspective


class ActionRow(SQLModel, table=True):
    __tablename__ = "actions"
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    meeting_id: int = Field(foreign_key="meetings.id", index=True)
    description: str
    owner: str = ""
    due: date | None = None
    priority: str = "nu"
    phase: str
    status: str = "open"
    restriction: str = ""


class ClientVoiceRow(SQLModel, table=True):
    """A family member's preparation, voice and aftercare for one meeting."""

    __tablename__ = "client_voices"
    __table_args__ = (UniqueConstraint("meeting_id", "member"),)
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meetings.id", index=True)
    member: str
    member_key: str = ""
    is_child: bool = False
    hearing: str = "aan_tafel"
    voiced_by: str = ""
    seat: str = ""
    timeout_sign: str = ""
    topics: str = ""
    professional_note: str = ""
    heard: str = ""
    heard_where: str = ""
    heard_by: str = "casusregisseur"
    ggz_perspective: str = ""
    ggz_by: str = ""
    inform_by: str = ""
    inform_how: str = "telefonisch"
    inform_due: date | None = None
    inform_action_id: int | None = None


class TimeOutRow(SQLModel, table=True):
    __tablename__ = "timeouts"
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meetings.id", index=True)
    started_at: datetime
    ended_at: datetime | None = None


# --- following a family over time (issue 5) ----------------------------------


class ActionReviewRow(SQLModel, table=True):
    """An earlier action ticked off in a meeting: done, partly, not done or no longer needed."""

    __tablename__ = "action_reviews"
    __table_args__ = (UniqueConstraint("meeting_id", "action_id"),)
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meetings.id", index=True)
    action_id: int = Field(foreign_key="actions.id", index=True, ondelete="CASCADE")
    outcome: str | None = None
    note: str = ""
    updated_at: datetime = Field(default_factory=utc_now)


class PhaseChangeRow(SQLModel, table=True):
    __tablename__ = "phase_changes"
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    meeting_id: int | None = Field(default=None, foreign_key="meetings.id")
    from_phase: str
    to_phase: str
    reason: str
    decided_on: date
    created_at: datetime = Field(default_factory=utc_now)


class PlanVersionRow(SQLModel, table=True):
    __tablename__ = "plan_versions"
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    kind: str
    label: str
    dated: date
    created_at: datetime = Field(default_factory=utc_now)


class PlanAwarenessRow(SQLModel, table=True):
    """A party that knows one version of a plan, and since when."""

    __tablename__ = "plan_awareness"
    __table_args__ = (UniqueConstraint("plan_version_id", "party"),)
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)  # so destroying a case reaches it
    plan_version_id: int = Field(foreign_key="plan_versions.id", index=True)
    party: str  # followup.party_key of the organisation or family member
    known_since: date


class PositionChangeRow(SQLModel, table=True):
    """A family member's position in the violence from a day on: their history of it."""

    __tablename__ = "position_changes"
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    member_key: str
    changed_on: date
    position: str


class PlanAudienceRow(SQLModel, table=True):
    """Who must know a plan from outside the table, and who must not, once someone says so."""

    __tablename__ = "plan_audiences"
    __table_args__ = (UniqueConstraint("case_id", "kind"),)
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    kind: str
    outside: str = ""  # free text names (huisarts, school), as encode_keys writes a list
    must_not: str | None = None  # member keys; None: core.plans.default_must_not


class CaseStatusRow(SQLModel, table=True):
    """Every closing and reopening of a case, for its history."""

    __tablename__ = "case_status_events"
    # Closing and reopening get their own audit entries; this history row adds none.
    audited_by_own_entry: ClassVar[bool] = True
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    closed: bool
    reason: str = ""
    at: datetime = Field(default_factory=utc_now)


class DocumentRow(SQLModel, table=True):
    """A document written for a case, so purge finds it by the case and never by its name.

    `path` is relative to the data folder's verslagen/ when the file lies there, else
    absolute (an --out elsewhere: recorded, but never deleted by leidraad).
    """

    __tablename__ = "documents"
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    meeting_id: int | None = Field(default=None, foreign_key="meetings.id", index=True)
    path: str = Field(index=True)
    written_at: datetime = Field(default_factory=utc_now)


class AuditRow(SQLModel, table=True):
    """Who did what to which case; no foreign key, so the entry outlives a destroyed case."""

    __tablename__ = "audit_log"
    id: int | None = Field(default=None, primary_key=True)
    case_id: int | None = Field(default=None, index=True)
    action: str
    detail: str = ""
    actor: str = ""
    at: datetime = Field(default_factory=utc_now)
    last_at: datetime = Field(default_factory=utc_now)
