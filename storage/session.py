"""What every store shares: the engine, the name the audit log writes, short transactions.

The stores (cases, meetings, follow-up) each hold this one object instead of
inheriting from each other, so each can be read and tested on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from storage import audit
from storage.answers import AnswerWriter
from storage.errors import NotFound, StorageError, translate
from storage.tables import CaseRow, MeetingRow


class UnitOfWork:
    """One database, one person: every change made through it is logged in that name.

    `today` dates what the domain does not date itself (a change of position saved
    with the case); the demonstration and tests give a fixed day.
    """

    def __init__(
        self, engine: Engine, actor: str | None = None, today: Callable[[], date] | None = None
    ) -> None:
        self.engine = engine
        self.today: Callable[[], date] = today or date.today
        self.actor = audit.enable(engine, actor)
        self.answers = AnswerWriter(engine, self.actor)  # the lean path used while typing

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One short transaction; driver errors come out as a StorageError in Dutch."""
        try:
            with Session(self.engine, expire_on_commit=False) as session:
                yield session
        except SQLAlchemyError as error:
            raise self.failure(error) from error

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """A plain connection for reads in SQLAlchemy Core, with errors told the same way."""
        try:
            with self.engine.connect() as connection:
                yield connection
        except SQLAlchemyError as error:
            raise self.failure(error) from error

    def failure(self, error: BaseException) -> StorageError:
        return translate(error, self.engine.url.database)


def case_or_fail(s: Session, case_id: int) -> CaseRow:
    row = s.get(CaseRow, case_id)
    if row is None:
        raise NotFound(f"Casus {case_id} bestaat niet.")
    return row


def meeting_or_fail(s: Session, meeting_id: int) -> MeetingRow:
    row = s.get(MeetingRow, meeting_id)
    if row is None:
        raise NotFound(f"Overleg {meeting_id} bestaat niet.")
    return row
