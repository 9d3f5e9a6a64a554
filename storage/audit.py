"""The audit log: who created, changed, exported, closed or destroyed which case, and when.

Changes are found by the ORM itself (after every flush, and before bulk deletes), so
every repository method, including ones added later, is logged without calling
anything here: a row with a `case_id` or a `meeting_id` column is enough. Exports,
closing and destroying are recorded explicitly. Typing produces many saves; they fold
into one entry per case, person and subject while the work goes on (`last_at`).

Entries name the case by its number only, never by alias or file name, and hold no
text a user typed (a reason for closing lives with the case, people are named by
number), so they hold no client data and may outlive a destroyed case.
"""

from __future__ import annotations

import getpass
import os
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, event, insert, select, update
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from storage.tables import AuditRow, CaseRow, MeetingRow, SchemaInfo

ENV_USER = "LEIDRAAD_GEBRUIKER"
FOLD_WINDOW = timedelta(minutes=15)

CREATED = "aangemaakt"
CHANGED = "gewijzigd"
EXPORTED = "geëxporteerd"
CLOSED = "gesloten"
REOPENED = "heropend"
DESTROYED = "vernietigd"
RESTORED = "teruggezet"

_AUDIT = AuditRow.__table__  # type: ignore[attr-defined]
_actors: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()
# Columns whose change is recorded by its own entry (closing a case), not as "gewijzigd".
_OWN_ENTRY = {"closed_at", "closed_reason"}


@dataclass(frozen=True)
class AuditEntry:
    at: datetime  # local time
    last_at: datetime
    case_id: int | None
    actor: str
    action: str
    detail: str

    def when(self) -> str:
        start = self.at.strftime("%d-%m-%Y %H:%M")
        if self.last_at - self.at < timedelta(minutes=1):
            return start
        same_day = self.last_at.date() == self.at.date()
        end = self.last_at.strftime("%H:%M" if same_day else "%d-%m-%Y %H:%M")
        return f"{start}–{end}"


def default_actor() -> str:
    """The OS user name, unless LEIDRAAD_GEBRUIKER says otherwise."""
    chosen = os.environ.get(ENV_USER, "").strip()
    if chosen:
        return chosen
    try:
        return getpass.getuser()
    except Exception:
        return "onbekend"


def enable(engine: Engine, actor: str | None = None) -> str:
    """Log every change made through sessions on this engine, in the name of actor."""
    name = (actor or "").strip() or default_actor()
    _actors[engine] = name
    return name


def utc(moment: datetime | None = None) -> datetime:
    """Stored times are aware UTC (SQLModel insists); a naive one given is local time."""
    return (moment or datetime.now(UTC)).astimezone(UTC)


def local(moment: datetime) -> datetime:
    return (moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment).astimezone()


def record(
    connection: Connection,
    actor: str,
    case_id: int | None,
    action: str,
    detail: str = "",
    when: datetime | None = None,
) -> tuple[int, datetime]:
    """Add an entry, or stretch the case's latest one when it is the same work going on.

    Returns the id of the entry written and its `last_at`, so a caller can stretch it later.
    """
    now = utc(when)
    latest = connection.execute(
        select(_AUDIT.c.id, _AUDIT.c.actor, _AUDIT.c.action, _AUDIT.c.detail, _AUDIT.c.last_at)
        .where(_AUDIT.c.case_id == case_id if case_id is not None else _AUDIT.c.case_id.is_(None))
        .order_by(_AUDIT.c.id.desc())
        .limit(1)
    ).first()
    if (
        latest is not None
        and (latest.actor, latest.action, latest.detail) == (actor, action, detail)
        and action in (CHANGED, EXPORTED)
        and utc(latest.last_at) >= now - FOLD_WINDOW
    ):
        connection.execute(update(_AUDIT).where(_AUDIT.c.id == latest.id).values(last_at=now))
        return latest.id, now
    result = connection.execute(
        insert(_AUDIT).values(
            case_id=case_id, action=action, detail=detail, actor=actor, at=now, last_at=now
        )
    )
    key = result.inserted_primary_key
    assert key is not None  # a single-row INSERT always has one
    return key[0], now


# Per case, the entry a writer last wrote while someone typed: (entry id, actor, detail,
# last_at), so typing can stretch it with one UPDATE. The writer keeps it (one per engine).
Running = dict[int, tuple[int, str, str, datetime]]
# The log shows times to the minute; typing within this of the last stretch changes nothing.
TOUCH_EVERY = timedelta(seconds=30)
# (A bind parameter may not share a column's name in an UPDATE: hence "stretch_at".)
_STRETCH = (
    update(_AUDIT).where(_AUDIT.c.id == bindparam("entry")).values(last_at=bindparam("stretch_at"))
)


def touch(
    connection: Connection,
    actor: str,
    case_id: int,
    detail: str,
    now: datetime,
    running: Running,
) -> None:
    """Log a change while someone types: stretch the running entry, or start a new one.

    The common case (the same person still working on the same meeting) is a
    single UPDATE by primary key; anything else goes through `record`. `running`
    is the writer's memory of its entries; this keeps it up to date.
    """
    last = running.get(case_id)
    if last is not None:
        entry_id, who, what, last_at = last
        if (who, what) == (actor, detail) and last_at >= now - FOLD_WINDOW:
            if now - last_at < TOUCH_EVERY:
                return
            result = connection.execute(_STRETCH, {"entry": entry_id, "stretch_at": now})
            if result.rowcount == 1:
                running[case_id] = (entry_id, who, what, now)
                return
    entry_id, last_at = record(connection, actor, case_id, CHANGED, detail, now)
    running[case_id] = (entry_id, actor, detail, last_at)


def entries(connection: Connection, case_id: int | None) -> list[AuditEntry]:
    """A case's log, oldest first; case_id None gives the entries about all data."""
    condition = _AUDIT.c.case_id == case_id if case_id is not None else _AUDIT.c.case_id.is_(None)
    rows = connection.execute(select(_AUDIT).where(condition).order_by(_AUDIT.c.id))
    return [
        AuditEntry(local(r.at), local(r.last_at), r.case_id, r.actor, r.action, r.detail)
        for r in rows
    ]


# --- finding changes ---------------------------------------------------------


_MEETINGS = MeetingRow.__table__  # type: ignore[attr-defined]
_MEETING_OF = select(_MEETINGS.c.case_id, _MEETINGS.c.number).where(
    _MEETINGS.c.id == bindparam("meeting")
)
# session.info keys: cases created in the session, meetings looked up in it.
_CREATED = "audit_created"
_MEETINGS_SEEN = "audit_meetings"
_DONE = "audit_done"


def meeting_of(
    connection: Connection, meeting_id: int, known: dict[int, tuple[int, int]]
) -> tuple[int, int] | None:
    """A meeting's (case id, number), or None when there is no such meeting.

    Neither ever changes, so each meeting is read once: `known` keeps what was read.
    """
    found = known.get(meeting_id)
    if found is None:
        row = connection.execute(_MEETING_OF, {"meeting": meeting_id}).first()
        if row is None:
            return None
        found = known[meeting_id] = (row[0], row[1])
    return found


def _known_meetings(session: Session) -> dict[int, tuple[int, int]]:
    known: dict[int, tuple[int, int]] = session.info.setdefault(_MEETINGS_SEEN, {})
    return known


def _subject(
    connection: Connection,
    known: dict[int, tuple[int, int]],
    values: Any,
    new: bool,
    state: Any = None,
) -> tuple[int, str, str] | None:
    """(case id, action, detail) for one changed row, or None when it is not about a case.

    `known` holds the meetings looked up so far in this session (see `meeting_of`).
    """
    if isinstance(values, AuditRow | SchemaInfo) or getattr(values, "audited_by_own_entry", False):
        return None
    if isinstance(values, CaseRow):
        if new:
            return (values.id, CREATED, "") if values.id is not None else None
        changed = {a.key for a in state.attrs if a.history.has_changes()} if state else set()
        if changed and changed <= _OWN_ENTRY:
            return None
        return (values.id, CHANGED, "casusgegevens") if values.id is not None else None
    if isinstance(values, MeetingRow):
        if values.id is not None:  # so rows of this meeting need not read it again
            known[values.id] = (values.case_id, values.number)
        detail = f"overleg {values.number}"
        if new:
            detail += " gestart"
        elif values.status == "afgesloten" and state and state.attrs.status.history.has_changes():
            detail += " afgesloten"
        return (values.case_id, CHANGED, detail)
    meeting_id = getattr(values, "meeting_id", None)
    if isinstance(meeting_id, int):
        found = meeting_of(connection, meeting_id, known)
        return (found[0], CHANGED, f"overleg {found[1]}") if found else None
    case_id = getattr(values, "case_id", None)
    if isinstance(case_id, int):
        return (case_id, CHANGED, "casusgegevens")
    return None


def covers(session: Session, case_id: int, detail: str) -> None:
    """The caller writes its own entry about `detail`: no extra "gewijzigd" for it now."""
    done: set[tuple[int, str, str]] = session.info.setdefault(_DONE, set())
    done.add((case_id, CHANGED, detail))


def _record_all(session: Session, found: list[tuple[int, str, str]], actor: str) -> None:
    created: set[int] = session.info.setdefault(_CREATED, set())
    # One change is logged once per transaction, however many hooks and flushes see it.
    done: set[tuple[int, str, str]] = session.info.setdefault(_DONE, set())
    connection = session.connection()
    for subject in dict.fromkeys(found):
        case_id, action, detail = subject
        if subject in done:
            continue
        done.add(subject)
        if action == CREATED:
            created.add(case_id)
        elif case_id in created and detail == "casusgegevens":
            continue  # filling in a new case is part of creating it
        record(connection, actor, case_id, action, detail)


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _transaction_over(session: Session) -> None:
    session.info.pop(_DONE, None)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context: UOWTransaction) -> None:
    actor = _actor(session)
    if actor is None:
        return
    connection = session.connection()
    known = _known_meetings(session)
    found: list[tuple[int, str, str]] = []
    for obj in session.new:
        if (subject := _subject(connection, known, obj, True)) is not None:
            found.append(subject)
    for obj in list(session.dirty) + list(session.deleted):
        state = sa_inspect(obj)
        if obj in session.dirty and not session.is_modified(obj):
            continue
        if (subject := _subject(connection, known, obj, False, state)) is not None:
            found.append(subject)
    _record_all(session, found, actor)


@event.listens_for(Session, "do_orm_execute")
def _bulk_statement(state: ORMExecuteState) -> None:
    """Bulk DELETE/UPDATE skip the flush; read which cases they touch before they run."""
    if not (state.is_delete or state.is_update) or state.bind_mapper is None:
        return
    actor = _actor(state.session)
    if actor is None:
        return
    table = state.bind_mapper.local_table
    columns = [c for c in ("case_id", "meeting_id") if c in table.c]  # type: ignore[attr-defined]
    if not columns or table is _AUDIT:
        return
    where = state.statement.whereclause  # type: ignore[attr-defined]
    query = select(*(table.c[c] for c in columns))  # type: ignore[attr-defined]
    if where is not None:
        query = query.where(where)
    connection = state.session.connection()
    known = _known_meetings(state.session)
    found: list[tuple[int, str, str]] = []
    for row in connection.execute(query).mappings():
        values = _Values(row.get("case_id"), row.get("meeting_id"))
        if (subject := _subject(connection, known, values, False)) is not None:
            found.append(subject)
    _record_all(state.session, found, actor)


@dataclass
class _Values:
    case_id: int | None
    meeting_id: int | None


def _actor(session: Session) -> str | None:
    try:
        bind = session.get_bind()
    except Exception:
        return None
    engine = bind.engine if isinstance(bind, Connection) else bind
    return _actors.get(engine) if isinstance(engine, Engine) else None
