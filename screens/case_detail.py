"""One case: who is involved, its meetings, and the way into a new meeting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static

from leidraad.core.domain import (
    DATE_FORMAT_HINT,
    Case,
    InvalidInput,
    MeetingStatus,
    format_date,
    parse_date,
)
from leidraad.core.meeting import Meeting
from screens.audit_log import AuditLogScreen
from screens.case_followup import (
    FOLLOWUP_BINDINGS,
    CaseStatusNote,
    FollowUpCaseScreen,
    FollowUpPanel,
)
from screens.case_form import CaseFormScreen
from screens.context import AppContext
from screens.export_screen import ExportScreen
from screens.meeting.screen import MeetingScreen
from screens.preparation import PreparationScreen
from screens.shown import escape
from screens.widgets.fields_dialog import FieldsDialog
from screens.widgets.storage_guard import saving


def describe_case(case: Case) -> str:
    """The case's people as Rich markup; every user text escaped."""
    lines = [
        f"[b]Fase:[/] {case.phase.number}. {case.phase.label}",
        f"[b]Regie:[/] {escape(case.regie) or '[i]nog niet vastgelegd[/]'}",
        "",
        "[b]Gezinsleden[/]",
    ]
    for m in case.members:
        lines.append(f"  • {escape(m.name)} ({m.description}) · [b]{m.position.label}[/]")
        if m.note.strip():
            lines.append(f"    [dim]notitie: {escape(m.note)}[/]")
    lines += [] if case.members else ["  geen"]
    lines += ["", "[b]Ketenpartners[/]"]
    for p in case.partners:
        linked = [w.name for k in p.linked_to if (w := case.member(k)) is not None]
        lines.append(f"  • {escape(p.description)}")
        if linked:
            lines.append(f"    [dim]werkt met {escape(', '.join(linked))}[/]")
    lines += [] if case.partners else ["  geen"]
    return "\n".join(lines)


CASE_KEYS = (
    "[b]Toetsen[/]\n"
    "  [b]n[/] overleg nu starten\n  [b]o[/] overleg plannen\n"
    "  [b]c[/] cliënten voorbereiden\n  [b]v[/] verslag\n"
    "  [b]f[/] fase wijzigen\n  [b]p[/] wie kent de plannen\n  [b]t[/] tijdlijn\n"
    "  [b]s[/] casus sluiten\n  [b]h[/] heropenen\n  [b]l[/] logboek\n"
    "  [b]Ctrl+P[/] alle opdrachten"
)


class CaseScreen(FollowUpCaseScreen):
    CSS_PATH = "case_detail.tcss"
    BINDINGS = [
        Binding("n", "new_meeting", "Nieuw overleg"),
        Binding("b", "edit_case", "Bewerken"),
        Binding("v", "export", "Verslag"),
        Binding("o", "plan_meeting", "Overleg plannen"),
        Binding("c", "prepare", "Voorbereiden"),
        Binding("l", "audit_log", "Logboek", show=False),
        *FOLLOWUP_BINDINGS,
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
                yield CaseStatusNote()
                yield Static("", id="case-info")
                yield Static(CASE_KEYS, id="case-keys")
            with VerticalScroll(id="meetings-pane"):
                yield Static("Overleggen", classes="section")
                yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
                yield Static("", id="no-meetings")
                yield FollowUpPanel()
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one("#meetings", DataTable)
        table.add_columns("Nr.", "Datum", "Fase", "Status")
        table.focus()

    def on_screen_resume(self) -> None:
        """Shown: first after on_mount, then each time a screen or dialog on top closes."""
        self.refresh_case()

    def refresh_case(self) -> None:
        history = self.context.repo.case_history(self.case_id)
        case = self.case = history.case
        self.query_one("#case-title", Static).update(f"Casus: {escape(case.alias)}")
        self.query_one("#case-info", Static).update(describe_case(case))
        table = self.query_one("#meetings", DataTable)
        table.clear()
        meetings = history.meetings
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
        self.refresh_followup(history)

    @on(DataTable.RowSelected, "#meetings")
    def _open_meeting(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.app.push_screen(MeetingScreen(self.context, int(event.row_key.value)))

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        return [
            (
                "Nieuw overleg",
                f"Start een overleg voor {escape(self.case.alias)}",
                self.action_new_meeting,
            ),
            ("Casus bewerken", "Gezinsleden, partners, regie en fase", self.action_edit_case),
            ("Verslag maken", "Een versie van het verslag kiezen en bewaren", self.action_export),
            ("Overleg plannen", "Een overleg op een latere datum", self.action_plan_meeting),
            (
                "Cliënten voorbereiden",
                "Voorbereiding en de stem van de kinderen, voor het gekozen overleg",
                self.action_prepare,
            ),
            ("Logboek", "Wie deze casus wijzigde of exporteerde en wanneer", self.action_audit_log),
            *self.followup_commands(),
        ]

    def action_new_meeting(self) -> None:
        if self.refuse_when_closed():
            return
        phase_set = self.context.guide.for_phase(self.case.phase)
        with saving(self):
            meeting = self.context.repo.start_meeting(
                self.case_id, phase_set.label, self.context.today()
            )
            assert meeting.id is not None
            self.app.push_screen(MeetingScreen(self.context, meeting.id))

    def action_audit_log(self) -> None:
        self.app.push_screen(AuditLogScreen(self.context, self.case_id, self.case.alias))

    def _selected_meeting(self) -> int | None:
        table = self.query_one("#meetings", DataTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return int(row_key.value) if row_key.value is not None else None

    def action_plan_meeting(self) -> None:
        """Plan a meeting ahead, so the casusregisseur can prepare the clients for it."""
        if self.refuse_when_closed():
            return

        def plan(values: list[str]) -> Meeting:
            when = parse_date(values[0])
            if when is None:
                raise InvalidInput(f"Vul de datum van het overleg in ({DATE_FORMAT_HINT}).")
            phase_set = self.context.guide.for_phase(self.case.phase)
            return self.context.repo.start_meeting(self.case_id, phase_set.label, when)

        def planned(meeting: object) -> None:
            if isinstance(meeting, Meeting):
                self.notify(
                    f"Overleg {meeting.number} gepland op {format_date(meeting.held_on)}. "
                    "Druk op c om de cliënten voor te bereiden.",
                    markup=False,
                )

        self.app.push_screen(
            FieldsDialog(
                "Overleg plannen",
                [(f"Datum ({DATE_FORMAT_HINT})", format_date(self._next_date()))],
                plan,
                ok="Plannen",
            ),
            planned,
        )

    def _next_date(self) -> date | None:
        """The date agreed at the last meeting, if it still lies ahead."""
        meetings = self.context.repo.list_meetings(self.case_id)
        if not meetings:
            return None
        last = self.context.repo.get_meeting(meetings[-1].id)
        upcoming = last.next_meeting
        return upcoming if upcoming and upcoming >= self.context.today() else None

    def action_prepare(self) -> None:
        meeting_id = self._selected_meeting()
        if meeting_id is None:
            self.notify(
                "Plan eerst een overleg (o); daarna kun je de cliënten voorbereiden.",
                severity="warning",
                markup=False,
            )
            return
        self.app.push_screen(PreparationScreen(self.context, meeting_id))

    def action_export(self) -> None:
        meeting_id = self._selected_meeting()
        if meeting_id is None:
            self.notify("Er is nog geen overleg om een verslag van te maken.", severity="warning")
            return
        self.app.push_screen(ExportScreen(self.context, meeting_id))

    def action_edit_case(self) -> None:
        self.app.push_screen(CaseFormScreen(self.context, self.case))
