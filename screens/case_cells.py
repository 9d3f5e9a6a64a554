"""How the case list shows each case: phase, open actions, and what is left out.

Kept apart from the case screens so the list can be drawn before they are loaded.
"""

from __future__ import annotations

from leidraad.core.domain import CaseSummary

OVERDUE_MARK = "⚠"


def phase_cell(summary: CaseSummary) -> str:
    """The phase as the case list shows it: a fall back and a closed case are named."""
    text = f"{summary.phase.number}. {summary.phase.label}"
    if summary.fell_back:
        text += f" ({OVERDUE_MARK} terug)"
    return f"gesloten · {text}" if summary.closed else text


def actions_cell(summary: CaseSummary) -> str:
    text = str(summary.open_actions)
    if summary.overdue:
        text += f" ({OVERDUE_MARK} {summary.overdue} te laat)"
    return text


def closed_hint(count: int, searching: bool) -> str:
    if not count or searching:
        return ""
    which = "1 gesloten casus staat" if count == 1 else f"{count} gesloten casussen staan"
    return f"{which} niet in de lijst. Zoek op naam ( / ) om ze te vinden."
