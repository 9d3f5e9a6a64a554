"""The database tables. Only the repository uses these; screens see domain objects."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlmodel import Field, SQLModel, UniqueConstraint

# Raise by one with every change below, and add the step in storage/migrations.py.
SCHEMA_VERSION = 2


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
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    position: int = 0
    name: str
    role: str
    age: int | None = None


class PartnerRow(SQLModel, table=True):
    __tablename__ = "partners"
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    position: int = 0
    organisation: str
    contact: str = ""


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


class ParticipantRow(SQLModel, table=True):
    __tablename__ = "participants"
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meetings.id", index=True)
    position: int = 0
    name: str
    role: str = ""
    attendance: str = "aanwezig"


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
