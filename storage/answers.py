"""Saving an answer: the one write that happens while someone types, so it is kept lean.

One upsert and one audit touch in a single transaction, in SQLAlchemy Core with
statements built once: no ORM objects, no reading before writing. The ORM path
took four to five statements per key pause; this takes two.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import NoResultFound

from leidraad.core.domain import Answer
from storage import audit
from storage.tables import AnswerRow

_ANSWERS = AnswerRow.__table__  # type: ignore[attr-defined]
_COLUMNS = (
    "meeting_id", "question_id", "question_text", "part", "text", "client_words",
    "restriction", "speaker", "updated_at",
)  # fmt: skip
_KEPT = ("text", "client_words", "restriction", "speaker", "updated_at")


def _upsert(dialect: str) -> Any:
    """INSERT … ON CONFLICT (meeting, question) DO UPDATE, for this database.

    The question text is kept as first asked: later edits of a question set
    never change what the minutes say was asked.
    """
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(_ANSWERS).values({c: bindparam(c) for c in _COLUMNS})
    return statement.on_conflict_do_update(
        index_elements=["meeting_id", "question_id"],
        set_={c: statement.excluded[c] for c in _KEPT},
    )


class AnswerWriter:
    """Writes answers for one engine.

    Remembers which case each meeting belongs to, and per case the audit entry it
    last wrote, so typing on stretches that entry by its id without reading first.
    """

    def __init__(self, engine: Engine, actor: str) -> None:
        self.engine = engine
        self.actor = actor
        self._statement = _upsert(engine.dialect.name)
        self._meetings: dict[int, tuple[int, int]] = {}
        self._running: audit.Running = {}
        self._sqlite_sql: str | None = None
        self._converters: dict[str, Callable[[Any], Any]] = {}
        if engine.dialect.name == "sqlite":
            self._sqlite_sql = str(self._statement.compile(dialect=engine.dialect))
            for name in ("client_words", "updated_at"):
                column_type = _ANSWERS.c[name].type.dialect_impl(engine.dialect)
                convert = column_type.bind_processor(engine.dialect)
                if convert is not None:
                    self._converters[name] = convert
        self._connection: Connection | None = None
        # Closing the engine closes the kept connection too, so SQLite can fold its
        # write-ahead log into the database file as the last connection goes.
        event.listen(engine, "engine_disposed", lambda _engine: self.close(really=True))

    def _connect(self) -> Connection:
        """One connection kept for typing: no pool checkout per save. Idle, it holds no lock."""
        if self._connection is None or self._connection.closed or self._connection.invalidated:
            self._connection = self.engine.connect()
        return self._connection

    def close(self, really: bool = False) -> None:
        """Give the connection back; `really` closes the driver's connection itself."""
        if self._connection is not None:
            if really:
                self._connection.invalidate()
            self._connection.close()
            self._connection = None

    def save(self, meeting_id: int, answer: Answer, now: datetime) -> None:
        connection = self._connect()
        values = {
            "meeting_id": meeting_id,
            "question_id": answer.question_id,
            "question_text": answer.question_text,
            "part": answer.part,
            "text": answer.text,
            "client_words": answer.client_words,
            "restriction": answer.restriction.encode(),
            "speaker": answer.speaker,
            "updated_at": now,
        }
        with connection.begin():
            if self._sqlite_sql is None:
                connection.execute(self._statement, values)
            else:
                # SQLite: the compiled statement straight to the driver, values converted
                # by the column types exactly as SQLAlchemy would: the hot path of typing.
                for name, convert in self._converters.items():
                    values[name] = convert(values[name])
                row = tuple(values[c] for c in _COLUMNS)
                connection.exec_driver_sql(self._sqlite_sql, row)
            case_id, number = self._meeting(connection, meeting_id)
            audit.touch(connection, self.actor, case_id, f"overleg {number}", now, self._running)

    def _meeting(self, connection: Connection, meeting_id: int) -> tuple[int, int]:
        """A meeting's case and number never change, so they are read once."""
        found = audit.meeting_of(connection, meeting_id, self._meetings)
        if found is None:
            raise NoResultFound(f"Overleg {meeting_id} bestaat niet.")
        return found
