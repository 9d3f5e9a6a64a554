"""The safety plan, help plan and recovery plan: who must know them, who must not, and who
knows the current version since when.

In research on cases in the chain, all parties knew the safety plan in under a
third of the cases; naming who does not know it yet is the point. But a
veiligheidsplan protects someone from someone: the pleger must never get it,
nor a partner that works with him, so they are never counted as "does not know
it yet".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from leidraad.core.domain import Case, Partner, format_date, name_key


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


def _unique(names: Iterable[str]) -> list[str]:
    unique: dict[str, str] = {}
    for name in names:
        if name.strip():
            unique.setdefault(party_key(name), name.strip())
    return list(unique.values())


def default_must_not(case: Case, kind: PlanKind) -> list[str]:
    """Member keys of who must not get a plan by default: the plegers, for the
    veiligheidsplan, when the case has someone to protect. `plan_audience` keeps the
    partners that work with them out too."""
    if kind is not PlanKind.VEILIGHEIDSPLAN:
        return []
    plegers = [m for m in case.members if m.position.uses_violence]
    protected = [m for m in case.members if m.position.is_protected or m.is_child]
    return [m.key for m in plegers if any(p is not m for p in protected)]


@dataclass(frozen=True)
class PlanAudience:
    """Who must know one plan (partners, clients, people outside the table such as the
    huisarts or school) and who must not: names, as the awareness list shows them."""

    kind: PlanKind
    must_know: tuple[str, ...]
    must_not_know: tuple[str, ...]


def plan_audience(
    case: Case,
    kind: PlanKind,
    outside: Sequence[str] = (),
    must_not: Sequence[str] | None = None,
) -> PlanAudience:
    """Who must and must not know `kind` of plan.

    `outside`: free text, people outside the table who must know it (huisarts,
    school). `must_not`: member keys that must not get it; None means the default
    (`default_must_not`). Nobody who must not know it is ever in `must_know`.
    """
    keys = set(default_must_not(case, kind) if must_not is None else must_not)
    barred = [m.name for m in case.members if m.key in keys]
    barred += [p.organisation for p in barred_partners(case, keys)]
    barred_names = {party_key(n) for n in barred}
    names = [p.organisation for p in case.partners] + [m.name for m in case.adults]
    must_know = [n for n in _unique([*names, *outside]) if party_key(n) not in barred_names]
    return PlanAudience(kind, tuple(must_know), tuple(_unique(barred)))


def barred_partners(case: Case, keys: Iterable[str]) -> list[Partner]:
    """The partners kept from a plan kept from these member keys: those working with
    one of them ("niet voor X" is never for X's partners either), or named themselves."""
    wanted = set(keys)
    return [p for p in case.partners if p.key in wanted or wanted & set(p.linked_to)]


def plan_parties(case: Case, kind: PlanKind = PlanKind.VEILIGHEIDSPLAN) -> list[str]:
    """Who must know a plan: every partner and the adults of the family, without whoever
    must not know it. Without a kind, the strictest list (the veiligheidsplan's)."""
    return list(plan_audience(case, kind).must_know)


def party_key(name: str) -> str:
    return name_key(name)


@dataclass
class PlanStatus:
    """One plan: its current version and since when each party knows that version."""

    kind: PlanKind
    version: PlanVersion | None
    parties: list[str]  # who must know it
    known: dict[str, date] = field(default_factory=dict)  # by party_key
    must_not: list[str] = field(default_factory=list)  # who must not get it

    @classmethod
    def for_case(
        cls,
        case: Case,
        kind: PlanKind,
        version: PlanVersion | None,
        known: Mapping[str, date],
        outside: Sequence[str] = (),
        must_not: Sequence[str] | None = None,
    ) -> PlanStatus:
        """The status with who must (and must not) know it worked out from the case."""
        audience = plan_audience(case, kind, outside, must_not)
        return cls(
            kind, version, list(audience.must_know), dict(known), list(audience.must_not_know)
        )

    def known_since(self, party: str) -> date | None:
        return self.known.get(party_key(party))

    def _counted(self) -> list[str]:
        barred = {party_key(p) for p in self.must_not}
        return [p for p in self.parties if party_key(p) not in barred]

    def aware(self) -> list[str]:
        return [p for p in self._counted() if self.known_since(p) is not None]

    def unaware(self) -> list[str]:
        """Who must know it and does not yet; never someone who must not get it."""
        return [p for p in self._counted() if self.known_since(p) is None]

    def summary(self) -> str:
        """One line for the case screen and the minutes."""
        if self.version is None:
            return f"{self.kind.label}: nog niet vastgelegd."
        head = f"{self.kind.label} ({self.version.describe()})"
        barred = f" Mag het niet krijgen: {', '.join(self.must_not)}." if self.must_not else ""
        counted = self._counted()
        if not counted:
            return f"{head}: nog geen partijen bij de casus.{barred}"
        missing = self.unaware()
        if not missing:
            return f"{head}: iedereen kent deze versie.{barred}"
        return (
            f"{head}: {len(self.aware())} van {len(counted)} kennen deze versie. "
            f"Nog niet: {', '.join(missing)}.{barred}"
        )
