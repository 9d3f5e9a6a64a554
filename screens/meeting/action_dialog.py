"""Adding or changing one action of the joint plan."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select, Static

from leidraad.domain import (
    DATE_FORMAT_HINT,
    Action,
    InvalidInput,
    Phase,
    Priority,
    format_date,
    parse_date,
)


class ActionDialog(ModalScreen[Action | None]):
    CSS_PATH = "meeting.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Opslaan", priority=True),
        Binding("escape", "cancel", "Annuleren"),
    ]

    def __init__(self, action: Action, owners: Sequence[str]) -> None:
        super().__init__()
        self.action_item = action
        self.owners = list(dict.fromkeys(o for o in owners if o))

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
            yield Static("", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Opslaan (Ctrl+S)", id="save", variant="primary")
                yield Button("Annuleren (Esc)", id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        error = self.query_one(".error", Static)
        description = self.query_one("#description", Input).value.strip()
        owner = self.query_one("#owner", Input).value.strip()
        try:
            if not description:
                raise InvalidInput("Beschrijf de actie: wat gaat er gebeuren?")
            if not owner:
                raise InvalidInput("Vul in wie de actie uitvoert.")
            due = parse_date(self.query_one("#due", Input).value)
        except InvalidInput as problem:
            error.update(str(problem))
            return
        self.dismiss(
            Action(
                description,
                owner,
                due,
                Priority(str(self.query_one("#priority", Select).value)),
                Phase(str(self.query_one("#phase", Select).value)),
                self.action_item.id,
            )
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
