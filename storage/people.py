"""Storing who is who: positions with their history, notes, a partner's linked clients.

Plain functions on a session; CaseStore.save_case and load_case call them inside
their one transaction. Lists of keys (and of names) are stored as a JSON list in
one text column: small, read whole, never searched.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from sqlmodel import Session, col, delete, select

from leidraad.core.domain import FamilyMember, MemberRole, Partner
from leidraad.core.positions import Position
from storage.tables import FamilyMemberRow, PartnerRow, PositionChangeRow

History = list[tuple[date, Position]]


def encode_keys(keys: Iterable[str]) -> str:
    """A list of keys (or names) as stored: '' for none, else a JSON list, order kept."""
    values = list(dict.fromkeys(k for k in keys if k))
    return json.dumps(values, ensure_ascii=False) if values else ""


def decode_keys(stored: str | None) -> list[str]:
    """The list back; a value that cannot be read is an empty list (nobody)."""
    if not stored:
        return []
    try:
        values = json.loads(stored)
    except ValueError:
        return []
    if not isinstance(values, list):
        return []
    return [v for v in values if isinstance(v, str) and v]


def histories(s: Session, case_id: int) -> dict[str, History]:
    """Per member key, each change of position with its day, oldest first."""
    rows = s.exec(
        select(PositionChangeRow)
        .where(PositionChangeRow.case_id == case_id)
        .order_by(col(PositionChangeRow.changed_on), col(PositionChangeRow.id))
    ).all()
    found: dict[str, History] = {}
    for r in rows:
        found.setdefault(r.member_key, []).append((r.changed_on, Position(r.position)))
    return found


def member_from_row(row: FamilyMemberRow, history: History) -> FamilyMember:
    return FamilyMember(
        row.name,
        MemberRole(row.role),
        row.age,
        row.id,
        row.key,
        position=Position(row.violence_position),
        position_history=list(history),
        note=row.note,
    )


def partner_from_row(row: PartnerRow) -> Partner:
    linked = tuple(decode_keys(row.linked_to))
    return Partner(row.organisation, row.contact, row.id, row.key, linked)


def save_members(
    s: Session,
    case_id: int,
    pairs: Sequence[tuple[FamilyMember, FamilyMemberRow]],
    today: date,
) -> dict[str, str]:
    """Write each member into its row and keep the history of their position.

    The stored history only grows: entries the member brings that are not stored yet
    are added (a change made with people.change_position keeps its own date), and a
    position that differs from the stored one without such an entry is dated `today`.
    History of members no longer in the case is removed with them.

    Returns the key each given member is stored under (a duplicate key gets a new one).
    """
    stored = histories(s, case_id)
    keys: dict[str, str] = {}
    for i, (member, row) in enumerate(pairs):
        before = Position(row.violence_position) if row.id is not None else Position.ONBEKEND
        row.position, row.name, row.age = i, member.name, member.age
        row.role, row.note = str(member.role), member.note
        row.violence_position = member.position.value
        s.add(row)
        keys.setdefault(member.key, row.key)
        known = stored.get(row.key, [])
        added = _new_entries(known, member.position_history)
        latest = (known + added)[-1][1] if known or added else Position.ONBEKEND
        if member.position is not before and member.position is not latest:
            added.append((today, member.position))
        for day, position in added:
            s.add(
                PositionChangeRow(
                    case_id=case_id, member_key=row.key, changed_on=day, position=position.value
                )
            )
    gone = set(stored) - {row.key for _, row in pairs}
    if gone:
        s.exec(
            delete(PositionChangeRow).where(
                col(PositionChangeRow.case_id) == case_id,
                col(PositionChangeRow.member_key).in_(gone),
            )
        )
    return keys


def _new_entries(stored: History, given: Sequence[tuple[date, Position]]) -> History:
    """The entries of `given` that are not stored yet (each stored entry counts once)."""
    left = Counter(stored)
    new: History = []
    for entry in given:
        if left[entry]:
            left[entry] -= 1
        else:
            new.append(entry)
    return new


def save_partners(
    s: Session,
    pairs: Sequence[tuple[Partner, PartnerRow]],
    member_keys: dict[str, str],
) -> None:
    """Write each partner into its row; links only to members of the case, by stored key."""
    present = set(member_keys.values())
    for i, (partner, row) in enumerate(pairs):
        row.position, row.organisation = i, partner.organisation
        row.contact = partner.contact
        linked = (member_keys.get(k, k) for k in partner.linked_to)
        row.linked_to = encode_keys(k for k in linked if k in present)
        s.add(row)
