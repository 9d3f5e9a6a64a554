"""The steps between schema versions, for SQLite and PostgreSQL alike.

How to change the schema (read this before adding a column or a table):

1. Change the model in `storage/tables.py` and raise `SCHEMA_VERSION` there by one.
2. Add a `Step` at the end of `STEPS` below that takes a database of the previous
   version to the new one. Write it with the helpers of storage/migration_tools.py
   (`add_column`, `create_table`) or plain SQL that both SQLite and PostgreSQL
   accept; a long step gets a module of its own (storage/migration_v5.py). Describe
   tables inside the step itself; never import the current models into a step,
   because they will have moved on by the time an old database is upgraded.
3. Run the tests: `tests/test_migrations.py` builds a database at every earlier
   version with `create_at_version`, upgrades it, and checks that the result has
   exactly the tables, columns and indexes a new database gets from `tables.py`.

Running the steps (one transaction each, a backup first) is storage/migrations.py.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import uuid4

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    bindparam,
    select,
    update,
)

from storage.migration_tools import Step, add_column, create_table
from storage.migration_v5 import v5_people_invitations_plans

__all__ = ["STEPS", "Step", "add_column", "create_table", "v1_tables"]

INFO_TABLE = "schema_info"  # frozen: version 1 named it so, and every version reads it


# --- version 1: the schema as first released, frozen here --------------------


def v1_tables(metadata: MetaData) -> None:
    """The first schema exactly as leidraad 0.1 created it; the base every upgrade starts from."""

    def pk() -> Column[int]:
        return Column("id", Integer, primary_key=True)

    def text_column(name: str) -> Column[str]:
        return Column(name, String, nullable=False)

    Table(INFO_TABLE, metadata, pk(), Column("version", Integer, nullable=False))
    Table(
        "cases",
        metadata,
        pk(),
        Column("alias", String, nullable=False, index=True),
        text_column("phase"),
        text_column("regie"),
        Column("created_at", DateTime(timezone=True), nullable=False),
    )
    Table(
        "family_members",
        metadata,
        pk(),
        Column("case_id", Integer, ForeignKey("cases.id"), nullable=False, index=True),
        Column("position", Integer, nullable=False),
        text_column("name"),
        text_column("role"),
        Column("age", Integer),
    )
    Table(
        "partners",
        metadata,
        pk(),
        Column("case_id", Integer, ForeignKey("cases.id"), nullable=False, index=True),
        Column("position", Integer, nullable=False),
        text_column("organisation"),
        text_column("contact"),
    )
    Table(
        "meetings",
        metadata,
        pk(),
        Column("case_id", Integer, ForeignKey("cases.id"), nullable=False, index=True),
        Column("number", Integer, nullable=False),
        Column("held_on", Date, nullable=False),
        text_column("phase"),
        text_column("questionset"),
        text_column("status"),
        Column("next_meeting", Date),
        Column("closed_at", DateTime(timezone=True)),
        UniqueConstraint("case_id", "number"),
    )
    Table(
        "participants",
        metadata,
        pk(),
        Column("meeting_id", Integer, ForeignKey("meetings.id"), nullable=False, index=True),
        Column("position", Integer, nullable=False),
        text_column("name"),
        text_column("role"),
        text_column("attendance"),
    )
    Table(
        "answers",
        metadata,
        pk(),
        Column("meeting_id", Integer, ForeignKey("meetings.id"), nullable=False, index=True),
        text_column("question_id"),
        text_column("question_text"),
        text_column("part"),
        text_column("text"),
        Column("client_words", Boolean, nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False),
        UniqueConstraint("meeting_id", "question_id"),
    )
    Table(
        "safety_scores",
        metadata,
        pk(),
        Column("meeting_id", Integer, ForeignKey("meetings.id"), nullable=False, index=True),
        Column("position", Integer, nullable=False),
        text_column("perspective"),
        text_column("voiced_by"),
        Column("score", Integer),
        text_column("higher"),
    )
    Table(
        "actions",
        metadata,
        pk(),
        Column("case_id", Integer, ForeignKey("cases.id"), nullable=False, index=True),
        Column("meeting_id", Integer, ForeignKey("meetings.id"), nullable=False, index=True),
        text_column("description"),
        text_column("owner"),
        Column("due", Date),
        text_column("priority"),
        text_column("phase"),
        text_column("status"),
    )


# --- the steps ---------------------------------------------------------------


def _v2_closing_and_audit_log(connection: Connection) -> None:
    add_column(connection, "cases", Column("closed_at", DateTime(timezone=True), nullable=True))
    add_column(
        connection,
        "cases",
        Column("closed_reason", String, nullable=False, server_default=""),
    )
    create_table(
        connection,
        "audit_log",
        Column("id", Integer, primary_key=True),
        Column("case_id", Integer, nullable=True),
        Column("action", String, nullable=False),
        Column("detail", String, nullable=False),
        Column("actor", String, nullable=False),
        Column("at", DateTime(timezone=True), nullable=False),
        Column("last_at", DateTime(timezone=True), nullable=False),
        Index("ix_audit_log_case_id", "case_id"),
    )


def _v3_voice_followup_and_restrictions(connection: Connection) -> None:
    """Restrictions per reader, the client's voice, time-outs, and following a case over time."""

    def text_column(name: str, default: str = "") -> Column[str]:
        return Column(name, String, nullable=False, server_default=default)

    def stamp(name: str, nullable: bool = False) -> Column[datetime]:
        return Column(name, DateTime(timezone=True), nullable=nullable)

    def pk() -> Column[int]:
        return Column("id", Integer, primary_key=True)

    def meeting_fk(nullable: bool = False) -> Column[int]:
        return Column("meeting_id", Integer, ForeignKey("meetings.id"), nullable=nullable)

    def case_fk() -> Column[int]:
        return Column("case_id", Integer, ForeignKey("cases.id"), nullable=False)

    for table in ("answers", "safety_scores", "actions"):
        add_column(connection, table, text_column("restriction"))
    add_column(connection, "meetings", stamp("started_at", nullable=True))

    # Foreign keys need the referred tables known to the metadata of each new table.
    def create(name: str, *items: Any) -> None:
        metadata = MetaData()
        for referred in ("cases", "meetings", "actions", "plan_versions"):
            if referred != name:
                Table(referred, metadata, Column("id", Integer, primary_key=True))
        Table(name, metadata, *items).create(connection)

    create(
        "client_voices",
        pk(),
        meeting_fk(),
        text_column("member"),
        Column("is_child", Boolean, nullable=False),
        text_column("hearing"),
        text_column("voiced_by"),
        text_column("seat"),
        text_column("timeout_sign"),
        text_column("topics"),
        text_column("professional_note"),
        text_column("heard"),
        text_column("heard_where"),
        text_column("heard_by"),
        text_column("ggz_perspective"),
        text_column("ggz_by"),
        text_column("inform_by"),
        text_column("inform_how"),
        Column("inform_due", Date),
        Column("inform_action_id", Integer),
        UniqueConstraint("meeting_id", "member"),
        Index("ix_client_voices_meeting_id", "meeting_id"),
    )
    create(
        "timeouts",
        pk(),
        meeting_fk(),
        stamp("started_at"),
        stamp("ended_at", nullable=True),
        Index("ix_timeouts_meeting_id", "meeting_id"),
    )
    create(
        "action_reviews",
        pk(),
        meeting_fk(),
        Column("action_id", Integer, ForeignKey("actions.id", ondelete="CASCADE"), nullable=False),
        Column("outcome", String),
        text_column("note"),
        stamp("updated_at"),
        UniqueConstraint("meeting_id", "action_id"),
        Index("ix_action_reviews_meeting_id", "meeting_id"),
        Index("ix_action_reviews_action_id", "action_id"),
    )
    create(
        "phase_changes",
        pk(),
        case_fk(),
        meeting_fk(nullable=True),
        text_column("from_phase"),
        text_column("to_phase"),
        text_column("reason"),
        Column("decided_on", Date, nullable=False),
        stamp("created_at"),
        Index("ix_phase_changes_case_id", "case_id"),
    )
    create(
        "plan_versions",
        pk(),
        case_fk(),
        text_column("kind"),
        text_column("label"),
        Column("dated", Date, nullable=False),
        stamp("created_at"),
        Index("ix_plan_versions_case_id", "case_id"),
    )
    create(
        "plan_awareness",
        pk(),
        case_fk(),
        Column("plan_version_id", Integer, ForeignKey("plan_versions.id"), nullable=False),
        text_column("party"),
        Column("known_since", Date, nullable=False),
        UniqueConstraint("plan_version_id", "party"),
        Index("ix_plan_awareness_case_id", "case_id"),
        Index("ix_plan_awareness_plan_version_id", "plan_version_id"),
    )
    create(
        "case_status_events",
        pk(),
        case_fk(),
        Column("closed", Boolean, nullable=False),
        text_column("reason"),
        stamp("at"),
        Index("ix_case_status_events_case_id", "case_id"),
    )


def _v4_person_keys(connection: Connection) -> None:
    """Family members and partners keep a key for life; each existing one gets its own."""
    for name in ("family_members", "partners"):
        add_column(connection, name, Column("key", String, nullable=False, server_default=""))
        people = Table(
            name,
            MetaData(),
            Column("id", Integer, primary_key=True),
            Column("case_id", Integer),
            Column("key", String),
        )
        ids = connection.execute(select(people.c.id)).scalars().all()
        if ids:
            connection.execute(
                update(people)
                .where(people.c.id == bindparam("row"))
                .values({"key": bindparam("fresh")}),
                [{"row": row_id, "fresh": uuid4().hex} for row_id in ids],
            )
        Index(f"ix_{name}_case_id_key", people.c.case_id, people.c["key"], unique=True).create(
            connection
        )


def _v6_documents(connection: Connection) -> None:
    """Every written document with its case (and meeting), for purge to find by identity."""
    metadata = MetaData()
    for referred in ("cases", "meetings"):
        Table(referred, metadata, Column("id", Integer, primary_key=True))
    Table(
        "documents",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("case_id", Integer, ForeignKey("cases.id"), nullable=False),
        Column("meeting_id", Integer, ForeignKey("meetings.id"), nullable=True),
        Column("path", String, nullable=False),
        Column("written_at", DateTime(timezone=True), nullable=False),
        Index("ix_documents_case_id", "case_id"),
        Index("ix_documents_meeting_id", "meeting_id"),
        Index("ix_documents_path", "path"),
    ).create(connection)


STEPS: list[Step] = [
    Step(2, "cases can be closed (closed_at, closed_reason); audit_log", _v2_closing_and_audit_log),
    Step(
        3,
        "restrictions, client's voice, time-outs, reviews, phases, plans",
        _v3_voice_followup_and_restrictions,
    ),
    Step(4, "family members and partners keep a key for life", _v4_person_keys),
    Step(
        5,
        "positions and their history, invitations, plan audiences; reasons out of the log",
        v5_people_invitations_plans,
    ),
    Step(6, "documents: every written document with its case and meeting", _v6_documents),
]
