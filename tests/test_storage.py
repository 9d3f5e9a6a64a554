import sqlite3
import stat
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from leidraad.core.domain import (
    Action,
    Answer,
    Attendance,
    MeetingStatus,
    Participant,
    Phase,
    Priority,
    SafetyScore,
)
from leidraad.core.voice import ClientVoice
from leidraad.paths import Paths
from storage.database import StorageError
from storage.repository import NotFound, Repository
from tests.conftest import family_case

pytestmark = pytest.mark.both_backends


def test_a_case_comes_back_as_it_was_saved(repo: Repository) -> None:
    saved = repo.save_case(family_case())
    assert saved.id is not None
    again = repo.get_case(saved.id)
    assert again.alias == "Gezin J."
    assert [m.name for m in again.members] == ["moeder", "vader", "Sam"]
    assert again.members[2].age == 8
    assert [p.organisation for p in again.partners] == ["Veilig Thuis", "Politie"]
    assert again.regie == "Veilig Thuis, A. de Vries"


def test_editing_a_case_replaces_its_people(repo: Repository) -> None:
    case = repo.save_case(family_case())
    case.members = case.members[:1]
    case.phase = Phase.HERSTEL
    again = repo.save_case(case)
    assert [m.name for m in again.members] == ["moeder"]
    assert again.phase is Phase.HERSTEL


def test_the_case_list_shows_last_meeting_and_open_actions(repo: Repository) -> None:
    case = repo.save_case(family_case())
    other = family_case()
    other.alias = "Familie K."
    repo.save_case(other)
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "set", date(2026, 11, 1))
    assert meeting.id is not None
    repo.save_action(meeting.id, Action("Veiligheidsplan maken", "Veilig Thuis"))
    repo.save_action(meeting.id, Action("Huisbezoek", "Wijkteam"))
    repo.save_action(meeting.id, Action("Gesprek school", "Wijkteam", date(2026, 11, 10)))
    repo.save_action(meeting.id, Action("Evaluatie", "Veilig Thuis", date(2026, 12, 1)))
    repo.start_meeting(case.id, "set", date(2026, 12, 4))  # planned, not held yet
    rows = {r.alias: r for r in repo.case_list("", date(2026, 11, 20)).cases}
    assert rows["Gezin J."].last_meeting == date(2026, 11, 1)
    assert (rows["Gezin J."].open_actions, rows["Gezin J."].overdue) == (4, 1)
    assert (rows["Familie K."].open_actions, rows["Familie K."].overdue) == (0, 0)
    assert rows["Familie K."].last_meeting is None
    assert [r.alias for r in repo.list_cases("famil")] == ["Familie K."]


def test_a_case_is_found_by_number_or_by_alias_in_any_case(repo: Repository) -> None:
    case = repo.save_case(family_case())
    assert repo.find_case("gezin j.").id == case.id
    assert repo.find_case(str(case.id)).id == case.id
    with pytest.raises(NotFound):
        repo.find_case("Gezin X.")


def test_a_new_meeting_seats_the_partners_and_nobody_of_the_family_unless_invited(
    repo: Repository,
) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    first = repo.start_meeting(case.id, "Directe veiligheid (versie 1)")
    moeder = case.members[0]
    second = repo.start_meeting(case.id, "Directe veiligheid (versie 1)", invited=[moeder.key])
    assert (first.number, second.number) == (1, 2)
    assert [p.name for p in first.participants] == ["A. de Vries", "B. Bakker"]
    assert first.invited == []
    assert [(p.name, p.key) for p in second.participants][:1] == [("moeder", moeder.key)]
    assert [p.name for p in second.participants] == ["moeder", "A. de Vries", "B. Bakker"]
    assert second.invited == [moeder.key]
    assert len(first.scores) == 5  # every perspective is asked, invited or not
    assert first.phase is Phase.DIRECTE_VEILIGHEID


def test_an_answer_keeps_the_question_text_it_was_first_asked_with(repo: Repository) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "set")
    assert meeting.id is not None
    repo.save_answer(meeting.id, Answer("dv-1", "Oude tekst?", "beeldvorming", "eerste"))
    repo.save_answer(
        meeting.id, Answer("dv-1", "Nieuwe tekst?", "beeldvorming", "tweede", client_words=True)
    )
    answer = repo.get_meeting(meeting.id).answers["dv-1"]
    assert answer.text == "tweede"
    assert answer.question_text == "Oude tekst?"
    assert answer.client_words


def test_attendance_scores_and_actions_round_trip(repo: Repository) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "set")
    assert meeting.id is not None
    participant = meeting.participants[0]
    assert participant.id is not None
    repo.set_attendance(participant.id, Attendance.TELEFONISCH)
    extra = repo.add_participant(meeting.id, Participant("C. Smit", "ervaringsdeskundige"))
    score = meeting.scores[0]
    score.score, score.higher = 4, "Als vader niet meer langskomt"
    repo.save_score(score)
    added = repo.add_score(meeting.id, SafetyScore("Perspectief school", "mentor"))
    action = repo.save_action(
        meeting.id,
        Action("Veiligheidsplan", "Veilig Thuis", date(2026, 12, 1), Priority.NU),
    )
    action.priority = Priority.LATER
    repo.save_action(meeting.id, action)
    repo.set_next_meeting(meeting.id, date(2027, 1, 5))
    repo.close_meeting(meeting.id)

    again = repo.get_meeting(meeting.id)
    assert again.participants[0].attendance is Attendance.TELEFONISCH
    assert again.participants[-1].name == extra.name
    assert (again.scores[0].score, again.scores[0].higher) == (4, "Als vader niet meer langskomt")
    assert again.scores[-1].perspective == added.perspective
    assert [(a.description, a.priority) for a in again.actions] == [
        ("Veiligheidsplan", Priority.LATER)
    ]
    assert again.next_meeting == date(2027, 1, 5)
    assert again.status is MeetingStatus.AFGESLOTEN
    assert action.id is not None
    repo.delete_action(action.id)
    assert repo.get_meeting(meeting.id).actions == []


def test_meetings_are_found_by_number_or_latest(repo: Repository) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    with pytest.raises(NotFound):
        repo.meeting_by_number(case.id)
    repo.start_meeting(case.id, "set")
    repo.start_meeting(case.id, "set")
    assert repo.meeting_by_number(case.id).number == 2
    assert repo.meeting_by_number(case.id, 1).number == 1
    with pytest.raises(NotFound, match="geen overleg 3"):
        repo.meeting_by_number(case.id, 3)


@pytest.mark.sqlite_only
def test_the_data_folder_and_database_are_private(paths: Paths, repo: Repository) -> None:
    repo.save_case(family_case())
    assert stat.S_IMODE(paths.data_dir.stat().st_mode) == 0o700
    for file in paths.data_dir.glob("leidraad.db*"):
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file


@pytest.mark.sqlite_only
def test_the_database_runs_in_wal_mode(paths: Paths, repo: Repository) -> None:
    repo.save_case(family_case())
    with sqlite3.connect(paths.database) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_file_that_is_not_a_database_is_never_overwritten(tmp_path: Path) -> None:
    database = tmp_path / "leidraad.db"
    database.write_bytes(b"dit is geen database" * 10)
    with pytest.raises(StorageError, match="niet aangeraakt"):
        Repository.open(database)
    assert database.read_bytes() == b"dit is geen database" * 10


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    database = tmp_path / "leidraad.db"
    Repository.open(database).engine.dispose()
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE schema_info SET version = 99")
    with pytest.raises(StorageError, match="nieuwere versie"):
        Repository.open(database)


def test_the_case_list_shows_a_page_and_search_finds_the_rest(repo: Repository) -> None:
    from datetime import date

    from leidraad.core.domain import Case
    from storage.case_list import LIST_LIMIT

    for i in range(LIST_LIMIT + 5):
        repo.save_case(Case(f"Gezin {i:04d}"))
    listed = repo.case_list("", date(2026, 11, 24))
    assert (len(listed.cases), listed.total) == (LIST_LIMIT, LIST_LIMIT + 5)
    assert listed.cases[0].alias == "Gezin 0000"
    found = repo.case_list("0303", date(2026, 11, 24))
    assert [c.alias for c in found.cases] == ["Gezin 0303"]
    # A search term is text, never a pattern.
    assert repo.case_list("%", date(2026, 11, 24)).cases == []


def test_the_quick_list_at_start_up_shows_what_the_full_list_shows(
    repo: Repository, paths: Paths, backend: str
) -> None:
    """Before the database layer is loaded, the list is read with plain sqlite3."""
    from storage.case_list import quick_case_list

    if backend != "sqlite":
        pytest.skip("the quick list reads only an SQLite file")

    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "set", date(2026, 11, 1))
    assert meeting.id is not None
    repo.save_action(meeting.id, Action("Gesprek school", "Wijkteam", date(2026, 11, 10)))
    repo.start_meeting(case.id, "set", date(2026, 12, 4))
    today = date(2026, 11, 20)
    assert quick_case_list(paths.database, today) == repo.case_list("", today)
    assert quick_case_list(paths.database.with_name("bestaat-niet.db"), today) is None


def test_times_come_back_aware_and_in_utc(repo: Repository) -> None:
    """The column type hands back aware UTC times on every database; nothing converts by hand."""
    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "set")
    assert meeting.id is not None
    began = datetime(2026, 11, 24, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    assert repo.mark_started(meeting.id, began) == began
    timeout = repo.start_timeout(meeting.id, began + timedelta(minutes=5))
    assert timeout.id is not None
    repo.end_timeout(timeout.id, began + timedelta(minutes=11))

    again = repo.get_meeting(meeting.id)
    [stored] = again.timeouts
    assert (again.started_at, stored.started_at, stored.ended_at) == (
        began,
        began + timedelta(minutes=5),
        began + timedelta(minutes=11),
    )
    read_back = repo.mark_started(meeting.id)  # set once: now read from the database
    assert read_back == began
    for moment in (again.started_at, stored.started_at, stored.ended_at, read_back):
        assert moment is not None and moment.utcoffset() == timedelta(0)


def test_client_voices_follow_the_case_and_keep_what_was_stored(repo: Repository) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "set")
    assert meeting.id is not None
    stored = repo.save_client_voice(meeting.id, ClientVoice("vader", seat="bij het raam"))
    voices = repo.client_voices(meeting.id)
    assert [v.member for v in voices] == ["moeder", "vader", "Sam"]
    assert voices[1] == stored
    assert voices[2].is_child and voices[2].id is None
    with pytest.raises(NotFound, match="Overleg 999 bestaat niet"):
        repo.client_voices(999)


def test_a_save_that_fails_half_way_leaves_nothing_and_the_next_one_works(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storage import audit

    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "set")
    assert meeting.id is not None
    touch = audit.touch

    def fails_once(*args: Any, **kwargs: Any) -> None:
        monkeypatch.setattr(audit, "touch", touch)
        raise RuntimeError("stroom weg")

    monkeypatch.setattr(audit, "touch", fails_once)
    with pytest.raises(RuntimeError, match="stroom weg"):
        repo.save_answer(meeting.id, Answer("dv-1", "Vraag?", "beeldvorming", "kwijt"))
    assert "dv-1" not in repo.get_meeting(meeting.id).answers
    repo.save_answer(meeting.id, Answer("dv-1", "Vraag?", "beeldvorming", "bewaard"))
    assert repo.get_meeting(meeting.id).answers["dv-1"].text == "bewaard"
