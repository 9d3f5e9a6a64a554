"""Safety scores over the meetings: a bar per meeting on a fixed 0-10 scale, and the numbers.

The numbers are always written out next to the bars, so the trend can be read
aloud by a screen reader and does not depend on telling bar heights apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from leidraad.core.domain import format_date
from leidraad.core.trend import (
    DIVERGENCE_THRESHOLD,
    ScoreSheet,
    Trend,
    divergence,
    sparkline,
    trend_text,
    trends,
)
from screens.shown import cell


class ScoreTrend(Static):
    DEFAULT_CSS = """
    ScoreTrend { height: auto; }
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.sheets: list[ScoreSheet] = []
        self.trends: list[Trend] = []

    def show(self, sheets: Sequence[ScoreSheet]) -> None:
        self.sheets = list(sheets)
        self.trends = trends(sheets)
        if not self.trends:
            self.update(Text("Nog geen veiligheidscijfers gegeven.", style="italic"))
            return
        colours = self.app.get_css_variables()
        table = Table(box=None, show_header=True, pad_edge=False, expand=False)
        table.add_column("Perspectief", overflow="fold", ratio=3)
        table.add_column("Verloop", no_wrap=True)
        table.add_column("Cijfers", overflow="fold", ratio=2)
        table.add_column("Laatst", no_wrap=True)
        for trend in self.trends:
            bars = Text(
                sparkline([p.score for p in trend.points]), style=colours.get("primary", "")
            )
            latest = "-" if trend.latest is None else str(trend.latest)
            table.add_row(cell(trend.label), bars, Text(trend_text(trend)), Text(latest))
        self.update(table)

    def divergence_line(self) -> tuple[str, bool]:
        """The latest meeting's spread in words, and whether it asks for a conversation."""
        scored = [s for s in self.sheets if any(c.score is not None for c in s.scores)]
        if not scored:
            return "", False
        latest = scored[-1]
        spread = divergence(latest.scores)
        if spread is None:
            return "", False
        head = f"Overleg {latest.number} ({format_date(latest.held_on)}): "
        text = head + spread.describe()
        if spread.spread >= DIVERGENCE_THRESHOLD:
            text += " Bespreek dit verschil in het volgende overleg."
        return text, spread.needs_discussion
