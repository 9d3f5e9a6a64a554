"""The case list: a page of cases with what the list shows per case, fast on any size.

Cases are picked first (a search or the open cases, in alphabetical order, at
most `limit`), then the figures are counted for just those: so the work grows
with what is shown, not with years of meetings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Select, Table, func, select

from leidraad.domain import CaseSummary, Phase
from leidraad.followup import STATUS_OPEN
from leidraad.phases import PhaseChange, current_fallback
from storage.tables import ActionRow, CaseRow, MeetingRow, PhaseChangeRow

LIST_LIMIT = 300  # more than a procesregisseur has open; beyond it, searching finds the rest

_CASES = CaseRow.__table__  # type: ignore[attr-defined]
_MEETINGS = MeetingRow.__table__  # type: ignore[attr-defined]
_ACTIONS = ActionRow.__table__  # type: ignore[attr-defined]
_CHANGES = PhaseChangeRow.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class CaseList:
    cases: list[CaseSummary]
    total: int  # how many match, of which `cases` is the first page
    closed_hidden: int  # closed cases left out of the list (0 while searching)


def case_list(
    connection: Connection,
    search: str,
    today: date,
    limit: int | None = LIST_LIMIT,
    include_closed: bool = False,
) -> CaseList:
    term = search.strip()
    if term:
        condition = _CASES.c.alias.icontains(term, autoescape=True)
    elif include_closed:
        condition = _CASES.c.id.is_not(None)
    else:  # closed cases are found by searching, not in the list
        condition = _CASES.c.closed_at.is_(None)
    total = connection.execute(select(func.count()).where(condition)).scalar_one()
    rows = connection.execute(
        select(_CASES.c.id, _CASES.c.alias, _CASES.c.phase, _CASES.c.closed_at)
        .where(condition)
        .order_by(func.lower(_CASES.c.alias), _CASES.c.id)
        .limit(limit)
    ).all()
    ids = [r.id for r in rows]
    latest = select(_MEETINGS.c.case_id, func.max(_MEETINGS.c.held_on))
    last = _per_case(connection, latest, _MEETINGS, ids)
    counted = select(_ACTIONS.c.case_id, func.count()).where(_ACTIONS.c.status == STATUS_OPEN)
    open_count = _per_case(connection, counted, _ACTIONS, ids)
    late = counted.where(_ACTIONS.c.due.is_not(None), _ACTIONS.c.due < today)
    overdue = _per_case(connection, late, _ACTIONS, ids)
    changes: dict[int, list[PhaseChange]] = {}
    if ids:
        for row in connection.execute(
            select(_CHANGES)
            .where(_CHANGES.c.case_id.in_(ids))
            .order_by(_CHANGES.c.decided_on, _CHANGES.c.id)
        ):
            changes.setdefault(row.case_id, []).append(
                PhaseChange(Phase(row.from_phase), Phase(row.to_phase), row.reason, row.decided_on)
            )
    hidden = 0
    if not term and not include_closed:
        hidden = connection.execute(
            select(func.count()).where(_CASES.c.closed_at.is_not(None))
        ).scalar_one()
    cases = [
        CaseSummary(
            r.id,
            r.alias,
            Phase(r.phase),
            last.get(r.id),
            open_count.get(r.id, 0),
            closed=r.closed_at is not None,
            overdue=overdue.get(r.id, 0),
            fell_back=current_fallback(Phase(r.phase), changes.get(r.id, [])) is not None,
        )
        for r in rows
    ]
    return CaseList(cases, total, hidden)


def _per_case(
    connection: Connection, query: Select[Any], table: Table, ids: list[int]
) -> dict[int, Any]:
    """One figure per case, counted only for the cases shown."""
    if not ids:
        return {}
    grouped = query.where(table.c.case_id.in_(ids)).group_by(table.c.case_id)
    return {case_id: value for case_id, value in connection.execute(grouped)}
