"""The case list: a page of cases with what the list shows per case, fast on any size.

Cases are picked first (a search or the open cases, in alphabetical order, at
most `limit`), then the figures are counted for just those: so the work grows
with what is shown, not with years of meetings.

The queries are plain SQL that SQLite and PostgreSQL both read, so the same
text serves the program through SQLAlchemy and, at start-up, Python's own
sqlite3 module: that shows the list before the database layer is even imported.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from leidraad.core.domain import CaseSummary, Phase
from leidraad.core.followup import STATUS_OPEN
from leidraad.core.phases import PhaseChange, current_fallback

LIST_LIMIT = 300  # more than a procesregisseur has open; beyond it, searching finds the rest
_NO_LIMIT = 2**31 - 1

Run = Callable[[str, dict[str, Any]], Sequence[tuple[Any, ...]]]


@dataclass(frozen=True)
class CaseList:
    cases: list[CaseSummary]
    total: int  # how many match, of which `cases` is the first page
    closed_hidden: int  # closed cases left out of the list (0 while searching)


def _condition(search: str, include_closed: bool) -> tuple[str, dict[str, Any]]:
    term = search.strip()
    if term:
        escaped = term.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return "lower(alias) LIKE :pattern ESCAPE '\\'", {"pattern": f"%{escaped}%"}
    if include_closed:
        return "1 = 1", {}
    return "closed_at IS NULL", {}  # closed cases are found by searching, not in the list


def case_list_with(
    run: Run,
    search: str,
    today: date,
    limit: int | None = LIST_LIMIT,
    include_closed: bool = False,
) -> CaseList:
    where, params = _condition(search, include_closed)
    params = {**params, "limit": limit if limit is not None else _NO_LIMIT}
    total = run(f"SELECT count(*) FROM cases WHERE {where}", params)[0][0]
    rows = run(
        f"SELECT id, alias, phase, closed_at IS NOT NULL FROM cases WHERE {where} "
        "ORDER BY lower(alias), id LIMIT :limit",
        params,
    )
    # The page's ids written out (they are integers from the database itself), so the
    # figures below do not search and sort the cases again.
    page = ",".join(str(int(r[0])) for r in rows) or "NULL"
    last: dict[int, Any] = dict(
        run(f"SELECT case_id, max(held_on) FROM meetings WHERE case_id IN ({page}) "
            "AND held_on <= :today GROUP BY case_id", {"today": today})
    )  # fmt: skip
    open_count: dict[int, int] = {}
    overdue: dict[int, int] = {}
    for case_id, still_open, late in run(
        "SELECT case_id, count(*), "
        "sum(CASE WHEN due IS NOT NULL AND due < :today THEN 1 ELSE 0 END) "
        f"FROM actions WHERE status = :status AND case_id IN ({page}) GROUP BY case_id",
        {"status": STATUS_OPEN, "today": today},
    ):
        open_count[case_id], overdue[case_id] = still_open, late or 0
    changes: dict[int, list[PhaseChange]] = {}
    for case_id, old, new, reason, decided in run(
        "SELECT case_id, from_phase, to_phase, reason, decided_on FROM phase_changes "
        f"WHERE case_id IN ({page}) ORDER BY decided_on, id",
        {},
    ):
        changes.setdefault(case_id, []).append(
            PhaseChange(Phase(old), Phase(new), reason, _day(decided) or today)
        )
    hidden = 0
    if not search.strip() and not include_closed:
        hidden = run("SELECT count(*) FROM cases WHERE closed_at IS NOT NULL", {})[0][0]
    cases = [
        CaseSummary(
            case_id,
            alias,
            Phase(phase),
            _day(last.get(case_id)),
            open_count.get(case_id, 0),
            closed=bool(closed),
            overdue=overdue.get(case_id, 0),
            fell_back=current_fallback(Phase(phase), changes.get(case_id, [])) is not None,
        )
        for case_id, alias, phase, closed in rows
    ]
    return CaseList(cases, total, hidden)


def _day(value: Any) -> date | None:
    """SQLite hands dates back as text, PostgreSQL as dates."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def case_list(
    connection: Any,
    search: str,
    today: date,
    limit: int | None = LIST_LIMIT,
    include_closed: bool = False,
) -> CaseList:
    """Through an SQLAlchemy connection, on either database."""
    from sqlalchemy import text

    sqlite = connection.dialect.name == "sqlite"

    def run(sql: str, params: dict[str, Any]) -> Sequence[tuple[Any, ...]]:
        if sqlite:  # dates as SQLite stores them, without the driver's deprecated adapter
            params = {k: v.isoformat() if isinstance(v, date) else v for k, v in params.items()}
        return [tuple(row) for row in connection.execute(text(sql), params)]

    return case_list_with(run, search, today, limit, include_closed)


def quick_case_list(database: Path, today: date, limit: int = LIST_LIMIT) -> CaseList | None:
    """The open cases straight from an SQLite file, read-only, before anything else is loaded.

    Any problem (no file yet, an older or damaged database, a lock) gives None: the
    full opening that follows checks and explains it.
    """
    if not database.exists():
        return None
    try:
        connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True, timeout=0.2)
    except sqlite3.Error:
        return None
    try:

        def run(sql: str, params: dict[str, Any]) -> Sequence[tuple[Any, ...]]:
            plain = {k: v.isoformat() if isinstance(v, date) else v for k, v in params.items()}
            return connection.execute(sql, plain).fetchall()

        return case_list_with(run, "", today, limit)
    except (sqlite3.Error, ValueError):
        return None
    finally:
        connection.close()
