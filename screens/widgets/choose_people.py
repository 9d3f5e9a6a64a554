"""Ticking people in a list: who a partner works with, who must not get a plan.

Space (or Enter) ticks a person; Ctrl+S or the button is done, Esc changes nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, SelectionList, Static

from screens.shown import escape


class ChoosePeopleDialog(ModalScreen[list[str] | None]):
    """Returns the keys ticked, in the order offered; None when nothing is changed."""

    DEFAULT_CSS = """
    ChoosePeopleDialog { align: center middle; }
    ChoosePeopleDialog > Vertical {
        width: 66; max-width: 95%; height: auto; max-height: 95%; padding: 0 2;
        border: thick $primary; background: $surface;
    }
    ChoosePeopleDialog .title { text-style: bold; margin-top: 1; }
    ChoosePeopleDialog .help { color: $text-muted; }
    ChoosePeopleDialog SelectionList { height: auto; max-height: 12; margin-top: 1; }
    ChoosePeopleDialog Horizontal { height: auto; margin: 1 0; }
    ChoosePeopleDialog Button { margin-right: 2; }
    """
    BINDINGS = [
        Binding("ctrl+s", "done", "Klaar", priority=True),
        Binding("escape", "cancel", "Niets veranderen"),
    ]

    def __init__(
        self,
        title: str,
        help_text: str,
        people: Sequence[tuple[str, str]],
        chosen: Collection[str],
    ) -> None:
        """`people`: (label, key) in the order shown; `chosen`: the keys ticked now."""
        super().__init__()
        self.title_text, self.help_text = title, help_text
        self.people = list(people)
        self.chosen = set(chosen)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(escape(self.title_text), classes="title")
            yield Static(escape(self.help_text), classes="help")
            if self.people:
                yield SelectionList[str](
                    *((escape(label), key, key in self.chosen) for label, key in self.people),
                    id="people",
                )
            else:
                yield Static("Er is nog niemand om te kiezen.", classes="help")
            with Horizontal():
                yield Button("Klaar (Ctrl+S)", id="done", variant="primary")
                yield Button("Annuleren (Esc)", id="cancel")

    def on_mount(self) -> None:
        found = self.query(SelectionList)
        (found.first() if found else self.query_one("#done")).focus()

    @on(Button.Pressed, "#done")
    def action_done(self) -> None:
        found = self.query(SelectionList)
        ticked = set(found.first().selected) if found else set()
        self.dismiss([key for _, key in self.people if key in ticked])

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
