"""Who of the family is invited to a meeting, and seating them at the table.

Nobody of the family sits at the table unless invited, and children never are
(core.people). The participants follow the invitations: invited adults are at
the table as participants with their key, uninvited family members are not;
partners and anyone added by hand stay where they are.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from leidraad.core.domain import Case
from leidraad.core.people import check_invite, invitable, unsafe_pairs
from storage.people import encode_keys
from storage.tables import MeetingRow, ParticipantRow


def checked(
    case: Case, keys: Sequence[str], together_safe: bool | None
) -> tuple[list[str], bool | None]:
    """The invited keys in the case's order, and the answer worth keeping.

    Raises CannotInvite (Dutch) for a child or someone not in the case. The answer to
    "is it safe to sit together?" is kept only when the invitation seats a pleger
    with a slachtoffer; otherwise there is nothing to decide and None is kept.
    """
    for key in keys:
        check_invite(case, key)
    invited = invitable(case, keys)
    return invited, together_safe if unsafe_pairs(case, invited) else None


def invite(s: Session, row: MeetingRow, case: Case, invited: list[str], safe: bool | None) -> None:
    """Store the invitations and bring the participants in line with them."""
    assert row.id is not None
    row.invited, row.together_safe = encode_keys(invited), safe
    s.add(row)
    seated = list(
        s.exec(
            select(ParticipantRow)
            .where(ParticipantRow.meeting_id == row.id)
            .order_by(col(ParticipantRow.position), col(ParticipantRow.id))
        ).all()
    )
    family = {m.key for m in case.members}
    wanted = set(invited)
    for p in seated:
        if p.key in family and p.key not in wanted:
            s.delete(p)
    kept = [p for p in seated if p.key not in family or p.key in wanted]
    present = {p.key for p in kept}
    clients: list[ParticipantRow] = []
    for key in invited:
        member = case.member(key)
        assert member is not None  # checked() let only members of the case through
        if key in present:
            clients += [p for p in kept if p.key == key]
        else:
            seat = ParticipantRow(meeting_id=row.id, name=member.name, role=member.description)
            seat.key = key
            clients.append(seat)
    others = [p for p in kept if p.key not in wanted]
    for i, p in enumerate(clients + others):
        p.position = i
        s.add(p)


def describe(case: Case, number: int, invited: list[str], safe: bool | None) -> str:
    """The audit line: who is invited by person number (as exports do), never by name."""
    numbers = {m.key: i for i, m in enumerate(case.members, start=1)}
    people = ", ".join(f"persoon {numbers[k]}" for k in invited) or "niemand van het gezin"
    text = f"overleg {number}: uitgenodigd {people}"
    if safe is not None:
        text += f"; samen aan tafel veilig: {'ja' if safe else 'nee'}"
    return text
