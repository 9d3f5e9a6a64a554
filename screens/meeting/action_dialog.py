"""Adding or changing one action of the joint plan."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select, Static

from leidraad.core.audience import Restriction
from leidraad.core.domain import (
    DATE_FORMAT_HINT,
    Action,
    Case,
    InvalidInput,
    Phase,
    Priority,
    format_date,
    parse_date,
)
from leidraad.core.people import names_by_key
from screens.widgets.restriction_dialog import RestrictionDialog
from screens.widgets.saver import UNSAVED_LINE, TypingSaver, status_text


class ActionDialog(ModalScreen[Action | None]):
    """Stores the action while it is typed, once it has a description."""

    CSS_PATH = "meeting.tcss"
    BINDINGS = [
        Binding("ctrl+s", "done", "Klaar", priority=True),
        Binding("escape", "done", "Klaar"),
    ]

    def __init__(
        self,
        action: Action,
        owners: Sequence[str],
        save: Callable[[Action], Action],
        case: Case | None = None,
    ) -> None:
        super().__init__()
        self.action_item = action
        self.case = case or Case("")
        self.restriction = action.restriction
        self.owners = list(dict.fromkeys(o for o in owners if o))
        self._save = save
        self._problem = ""  # what the person must still fix
        self._unsaved = ""  # UNSAVED_LINE while a write is failing
        # The action as typed, read on every change, so a write while the dialog
        # goes away (its fields first) still has it.
        self._typed: tuple[Action, str] | None = None
        self.saver = TypingSaver(self, self._write, self._show_unsaved)
        self._warned = False

    def compose(self) -> ComposeResult:
        action = self.action_item
        with Vertical(id="action-dialog"):
            yield Static("Actie bewerken" if action.id else "Nieuwe actie", classes="title")
            yield Label("Wat gaat er gebeuren?")
            yield Input(action.description, id="description")
            yield Label("Wie doet het? (deelnemer of partner)")
            yield Input(
                action.owner,
                id="owner",
                suggester=SuggestFromList(self.owners, case_sensitive=False),
                placeholder=", ".join(self.owners[:3]),
            )
            yield Label(f"Wanneer klaar? ({DATE_FORMAT_HINT})")
            yield Input(format_date(action.due), id="due")
            with Horizontal(classes="selects"):
                with Vertical():
                    yield Label("Prioriteit")
                    yield Select(
                        [("nu", Priority.NU.value), ("later", Priority.LATER.value)],
                        value=action.priority.value,
                        allow_blank=False,
                        id="priority",
                    )
                with Vertical():
                    yield Label("Voor welke fase?")
                    yield Select(
                        [(f"{p.number}. {p.label}", p.value) for p in Phase],
                        value=action.phase.value,
                        allow_blank=False,
                        id="phase",
                    )
                with Vertical():
                    yield Label("Wie mag het lezen?")
                    yield Button(self._readers_label(), id="readers")
            yield Static(
                "Wordt vanzelf opgeslagen zodra de actie een beschrijving heeft.",
                classes="status",
                markup=False,
            )
            with Horizontal(classes="buttons"):
                yield Button("Klaar (Esc)", id="done", variant="primary")

    def _readers_label(self) -> str:
        return self.restriction.describe(names_by_key(self.case))

    @on(Button.Pressed, "#readers")
    def _choose_readers(self) -> None:
        def chosen(restriction: Restriction | None) -> None:
            if restriction is not None and restriction != self.restriction:
                self.restriction = restriction
                self.query_one("#readers", Button).label = self._readers_label()
                self._changed()
            self.query_one("#readers", Button).focus()

        what = self.query_one("#description", Input).value.strip() or "Deze actie"
        dialog = RestrictionDialog(f"Actie: {what}", self.restriction, self.case)
        self.app.push_screen(dialog, chosen)

    @on(Input.Changed)
    @on(Select.Changed)
    def _changed(self) -> None:
        self._warned = False
        self._typed = self._read()
        self.saver.changed()

    def on_descendant_blur(self) -> None:
        self.saver.flush()

    def on_unmount(self) -> None:
        self.saver.close()

    def _read(self) -> tuple[Action, str]:
        """The action as typed, and what is still wrong with it ('' when nothing)."""
        description = self.query_one("#description", Input).value.strip()
        owner = self.query_one("#owner", Input).value.strip()
        problem = ""
        try:
            due = parse_date(self.query_one("#due", Input).value)
        except InvalidInput as error:
            due, problem = self.action_item.due, f"{error} De datum is niet opgeslagen."
        if not owner and not problem:
            problem = "Vul nog in wie de actie uitvoert."
        if not description:
            problem = "Beschrijf de actie: wat gaat er gebeuren?"
        action = Action(
            description,
            owner,
            due,
            Priority(str(self.query_one("#priority", Select).value)),
            Phase(str(self.query_one("#phase", Select).value)),
            self.action_item.id,
            self.restriction,
        )
        return action, problem

    def save(self) -> bool:
        """Store what can be stored now; True when it is stored and nothing is left to fix."""
        self._typed = self._read()
        self.saver.changed()
        return self.saver.flush() and not self._problem

    def _write(self) -> None:
        """Store the action once it has a description; a storage error goes to the saver."""
        if self._typed is None:
            return
        action, self._problem = self._typed
        if action.description and action != self.action_item:
            self.action_item = self._save(action)
        self._show_status()

    def _show_unsaved(self, message: str) -> None:
        self._unsaved = UNSAVED_LINE if message else ""
        self._show_status()

    def _show_status(self) -> None:
        problem = status_text(self._unsaved, self._problem)
        for status in self.query(".status").results(Static):  # none while it goes away
            if problem:
                status.update(problem)
            elif self.action_item.id is not None:
                status.update("Opgeslagen.")
            status.set_class(bool(problem), "error")

    @on(Input.Submitted)
    @on(Button.Pressed, "#done")
    def action_done(self) -> None:
        nothing_typed = self.action_item.id is None and not self._read()[0].description
        if self.save() or nothing_typed or self._warned:
            self.dismiss(self.action_item if self.action_item.id is not None else None)
            return
        self._warned = True
        self.notify(
            "Verbeter het, of druk nog eens op Esc om het zo te laten.",
            title=self._problem or self._unsaved,
            severity="warning",
            markup=False,
        )
