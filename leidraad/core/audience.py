"""Who may read what: markings on items, the people who read each document, and the rule.

Readers are people, not categories. In a family where one parent uses violence,
"the client" is two people with opposite interests, so a document is written
for one named person: one client (by member key), one partner (with the
clients it works with), or the table. Each answer, score and action carries a
`Restriction`; where an item came from is its `Origin`. `may_read` is the
single rule that decides, so no document can leak an item by a forgotten check.

Defaults protect:
- a child's words reach no adult client unless released for that person;
- a slachtoffer's own words and score, and the veiligheidsplan, reach no
  pleger, nor a partner that works with that pleger, unless released;
- "niet voor X" also keeps the item from every partner that works with X;
- notes for professionals and professionals-only items never reach a client;
  an item for one partner reaches only that partner.
A release ("gedeeld met") lifts only these defaults: an explicit marking
(professionals only, one partner only, niet voor) always wins.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from leidraad.core.names import name_key
from leidraad.core.positions import Position


class RestrictionKind(StrEnum):
    IEDEREEN = "iedereen"
    PROFESSIONALS = "professionals"
    PARTNER = "partner"


_PARTNER_PREFIX = "partner:"
_V2_PREFIX = "v2:"


def _keys(values: Iterable[str]) -> frozenset[str]:
    return frozenset(v.strip() for v in values if v and v.strip())


@dataclass(frozen=True)
class Restriction:
    """Everyone (the default), professionals only, or one partner only; plus per person.

    `not_for`: member (or partner) keys of people who may never read the item.
    `shared_with`: keys of people it was explicitly released for (consent), which
    lifts the protective defaults for them and for nobody else.
    """

    kind: RestrictionKind = RestrictionKind.IEDEREEN
    partner: str = ""
    not_for: frozenset[str] = field(default_factory=frozenset)
    shared_with: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def professionals(cls) -> Restriction:
        return cls(RestrictionKind.PROFESSIONALS)

    @classmethod
    def only_for(cls, partner: str) -> Restriction:
        name = " ".join(partner.split())
        if not name:
            raise ValueError("a partner restriction needs the partner's name")
        return cls(RestrictionKind.PARTNER, name)

    @classmethod
    def strictest(cls, text: str = "") -> Restriction:
        """For a stored value that cannot be understood: readable by no client, no partner."""
        return cls(RestrictionKind.PARTNER, " ".join(text.split()) or "?")

    def not_for_people(self, *keys: str) -> Restriction:
        """The same marking, and never for these people (nor partners working with them)."""
        return replace(self, not_for=self.not_for | _keys(keys))

    def shared_with_people(self, *keys: str) -> Restriction:
        """The same marking, explicitly released for these people."""
        return replace(self, shared_with=self.shared_with | _keys(keys))

    def without_person(self, key: str) -> Restriction:
        """Forget a person in both sets (e.g. a 'niet voor' taken back)."""
        return replace(self, not_for=self.not_for - {key}, shared_with=self.shared_with - {key})

    @property
    def is_restricted(self) -> bool:
        return self.kind is not RestrictionKind.IEDEREEN or bool(self.not_for)

    @property
    def label(self) -> str:
        """How the marking reads when names are not at hand."""
        return self.describe({})

    def describe(self, names: dict[str, str]) -> str:
        """The marking in words, naming people by `names` (key -> name)."""
        parts = []
        if self.kind is RestrictionKind.PROFESSIONALS:
            parts.append("alleen professionals")
        elif self.kind is RestrictionKind.PARTNER:
            parts.append(f"alleen voor {self.partner}")
        if self.not_for:
            parts.append("niet voor " + _people(self.not_for, names))
        if self.shared_with:
            parts.append("gedeeld met " + _people(self.shared_with, names))
        return ", ".join(parts) or "iedereen"

    def encode(self) -> str:
        """The stored form: '', 'professionals' or 'partner:<name>' as always; per-person
        marks as 'v2:{json}'. Older versions read a 'v2:' value as the strictest marking."""
        if self.not_for or self.shared_with:
            data = {
                "soort": self.kind.value,
                "partner": self.partner,
                "niet_voor": sorted(self.not_for),
                "gedeeld_met": sorted(self.shared_with),
            }
            return _V2_PREFIX + json.dumps(data, ensure_ascii=False, sort_keys=True)
        if self.kind is RestrictionKind.PARTNER:
            return _PARTNER_PREFIX + self.partner
        if self.kind is RestrictionKind.PROFESSIONALS:
            return RestrictionKind.PROFESSIONALS.value
        return ""

    @classmethod
    def decode(cls, stored: str | None) -> Restriction:
        """Read the stored form back; anything unknown is treated as the strictest marking."""
        text = (stored or "").strip()
        if not text or text == RestrictionKind.IEDEREEN.value:
            return cls()
        if text == RestrictionKind.PROFESSIONALS.value:
            return cls.professionals()
        if text.startswith(_PARTNER_PREFIX) and text[len(_PARTNER_PREFIX) :].strip():
            return cls.only_for(text[len(_PARTNER_PREFIX) :])
        if text.startswith(_V2_PREFIX):
            decoded = _decode_v2(text[len(_V2_PREFIX) :])
            if decoded is not None:
                return decoded
        # Never widen what may be read because a value could not be understood.
        return cls.strictest(text)


def _decode_v2(text: str) -> Restriction | None:
    try:
        data = json.loads(text)
        kind = RestrictionKind(data["soort"])
        partner = " ".join(str(data.get("partner", "")).split())
        not_for, shared = data.get("niet_voor", []), data.get("gedeeld_met", [])
        if not (isinstance(not_for, list) and isinstance(shared, list)):
            return None
        if not all(isinstance(k, str) for k in [*not_for, *shared]):
            return None
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    if kind is RestrictionKind.PARTNER and not partner:
        return None
    if kind is not RestrictionKind.PARTNER:
        partner = ""
    return Restriction(kind, partner, _keys(not_for), _keys(shared))


def _people(keys: frozenset[str], names: dict[str, str]) -> str:
    known = sorted(names.get(k, "") for k in keys)
    named = [n for n in known if n]
    unnamed = len(known) - len(named)
    if unnamed:
        named.append("1 persoon" if unnamed == 1 else f"{unnamed} personen")
    return ", ".join(named)


@dataclass(frozen=True)
class Origin:
    """Where an item came from, as far as reading rights go.

    `speaker`: member key of the person whose own words, score or perspective it is.
    `client_words`: someone's own words, also when it is not known whose.
    `safety_plan`: it holds (part of) a veiligheidsplan.
    `professional`: a note for professionals only (member note, professional note).
    """

    speaker: str = ""
    client_words: bool = False
    safety_plan: bool = False
    professional: bool = False


NO_ORIGIN = Origin()


@dataclass(frozen=True)
class Household:
    """What a reader must know about the family to apply the defaults: keys by position."""

    children: frozenset[str] = frozenset()
    plegers: frozenset[str] = frozenset()
    protected: frozenset[str] = frozenset()  # slachtoffers, and every child

    @classmethod
    def of(cls, people: Iterable[tuple[str, Position, bool]]) -> Household:
        """From (member key, position, is child) per family member."""
        children: set[str] = set()
        plegers: set[str] = set()
        protected: set[str] = set()
        for key, position, is_child in people:
            if is_child:
                children.add(key)
                protected.add(key)
            if position.uses_violence:
                plegers.add(key)
            if position.is_protected:
                protected.add(key)
        return cls(frozenset(children), frozenset(plegers), frozenset(protected))


class ReaderKind(StrEnum):
    PARTNERS = "partners"
    CLIENT = "client"
    PARTNER = "partner"


@dataclass(frozen=True)
class Reader:
    """One person (or the table) a document is written for.

    Build one with `leidraad.core.people`: `client_reader`, `partner_reader`,
    `table_reader`. A client reader without a member key is nobody in
    particular and gets only what anyone in the family may read.
    """

    kind: ReaderKind
    partner: str = ""  # the partner's organisation, as it is named in the case
    member: str = ""  # the client's member key
    name: str = ""  # how the document names its reader
    partner_key: str = ""
    linked: frozenset[str] = frozenset()  # member keys of the clients this partner works with
    household: Household = Household()

    @property
    def label(self) -> str:
        if self.kind is ReaderKind.CLIENT:
            return self.name or "de cliënt"
        if self.kind is ReaderKind.PARTNER:
            return self.partner
        return "de ketenpartners aan tafel"

    @property
    def keys(self) -> frozenset[str]:
        """The keys that name this reader in a 'niet voor' or 'gedeeld met' set."""
        own = self.member if self.kind is ReaderKind.CLIENT else self.partner_key
        return frozenset({own}) if own else frozenset()


ALL_PARTNERS = Reader(ReaderKind.PARTNERS)
CLIENT = Reader(ReaderKind.CLIENT)


def same_partner(a: str, b: str) -> bool:
    return name_key(a) == name_key(b)


def may_read(reader: Reader, restriction: Restriction, origin: Origin = NO_ORIGIN) -> bool:
    """The one rule: may this reader read an item with this marking and origin?"""
    if restriction.kind is RestrictionKind.PARTNER:
        named = same_partner(reader.partner, restriction.partner)
        return reader.kind is ReaderKind.PARTNER and named
    if reader.kind is ReaderKind.PARTNERS:
        return True
    if reader.kind is ReaderKind.CLIENT:
        return _client_may_read(reader, restriction, origin)
    return _partner_may_read(reader, restriction, origin)


def _client_may_read(reader: Reader, restriction: Restriction, origin: Origin) -> bool:
    if origin.professional or restriction.kind is RestrictionKind.PROFESSIONALS:
        return False
    me = reader.member
    if not me:  # nobody in particular: only what holds nobody's words or plan
        personal = origin.speaker or origin.client_words or origin.safety_plan
        return not (personal or restriction.not_for)
    if me in restriction.not_for:
        return False
    if origin.speaker == me or me in restriction.shared_with:
        return True
    house = reader.household
    if origin.speaker in house.children:
        return False
    if me in house.plegers:
        return not _kept_from_plegers(house, origin, me)
    return True


def _kept_from_plegers(house: Household, origin: Origin, pleger: str) -> bool:
    """Whether the defaults keep this item from a pleger (or who works with them)."""
    if origin.safety_plan:
        return True
    if origin.speaker:
        return origin.speaker != pleger and origin.speaker in house.protected
    # Someone's own words, but not known whose: when there is someone to protect,
    # they may be a victim's.
    return origin.client_words and bool(house.protected - {pleger})


def _partner_may_read(reader: Reader, restriction: Restriction, origin: Origin) -> bool:
    if restriction.not_for & (reader.linked | reader.keys):
        return False
    if reader.keys & restriction.shared_with:
        return True
    house = reader.household
    blockers = {
        pleger
        for pleger in reader.linked & house.plegers
        if _kept_from_plegers(house, origin, pleger)
    }
    return blockers <= restriction.shared_with
