"""On the closing page: the case's phase, and the phase decisions taken in this meeting.

Kept to a line or two so the closing button stays in view; the change itself
is made with Ctrl+F (or by clicking the link) in a dialog that asks the reason.
"""

from __future__ import annotations

from textual.notifications import SeverityLevel
from textual.widgets import Static

from leidraad.core.meeting import MeetingSummary
from leidraad.core.phases import PhaseChange, phase_name
from screens.meeting.session import MeetingSession
from screens.phase_dialog import PhaseDialog, announce
from screens.shown import escape


class PhaseDecision(Static):
    DEFAULT_CSS = """
    PhaseDecision { height: auto; margin: 1 0 0 0; }
    """

    def __init__(self, session: MeetingSession) -> None:
        super().__init__("", id="phase-decision")
        self.session = session

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        case = self.session.current_case()
        history = self.session.context.repo.phase_history(self.session.meeting.case_id)
        here = [c for c in history if c.meeting_id == self.session.meeting_id]
        link = "[@click=screen.change_phase]fase wijzigen (Ctrl+F)[/]"
        lines = [f"[b]Fase van de casus:[/] {phase_name(case.phase)} · {link}"]
        for change in here:
            text = f"Besloten in dit overleg: {change.describe()}. Reden: {escape(change.reason)}"
            lines.append(f"[b $warning]⚠ {text}[/]" if change.falls_back else text)
        self.update("\n".join(lines))

    def change(self) -> None:
        case = self.session.current_case()
        m = self.session.meeting
        assert m.id is not None and case.id is not None
        summary = MeetingSummary(m.id, m.number, m.held_on, m.phase, m.status)

        def done(change: PhaseChange | None) -> None:
            if change is None:
                return
            self.show()
            title, message = announce(change)
            severity: SeverityLevel = "warning" if change.falls_back else "information"
            self.notify(message, title=title, severity=severity, timeout=10)

        dialog = PhaseDialog(self.session.context, case.id, case.phase, summary)
        self.app.push_screen(dialog, done)
