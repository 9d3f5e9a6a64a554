"""The safety plan, help plan and recovery plan: who knows the current version, since when.

In research on cases in the chain, all parties knew the safety plan in under a
third of the cases; naming who does not know it yet is the point.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from leidraad.core.domain import Case, format_date, name_key


class PlanKind(StrEnum):
    VEILIGHEIDSPLAN = "veiligheidsplan"
    HULPVERLENINGSPLAN = "hulpverleningsplan"
    HERSTELPLAN = "herstelplan"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass
class PlanVersion:
    kind: PlanKind
    label: str
    dated: date
    id: int | None = None

    def describe(self) -> str:
        return f"{self.label} van {format_date(self.dated)}"


def plan_parties(case: Case) -> list[str]:
    """Who must know the plans: every partner at the table and the adults of the family."""
    names = [p.organisation for p in case.partners] + [m.name for m in case.adults]
    unique: dict[str, str] = {}
    for name in names:
        if name.strip():
            unique.setdefault(party_key(name), name.strip())
    return list(unique.values())


def party_key(name: str) -> str:
    return name_key(name)


@dataclass
class PlanStatus:
    """One plan: its current version and since when each party knows that version."""

    kind: PlanKind
    version: PlanVersion | None
    parties: list[str]
    known: dict[str, date] = field(default_factory=dict)  # by party_key

    def known_since(self, party: str) -> date | None:
        return self.known.get(party_key(party))

    def aware(self) -> list[str]:
        return [p for p in self.parties if self.known_since(p) is not None]

    def unaware(self) -> list[str]:
        return [p for p in self.parties if self.known_since(p) is None]

    def summary(self) -> str:
        """One line for the case screen and the minutes."""
        if self.version is None:
            return f"{self.kind.label}: nog niet vastgelegd."
        head = f"{self.kind.label} ({self.version.describe()})"
        if not self.parties:
            return f"{head}: nog geen partijen bij de casus."
        missing = self.unaware()
        if not missing:
            return f"{head}: iedereen kent deze versie."
        return (
            f"{head}: {len(self.aware())} van {len(self.parties)} kennen deze versie. "
            f"Nog niet: {', '.join(missing)}."
        )
