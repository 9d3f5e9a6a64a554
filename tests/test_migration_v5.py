"""A database from before positions and invitations keeps everything, and shows no one more.

Version 5 added where each person stands, who is invited, plan audiences, and took
the reasons for closing and reopening out of the audit log.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import MetaData, insert
from sqlmodel import SQLModel

from leidraad.core.audience import Origin, Restriction, may_read
from leidraad.core.people import readers_of, table_reader
from leidraad.core.positions import Position
from storage.database import Location, connect
from storage.migrations import create_at_version
from storage.repository import Repository
from storage.retention import destroy_cases, expired_cases

pytestmark = pytest.mark.both_backends

T1, T2, T3 = (datetime(2018, m, 1, 9, 0, tzinfo=UTC) for m in (2, 5, 9))
STAMP = {"updated_at": datetime(2018, 1, 10, 10, 0, tzinfo=UTC)}
MARKINGS = {"dv-1": "", "dv-2": "professionals", "dv-3": "partner:Politie", "dv-4": "kapot:?"}


def _case(i: int, alias: str, closed: datetime | None, reason: str) -> dict[str, Any]:
    return {"id": i, "alias": alias, "phase": "directe_veiligheid", "regie": "VT"} | {
        "created_at": datetime(2018, 1, 5, tzinfo=UTC),
        "closed_at": closed,
        "closed_reason": reason,
    }


def _member(i: int, case: int, pos: int, name: str, role: str, age: int | None) -> dict[str, Any]:
    return {"id": i, "case_id": case, "position": pos, "name": name, "role": role, "age": age} | {
        "key": f"k{i}"
    }


def _seat(i: int, meeting: int, pos: int, name: str, role: str) -> dict[str, Any]:
    return {"id": i, "meeting_id": meeting, "position": pos, "name": name, "role": role} | {
        "attendance": "telefonisch" if name == "vader" else "aanwezig"
    }


def _log(i: int, case: int, action: str, detail: str, at: datetime) -> dict[str, Any]:
    return {"id": i, "case_id": case, "action": action, "detail": detail, "actor": "pj"} | {
        "at": at,
        "last_at": at,
    }


def _meeting(i: int, case: int, number: int) -> dict[str, Any]:
    return {"id": i, "case_id": case, "number": number, "held_on": date(2018, 1, 10)} | {
        "phase": "directe_veiligheid",
        "questionset": "dv",
        "status": "afgesloten",
    }


ROWS: dict[str, list[dict[str, Any]]] = {
    "cases": [
        _case(1, "Gezin J.", T3, "Verhuisd naar Zwolle"),
        _case(2, "Gezin K.", None, ""),
    ],
    "family_members": [
        _member(1, 1, 0, "moeder", "ouder", None),
        _member(2, 1, 1, "vader", "partner", None),
        _member(3, 1, 2, "Sam", "kind", 8),
        _member(4, 2, 0, "oma", "overig", None),
    ],
    "partners": [
        {"id": 1, "case_id": 1, "position": 0, "organisation": "Veilig Thuis", "contact": "A."}
        | {"key": "p1"},
        {"id": 2, "case_id": 1, "position": 1, "organisation": "Politie", "contact": "B."}
        | {"key": "p2"},
    ],
    "meetings": [_meeting(1, 1, 1), _meeting(2, 1, 2), _meeting(3, 2, 1)],
    "participants": [
        _seat(1, 1, 0, "moeder", "ouder"),
        _seat(2, 1, 1, "vader", "partner of ex-partner"),
        _seat(3, 1, 2, "A.", "Veilig Thuis"),
        _seat(4, 1, 3, "B.", "Politie"),
        _seat(5, 1, 4, "C. Smit", "ervaringsdeskundige"),
        _seat(6, 2, 0, "A.", "Veilig Thuis"),
        _seat(7, 3, 0, " Oma", "overig"),
    ],
    "answers": [
        {"meeting_id": 1, "question_id": q, "question_text": "Vraag?", "part": "beeldvorming"}
        | {"text": f"antwoord {q}", "client_words": False, "restriction": marking}
        | STAMP
        for q, marking in MARKINGS.items()
    ],
    "safety_scores": [
        {"id": 1, "meeting_id": 1, "position": 0, "perspective": "moeder (ouder)"}
        | {"voiced_by": "", "score": 4, "higher": "rust", "restriction": "professionals"}
    ],
    "actions": [
        {"id": 1, "case_id": 1, "meeting_id": 1, "description": "Huisbezoek", "owner": "VT"}
        | {"due": None, "priority": "nu", "phase": "directe_veiligheid", "status": "open"}
        | {"restriction": "partner:Veilig Thuis"}
    ],
    "client_voices": [
        {"id": 1, "meeting_id": 1, "member": "Sam", "is_child": True, "heard": "Bang"}
        | {"hearing": "casusregisseur", "heard_by": "casusregisseur", "inform_how": "telefonisch"}
    ],
    "case_status_events": [
        # The first closing came before version 3 kept this history: only the log has it.
        {"id": 1, "case_id": 1, "closed": False, "reason": "Weer zorgen", "at": T2},
        {"id": 2, "case_id": 1, "closed": True, "reason": "Verhuisd naar Zwolle", "at": T3},
    ],
    "audit_log": [
        _log(1, 1, "aangemaakt", "", T1),
        _log(2, 1, "gewijzigd", "overleg 1", T1),
        _log(3, 1, "gesloten", "Eerste keer dicht", T1),
        _log(4, 1, "heropend", "Weer zorgen", T2),
        _log(5, 1, "gesloten", "Verhuisd naar Zwolle", T3),
        _log(6, 1, "geëxporteerd", "verslag overleg 1 (partners)", T3),
        _log(7, 9, "gesloten", "Familie Weg verhuisd", T1),  # a case destroyed long ago
    ],
}


@pytest.fixture
def upgraded(location: Location) -> Any:
    engine = connect(location)
    create_at_version(engine, 4)
    tables = MetaData()
    tables.reflect(engine)
    with engine.begin() as connection:
        for name, values in ROWS.items():
            connection.execute(insert(tables.tables[name]), values)
    if engine.dialect.name == "postgresql":  # rows were given their ids by hand
        with engine.begin() as connection:
            for name in ROWS:
                if name != "answers":
                    connection.exec_driver_sql(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                        f"(SELECT max(id) FROM {name}))"
                    )
    engine.dispose()
    repo = Repository.open(location)
    yield repo
    repo.engine.dispose()


def test_people_keep_everything_and_their_position_is_onbekend(upgraded: Repository) -> None:
    case = upgraded.get_case(1)
    assert [(m.id, m.key, m.name, m.age) for m in case.members] == [
        (1, "k1", "moeder", None),
        (2, "k2", "vader", None),
        (3, "k3", "Sam", 8),
    ]
    assert all(m.position is Position.ONBEKEND for m in case.members)
    assert all(m.position_history == [] and m.note == "" for m in case.members)
    assert [(p.key, p.organisation, p.linked_to) for p in case.partners] == [
        ("p1", "Veilig Thuis", ()),
        ("p2", "Politie", ()),
    ]
    assert upgraded.get_case(2).members[0].name == "oma"


def test_meetings_invite_the_family_members_who_sat_at_the_table(upgraded: Repository) -> None:
    first, second = upgraded.meeting_by_number(1, 1), upgraded.meeting_by_number(1, 2)
    assert first.invited == ["k1", "k2"]
    assert first.together_safe is None
    assert [(p.name, p.role, p.attendance.value, p.key) for p in first.participants] == [
        ("moeder", "ouder", "aanwezig", "k1"),
        ("vader", "partner of ex-partner", "telefonisch", "k2"),
        ("A.", "Veilig Thuis", "aanwezig", ""),
        ("B.", "Politie", "aanwezig", ""),
        ("C. Smit", "ervaringsdeskundige", "aanwezig", ""),
    ]
    assert second.invited == [] and [p.name for p in second.participants] == ["A."]
    assert upgraded.meeting_by_number(2, 1).invited == ["k4"]  # names compare loosely
    # Inviting again now works on the seats the meeting had.
    assert first.id is not None
    again = upgraded.set_invited(first.id, ["k1"])
    assert [p.name for p in again.participants] == ["moeder", "A.", "B.", "C. Smit"]


def test_items_keep_their_words_and_their_markings_exactly(upgraded: Repository) -> None:
    meeting = upgraded.meeting_by_number(1, 1)
    assert {q: a.text for q, a in meeting.answers.items()} == {q: f"antwoord {q}" for q in MARKINGS}
    assert {q: a.restriction for q, a in meeting.answers.items()} == {
        "dv-1": Restriction(),
        "dv-2": Restriction.professionals(),
        "dv-3": Restriction.only_for("Politie"),
        "dv-4": Restriction.strictest("kapot:?"),
    }
    assert all(a.speaker == "" for a in meeting.answers.values())
    [score] = meeting.scores
    assert (score.score, score.higher) == (4, "rust")
    assert score.restriction == Restriction.professionals()
    [action] = meeting.actions
    assert action.restriction == Restriction.only_for("Veilig Thuis")
    [voice] = meeting.voices
    assert (voice.member, voice.is_child, voice.heard) == ("Sam", True, "Bang")


def test_nothing_marked_before_reaches_more_readers(upgraded: Repository) -> None:
    """Before: '' for everyone, 'professionals' for the partners, 'partner:X' for X only."""
    case = upgraded.get_case(1)
    meeting = upgraded.meeting_by_number(1, 1)
    before = {
        "dv-1": {"moeder", "vader", "Veilig Thuis", "Politie", "tafel"},
        "dv-2": {"Veilig Thuis", "Politie", "tafel"},
        "dv-3": {"Politie"},
        "dv-4": set(),
    }
    readers = [(r.name or r.partner, r) for r in readers_of(case)]
    readers.append(("tafel", table_reader(case)))
    for question, allowed in before.items():
        answer = meeting.answers[question]
        origin = Origin(client_words=answer.client_words)
        now = {name for name, r in readers if may_read(r, answer.restriction, origin)}
        assert now <= allowed, question


def test_reasons_move_from_the_log_to_the_case_and_purge_takes_them(
    upgraded: Repository,
) -> None:
    history = upgraded.case_history(1)
    assert [(e.closed, e.reason) for e in history.status_events] == [
        (True, "Eerste keer dicht"),
        (False, "Weer zorgen"),
        (True, "Verhuisd naar Zwolle"),
    ]
    assert history.closed_reason == "Verhuisd naar Zwolle"
    assert [(e.action, e.detail) for e in upgraded.audit_log(1)] == [
        ("aangemaakt", ""),
        ("gewijzigd", "overleg 1"),
        ("gesloten", ""),
        ("heropend", ""),
        ("gesloten", ""),
        ("geëxporteerd", "verslag overleg 1 (partners)"),
    ]
    assert [e.detail for e in upgraded.audit_log(9)] == [""]

    destroy_cases(upgraded.engine, expired_cases(upgraded.engine, 5), "P. Jansen")

    with upgraded.engine.connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            for row in connection.execute(table.select()):
                text = " ".join(str(v) for v in row)
                for words in ("Zwolle", "Eerste keer", "Weer zorgen", "Bang", "Gezin J."):
                    assert words not in text, table.name
