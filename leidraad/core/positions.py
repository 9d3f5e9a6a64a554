"""Where a family member stands in the violence: the basis of who may read what.

A position is kept with the date it was decided, because it can change (a
victim who later also uses violence; a first suspicion that turns out wrong).
"""

from __future__ import annotations

from enum import StrEnum


class Position(StrEnum):
    SLACHTOFFER = "slachtoffer"
    PLEGER = "pleger"
    BEIDE = "beide"
    KIND = "kind"
    ONBEKEND = "onbekend"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def uses_violence(self) -> bool:
        """A pleger: what their victims say and plan must not reach them."""
        return self in (Position.PLEGER, Position.BEIDE)

    @property
    def is_protected(self) -> bool:
        """Someone whose words and safety plan are kept from the people who hurt them."""
        return self in (Position.SLACHTOFFER, Position.BEIDE, Position.KIND)


_LABELS = {
    Position.SLACHTOFFER: "slachtoffer",
    Position.PLEGER: "pleger",
    Position.BEIDE: "slachtoffer én pleger",
    Position.KIND: "kind als getuige of slachtoffer",
    Position.ONBEKEND: "nog onbekend",
}
