"""The register of written documents: which file belongs to which case and meeting.

Purge finds a case's documents here, by the case's id, and never by a file name that
another case could share. A path inside the data folder's verslagen/ is kept relative
to it; a file written elsewhere (--out) is kept with its absolute path and is never
deleted by leidraad. Writing the same path again moves it to the newest writer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, Table, delete, insert, select

from storage.audit import utc
from storage.errors import StorageError, translate
from storage.tables import DocumentRow

_DOCUMENTS: Table = DocumentRow.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class RegisteredDocument:
    case_id: int
    meeting_id: int | None
    path: str  # relative to verslagen/, or absolute for a file elsewhere


def register(connection: Connection, case_id: int, meeting_id: int | None, path: str) -> None:
    """Record that the file at `path` now holds a document of this case (and meeting)."""
    connection.execute(delete(_DOCUMENTS).where(_DOCUMENTS.c.path == path))
    connection.execute(
        insert(_DOCUMENTS).values(
            case_id=case_id, meeting_id=meeting_id, path=path, written_at=utc()
        )
    )


def record_document(engine: Engine, case_id: int, meeting_id: int | None, path: str) -> None:
    try:
        with engine.begin() as connection:
            register(connection, case_id, meeting_id, path)
    except StorageError:
        raise
    except Exception as error:
        raise translate(error, engine.url.database) from error


def documents_of(engine: Engine, case_ids: Sequence[int]) -> list[RegisteredDocument]:
    """Every registered document of these cases, in the order they were written."""
    if not case_ids:
        return []
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                select(_DOCUMENTS.c.case_id, _DOCUMENTS.c.meeting_id, _DOCUMENTS.c.path)
                .where(_DOCUMENTS.c.case_id.in_(list(case_ids)))
                .order_by(_DOCUMENTS.c.id)
            ).all()
    except Exception as error:
        raise translate(error, engine.url.database) from error
    return [RegisteredDocument(int(c), m, str(p)) for c, m, p in rows]


def registered_paths(engine: Engine) -> set[str]:
    """Every path in the register, of any case: what purge knows to be a document."""
    try:
        with engine.connect() as connection:
            return {str(p) for p in connection.execute(select(_DOCUMENTS.c.path)).scalars()}
    except Exception as error:
        raise translate(error, engine.url.database) from error
