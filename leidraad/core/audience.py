"""Who may read what: restrictions on items and the readers of each export.

Partners are bound by different rules on what they may share, and clients
read their own version. Each answer, score and action carries a restriction;
each export is written for one reader. `may_read` is the single rule that
decides, so no document can leak an item by forgetting a check.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from leidraad.core.names import name_key


class RestrictionKind(StrEnum):
    IEDEREEN = "iedereen"
    PROFESSIONALS = "professionals"
    PARTNER = "partner"


_PARTNER_PREFIX = "partner:"


@dataclass(frozen=True)
class Restriction:
    """Everyone (the default), professionals only, or one partner only."""

    kind: RestrictionKind = RestrictionKind.IEDEREEN
    partner: str = ""

    @classmethod
    def professionals(cls) -> Restriction:
        return cls(RestrictionKind.PROFESSIONALS)

    @classmethod
    def only_for(cls, partner: str) -> Restriction:
        name = " ".join(partner.split())
        if not name:
            raise ValueError("a partner restriction needs the partner's name")
        return cls(RestrictionKind.PARTNER, name)

    @property
    def is_restricted(self) -> bool:
        return self.kind is not RestrictionKind.IEDEREEN

    @property
    def label(self) -> str:
        """How the marking reads on screen and in a partner's version."""
        if self.kind is RestrictionKind.PROFESSIONALS:
            return "alleen professionals"
        if self.kind is RestrictionKind.PARTNER:
            return f"alleen voor {self.partner}"
        return "iedereen"

    def encode(self) -> str:
        """The stored form: '' for everyone, 'professionals', or 'partner:<name>'."""
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
        # Never widen what may be read because a value could not be understood.
        return cls.only_for(text)


class ReaderKind(StrEnum):
    PARTNERS = "partners"
    CLIENT = "client"
    PARTNER = "partner"


@dataclass(frozen=True)
class Reader:
    """Who a document is written for."""

    kind: ReaderKind
    partner: str = ""

    @property
    def label(self) -> str:
        if self.kind is ReaderKind.CLIENT:
            return "de cliënt"
        if self.kind is ReaderKind.PARTNER:
            return self.partner
        return "de ketenpartners aan tafel"


ALL_PARTNERS = Reader(ReaderKind.PARTNERS)
CLIENT = Reader(ReaderKind.CLIENT)


def same_partner(a: str, b: str) -> bool:
    return name_key(a) == name_key(b)


def may_read(reader: Reader, restriction: Restriction) -> bool:
    """The one rule: a marked item only reaches the readers it is meant for."""
    if restriction.kind is RestrictionKind.IEDEREEN:
        return True
    if restriction.kind is RestrictionKind.PROFESSIONALS:
        return reader.kind is not ReaderKind.CLIENT
    return reader.kind is ReaderKind.PARTNER and same_partner(reader.partner, restriction.partner)
