"""On the closing page: the case's phase, and the phase decisions taken in this meeting.

Kept to a line or two so the closing button stays in view; the change itself
is made with Ctrl+F (or by clicking the link) in a dialog that asks the reason.
"""

from __future__ import annotations

from rich.markup import escape
from textual.notifications import SeverityLevel
from textual.widgets import Static

from leidraad.core.meeting import Meeting, MeetingSummary
from leidraad.core.phases import PhaseChange, phase_name
from screens.context import AppContext
from screens.phase_dialog import PhaseDialog, announce


class PhaseDecision(Static):
    DEFAULT_CSS = """
    PhaseDecision { height: auto; margin: 1 0 0 0; }
    """

    def __init__(self, context: AppContext, meeting: Meeting) -> None:
        super().__init__("", id="phase-decision")
        self.context = context
        self.meeting = meeting

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        case = self.context.repo.get_case(self.meeting.case_id)
        here = [
            c
            for c in self.context.repo.phase_history(self.meeting.case_id)
            if c.meeting_id == self.meeting.id
        ]
        link = "[@click=screen.change_phase]fase wijzigen (Ctrl+F)[/]"
        lines = [f"[b]Fase van de casus:[/] {phase_name(case.phase)} · {link}"]
        for change in here:
            text = f"Besloten in dit overleg: {change.describe()}. Reden: {escape(change.reason)}"
            lines.append(f"[b $warning]⚠ {text}[/]" if change.falls_back else text)
        self.update("\n".join(lines))

    def change(self) -> None:
        case = self.context.repo.get_case(self.meeting.case_id)
        m = self.meeting
        assert m.id is not None and case.id is not None
        summary = MeetingSummary(m.id, m.number, m.held_on, m.phase, m.status)

        def done(change: PhaseChange | None) -> None:
            if change is None:
                return
            self.show()
            title, message = announce(change)
            severity: SeverityLevel = "warning" if change.falls_back else "information"
            self.notify(message, title=title, severity=severity, timeout=10)

        self.app.push_screen(PhaseDialog(self.context, case.id, case.phase, summary), done)
