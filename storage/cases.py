"""Cases: the family, its people and partners, the case list, closing and reopening.

Every method is one short transaction that commits before it returns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import func
from sqlmodel import Session, col, select

from leidraad.core.domain import (
    Case,
    CaseSummary,
    FamilyMember,
    InvalidInput,
    Partner,
    Phase,
    new_key,
)
from leidraad.core.followup import CaseFlags, StatusEvent
from storage import audit, people
from storage.case_list import LIST_LIMIT, CaseList, case_list
from storage.errors import NotFound
from storage.session import UnitOfWork, case_or_fail
from storage.tables import CaseRow, CaseStatusRow, FamilyMemberRow, PartnerRow, utc_now

_Row = TypeVar("_Row", FamilyMemberRow, PartnerRow)


@dataclass(frozen=True)
class Closure:
    """Why and when a case was closed; the retention period counts from closed_at."""

    closed_at: datetime
    reason: str


class CaseStore:
    def __init__(self, work: UnitOfWork) -> None:
        self.work = work

    # --- finding cases -------------------------------------------------------

    def list_cases(self, search: str = "", include_closed: bool = False) -> list[CaseSummary]:
        """Every matching case (for the command line and tests; the screen pages them)."""
        return self.case_list(search, date.today(), None, include_closed).cases

    def case_list(
        self,
        search: str,
        today: date,
        limit: int | None = LIST_LIMIT,
        include_closed: bool = False,
    ) -> CaseList:
        """What the case list shows: a page of cases, how many match, how many are closed."""
        with self.work.connection() as connection:
            return case_list(connection, search, today, limit, include_closed)

    def get_case(self, case_id: int) -> Case:
        with self.work.session() as s:
            return load_case(s, case_id)

    def find_case(self, reference: str) -> Case:
        """A case by its number or its alias (case-insensitive), as typed on the command line."""
        ref = reference.strip()
        with self.work.session() as s:
            row = s.get(CaseRow, int(ref)) if ref.isdigit() else None
            if row is None:
                row = s.exec(
                    select(CaseRow).where(func.lower(CaseRow.alias) == ref.lower())
                ).first()
        if row is None or row.id is None:
            raise NotFound(f"Er is geen casus '{reference}'. Gebruik het nummer of de naam.")
        return self.get_case(row.id)

    # --- saving --------------------------------------------------------------

    def save_case(self, case: Case) -> Case:
        """Insert or update a case with its family members and partners.

        People keep their row and their key: a changed person is updated in place,
        a new one added, one left out removed. A changed position is kept in the
        member's history, dated by the repository's day (see people.save_members).
        """
        with self.work.session() as s:
            if case.id is None:
                row = CaseRow(alias=case.alias, phase=case.phase.value, regie=case.regie)
                s.add(row)
                s.flush()
            else:
                row = case_or_fail(s, case.id)
                row.alias, row.phase, row.regie = case.alias, case.phase.value, case.regie
            assert row.id is not None
            case_id = row.id
            members = _sync(
                s,
                _stored(s, FamilyMemberRow, case_id),
                case.members,
                lambda key: FamilyMemberRow(case_id=case_id, key=key, name="", role=""),
            )
            keys = people.save_members(
                s, case_id, list(zip(case.members, members, strict=True)), self.work.today()
            )
            partners = _sync(
                s,
                _stored(s, PartnerRow, case_id),
                case.partners,
                lambda key: PartnerRow(case_id=case_id, key=key, organisation=""),
            )
            people.save_partners(s, list(zip(case.partners, partners, strict=True)), keys)
            s.commit()
        return self.get_case(case_id)

    # --- closing and reopening -----------------------------------------------

    def close_case(self, case_id: int, reason: str, when: datetime | None = None) -> None:
        """Close a case: hidden from the default case list, still found by searching."""
        cleaned = " ".join(reason.split())
        if not cleaned:
            raise InvalidInput("Schrijf op waarom de casus wordt gesloten.")
        with self.work.session() as s:
            row = case_or_fail(s, case_id)
            if row.closed_at is not None:
                raise InvalidInput("Deze casus is al gesloten.")
            row.closed_at = audit.utc(when) if when else utc_now()
            row.closed_reason = cleaned
            s.add(row)
            s.add(CaseStatusRow(case_id=case_id, closed=True, reason=cleaned, at=row.closed_at))
            # The reason stays with the case (purged with it); the log says what happened.
            audit.record(s.connection(), self.work.actor, case_id, audit.CLOSED)
            s.commit()

    def reopen_case(self, case_id: int, reason: str = "", when: datetime | None = None) -> None:
        with self.work.session() as s:
            row = case_or_fail(s, case_id)
            if row.closed_at is None:
                raise InvalidInput("Deze casus is niet gesloten.")
            row.closed_at = None
            row.closed_reason = ""
            s.add(row)
            cleaned = " ".join(reason.split())
            event = CaseStatusRow(case_id=case_id, closed=False, reason=cleaned)
            event.at = when or utc_now()
            s.add(event)
            audit.record(s.connection(), self.work.actor, case_id, audit.REOPENED)
            s.commit()

    def closure(self, case_id: int) -> Closure | None:
        """When and why the case was closed, or None while it is open."""
        with self.work.session() as s:
            row = case_or_fail(s, case_id)
        if row.closed_at is None:
            return None
        return Closure(audit.local(row.closed_at), row.closed_reason)

    def case_closed(self, case_id: int) -> StatusEvent | None:
        """When and why the case was closed; None while it is open."""
        closure = self.closure(case_id)
        if closure is None:
            return None
        return StatusEvent(closure.closed_at.date(), True, closure.reason)

    def count_closed_cases(self) -> int:
        with self.work.session() as s:
            return s.exec(select(func.count()).where(col(CaseRow.closed_at).is_not(None))).one()

    def case_flags(self, today: date) -> dict[int, CaseFlags]:
        """Per case: how many open actions are past their date, and whether it fell back."""
        with self.work.connection() as connection:
            every = case_list(connection, "", today, None, include_closed=True)
        return {c.id: CaseFlags(c.overdue, c.fell_back) for c in every.cases}


def load_case(s: Session, case_id: int) -> Case:
    """A case with its family members and partners, read in the given session."""
    row = case_or_fail(s, case_id)
    members = _stored(s, FamilyMemberRow, case_id)
    partners = _stored(s, PartnerRow, case_id)
    history = people.histories(s, case_id)
    return Case(
        alias=row.alias,
        phase=Phase(row.phase),
        regie=row.regie,
        members=[people.member_from_row(m, history.get(m.key, [])) for m in members],
        partners=[people.partner_from_row(p) for p in partners],
        id=row.id,
    )


def _stored(s: Session, table: type[_Row], case_id: int) -> list[_Row]:
    return list(
        s.exec(
            select(table)
            .where(col(table.case_id) == case_id)
            .order_by(col(table.position), col(table.id))
        ).all()
    )


def _sync(
    s: Session,
    stored: list[_Row],
    people: Sequence[FamilyMember | Partner],
    new_row: Callable[[str], _Row],
) -> list[_Row]:
    """The row that holds each person, in their order; stored rows nobody claims are deleted.

    A person is found by key, or else by row id (a form that kept the id but made a
    new object keeps its row and its stored key). Anyone else gets a new row; a key
    already taken in this case is replaced by a fresh one.
    """
    by_key = {r.key: r for r in stored}
    by_id = {r.id: r for r in stored}
    keys = set(by_key)
    claimed: set[int] = set()
    rows = []
    for person in people:
        row = by_key.get(person.key)
        if row is None or row.id in claimed:
            row = by_id.get(person.id) if person.id is not None else None
        if row is None or row.id in claimed:
            key = person.key if person.key not in keys else new_key()
            keys.add(key)
            row = new_row(key)
        elif row.id is not None:
            claimed.add(row.id)
        rows.append(row)
    for old in stored:
        if old.id not in claimed:
            s.delete(old)
    return rows
