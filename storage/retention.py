"""Retention: cases closed longer than the retention period, and destroying them for good.

Destroying removes every row that belongs to the case, in every table that has a
`case_id` or a `meeting_id` column (so tables added later are covered without a
change here), and then rebuilds the database file (VACUUM) so the deleted words are
not left in free pages or in the write-ahead log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine, Table, delete, or_, select, update
from sqlmodel import SQLModel

from storage import audit
from storage.errors import StorageError, translate
from storage.tables import AuditRow, CaseRow, MeetingRow

DEFAULT_YEARS = 5

_CASES: Table = CaseRow.__table__  # type: ignore[attr-defined]
_MEETINGS: Table = MeetingRow.__table__  # type: ignore[attr-defined]
_AUDIT: Table = AuditRow.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class ExpiredCase:
    case_id: int
    alias: str
    closed_at: datetime  # local time
    reason: str
    meetings: tuple[tuple[int, date], ...]  # (number, held on), to find the minutes files


def cutoff(years: int, now: datetime | None = None) -> datetime:
    """The moment before which a closed case has passed its retention period."""
    now = audit.utc(now)
    try:
        return now.replace(year=now.year - years)
    except ValueError:  # 29 February
        return now.replace(year=now.year - years, day=28)


def expired_cases(engine: Engine, years: int, now: datetime | None = None) -> list[ExpiredCase]:
    """Cases closed longer than `years` ago, oldest closure first."""
    limit = cutoff(years, now)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                select(_CASES.c.id, _CASES.c.alias, _CASES.c.closed_at, _CASES.c.closed_reason)
                .where(_CASES.c.closed_at.is_not(None), _CASES.c.closed_at <= limit)
                .order_by(_CASES.c.closed_at, _CASES.c.id)
            ).all()
            meetings: dict[int, list[tuple[int, date]]] = {case_id: [] for case_id, *_ in rows}
            if meetings:
                found = connection.execute(
                    select(_MEETINGS.c.case_id, _MEETINGS.c.number, _MEETINGS.c.held_on)
                    .where(_MEETINGS.c.case_id.in_(list(meetings)))
                    .order_by(_MEETINGS.c.case_id, _MEETINGS.c.number)
                )
                for case_id, number, held_on in found:
                    meetings[case_id].append((number, held_on))
    except Exception as error:
        raise translate(error, engine.url.database) from error
    return [
        ExpiredCase(case_id, alias, audit.local(closed_at), reason, tuple(meetings[case_id]))
        for case_id, alias, closed_at, reason in rows
    ]


def case_tables() -> tuple[list[Table], list[Table]]:
    """Tables holding rows of a meeting, and tables holding rows of a case."""
    by_meeting, by_case = [], []
    for table in reversed(SQLModel.metadata.sorted_tables):
        if table in (_CASES, _MEETINGS, _AUDIT):
            continue
        if "meeting_id" in table.c:
            by_meeting.append(table)
        elif "case_id" in table.c:
            by_case.append(table)
    return by_meeting, by_case


def destroy_cases(
    engine: Engine, cases: list[ExpiredCase], actor: str, now: datetime | None = None
) -> None:
    """Remove the cases completely and leave one entry per case in the audit log.

    The log keeps who did what and when, by case number. It holds no typed words (the
    reasons for closing and reopening live with the case); any a database from before
    version 5 might still hold about these cases are wiped too.
    """
    if not cases:
        return
    ids = [c.case_id for c in cases]
    by_meeting, by_case = case_tables()
    try:
        with engine.begin() as connection:
            meeting_ids = select(_MEETINGS.c.id).where(_MEETINGS.c.case_id.in_(ids))
            for table in by_meeting:
                condition = [table.c.meeting_id.in_(meeting_ids)]
                if "case_id" in table.c:
                    condition.append(table.c.case_id.in_(ids))
                connection.execute(delete(table).where(or_(*condition)))
            for table in by_case:
                connection.execute(delete(table).where(table.c.case_id.in_(ids)))
            connection.execute(delete(_MEETINGS).where(_MEETINGS.c.case_id.in_(ids)))
            connection.execute(delete(_CASES).where(_CASES.c.id.in_(ids)))
            connection.execute(
                update(_AUDIT)
                .where(
                    _AUDIT.c.case_id.in_(ids),
                    _AUDIT.c.action.in_([audit.CLOSED, audit.REOPENED]),
                )
                .values(detail="")
            )
            for case in cases:
                closed = case.closed_at.strftime("%d-%m-%Y")
                audit.record(
                    connection,
                    actor,
                    case.case_id,
                    audit.DESTROYED,
                    f"bewaartermijn verlopen (gesloten op {closed})",
                    now,
                )
    except StorageError:
        raise
    except Exception as error:
        raise translate(error, engine.url.database) from error
    vacuum(engine)


def vacuum(engine: Engine) -> None:
    """Rebuild the file so deleted text is gone from free pages and from the WAL too."""
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            if engine.dialect.name == "sqlite":
                connection.exec_driver_sql("VACUUM")
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            else:
                for table in SQLModel.metadata.sorted_tables:
                    connection.exec_driver_sql(f"VACUUM FULL {table.name}")
    except Exception as error:
        raise translate(error, engine.url.database) from error
