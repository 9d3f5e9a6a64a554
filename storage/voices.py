"""Reading and writing the client's voice, time-outs and aftercare of a meeting.

Plain functions on a session; the Repository wraps each in one transaction.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from leidraad.core.domain import Phase
from leidraad.core.voice import ClientVoice, HearingMode, InformHow, TimeOut
from storage.tables import ActionRow, ClientVoiceRow, MeetingRow, TimeOutRow

_FIELDS = (
    "member_key",
    "is_child",
    "voiced_by",
    "seat",
    "timeout_sign",
    "topics",
    "professional_note",
    "heard",
    "heard_where",
    "heard_by",
    "ggz_perspective",
    "ggz_by",
    "inform_by",
    "inform_due",
    "inform_action_id",
)


def _voice(row: ClientVoiceRow) -> ClientVoice:
    voice = ClientVoice(row.member, id=row.id)
    for name in _FIELDS:
        setattr(voice, name, getattr(row, name))
    voice.hearing = HearingMode(row.hearing)
    voice.inform_how = InformHow(row.inform_how)
    return voice


def load_voices(s: Session, meeting_id: int) -> list[ClientVoice]:
    rows = s.exec(
        select(ClientVoiceRow)
        .where(ClientVoiceRow.meeting_id == meeting_id)
        .order_by(col(ClientVoiceRow.id))
    ).all()
    return [_voice(r) for r in rows]


def store_voice(s: Session, meeting: MeetingRow, voice: ClientVoice) -> ClientVoice:
    """Upsert by member (by key, else by name); keep the aftercare action in step with
    who informs them."""
    assert meeting.id is not None
    mine = select(ClientVoiceRow).where(ClientVoiceRow.meeting_id == meeting.id)
    row = None
    if voice.member_key:
        row = s.exec(mine.where(ClientVoiceRow.member_key == voice.member_key)).first()
    if row is None:
        row = s.exec(mine.where(ClientVoiceRow.member == voice.member)).first()
    if row is None:
        row = ClientVoiceRow(meeting_id=meeting.id, member=voice.member)
    for name in _FIELDS:
        setattr(row, name, getattr(voice, name))
    row.hearing, row.inform_how = voice.hearing.value, voice.inform_how.value
    row.inform_action_id = _sync_aftercare(s, meeting, voice)
    s.add(row)
    s.flush()
    return _voice(row)


def _sync_aftercare(s: Session, meeting: MeetingRow, voice: ClientVoice) -> int | None:
    action = voice.aftercare_action(Phase(meeting.phase))
    existing = s.get(ActionRow, voice.inform_action_id) if voice.inform_action_id else None
    if action is None:
        if existing is not None:
            s.delete(existing)
        return None
    assert meeting.id is not None
    row = existing or ActionRow(
        case_id=meeting.case_id, meeting_id=meeting.id, description="", phase=""
    )
    row.description, row.owner, row.due = action.description, action.owner, action.due
    row.priority, row.phase = action.priority.value, action.phase.value
    s.add(row)
    s.flush()
    return row.id


def load_timeouts(s: Session, meeting_id: int) -> list[TimeOut]:
    rows = s.exec(
        select(TimeOutRow)
        .where(TimeOutRow.meeting_id == meeting_id)
        .order_by(col(TimeOutRow.started_at))
    ).all()
    return [TimeOut(r.started_at, r.ended_at, r.id) for r in rows]


def start_timeout(s: Session, meeting_id: int, when: datetime) -> TimeOut:
    row = TimeOutRow(meeting_id=meeting_id, started_at=when)
    s.add(row)
    s.flush()
    return TimeOut(row.started_at, None, row.id)


def end_timeout(s: Session, timeout_id: int, when: datetime) -> None:
    row = s.get(TimeOutRow, timeout_id)
    if row is not None and row.ended_at is None:
        row.ended_at = when
        s.add(row)
