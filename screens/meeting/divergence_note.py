"""Under the safety scores: last meeting's scores, and a prompt when perspectives differ.

A difference of three points or more between perspectives is a reason to talk:
what does one see that the other does not?
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.message import Message
from textual.widgets import Static

from leidraad.core.domain import SafetyScore, format_date
from leidraad.core.meeting import Meeting
from leidraad.core.trend import DISCUSS_PROMPT, divergence
from screens.context import AppContext
from screens.shown import escape


class ScoresChanged(Message):
    """A score row stored a new score."""


class PreviousScores(Static):
    """Last meeting's scores, so the table hears whether safety went up or down."""

    DEFAULT_CSS = """
    PreviousScores { height: auto; margin-bottom: 1; }
    """

    def __init__(self, context: AppContext, meeting: Meeting) -> None:
        super().__init__("", id="previous-scores")
        sheets = context.repo.score_sheets(meeting.case_id, up_to=meeting.number - 1)
        given = [s for s in sheets if any(c.score is not None for c in s.scores)]
        if given:
            last = given[-1]
            scores = " · ".join(
                f"{escape(c.perspective)} [b]{c.score}[/]"
                for c in last.scores
                if c.score is not None
            )
            when = f"overleg {last.number}, {format_date(last.held_on)}"
            self.update(f"[dim]Vorige keer ({when}):[/] {scores}")
        self.display = bool(given)


class DivergenceNote(Static):
    """Under the scores: how far they lie apart, and a prompt to talk from three points on."""

    DEFAULT_CSS = """
    DivergenceNote { height: auto; margin-bottom: 1; }
    DivergenceNote.discuss {
        background: $warning 20%; border-left: thick $warning; padding: 0 1;
    }
    """

    def __init__(self) -> None:
        super().__init__("", id="divergence")
        self._prompted = False

    def show(self, scores: Sequence[SafetyScore], announce: bool = True) -> None:
        spread = divergence(scores)
        lines = []
        discuss = spread is not None and spread.needs_discussion
        if spread is not None and discuss:
            lines.append(f"[b]⚠ {DISCUSS_PROMPT.format(spread=spread.spread)}[/]")
            lines.append(escape(spread.describe()))
            if announce and not self._prompted:
                self.notify(
                    DISCUSS_PROMPT.format(spread=spread.spread),
                    title="Verschil bespreken",
                    severity="warning",
                    timeout=10,
                )
        elif spread is not None:
            lines.append(f"[dim]{escape(spread.describe())}[/]")
        self._prompted = discuss
        self.set_class(discuss, "discuss")
        self.update("\n".join(lines))
        self.display = bool(lines)
