"""Phases over time: the rules for changing phase, the history, and stable safety.

Back to directe veiligheid is always possible; any other change is a joint
decision in a meeting, one phase at a time, always with a reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from leidraad.core.domain import InvalidInput, Phase, format_date


class PhaseMove(StrEnum):
    VERDER = "verder"
    TERUG_NAAR_DIRECTE_VEILIGHEID = "terug_directe_veiligheid"
    TERUG = "terug"


def phase_move(from_phase: Phase, to_phase: Phase) -> PhaseMove:
    if to_phase.number > from_phase.number:
        return PhaseMove.VERDER
    if to_phase is Phase.DIRECTE_VEILIGHEID:
        return PhaseMove.TERUG_NAAR_DIRECTE_VEILIGHEID
    return PhaseMove.TERUG


@dataclass
class PhaseChange:
    """A decision to move a case to another phase, with the reason."""

    from_phase: Phase
    to_phase: Phase
    reason: str
    decided_on: date
    meeting_number: int | None = None
    meeting_id: int | None = None
    id: int | None = None

    @property
    def move(self) -> PhaseMove:
        return phase_move(self.from_phase, self.to_phase)

    @property
    def falls_back(self) -> bool:
        return self.move is PhaseMove.TERUG_NAAR_DIRECTE_VEILIGHEID

    def describe(self) -> str:
        if self.falls_back:
            return f"Terug naar directe veiligheid (was {phase_name(self.from_phase)})"
        return f"Van {phase_name(self.from_phase)} naar {phase_name(self.to_phase)}"

    @property
    def where(self) -> str:
        return f"overleg {self.meeting_number}" if self.meeting_number else "buiten een overleg"


def phase_name(phase: Phase) -> str:
    return f"{phase.number}. {phase.label}"


def check_phase_change(
    current: Phase, target: Phase, reason: str, in_meeting: bool, closed: bool = False
) -> str:
    """The rules of gefaseerd samenwerken; returns the cleaned reason or says what is wrong.

    Back to directe veiligheid is always possible, also between meetings. Any
    other change is a joint decision in a meeting, one phase at a time.
    """
    cleaned = " ".join(reason.split())
    if closed:
        raise InvalidInput("Deze casus is gesloten. Heropen hem eerst.")
    if target is current:
        raise InvalidInput(f"De casus is al in fase {phase_name(current)}. Kies een andere fase.")
    if not cleaned:
        raise InvalidInput("Schrijf op waarom de fase verandert. De reden komt in de geschiedenis.")
    if target.number - current.number > 1:
        raise InvalidInput(
            f"Een fase overslaan kan niet: ga eerst naar {phase_name(Phase.STABIELE_VEILIGHEID)}."
        )
    if not in_meeting and target is not Phase.DIRECTE_VEILIGHEID:
        raise InvalidInput(
            "Naar een andere fase gaan besluit je samen in een overleg: kies het overleg. "
            "Alleen terug naar directe veiligheid kan altijd, ook tussen overleggen door."
        )
    return cleaned


def current_fallback(phase: Phase, history: Sequence[PhaseChange]) -> PhaseChange | None:
    """The change that put the case back in directe veiligheid, while it is still there."""
    if phase is not Phase.DIRECTE_VEILIGHEID or not history:
        return None
    last = history[-1]
    return last if last.falls_back else None


def safe_since(phase: Phase, created_on: date, history: Sequence[PhaseChange]) -> date | None:
    """Since when the case has been out of directe veiligheid without falling back."""
    if phase is Phase.DIRECTE_VEILIGHEID:
        return None
    initial = history[0].from_phase if history else phase
    since = None if initial is Phase.DIRECTE_VEILIGHEID else created_on
    for change in history:
        if change.to_phase is Phase.DIRECTE_VEILIGHEID:
            since = None
        elif since is None:
            since = change.decided_on
    return since


STABLE_MONTHS = 6


def months_between(start: date, end: date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - (1 if end.day < start.day else 0)


def closing_warnings(
    phase: Phase,
    created_on: date,
    history: Sequence[PhaseChange],
    open_actions: int,
    today: date,
) -> list[str]:
    """What to weigh before closing: the ZVH stays until safety is stable for half a year."""
    warnings = []
    since = safe_since(phase, created_on, history)
    if since is None:
        warnings.append("De casus is nog in directe veiligheid.")
    elif months_between(since, today) < STABLE_MONTHS:
        warnings.append(
            f"De veiligheid is pas sinds {format_date(since)} stabiel "
            f"({months_between(since, today)} maanden). Meestal blijft het Zorg- en "
            f"Veiligheidshuis betrokken tot dat minstens een half jaar zo is."
        )
    if open_actions:
        warnings.append(
            f"Er {'staat' if open_actions == 1 else 'staan'} nog {open_actions} "
            f"{'actie' if open_actions == 1 else 'acties'} open."
        )
    return warnings
