"""The audit log says who created, changed, exported, closed and destroyed a case, and when."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from leidraad.domain import Action, Answer
from storage import audit
from storage.repository import NotFound, Repository
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
    from storage import repository

    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "Directe veiligheid")
    assert meeting.id is not None
    start = datetime.now(UTC)
    for seconds, text in ((1, "M"), (32, "Mo"), (95, "Moe"), (161, "Moeder")):
        monkeypatch.setattr(repository, "utc_now", lambda s=seconds: start + timedelta(seconds=s))
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
    assert actions[-2:] == [("gesloten", "Al een jaar veilig"), ("heropend", "")]
    everything = " ".join(detail for _, detail in actions)
    assert "Gezin" not in everything and "Veiligheidsplan" not in everything


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
