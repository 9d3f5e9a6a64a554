"""One case: who is involved, its meetings, and the way into a new meeting."""

from __future__ import annotations

from collections.abc import Callable

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from leidraad.domain import Case, MeetingStatus, format_date
from screens.audit_log import AuditLogScreen
from screens.case_form import CaseFormScreen
from screens.context import AppContext
from screens.meeting.screen import MeetingScreen
from screens.widgets.storage_guard import saving


def describe_case(case: Case) -> str:
    """The case's people as Rich markup; every user text escaped."""
    lines = [
        f"[b]Fase:[/] {case.phase.number}. {case.phase.label}",
        f"[b]Regie:[/] {escape(case.regie) or '[i]nog niet vastgelegd[/]'}",
        "",
        "[b]Gezinsleden[/]",
    ]
    lines += [f"  • {escape(m.name)} ({m.description})" for m in case.members] or ["  geen"]
    lines += ["", "[b]Ketenpartners[/]"]
    lines += [f"  • {escape(p.description)}" for p in case.partners] or ["  geen"]
    return "\n".join(lines)


class CaseScreen(Screen[None]):
    CSS_PATH = "case_detail.tcss"
    BINDINGS = [
        Binding("n", "new_meeting", "Nieuw overleg"),
        Binding("b", "edit_case", "Casus bewerken"),
        Binding("l", "audit_log", "Logboek"),
        Binding("escape", "app.pop_screen", "Terug"),
    ]

    def __init__(self, context: AppContext, case_id: int) -> None:
        super().__init__()
        self.context = context
        self.case_id = case_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="case-title", classes="title")
        with Horizontal():
            with VerticalScroll(id="details", can_focus=False):
                yield Static("", id="case-info")
            with VerticalScroll(id="meetings-pane"):
                yield Static("Overleggen", classes="section")
                yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
                yield Static("", id="no-meetings")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one("#meetings", DataTable)
        table.add_columns("Nr.", "Datum", "Fase", "Status")
        self.refresh_case()
        table.focus()

    def on_screen_resume(self) -> None:
        self.refresh_case()

    def refresh_case(self) -> None:
        case = self.context.repo.get_case(self.case_id)
        self.case = case
        self.query_one("#case-title", Static).update(f"Casus: {escape(case.alias)}")
        self.query_one("#case-info", Static).update(describe_case(case))
        table = self.query_one("#meetings", DataTable)
        table.clear()
        meetings = self.context.repo.list_meetings(self.case_id)
        for m in reversed(meetings):
            status = "afgesloten" if m.status is MeetingStatus.AFGESLOTEN else "open"
            table.add_row(
                str(m.number), format_date(m.held_on), m.phase.label, status, key=str(m.id)
            )
        hint = self.query_one("#no-meetings", Static)
        hint.update(
            "Enter opent het gekozen overleg om te lezen of te verbeteren."
            if meetings
            else "Nog geen overleg. Druk op [b]n[/] om het eerste overleg te starten."
        )

    @on(DataTable.RowSelected, "#meetings")
    def _open_meeting(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.app.push_screen(MeetingScreen(self.context, int(event.row_key.value)))

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        return [
            ("Nieuw overleg", f"Start een overleg voor {self.case.alias}", self.action_new_meeting),
            ("Casus bewerken", "Gezinsleden, partners, regie en fase", self.action_edit_case),
            ("Logboek", "Wie deze casus wijzigde of exporteerde en wanneer", self.action_audit_log),
        ]

    def action_new_meeting(self) -> None:
        phase_set = self.context.guide.for_phase(self.case.phase)
        with saving(self):
            meeting = self.context.repo.start_meeting(
                self.case_id, phase_set.label, self.context.today()
            )
            assert meeting.id is not None
            self.app.push_screen(MeetingScreen(self.context, meeting.id))

    def action_audit_log(self) -> None:
        self.app.push_screen(AuditLogScreen(self.context, self.case_id, self.case.alias))

    def action_edit_case(self) -> None:
        self.app.push_screen(CaseFormScreen(self.context, self.case))
