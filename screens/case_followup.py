"""The case screen's view over time: banner, score trend, open actions, plans, and the
keys to change the phase, see the plans or the timeline, and close or reopen the case.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import Static

from leidraad.core.domain import format_date
from leidraad.core.followup import CaseHistory, is_overdue, overdue_text
from leidraad.core.phases import PhaseChange, closing_warnings, phase_name
from screens.case_cells import OVERDUE_MARK
from screens.context import AppContext
from screens.phase_dialog import PhaseDialog, announce
from screens.shown import escape
from screens.widgets.fields_dialog import FieldsDialog
from screens.widgets.prompt import ConfirmDialog
from screens.widgets.score_trend import ScoreTrend
from screens.widgets.storage_guard import saving

if TYPE_CHECKING:
    from exports.publish import Prepared

# Not in the footer (it must fit 100 columns): the case screen lists them in its key hint.
FOLLOWUP_BINDINGS = [
    Binding("f", "change_phase", "Fase", show=False),
    Binding("p", "plans", "Plannen", show=False),
    Binding("t", "timeline", "Tijdlijn", show=False),
    Binding("s", "close_case", "Sluiten", show=False),
    Binding("h", "reopen_case", "Heropenen", show=False),
]


class CaseStatusNote(Static):
    """Said plainly at the top: closed, back in directe veiligheid, actions past their date."""

    DEFAULT_CSS = """
    CaseStatusNote { height: auto; display: none; padding: 0 1; margin-bottom: 1; }
    CaseStatusNote.warning {
        display: block; background: $warning 25%; border-left: thick $warning;
    }
    CaseStatusNote.closed {
        display: block; background: $boost; border-left: thick $secondary;
    }
    """

    def show(self, history: CaseHistory, today: date) -> None:
        fallback = history.fallback
        late = history.overdue(today)
        lines = []
        if history.closed_on is not None:
            lines.append(f"[b]Gesloten op {format_date(history.closed_on)}.[/]")
            if history.closed_reason:
                lines.append(f"Reden: {escape(history.closed_reason)}")
            lines.append("Druk op [b]h[/] om de casus te heropenen.")
        if fallback is not None:
            lines.append(
                f"[b]⚠ Terug naar directe veiligheid[/] sinds {format_date(fallback.decided_on)} "
                f"({fallback.where}; was {phase_name(fallback.from_phase)})."
            )
            lines.append(f"Reden: {escape(fallback.reason)}")
        if late:
            count = len(late)
            lines.append(
                f"[b]{OVERDUE_MARK} {count} {'actie' if count == 1 else 'acties'} over de "
                "afgesproken datum[/] (zie Open acties)."
            )
        closed = history.closed_on is not None
        self.set_class(closed, "closed")
        self.set_class(not closed and bool(fallback or late), "warning")
        self.update("\n".join(lines))


class FollowUpPanel(Vertical):
    """Scores over time, the actions still open (overdue first) and who knows the plans."""

    DEFAULT_CSS = """
    FollowUpPanel { height: auto; }
    FollowUpPanel .followup-section {
        text-style: bold; border-bottom: solid $primary; margin: 1 0 1 0;
    }
    FollowUpPanel #divergence-line { margin-top: 1; }
    FollowUpPanel #divergence-line.discuss { color: $warning; text-style: bold; }
    FollowUpPanel #open-actions, FollowUpPanel #plans-summary { height: auto; }
    """

    def compose(self) -> ComposeResult:
        yield Static("Veiligheid door de tijd (0-10, per overleg)", classes="followup-section")
        yield ScoreTrend(id="trend")
        yield Static("", id="divergence-line")
        yield Static("Open acties", classes="followup-section")
        yield Static("", id="open-actions")
        yield Static("Plannen: wie kent de huidige versie  (p)", classes="followup-section")
        yield Static("", id="plans-summary")

    def show(self, history: CaseHistory, today: date) -> None:
        trend = self.query_one(ScoreTrend)
        trend.show(history.sheets)
        text, discuss = trend.divergence_line()
        line = self.query_one("#divergence-line", Static)
        line.update(("⚠ " if discuss else "") + escape(text))
        line.set_class(discuss, "discuss")
        line.display = bool(text)
        self.query_one("#open-actions", Static).update(self._actions(history, today))
        plans = [escape(p.summary()) for p in history.plans]
        self.query_one("#plans-summary", Static).update("\n".join(plans))

    def _actions(self, history: CaseHistory, today: date) -> str:
        records = history.open_actions
        if not records:
            return "[i]Geen open acties.[/]"
        late = [r for r in records if is_overdue(r.action, today)]
        rest = [r for r in records if not is_overdue(r.action, today)]
        lines = []
        for record in late + rest:
            a = record.action
            when = format_date(a.due) or "geen datum"
            where = f"overleg {record.meeting_number}"
            text = f"{escape(a.description)} [dim]· {escape(a.owner)} · {where}[/]"
            if record in late:
                lines.append(
                    f"[b $error]{OVERDUE_MARK} {overdue_text(a, today)}[/] ({when}) {text}"
                )
            else:
                lines.append(f"• {when}: {text}")
        if late:
            verb = "is" if len(late) == 1 else "zijn"
            head = f"{len(late)} van de {len(records)} open acties {verb} over de datum"
            lines.insert(0, f"[b $error]{head}[/]")
        return "\n".join(lines)


class FollowUpCaseScreen(Screen[None]):
    """Base of the CaseScreen: the keys and commands for following the case over time.

    The CaseScreen reloads the case whenever it is shown again, so also when a dialog
    pushed from here closes: the dialogs' callbacks do not reload it a second time.
    """

    context: AppContext
    case_id: int
    history: CaseHistory | None = None

    def refresh_followup(self, history: CaseHistory) -> None:
        self.history = history
        self.query_one(CaseStatusNote).show(history, self.context.today())
        self.query_one(FollowUpPanel).show(history, self.context.today())
        self.refresh_bindings()

    def _history(self) -> CaseHistory:
        """The history on screen; the CaseScreen loads it before it takes any key."""
        assert self.history is not None
        return self.history

    def is_closed(self) -> bool:
        return self.history is not None and self.history.closed_on is not None

    def refuse_when_closed(self) -> bool:
        """Say why a closed case cannot change; True when it is closed."""
        if not self.is_closed():
            return False
        self.notify("Deze casus is gesloten. Druk op h om hem te heropenen.", severity="warning")
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_case":
            return not self.is_closed()
        if action == "reopen_case":
            return self.is_closed()
        return True

    def followup_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        commands: list[tuple[str, str, Callable[[], object]]] = [
            (
                "Fase wijzigen",
                "Met reden; terug naar directe veiligheid kan altijd",
                self.action_change_phase,
            ),
            (
                "Plannen: wie kent ze",
                "Veiligheidsplan, hulpverleningsplan, herstelplan",
                self.action_plans,
            ),
            ("Tijdlijn", "Overleggen, fasen, acties en cijfers op datum", self.action_timeline),
            (
                "Verloop exporteren",
                "Schrijf het verloop van de casus als markdown",
                self.action_export_history,
            ),
        ]
        if self.is_closed():
            commands.append(
                ("Casus heropenen", "De casus weer in de lijst zetten", self.action_reopen_case)
            )
        else:
            commands.append(
                ("Casus sluiten", "Met reden; blijft vindbaar via zoeken", self.action_close_case)
            )
        return commands

    def action_change_phase(self) -> None:
        if self.refuse_when_closed():
            return
        history = self._history()
        case = history.case
        dialog = PhaseDialog(self.context, self.case_id, case.phase, meetings=history.meetings)

        def done(change: PhaseChange | None) -> None:
            if change is None:
                return
            title, message = announce(change)
            severity: SeverityLevel = "warning" if change.falls_back else "information"
            self.notify(message, title=title, severity=severity, timeout=10)

        self.app.push_screen(dialog, done)

    def action_plans(self) -> None:
        from screens.plans import PlansScreen

        screen = PlansScreen(self.context, self.case_id, self.context.today())
        self.app.push_screen(screen)

    def action_timeline(self) -> None:
        from screens.case_timeline import TimelineScreen

        self.app.push_screen(TimelineScreen(self.context, self.case_id))

    def action_export_history(self) -> None:
        """Write the course of the case into the minutes folder; the logboek notes it once."""
        from exports.publish import HistoryJob, prepare

        context = self.context
        job = HistoryJob(self.case_id)
        prepared = None
        with saving(self):
            prepared = prepare(
                context.repo, context.guide, job, context.minutes_dir, context.today()
            )
        if prepared is not None:
            self._write_history(prepared, overwrite=False)

    def _write_history(self, prepared: Prepared, overwrite: bool) -> None:
        from exports.publish import ExportNotLogged, write_prepared

        try:
            path = write_prepared(self.context.repo, prepared, overwrite=overwrite)
        except FileExistsError:
            self._ask_to_replace_history(prepared)
            return
        except OSError as error:
            self.notify(
                f"Het verloop kon niet worden geschreven: {error.strerror or error}.",
                severity="error",
                markup=False,
            )
            return
        except ExportNotLogged as error:
            self.notify(str(error), title="Verloop", severity="warning", timeout=10, markup=False)
            return
        self.notify(f"Verloop opgeslagen: {path}", title="Verloop", timeout=10, markup=False)

    def _ask_to_replace_history(self, prepared: Prepared) -> None:
        def answered(replace: bool | None) -> None:
            if replace:
                self._write_history(prepared, overwrite=True)
            else:
                self.notify("Niet opgeslagen: het verloop dat er al was, is niet aangeraakt.")

        question = (
            "Er is vandaag al een verloop van deze casus opgeslagen:\n"
            f"{escape(str(prepared.default_path))}\n\nWil je het vervangen door de nieuwe versie?"
        )
        self.app.push_screen(ConfirmDialog(question, yes="Vervangen"), answered)

    def action_close_case(self) -> None:
        if self.is_closed():
            return
        h = self._history()
        warnings = closing_warnings(
            h.case.phase, h.created_on, h.phase_changes, len(h.open_actions), self.context.today()
        )
        note = "Een gesloten casus verdwijnt uit de lijst, maar blijft te vinden via zoeken (/)."
        if warnings:
            note = "\n".join(f"⚠ {escape(w)}" for w in warnings) + "\n\n" + note

        def close(values: list[str]) -> bool:
            self.context.repo.close_case(self.case_id, values[0])
            return True

        def done(result: object) -> None:
            if result:
                self.notify("De casus is gesloten.", title="Gesloten")

        dialog = FieldsDialog(
            f"Casus {escape(h.case.alias)} sluiten",
            [("Waarom wordt de casus gesloten?", "")],
            close,
            note=note,
            ok="Casus sluiten",
            warning=bool(warnings),
        )
        self.app.push_screen(dialog, done)

    def action_reopen_case(self) -> None:
        if not self.is_closed():
            return
        alias = self._history().case.alias

        def reopen(values: list[str]) -> bool:
            self.context.repo.reopen_case(self.case_id, values[0])
            return True

        def done(result: object) -> None:
            if result:
                self.notify("De casus is heropend.", title="Heropend")

        dialog = FieldsDialog(
            f"Casus {escape(alias)} heropenen",
            [("Waarom weer open? (mag leeg blijven)", "")],
            reopen,
            ok="Heropenen",
        )
        self.app.push_screen(dialog, done)
