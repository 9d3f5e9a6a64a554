"""The joint action plan: who does what, by when, with what priority, for which phase."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, DataTable, Static

from leidraad.core.audience import Restriction
from leidraad.core.domain import Action, format_date
from screens.meeting.action_dialog import ActionDialog
from screens.meeting.page import MeetingPage, RestrictTarget
from screens.meeting.session import MeetingSession
from screens.shown import cell, escape, line
from screens.widgets.answer_editor import marking_label
from screens.widgets.prompt import ConfirmDialog
from screens.widgets.storage_guard import saving


class ActionTable(DataTable[str | Text]):
    BINDINGS = [
        Binding("a", "add", "Actie toevoegen", show=False),
        Binding("delete,x", "remove", "Actie weghalen", show=False),
    ]

    def action_add(self) -> None:
        self.post_message(ActionsPage.Requested("add"))

    def action_remove(self) -> None:
        self.post_message(ActionsPage.Requested("remove"))


class ActionsPage(Vertical, MeetingPage):
    class Requested(Message):
        def __init__(self, what: str) -> None:
            super().__init__()
            self.what = what

    def __init__(self, session: MeetingSession, *, id: str) -> None:
        super().__init__(id=id, classes="page")
        self.session = session

    def compose(self) -> ComposeResult:
        yield Static("Gezamenlijk actieplan", classes="question")
        yield Static(
            "Wie doet wat, wanneer? Eerst wat nú nodig is voor de veiligheid; de rest mag later.",
            classes="help",
        )
        yield ActionTable(id="actions", cursor_type="row", zebra_stripes=True)
        yield Static("", id="no-actions", classes="help")
        with Horizontal(classes="buttons"):
            yield Button("+ Actie (a)", id="add-action", variant="primary")
            yield Button("Bewerken (Enter)", id="edit-action")
            yield Button("Weghalen (Del)", id="remove-action")

    def on_mount(self) -> None:
        table = self.query_one(ActionTable)
        for label in ("Nr.", "Actie", "Wie", "Wanneer", "Prio", "Fase"):
            table.add_column(label)
        self._fill()

    def _fill(self) -> None:
        table = self.query_one(ActionTable)
        table.clear()
        actions = self.session.meeting.actions
        names = self.session.names()
        for i, a in enumerate(actions, start=1):
            marking = marking_label(a.restriction, names)
            table.add_row(
                str(i),
                cell(a.description + (f" ({marking})" if marking else "")),
                cell(a.owner or "nog niet bepaald"),
                format_date(a.due) or "-",
                a.priority.value,
                a.phase.short,
                key=str(a.id),
            )
        self.query_one("#no-actions", Static).update(
            "" if actions else "Nog geen acties. Druk op a om een actie toe te voegen."
        )

    def refresh_data(self) -> None:
        if self.is_mounted:
            self._fill()

    def focus_target(self) -> Widget:
        return self.query_one(ActionTable)

    def restrict_target(self, focused: Widget | None) -> RestrictTarget | None:
        """The action under the table's cursor."""
        action = self._selected()
        if action is None:
            return None
        return RestrictTarget(
            f"Actie: {line(action.description)}",
            action.restriction,
            lambda restriction: self._set_restriction(action, restriction),
        )

    def _set_restriction(self, action: Action, restriction: Restriction) -> None:
        try:
            self.session.save_action(replace(action, restriction=restriction))
        except Exception as error:  # storage errors carry a Dutch message
            self.notify(f"Opslaan lukte niet: {error}", severity="error", markup=False)
            return
        self._fill()

    def _selected(self) -> Action | None:
        table = self.query_one(ActionTable)
        actions = self.session.meeting.actions
        if not actions or table.cursor_row >= len(actions):
            return None
        return actions[table.cursor_row]

    def _edit(self, action: Action) -> None:
        def closed(result: Action | None) -> None:
            self._fill()
            table = self.query_one(ActionTable)
            if result is not None:
                ids = [a.id for a in self.session.meeting.actions]
                table.move_cursor(row=ids.index(result.id))
            table.focus()

        case = self.session.current_case()
        partners = [p.organisation for p in case.partners]
        owners = [p.name for p in self.session.meeting.participants] + partners
        dialog = ActionDialog(action, owners, self.session.save_action, case)
        self.app.push_screen(dialog, closed)

    @on(Requested)
    def _requested(self, event: Requested) -> None:
        if event.what == "add":
            self._add()
        else:
            self._remove()

    @on(Button.Pressed, "#add-action")
    def _add(self) -> None:
        self._edit(Action("", "", phase=self.session.meeting.phase))

    @on(Button.Pressed, "#edit-action")
    @on(DataTable.RowSelected, "#actions")
    def _edit_selected(self) -> None:
        action = self._selected()
        if action is not None:
            self._edit(action)

    @on(Button.Pressed, "#remove-action")
    def _remove(self) -> None:
        action = self._selected()
        if action is None or action.id is None:
            return
        action_id = action.id

        def confirmed(yes: bool | None) -> None:
            if yes:
                with saving(self) as attempt:
                    self.session.delete_action(action_id)
                if not attempt.ok:
                    return
                self._fill()
                self.query_one(ActionTable).focus()

        self.app.push_screen(
            ConfirmDialog(f"Actie weghalen?\n\n{escape(action.description)}", yes="Weghalen"),
            confirmed,
        )
