"""The audit log says who created, changed, exported, closed and destroyed a case, and when."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, event
from sqlmodel import Session, col, delete, select

from leidraad.core.domain import Action, Answer
from storage import audit
from storage.repository import NotFound, Repository
from storage.tables import AuditRow, ParticipantRow
from tests.conftest import family_case

pytestmark = pytest.mark.both_backends


def log(repo: Repository, case_id: int) -> list[tuple[str, str, str]]:
    return [(e.actor, e.action, e.detail) for e in repo.audit_log(case_id)]


def test_creating_a_case_is_one_entry_in_the_name_of_the_user(repo: Repository) -> None:
    named = Repository(repo.engine, actor="P. Jansen")
    case = named.save_case(family_case())
    assert case.id is not None
    assert log(named, case.id) == [("P. Jansen", "aangemaakt", "")]


def test_without_a_name_the_login_name_is_used(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(audit.ENV_USER, raising=False)
    monkeypatch.setattr(audit.getpass, "getuser", lambda: "pjansen")
    plain = Repository(repo.engine)
    assert plain.actor == "pjansen"
    monkeypatch.setenv(audit.ENV_USER, "Petra Jansen")
    assert Repository(repo.engine).actor == "Petra Jansen"


def test_typing_an_answer_is_one_entry_that_grows_while_the_work_goes_on(
    repo: Repository,
) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "Directe veiligheid")
    assert meeting.id is not None
    for text in ("M", "Mo", "Moe", "Moeder"):
        repo.save_answer(meeting.id, Answer("dv-1", "Vraag?", "beeldvorming", text))
    entries = repo.audit_log(case.id)
    assert [(e.action, e.detail) for e in entries] == [
        ("aangemaakt", ""),
        ("gewijzigd", "overleg 1 gestart"),
        ("gewijzigd", "overleg 1"),
    ]
    assert entries[-1].last_at >= entries[-1].at


def test_typing_on_for_minutes_keeps_saving_and_stretches_one_entry(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stretch of the log entry runs past TOUCH_EVERY; it must never cost an answer."""
    from storage import meetings

    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "Directe veiligheid")
    assert meeting.id is not None
    start = datetime.now(UTC)
    for seconds, text in ((1, "M"), (32, "Mo"), (95, "Moe"), (161, "Moeder")):
        monkeypatch.setattr(meetings, "utc_now", lambda s=seconds: start + timedelta(seconds=s))
        repo.save_answer(meeting.id, Answer("dv-1", "Vraag?", "beeldvorming", text))
        assert repo.get_meeting(meeting.id).answers["dv-1"].text == text
    typing = [e for e in repo.audit_log(case.id) if e.detail == "overleg 1"]
    assert len(typing) == 1
    assert typing[0].last_at == start + timedelta(seconds=161)


def test_changes_after_a_long_break_get_an_entry_of_their_own(repo: Repository) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    start = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    with repo.engine.begin() as connection:
        audit.record(connection, "A", case.id, audit.CHANGED, "overleg 1", start)
        audit.record(
            connection, "A", case.id, audit.CHANGED, "overleg 1", start + timedelta(minutes=10)
        )
        audit.record(
            connection, "A", case.id, audit.CHANGED, "overleg 1", start + timedelta(minutes=40)
        )
        audit.record(
            connection, "B", case.id, audit.CHANGED, "overleg 1", start + timedelta(minutes=41)
        )
    entries = [e for e in repo.audit_log(case.id) if e.actor in "AB"]
    assert [(e.actor, e.last_at - e.at) for e in entries] == [
        ("A", timedelta(minutes=10)),
        ("A", timedelta(0)),
        ("B", timedelta(0)),
    ]


def test_every_kind_of_change_is_logged_by_case_number_without_names(repo: Repository) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "Directe veiligheid")
    assert meeting.id is not None
    action = repo.save_action(meeting.id, Action("Veiligheidsplan", "Veilig Thuis"))
    assert action.id is not None
    repo.delete_action(action.id)
    repo.close_meeting(meeting.id)
    repo.record_export(case.id, f"verslag overleg {meeting.number} via de opdrachtregel")
    case.regie = "Politie"
    repo.save_case(case)
    repo.close_case(case.id, "Al een jaar veilig")
    repo.reopen_case(case.id)

    actions = [(action, detail) for _, action, detail in log(repo, case.id)]
    assert ("gewijzigd", "overleg 1 afgesloten") in actions
    assert ("geëxporteerd", "verslag overleg 1 via de opdrachtregel") in actions
    assert ("gewijzigd", "casusgegevens") in actions
    assert actions[-2:] == [("gesloten", ""), ("heropend", "")]
    everything = " ".join(detail for _, detail in actions)
    assert "Gezin" not in everything and "Veiligheidsplan" not in everything


def test_reasons_for_closing_and_reopening_live_with_the_case_not_in_the_log(
    repo: Repository,
) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    repo.close_case(case.id, "Moeder verhuisd naar de opvang in Zwolle")
    repo.reopen_case(case.id, "Vader weer gezien bij de school van Sam")

    history = repo.case_history(case.id)
    assert [(e.closed, e.reason) for e in history.status_events] == [
        (True, "Moeder verhuisd naar de opvang in Zwolle"),
        (False, "Vader weer gezien bij de school van Sam"),
    ]
    words = [e.detail for e in repo.audit_log(case.id)]
    assert not any("Zwolle" in w or "school" in w for w in words)
    repo.close_case(case.id, "Rust in het gezin")
    closure = repo.closure(case.id)
    assert closure is not None and closure.reason == "Rust in het gezin"
    assert [e.detail for e in repo.audit_log(case.id)][-1] == ""


def test_closing_and_reopening_a_case(repo: Repository) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    assert repo.closure(case.id) is None
    when = datetime(2020, 3, 1, 12, 0, tzinfo=UTC)
    repo.close_case(case.id, "Veiligheid stabiel", when)
    closure = repo.closure(case.id)
    assert closure is not None
    assert closure.closed_at == when
    assert closure.reason == "Veiligheid stabiel"
    repo.reopen_case(case.id)
    assert repo.closure(case.id) is None
    with pytest.raises(NotFound):
        repo.close_case(999, "bestaat niet")


# --- reading as little as possible while logging ------------------------------


@contextmanager
def statements(engine: Engine) -> Iterator[list[str]]:
    """Every SQL statement sent to the database inside the block."""
    seen: list[str] = []

    def note(_connection: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", note)


def reads_of(seen: list[str], table: str) -> int:
    return sum(1 for s in seen if s.lstrip().upper().startswith("SELECT") and f"FROM {table}" in s)


def test_starting_a_meeting_does_not_read_the_meeting_for_each_new_row(repo: Repository) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    with statements(repo.engine) as seen:
        repo.start_meeting(case.id, "Directe veiligheid")
    # The highest number so far, and the meeting read back; none for the log.
    assert reads_of(seen, "meetings") == 2
    assert log(repo, case.id)[1:] == [
        (repo.actor, "gewijzigd", "overleg 1 gestart"),
        (repo.actor, "gewijzigd", "overleg 1"),  # its people and scores
    ]


def test_a_bulk_change_of_many_rows_reads_their_meeting_once(repo: Repository) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "Directe veiligheid")
    assert meeting.id is not None and len(meeting.participants) > 1
    with statements(repo.engine) as seen, Session(repo.engine) as session:
        session.exec(delete(ParticipantRow).where(col(ParticipantRow.meeting_id) == meeting.id))
        session.commit()
    assert reads_of(seen, "meetings") == 1
    assert log(repo, case.id)[-1] == (repo.actor, "gewijzigd", "overleg 1")


def test_record_tells_which_entry_it_wrote_or_stretched(repo: Repository) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    start = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    later = start + timedelta(minutes=10)
    with repo.engine.begin() as connection:
        first = audit.record(connection, "A", case.id, audit.CHANGED, "overleg 1", start)
        stretched = audit.record(connection, "A", case.id, audit.CHANGED, "overleg 1", later)
        other = audit.record(connection, "B", case.id, audit.CHANGED, "overleg 1", later)
        rows = connection.execute(
            select(AuditRow.id, AuditRow.last_at).where(AuditRow.case_id == case.id)
        ).all()
    assert first[1] == start
    assert stretched == (first[0], later)
    assert other[0] != first[0]
    assert {(r.id, r.last_at) for r in rows} >= {stretched, other}


def test_typing_on_reads_neither_the_meeting_nor_the_log_again(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storage import meetings

    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "Directe veiligheid")
    assert meeting.id is not None
    start = datetime.now(UTC)
    monkeypatch.setattr(meetings, "utc_now", lambda: start)
    with statements(repo.engine) as first:
        repo.save_answer(meeting.id, Answer("dv-1", "Vraag?", "beeldvorming", "M"))
    assert reads_of(first, "audit_log") == 1  # the case's latest entry, to fold into it
    monkeypatch.setattr(meetings, "utc_now", lambda: start + timedelta(minutes=1))
    with statements(repo.engine) as later:
        repo.save_answer(meeting.id, Answer("dv-1", "Vraag?", "beeldvorming", "Mo"))
    assert len(later) == 2  # the answer, and stretching the entry by its id
    assert reads_of(later, "audit_log") == reads_of(later, "meetings") == 0
    [typing] = [e for e in repo.audit_log(case.id) if e.detail == "overleg 1"]
    assert typing.last_at == start + timedelta(minutes=1)


def test_a_second_repository_on_the_same_database_continues_the_same_entry(
    repo: Repository,
) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "Directe veiligheid")
    assert meeting.id is not None
    repo.save_answer(meeting.id, Answer("dv-1", "Vraag?", "beeldvorming", "M"))
    again = Repository(repo.engine, repo.actor)
    again.save_answer(meeting.id, Answer("dv-1", "Vraag?", "beeldvorming", "Mo"))
    repo.save_answer(meeting.id, Answer("dv-1", "Vraag?", "beeldvorming", "Moe"))
    assert [d for _, _, d in log(repo, case.id)].count("overleg 1") == 1
