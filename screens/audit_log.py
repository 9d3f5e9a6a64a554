"""The audit log of one case, read-only: who created, changed, exported or closed it, and when."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from screens.context import AppContext
from screens.shown import escape


class AuditLogScreen(Screen[None]):
    CSS_PATH = "audit_log.tcss"
    BINDINGS = [Binding("escape", "app.pop_screen", "Terug")]

    def __init__(self, context: AppContext, case_id: int, alias: str) -> None:
        super().__init__()
        self.context = context
        self.case_id = case_id
        self.alias = alias

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"Logboek: {escape(self.alias)}", classes="title")
        yield Static(
            "Wie deze casus aanmaakte, wijzigde, exporteerde of sloot, en wanneer. "
            "Wijzigingen kort na elkaar staan samen op één regel.",
            classes="help",
        )
        yield DataTable(id="log", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one("#log", DataTable)
        table.add_columns("Wanneer", "Wie", "Wat", "Waarover")
        for entry in self.context.repo.audit_log(self.case_id):
            table.add_row(entry.when(), escape(entry.actor), entry.action, escape(entry.detail))
        table.focus()
