"""Version 5: where each person stands, who is invited, who must (not) know a plan.

Also takes the reasons typed when closing or reopening a case out of the audit log:
they live with the case, so purging a case removes them. Tables are described
here as they are at version 5; never import the current models into a step.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    bindparam,
    insert,
    select,
    update,
)

from storage.migration_tools import add_column


def v5_people_invitations_plans(connection: Connection) -> None:
    """Where each person stands, who is invited, who must (not) know a plan; no client
    words in the audit log."""
    for table, name, default in (
        ("family_members", "violence_position", "onbekend"),
        ("family_members", "note", ""),
        ("partners", "linked_to", ""),
        ("meetings", "invited", ""),
        ("participants", "key", ""),
        ("answers", "speaker", ""),
        ("safety_scores", "member_key", ""),
        ("client_voices", "member_key", ""),
    ):
        add_column(connection, table, Column(name, String, nullable=False, server_default=default))
    add_column(connection, "meetings", Column("together_safe", Boolean, nullable=True))

    def create(name: str, *items: Any) -> None:
        metadata = MetaData()
        Table("cases", metadata, Column("id", Integer, primary_key=True))
        Table(name, metadata, *items).create(connection)

    def case_fk() -> Column[int]:
        return Column("case_id", Integer, ForeignKey("cases.id"), nullable=False)

    create(
        "position_changes",
        Column("id", Integer, primary_key=True),
        case_fk(),
        Column("member_key", String, nullable=False),
        Column("changed_on", Date, nullable=False),
        Column("position", String, nullable=False),
        Index("ix_position_changes_case_id", "case_id"),
    )
    create(
        "plan_audiences",
        Column("id", Integer, primary_key=True),
        case_fk(),
        Column("kind", String, nullable=False),
        Column("outside", String, nullable=False),
        Column("must_not", String, nullable=True),
        UniqueConstraint("case_id", "kind"),
        Index("ix_plan_audiences_case_id", "case_id"),
    )
    _v5_seat_invited_members(connection)
    _v5_reasons_out_of_the_log(connection)


def _v5_seat_invited_members(connection: Connection) -> None:
    """Family members who were at the table were invited: they get their key there, and the
    meeting's invitations name them, so every meeting keeps the participants it had."""

    def same(name: str) -> str:  # frozen copy of how names compared at version 5
        return " ".join(name.split()).casefold()

    def reflect(name: str) -> Table:
        return Table(name, MetaData(), autoload_with=connection)

    members, meetings, participants = (
        reflect(n) for n in ("family_members", "meetings", "participants")
    )
    family: dict[int, list[Any]] = {}
    for m in connection.execute(
        select(members).order_by(members.c.case_id, members.c.position, members.c.id)
    ):
        if m.role != "kind":  # children were never seated: their voice comes in by others
            family.setdefault(m.case_id, []).append(m)
    seats = connection.execute(
        select(participants.c.id, participants.c.name, meetings.c.id, meetings.c.case_id)
        .join(meetings, meetings.c.id == participants.c.meeting_id)
        .order_by(meetings.c.id, participants.c.position, participants.c.id)
    ).all()
    keyed: list[dict[str, Any]] = []
    invited: dict[int, set[str]] = {}
    for participant_id, name, meeting_id, case_id in seats:
        taken = invited.setdefault(meeting_id, set())
        for m in family.get(case_id, []):
            if m.key not in taken and same(m.name) == same(name):
                taken.add(m.key)
                keyed.append({"row": participant_id, "found": m.key})
                break
    if keyed:
        connection.execute(
            update(participants)
            .where(participants.c.id == bindparam("row"))
            .values({"key": bindparam("found")}),
            keyed,
        )
    case_of = dict(connection.execute(select(meetings.c.id, meetings.c.case_id)).all())
    lists = [
        {"row": meeting_id, "keys": json.dumps(ordered, ensure_ascii=False)}
        for meeting_id, keys in invited.items()
        if (ordered := [m.key for m in family.get(case_of[meeting_id], []) if m.key in keys])
    ]
    if lists:
        connection.execute(
            update(meetings)
            .where(meetings.c.id == bindparam("row"))
            .values({"invited": bindparam("keys")}),
            lists,
        )


def _v5_reasons_out_of_the_log(connection: Connection) -> None:
    """Reasons typed when closing or reopening move from the audit log to the case's own
    history (unless already there); the log keeps only what happened."""
    log = Table("audit_log", MetaData(), autoload_with=connection)
    events = Table("case_status_events", MetaData(), autoload_with=connection)
    cases = Table("cases", MetaData(), Column("id", Integer, primary_key=True))
    spoken = connection.execute(
        select(log.c.id, log.c.case_id, log.c.action, log.c.detail, log.c.at)
        .where(log.c.action.in_(["gesloten", "heropend"]), log.c.detail != "")
        .order_by(log.c.id)
    ).all()
    if not spoken:
        return
    existing = set(connection.execute(select(cases.c.id)).scalars())
    kept = Counter(
        (e.case_id, bool(e.closed), e.reason)
        for e in connection.execute(select(events.c.case_id, events.c.closed, events.c.reason))
    )
    moved = []
    for entry in spoken:
        if entry.case_id not in existing:
            continue  # a destroyed case: its words just go
        found = (entry.case_id, entry.action == "gesloten", entry.detail)
        if kept[found]:
            kept[found] -= 1
            continue
        moved.append(
            {"case_id": entry.case_id, "closed": found[1], "reason": entry.detail, "at": entry.at}
        )
    if moved:
        connection.execute(insert(events), moved)
    connection.execute(update(log).where(log.c.id.in_([e.id for e in spoken])).values(detail=""))
