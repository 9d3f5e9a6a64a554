"""Family members and partners keep their identity (key and row) across every save."""

from __future__ import annotations

from dataclasses import replace

import pytest

from leidraad.core.domain import FamilyMember, MemberRole, Partner
from storage.repository import Repository
from tests.conftest import family_case

pytestmark = pytest.mark.both_backends


def test_keys_come_back_as_they_were_saved(repo: Repository) -> None:
    case = family_case()
    saved = repo.save_case(case)
    assert saved.id is not None
    again = repo.get_case(saved.id)
    assert [m.key for m in again.members] == [m.key for m in case.members]
    assert [p.key for p in again.partners] == [p.key for p in case.partners]


def test_an_edited_member_keeps_its_key_and_its_row(repo: Repository) -> None:
    case = repo.save_case(family_case())
    before = [(m.id, m.key) for m in case.members]
    case.members[0] = replace(case.members[0], name="Moeder (Anna)")
    case.members[2] = replace(case.members[2], age=9)
    case.partners[1] = replace(case.partners[1], contact="C. Claes")
    assert case.id is not None

    again = repo.save_case(case)

    assert [(m.id, m.key) for m in again.members] == before
    assert [m.name for m in again.members] == ["Moeder (Anna)", "vader", "Sam"]
    assert again.members[2].age == 9
    assert again.partners[1].contact == "C. Claes"
    assert [(p.id, p.key) for p in again.partners] == [(p.id, p.key) for p in case.partners]
    assert repo.get_case(case.id) == again


def test_a_removed_member_is_gone_and_the_others_stay_who_they_are(repo: Repository) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    vader = case.members[1]
    case.members = [case.members[0], case.members[2]]
    case.partners = case.partners[1:]

    again = repo.save_case(case)

    assert [m.name for m in again.members] == ["moeder", "Sam"]
    assert vader.key not in {m.key for m in again.members}
    assert vader.id not in {m.id for m in again.members}
    assert [(m.id, m.key) for m in again.members] == [(m.id, m.key) for m in case.members]
    assert [p.organisation for p in again.partners] == ["Politie"]


def test_a_new_member_gets_a_row_and_keeps_its_key(repo: Repository) -> None:
    case = repo.save_case(family_case())
    newborn = FamilyMember("Noor", MemberRole.KIND, 0)
    case.members.insert(0, newborn)
    case.partners.append(Partner("School", "mentor"))

    again = repo.save_case(case)

    assert [m.name for m in again.members] == ["Noor", "moeder", "vader", "Sam"]
    assert again.members[0].key == newborn.key
    assert again.members[0].id is not None
    assert [(m.id, m.key) for m in again.members[1:]] == [(m.id, m.key) for m in case.members[1:]]
    assert again.partners[-1].key == case.partners[-1].key


def test_a_member_rebuilt_with_its_row_id_but_a_new_key_keeps_the_stored_key(
    repo: Repository,
) -> None:
    """A form that copies the id but makes a new object must not turn a person into another."""
    case = repo.save_case(family_case())
    moeder = case.members[0]
    case.members[0] = FamilyMember("moeder", MemberRole.OUDER, None, moeder.id)
    assert case.members[0].key != moeder.key

    again = repo.save_case(case)

    assert (again.members[0].id, again.members[0].key) == (moeder.id, moeder.key)


def test_the_same_key_twice_in_one_case_becomes_two_people(repo: Repository) -> None:
    case = family_case()
    case.members.append(replace(case.members[2], name="Kim"))  # a copy: the same key
    again = repo.save_case(case)
    assert [m.name for m in again.members] == ["moeder", "vader", "Sam", "Kim"]
    assert len({m.key for m in again.members}) == 4
    assert again.members[2].key == case.members[2].key


def test_the_same_people_in_two_cases_are_kept_apart(repo: Repository) -> None:
    first = repo.save_case(family_case())
    second = repo.save_case(replace(first, id=None, alias="Gezin K."))
    assert [m.key for m in second.members] == [m.key for m in first.members]
    assert not {m.id for m in first.members} & {m.id for m in second.members}
    second.members = second.members[:1]
    repo.save_case(second)
    assert first.id is not None
    assert repo.get_case(first.id) == first
