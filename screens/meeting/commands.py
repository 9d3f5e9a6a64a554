"""The meeting's commands in the palette (Ctrl+P): every part, and the main actions by name."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from leidraad.core.flow import Part
from screens.meeting.session import MeetingSession

Command = tuple[str, str, Callable[[], object]]


class Commanded(Protocol):
    """What the commands call on the meeting screen."""

    session: MeetingSession

    async def goto(self, position: int) -> None: ...
    def action_client_words(self) -> None: ...
    def action_restrict(self) -> None: ...
    def action_worry(self) -> None: ...
    def action_export(self) -> None: ...
    async def action_change_phase(self) -> None: ...
    def action_plans(self) -> None: ...


def meeting_commands(screen: Commanded) -> list[Command]:
    flow = screen.session.flow

    def go(part: Part) -> Callable[[], Awaitable[None]]:
        return lambda: screen.goto(flow.start_of(part))

    commands: list[Command] = [
        (f"Naar {part.label}", f"Deel {part.number} van {len(Part)}", go(part)) for part in Part
    ]
    commands += [
        (
            "Eigen woorden van de cliënt",
            "Wiens woorden: elke keer de volgende persoon (Ctrl+O)",
            screen.action_client_words,
        ),
        (
            "Wie mag dit lezen?",
            "Afschermen: alleen professionals, één partner, niet voor of gedeeld met iemand",
            screen.action_restrict,
        ),
        ("Zorg concreet maken", "Bij deze vraag: eerst de zorg concreet", screen.action_worry),
        (
            "Verslag bekijken en bewaren",
            "Kies de versie: volledig, cliënt, acties of per partner",
            screen.action_export,
        ),
        ("Overleg afsluiten", "Naar de afsluiting: samenvatting en verslag", go(Part.AFSLUITING)),
        (
            "Wie is uitgenodigd",
            "Welke cliënten aan tafel komen (in de opening)",
            go(Part.OPENING),
        ),
    ]
    # Following the case over time.
    review = flow.review_position()
    if review is not None:
        commands.append(
            (
                "Afspraken aftikken",
                "Open acties van eerdere overleggen: gedaan, deels, niet gedaan",
                lambda: screen.goto(review),
            )
        )
    commands += [
        ("Fase wijzigen", "Besluit over de fase, met reden (Ctrl+F)", screen.action_change_phase),
        (
            "Plannen: wie kent ze",
            "Veiligheidsplan, hulpverleningsplan, herstelplan",
            screen.action_plans,
        ),
    ]
    return commands
