"""Readers are people: who is who, who is invited, and what each person may read."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leidraad.core.audience import (
    ALL_PARTNERS,
    CLIENT,
    Origin,
    Reader,
    ReaderKind,
    Restriction,
    RestrictionKind,
    may_read,
)
from leidraad.core.domain import Case, FamilyMember, MemberRole, Partner, participants_for
from leidraad.core.meeting import Meeting
from leidraad.core.people import (
    CannotInvite,
    UnknownPerson,
    change_position,
    check_invite,
    client_reader,
    document_clients,
    find_client,
    invitable,
    needs_together_decision,
    partner_reader,
    table_reader,
    unsafe_pairs,
)
from leidraad.core.positions import Position
from tests.conftest import family_case


def gezin_a() -> Case:
    """Father uses violence; mother is his victim; two children; reclassering works with him."""
    mother = FamilyMember("moeder", MemberRole.OUDER, position=Position.SLACHTOFFER)
    father = FamilyMember("vader", MemberRole.PARTNER, position=Position.PLEGER)
    noor = FamilyMember("Noor", MemberRole.KIND, 9, position=Position.KIND)
    daan = FamilyMember("Daan", MemberRole.KIND, 6)
    return Case(
        "Gezin A.",
        members=[mother, father, noor, daan],
        partners=[
            Partner("Veilig Thuis", "E."),
            Partner("Reclassering", "M.", linked_to=(father.key,)),
            Partner("Slachtofferhulp", "S.", linked_to=(mother.key,)),
        ],
    )


def people(case: Case) -> tuple[FamilyMember, FamilyMember, FamilyMember, FamilyMember]:
    mother, father, noor, daan = case.members
    return mother, father, noor, daan


# --- who is who ------------------------------------------------------------------------


def test_a_position_change_is_kept_with_its_date_and_the_key_stays() -> None:
    member = FamilyMember("vader", MemberRole.PARTNER)
    assert member.position is Position.ONBEKEND
    changed = change_position(member, Position.PLEGER, date(2026, 3, 1))
    changed = change_position(changed, Position.BEIDE, date(2026, 9, 1))
    assert changed.key == member.key
    assert changed.position is Position.BEIDE
    assert changed.position_history == [
        (date(2026, 3, 1), Position.PLEGER),
        (date(2026, 9, 1), Position.BEIDE),
    ]
    assert change_position(changed, Position.BEIDE, date(2027, 1, 1)) is changed
    assert Position.KIND.label == "kind als getuige of slachtoffer"


# --- who is invited --------------------------------------------------------------------


def test_only_partners_sit_at_the_table_unless_a_client_is_invited() -> None:
    case = family_case()
    assert [p.name for p in participants_for(case)] == ["A. de Vries", "B. Bakker"]
    _mother, father, sam = case.members
    seated = participants_for(case, [father.key, sam.key, "onbekend"])
    assert [p.name for p in seated] == ["vader", "A. de Vries", "B. Bakker"]
    assert seated[0].key == father.key
    assert Meeting(1, 1, date(2026, 1, 1), case.phase).invited == []


def test_children_can_never_be_invited() -> None:
    case = family_case()
    mother, _, sam = case.members
    assert invitable(case, [sam.key, mother.key, mother.key]) == [mother.key]
    with pytest.raises(CannotInvite, match="Kinderen komen niet aan tafel"):
        check_invite(case, sam.key)
    with pytest.raises(CannotInvite):
        check_invite(case, "weg")
    assert check_invite(case, mother.key) is mother


def test_a_pleger_and_a_slachtoffer_together_is_named_and_must_be_decided() -> None:
    case = gezin_a()
    mother, father, noor, _ = people(case)
    assert unsafe_pairs(case, [mother.key]) == []
    pairs = unsafe_pairs(case, [mother.key, father.key, noor.key])
    assert [(p.pleger.name, p.slachtoffer.name) for p in pairs] == [("vader", "moeder")]
    assert "Is dat veilig?" in pairs[0].text
    assert needs_together_decision(case, [mother.key, father.key], None)
    assert not needs_together_decision(case, [mother.key, father.key], False)


def test_clients_are_found_by_key_or_name_but_never_a_child() -> None:
    case = gezin_a()
    mother, father, _noor, _ = people(case)
    assert find_client(case, " MOEDER ") is mother
    assert find_client(case, father.key) is father
    with pytest.raises(UnknownPerson, match="kind"):
        find_client(case, "Noor")
    with pytest.raises(UnknownPerson, match="Kies uit: moeder, vader"):
        find_client(case, "oma")
    assert document_clients(case) == [mother, father]


# --- what each person may read ---------------------------------------------------------


def test_a_childs_words_reach_no_parent_unless_shared_with_that_parent() -> None:
    case = gezin_a()
    mother, father, noor, _ = people(case)
    said = Origin(speaker=noor.key, client_words=True)
    for parent in (mother, father):
        assert not may_read(client_reader(case, parent.key), Restriction(), said)
    shared = Restriction().shared_with_people(mother.key)
    assert may_read(client_reader(case, mother.key), shared, said)
    assert not may_read(client_reader(case, father.key), shared, said)
    assert may_read(table_reader(case), Restriction(), said)
    assert may_read(partner_reader(case, "Veilig Thuis"), Restriction(), said)
    assert not may_read(partner_reader(case, "Reclassering"), Restriction(), said)


def test_a_victims_words_and_safety_plan_never_reach_the_pleger_or_his_partner() -> None:
    case = gezin_a()
    mother, father, _, _ = people(case)
    dad, reclassering = client_reader(case, father.key), partner_reader(case, "reclassering")
    for origin in (
        Origin(speaker=mother.key, client_words=True),
        Origin(speaker=mother.key),  # her score
        Origin(safety_plan=True),
        Origin(client_words=True),  # someone's words, not known whose
    ):
        assert not may_read(dad, Restriction(), origin), origin
        assert not may_read(reclassering, Restriction(), origin), origin
        assert may_read(client_reader(case, mother.key), Restriction(), origin), origin
        assert may_read(partner_reader(case, "Slachtofferhulp"), Restriction(), origin)
    # his own words do reach him and his partner
    own = Origin(speaker=father.key, client_words=True)
    assert may_read(dad, Restriction(), own)
    assert may_read(reclassering, Restriction(), own)
    # an explicit release for him lifts the default, for him and his partner
    released = Restriction().shared_with_people(father.key)
    assert may_read(dad, released, Origin(safety_plan=True))
    assert may_read(reclassering, released, Origin(safety_plan=True))


def test_niet_voor_keeps_an_item_from_that_person_and_every_partner_linked_to_them() -> None:
    case = gezin_a()
    mother, father, _, _ = people(case)
    marked = Restriction().not_for_people(mother.key)
    assert not may_read(client_reader(case, mother.key), marked)
    assert not may_read(partner_reader(case, "Slachtofferhulp"), marked)
    assert may_read(client_reader(case, father.key), marked)
    assert may_read(partner_reader(case, "Reclassering"), marked)
    assert may_read(table_reader(case), marked)
    # niet voor wins over gedeeld met
    both = marked.shared_with_people(mother.key)
    assert not may_read(client_reader(case, mother.key), both)


def test_professional_notes_and_markings_stay_with_professionals() -> None:
    case = gezin_a()
    mother, _, _, _ = people(case)
    her = client_reader(case, mother.key)
    assert not may_read(her, Restriction(), Origin(professional=True))
    assert not may_read(her, Restriction.professionals().shared_with_people(mother.key))
    assert may_read(partner_reader(case, "Reclassering"), Restriction(), Origin(professional=True))
    politie = Restriction.only_for("Politie")
    assert not may_read(table_reader(case), politie)
    assert not may_read(her, politie)
    assert may_read(partner_reader(case, "politie"), politie)
    assert not may_read(partner_reader(case, "Reclassering"), politie)


def test_a_client_nobody_in_particular_gets_nothing_personal() -> None:
    assert may_read(CLIENT, Restriction())
    assert not may_read(CLIENT, Restriction(), Origin(speaker="x"))
    assert not may_read(CLIENT, Restriction(), Origin(safety_plan=True))
    assert not may_read(CLIENT, Restriction().not_for_people("x"))
    assert may_read(ALL_PARTNERS, Restriction.professionals())


def test_with_unknown_positions_the_explicit_marks_still_hold() -> None:
    case = family_case()
    mother, father, sam = case.members
    mum = client_reader(case, mother.key)
    assert may_read(mum, Restriction(), Origin(speaker=father.key, client_words=True))
    assert may_read(mum, Restriction(), Origin(safety_plan=True))
    assert not may_read(mum, Restriction(), Origin(speaker=sam.key))
    assert mum.label == "moeder"


# --- the stored form -------------------------------------------------------------------


@pytest.mark.parametrize(
    "stored,expected",
    [
        ("", Restriction()),
        (None, Restriction()),
        ("iedereen", Restriction()),
        ("professionals", Restriction.professionals()),
        ("partner:Politie", Restriction.only_for("Politie")),
        ("partner:  Veilig   Thuis ", Restriction.only_for("Veilig Thuis")),
    ],
)
def test_old_stored_markings_read_as_before(stored: str | None, expected: Restriction) -> None:
    assert Restriction.decode(stored) == expected
    assert Restriction.decode(expected.encode()) == expected


@pytest.mark.parametrize(
    "garbage",
    ["geheim", "partner:", "v2:", "v2:{}", 'v2:{"soort": "iedereen", "niet_voor": 3}', "v2:[1]"],
)
def test_a_marking_that_cannot_be_read_is_read_as_the_strictest(garbage: str) -> None:
    decoded = Restriction.decode(garbage)
    assert decoded.kind is RestrictionKind.PARTNER
    case = gezin_a()
    for reader in (table_reader(case), client_reader(case, "moeder")):
        assert not may_read(reader, decoded)
    assert not may_read(partner_reader(case, "Veilig Thuis"), decoded)


def test_old_markings_are_stored_exactly_as_before() -> None:
    assert Restriction().encode() == ""
    assert Restriction.professionals().encode() == "professionals"
    assert Restriction.only_for("Politie").encode() == "partner:Politie"


KEYS = st.text("abcdef0123456789", min_size=1, max_size=8)


@given(
    kind=st.sampled_from(list(RestrictionKind)),
    partner=st.text(min_size=1, max_size=12).filter(lambda t: t.split()),
    not_for=st.frozensets(KEYS, max_size=3),
    shared=st.frozensets(KEYS, max_size=3),
)
def test_every_marking_survives_being_stored(
    kind: RestrictionKind, partner: str, not_for: frozenset[str], shared: frozenset[str]
) -> None:
    base = Restriction.only_for(partner) if kind is RestrictionKind.PARTNER else Restriction(kind)
    marking = base.not_for_people(*not_for).shared_with_people(*shared)
    assert Restriction.decode(marking.encode()) == marking


def test_a_marking_reads_with_names() -> None:
    marking = Restriction.professionals().not_for_people("k1", "k2").shared_with_people("k3")
    assert marking.describe({"k1": "vader", "k3": "moeder"}) == (
        "alleen professionals, niet voor vader, 1 persoon, gedeeld met moeder"
    )
    assert marking.is_restricted
    assert not Restriction().shared_with_people("k3").is_restricted
    assert Reader(ReaderKind.PARTNER, "Politie").label == "Politie"


# --- plans: who must and must not know them ------------------------------------------


def test_the_pleger_must_not_get_the_veiligheidsplan_and_is_never_missing_it() -> None:
    from leidraad.core.plans import PlanKind, PlanStatus, PlanVersion, plan_audience, plan_parties

    case = gezin_a()
    plan = plan_audience(case, PlanKind.VEILIGHEIDSPLAN, outside=["huisarts", "School"])
    # the reclassering works with him: what is not for him is not for them either
    assert plan.must_not_know == ("vader", "Reclassering")
    assert "vader" not in plan.must_know and "Reclassering" not in plan.must_know
    assert {"moeder", "Veilig Thuis", "huisarts", "School"} <= set(plan.must_know)
    help_plan = plan_audience(case, PlanKind.HULPVERLENINGSPLAN)
    assert "vader" in help_plan.must_know and help_plan.must_not_know == ()
    assert "vader" not in plan_parties(case)  # the old call gives the strictest list
    version = PlanVersion(PlanKind.VEILIGHEIDSPLAN, "versie 1", date(2026, 11, 1))
    status = PlanStatus.for_case(case, PlanKind.VEILIGHEIDSPLAN, version, {}, ["huisarts"])
    assert "vader" not in status.unaware() and "Reclassering" not in status.unaware()
    assert "huisarts" in status.unaware()
    assert "Mag het niet krijgen: vader, Reclassering." in status.summary()
    # even a list that still holds him never counts him as not knowing it
    legacy = PlanStatus(PlanKind.VEILIGHEIDSPLAN, version, ["moeder", "vader"], must_not=["vader"])
    assert legacy.unaware() == ["moeder"]


def test_without_a_slachtoffer_nobody_is_barred_and_a_choice_overrides_the_default() -> None:
    from leidraad.core.plans import PlanKind, plan_audience

    case = family_case()
    assert plan_audience(case, PlanKind.VEILIGHEIDSPLAN).must_not_know == ()
    mother = case.members[0]
    chosen = plan_audience(case, PlanKind.HERSTELPLAN, must_not=[mother.key])
    assert chosen.must_not_know == ("moeder",)
    assert "moeder" not in chosen.must_know
    gezin = gezin_a()
    assert plan_audience(gezin, PlanKind.VEILIGHEIDSPLAN, must_not=[]).must_not_know == ()


def test_a_plan_kept_from_a_client_is_kept_from_the_partners_that_work_with_them() -> None:
    """Storage passes member keys; the partners linked to them are found in the core."""
    from leidraad.core.plans import PlanKind, PlanStatus, PlanVersion, plan_audience

    case = gezin_a()
    father = next(m for m in case.members if m.name == "vader")
    chosen = plan_audience(case, PlanKind.HERSTELPLAN, must_not=[father.key])
    assert chosen.must_not_know == ("vader", "Reclassering")
    version = PlanVersion(PlanKind.HERSTELPLAN, "versie 1", date(2026, 11, 1))
    status = PlanStatus.for_case(case, PlanKind.HERSTELPLAN, version, {}, (), [father.key])
    assert "Reclassering" not in status.unaware() and "Veilig Thuis" in status.unaware()
