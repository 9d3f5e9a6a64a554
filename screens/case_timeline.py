"""A case's timeline: meetings, scores, actions done, phase changes and plans, by date."""

from __future__ import annotations

from collections.abc import Callable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from leidraad.core.domain import format_date
from leidraad.core.followup import CaseHistory, timeline
from screens.context import AppContext
from screens.shown import cell, escape


class TimelineScreen(Screen[None]):
    DEFAULT_CSS = """
    TimelineScreen .title { text-style: bold; color: $accent; padding: 1 2 0 2; }
    TimelineScreen .help { color: $text-muted; padding: 0 2; }
    TimelineScreen #timeline-scroll { padding: 1 2; }
    """
    BINDINGS = [Binding("escape", "app.pop_screen", "Terug")]

    def __init__(self, context: AppContext, case_id: int) -> None:
        super().__init__()
        self.context = context
        self.case_id = case_id

    def compose(self) -> ComposeResult:
        history = self.context.repo.case_history(self.case_id)
        yield Header()
        yield Static(f"Tijdlijn van {escape(history.case.alias)}", classes="title")
        yield Static(
            "Oudste bovenaan. Pijltjes, PgUp/PgDn, Home/End om te bladeren; "
            "⚠ is iets om op te letten.",
            classes="help",
        )
        with VerticalScroll(id="timeline-scroll"):
            yield Static(self._table(history), id="timeline")
        yield Footer(compact=True, show_command_palette=False)

    def _table(self, history: CaseHistory) -> Table:
        colours = self.app.get_css_variables()
        table = Table(box=None, show_header=True, pad_edge=False, expand=True)
        table.add_column("Datum", no_wrap=True)
        table.add_column("Wat", no_wrap=True)
        table.add_column("", ratio=1, overflow="fold")
        for event in timeline(history):
            text = cell(event.text)
            kind = Text(event.kind.label)
            if event.warning:
                text = cell("⚠ " + event.text, style=f"bold {colours.get('warning', '')}")
                kind.stylize("bold")
            table.add_row(format_date(event.on), kind, text)
        return table

    def on_mount(self) -> None:
        scroll = self.query_one("#timeline-scroll", VerticalScroll)
        scroll.focus()
        self.call_after_refresh(scroll.scroll_end, animate=False)

    def action_first(self) -> None:
        self.query_one("#timeline-scroll", VerticalScroll).scroll_home(animate=False)

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        return [("Naar het begin", "Het oudste eerst", self.action_first)]
