"""Deciding a phase change with its reason; back to directe veiligheid is said plainly."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from leidraad.core.domain import InvalidInput, Phase, format_date
from leidraad.core.meeting import MeetingSummary
from leidraad.core.phases import PhaseChange, phase_name
from screens.context import AppContext
from screens.shown import escape
from screens.widgets.storage_guard import saving

OUTSIDE = "buiten"
FALLBACK_NOTE = (
    "[b]Terug naar directe veiligheid.[/] De veiligheid staat weer voorop: eerst het geweld "
    "stoppen en iedereen beschermen. Het volgende overleg gebruikt de vragen van fase 1. "
    "Dit kan altijd, ook tussen twee overleggen door."
)


class PhaseDialog(ModalScreen[PhaseChange | None]):
    """From a meeting the decision belongs to that meeting; from the case screen one is chosen."""

    DEFAULT_CSS = """
    PhaseDialog { align: center middle; }
    PhaseDialog > Vertical {
        width: 84; max-width: 95%; height: auto; max-height: 100%; padding: 0 2;
        border: thick $primary; background: $surface;
    }
    PhaseDialog .title { text-style: bold; }
    PhaseDialog Label { margin-top: 1; color: $text-muted; }
    PhaseDialog #fallback {
        margin-top: 1; padding: 0 1; background: $warning 20%; border-left: thick $warning;
    }
    PhaseDialog .error { color: $error; text-style: bold; height: auto; display: none; }
    PhaseDialog Horizontal { height: auto; margin-top: 1; }
    PhaseDialog Button { margin-right: 2; }
    """
    BINDINGS = [Binding("escape", "cancel", "Annuleren")]

    def __init__(
        self,
        context: AppContext,
        case_id: int,
        current: Phase,
        meeting: MeetingSummary | None = None,
        meetings: Sequence[MeetingSummary] = (),
    ) -> None:
        super().__init__()
        self.context = context
        self.case_id = case_id
        self.current = current
        self.meeting = meeting
        self.meetings = list(meetings)

    def _default_target(self) -> Phase:
        """In a meeting usually one phase further; between meetings usually a fall back."""
        if self.current is Phase.DIRECTE_VEILIGHEID:
            return Phase.STABIELE_VEILIGHEID
        if self.meeting is None or self.current is Phase.HERSTEL:
            return Phase.DIRECTE_VEILIGHEID
        return Phase.HERSTEL

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                f"Fase wijzigen [dim]· de casus is nu in fase[/] {phase_name(self.current)}",
                classes="title",
            )
            yield Label("Naar welke fase?")
            options = []
            for phase in Phase:
                if phase is self.current:
                    continue
                label = phase_name(phase)
                if phase is Phase.DIRECTE_VEILIGHEID:
                    label += " (terug: kan altijd)"
                options.append((label, phase.value))
            yield Select(
                options, value=self._default_target().value, allow_blank=False, id="target"
            )
            yield Static(FALLBACK_NOTE, id="fallback")
            if self.meeting is not None:
                m = self.meeting
                yield Static(f"Besloten in overleg {m.number} van {format_date(m.held_on)}.")
            else:
                yield Label("Waar is het besloten?")
                yield Select(
                    self._meeting_options(),
                    value=self._default_meeting(),
                    allow_blank=False,
                    id="meeting",
                )
            yield Label("Waarom? Dit komt in de geschiedenis van de casus en in het verslag.")
            yield Input(id="reason", placeholder="bijv. nieuw incident, politie ingeschakeld")
            yield Static("", classes="error")
            with Horizontal():
                yield Button("Fase wijzigen", id="ok", variant="primary")
                yield Button("Annuleren (Esc)", id="cancel")

    def _meeting_options(self) -> list[tuple[str, str]]:
        options = [
            (f"Overleg {m.number} van {format_date(m.held_on)}", str(m.id))
            for m in reversed(self.meetings)
        ]
        return [*options, ("Buiten een overleg (alleen terug naar fase 1)", OUTSIDE)]

    def _default_meeting(self) -> str:
        today = self.context.today()
        held_today = [m for m in self.meetings if m.held_on == today]
        return str(held_today[-1].id) if held_today else OUTSIDE

    def on_mount(self) -> None:
        self._show_fallback()
        self.query_one("#reason", Input).focus()

    def _target(self) -> Phase:
        return Phase(str(self.query_one("#target", Select).value))

    @on(Select.Changed, "#target")
    def _show_fallback(self) -> None:
        self.query_one("#fallback").display = self._target() is Phase.DIRECTE_VEILIGHEID

    @on(Input.Submitted, "#reason")
    @on(Button.Pressed, "#ok")
    def _decide(self) -> None:
        meeting_id, decided_on = self._where()
        reason = self.query_one("#reason", Input).value
        try:
            # A database problem is told, and the dialog stays open with the reason typed.
            with saving(self) as saved:
                change = self.context.repo.change_phase(
                    self.case_id, self._target(), reason, meeting_id, decided_on
                )
        except InvalidInput as problem:
            error = self.query_one(".error", Static)
            error.update(escape(str(problem)))
            error.display = True
            return
        if saved.ok:
            self.dismiss(change)

    def _where(self) -> tuple[int | None, date]:
        if self.meeting is not None:
            return self.meeting.id, self.meeting.held_on
        chosen = str(self.query_one("#meeting", Select).value)
        return (None if chosen == OUTSIDE else int(chosen)), self.context.today()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def announce(change: PhaseChange) -> tuple[str, str]:
    """Title and message (markup) for the notice after a change; a fall back says so."""
    if change.falls_back:
        return (
            "Terug naar directe veiligheid",
            f"De casus is terug in fase 1. Reden: {escape(change.reason)}",
        )
    return ("Fase gewijzigd", f"{change.describe()}.")
