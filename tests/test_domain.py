from datetime import date

import pytest

from leidraad.core.domain import (
    Attendance,
    InvalidInput,
    MemberRole,
    check_alias,
    parse_age,
    parse_date,
    parse_score,
    participants_for,
    perspectives_for,
)
from tests.conftest import family_case


@pytest.mark.parametrize("text,expected", [("0", 0), ("10", 10), (" 7 ", 7), ("", None)])
def test_scores_from_0_to_10_are_accepted(text: str, expected: int | None) -> None:
    assert parse_score(text) == expected


@pytest.mark.parametrize("text", ["11", "-1", "zeven", "7.5", "100"])
def test_other_scores_are_refused_with_a_dutch_message(text: str) -> None:
    with pytest.raises(InvalidInput) as error:
        parse_score(text)
    assert "0 tot en met 10" in str(error.value)


@pytest.mark.parametrize(
    "text", ["15-01-2027", "15-1-2027", "15/01/2027", "15.01.2027", "2027-01-15"]
)
def test_dates_are_read_as_dutch_users_write_them(text: str) -> None:
    assert parse_date(text) == date(2027, 1, 15)


@pytest.mark.parametrize("text", ["31-02-2027", "morgen", "15-01", "1-1-27"])
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_date(text)


def test_age_must_be_a_number_of_years() -> None:
    assert parse_age("8") == 8
    assert parse_age("") is None
    assert parse_age("41") == 41  # a parent's age may be noted too
    with pytest.raises(InvalidInput):
        parse_age("acht")
    with pytest.raises(InvalidInput):
        parse_age("300")


def test_a_case_needs_a_name_but_a_pseudonym_is_enough() -> None:
    assert check_alias("  Gezin   J. ") == "Gezin J."
    with pytest.raises(InvalidInput):
        check_alias("   ")


def test_children_are_never_invited_to_the_table() -> None:
    case = family_case()
    everyone = [m.key for m in case.members]
    names = [p.name for p in participants_for(case, everyone)]
    assert names == ["moeder", "vader", "A. de Vries", "B. Bakker"]


def test_every_child_gets_a_perspective_voiced_by_the_casusregisseur() -> None:
    scores = perspectives_for(family_case())
    child = [s for s in scores if "Sam" in s.perspective]
    assert len(child) == 1
    assert child[0].voiced_by == "casusregisseur"
    assert "kind, 8 jaar" in child[0].perspective
    assert child[0].member_key == family_case().members[2].key or child[0].member_key
    assert len(scores) == 5


def test_attendance_cycles_present_absent_phone() -> None:
    assert Attendance.AANWEZIG.next() is Attendance.AFWEZIG
    assert Attendance.AFWEZIG.next() is Attendance.TELEFONISCH
    assert Attendance.TELEFONISCH.next() is Attendance.AANWEZIG
    assert MemberRole.PARTNER.label == "(ex-)partner"
