"""Who is who in a case, who is invited to the table, and who reads a document.

Pure functions over the case, for the case form, the opening of a meeting and
every export. People are identified by their key, never by the text of a name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from leidraad.core.audience import Household, Reader, ReaderKind, same_partner
from leidraad.core.domain import Case, FamilyMember, InvalidInput, Partner, name_key
from leidraad.core.positions import Position

# --- positions ------------------------------------------------------------------------


def change_position(member: FamilyMember, position: Position, on: date) -> FamilyMember:
    """The member with a new position, the change kept with its date; same key.

    Setting the position it already has changes nothing.
    """
    if position is member.position:
        return member
    history = [*member.position_history, (on, position)]
    return replace(member, position=position, position_history=history)


def household(case: Case) -> Household:
    """What the reading rules need to know about the family."""
    return Household.of((m.key, m.position, m.is_child) for m in case.members)


def plegers(case: Case) -> list[FamilyMember]:
    return [m for m in case.members if m.position.uses_violence]


def slachtoffers(case: Case) -> list[FamilyMember]:
    return [m for m in case.members if m.position.is_protected and not m.is_child]


# --- who sits at the table --------------------------------------------------------------


class CannotInvite(InvalidInput):
    """An invitation that is not possible; the message is Dutch."""


def check_invite(case: Case, key: str) -> FamilyMember:
    """The member that may be invited under this key; children and strangers may not."""
    member = case.member(key)
    if member is None:
        raise CannotInvite("Deze persoon hoort niet (meer) bij de casus.")
    if member.is_child:
        raise CannotInvite(
            f"{member.name} is een kind. Kinderen komen niet aan tafel: hun stem komt via "
            "de casusregisseur of jeugd-GGZ."
        )
    return member


def invitable(case: Case, keys: Iterable[str]) -> list[str]:
    """The keys that may be invited, each once, in the order of the case: adults only."""
    wanted = set(keys)
    return [m.key for m in case.adults if m.key in wanted]


@dataclass(frozen=True)
class UnsafePair:
    """A pleger and a slachtoffer who would both sit at the table."""

    pleger: FamilyMember
    slachtoffer: FamilyMember

    @property
    def text(self) -> str:
        return (
            f"{self.pleger.name} ({self.pleger.position.label}) en "
            f"{self.slachtoffer.name} ({self.slachtoffer.position.label}) zitten dan samen "
            "aan tafel. Is dat veilig?"
        )


def unsafe_pairs(case: Case, invited: Sequence[str]) -> list[UnsafePair]:
    """Every pleger and slachtoffer that the invitations would seat together."""
    seated = [case.member(k) for k in invitable(case, invited)]
    people = [m for m in seated if m is not None]
    return [
        UnsafePair(a, b)
        for a in people
        if a.position.uses_violence
        for b in people
        if b is not a and b.position.is_protected
    ]


def needs_together_decision(case: Case, invited: Sequence[str], together_safe: bool | None) -> bool:
    """The screen must ask (and record) whether sitting together is safe."""
    return together_safe is None and bool(unsafe_pairs(case, invited))


# --- clients and partners by key or name ------------------------------------------------


class UnknownPerson(ValueError):
    """No client or partner of the case answers to this key or name; the message is Dutch."""


def document_clients(case: Case) -> list[FamilyMember]:
    """Who a client's version can be made for: the adults of the family, never a child."""
    return list(case.adults)


def find_client(case: Case, key_or_name: str) -> FamilyMember:
    """An adult of the case by key, or by name (case and extra spaces do not matter)."""
    text = key_or_name.strip()
    member = case.member(text) or next(
        (m for m in case.members if text and name_key(m.name) == name_key(text)), None
    )
    names = ", ".join(m.name for m in document_clients(case)) or "geen"
    if member is None:
        raise UnknownPerson(f"'{text}' is geen cliënt van deze casus. Kies uit: {names}.")
    if member.is_child:
        raise UnknownPerson(
            f"{member.name} is een kind; een kind krijgt geen eigen versie. Kies uit: {names}."
        )
    return member


def find_partner(case: Case, key_or_name: str) -> Partner | None:
    """A partner of the case by key, organisation or contact; None for a partner not listed."""
    text = key_or_name.strip()
    found = case.partner(text)
    if found is not None:
        return found
    return next(
        (
            p
            for p in case.partners
            if text and (same_partner(p.organisation, text) or same_partner(p.contact, text))
        ),
        None,
    )


# --- readers ----------------------------------------------------------------------------


def client_reader(case: Case, key_or_name: str) -> Reader:
    """The reader of one client's own version."""
    member = find_client(case, key_or_name)
    return Reader(ReaderKind.CLIENT, member=member.key, name=member.name, household=household(case))


def partner_reader(case: Case, key_or_name: str) -> Reader:
    """The reader of one partner's version, with the clients it works with."""
    name = " ".join(key_or_name.split())
    if not name:
        raise UnknownPerson("Noem de partner voor wie deze versie is (--partner).")
    found = find_partner(case, name)
    if found is None:  # a partner not (yet) in the case: no links known
        return Reader(ReaderKind.PARTNER, partner=name, name=name, household=household(case))
    linked = frozenset(k for k in found.linked_to if case.member(k) is not None)
    return Reader(
        ReaderKind.PARTNER,
        partner=found.organisation,
        name=found.organisation,
        partner_key=found.key,
        linked=linked,
        household=household(case),
    )


def table_reader(case: Case) -> Reader:
    """The partners at the table: the full minutes."""
    return Reader(ReaderKind.PARTNERS, household=household(case))


def readers_of(case: Case) -> list[Reader]:
    """Every person a document of this case can be made for: each adult, each partner."""
    readers = [client_reader(case, m.key) for m in document_clients(case)]
    return readers + [partner_reader(case, p.key) for p in case.partners]


def names_by_key(case: Case) -> dict[str, str]:
    """Key -> name for everyone in the case, to put markings into words."""
    names = {m.key: m.name for m in case.members}
    names.update({p.key: p.organisation for p in case.partners})
    return names
