"""Small dialogs: ask for one or two lines of text, or confirm a step that removes something."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static


class PromptDialog(ModalScreen[tuple[str, str] | None]):
    """Asks for a required first field and an optional second one."""

    DEFAULT_CSS = """
    PromptDialog { align: center middle; }
    PromptDialog > Vertical {
        width: 70; max-width: 95%; height: auto; padding: 1 2;
        border: thick $primary; background: $surface;
    }
    PromptDialog .title { text-style: bold; margin-bottom: 1; }
    PromptDialog .error { color: $error; text-style: bold; }
    PromptDialog Horizontal { height: auto; margin-top: 1; }
    PromptDialog Button { margin-right: 2; }
    """
    BINDINGS = [Binding("escape", "cancel", "Annuleren")]

    def __init__(self, title: str, first: str, second: str, required: str) -> None:
        super().__init__()
        self.title_text, self.first, self.second, self.required = title, first, second, required

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="title")
            yield Label(self.first)
            yield Input(id="first")
            yield Label(self.second)
            yield Input(id="second")
            yield Static("", classes="error")
            with Horizontal():
                yield Button("Toevoegen", id="ok", variant="primary")
                yield Button("Annuleren (Esc)", id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        first = self.query_one("#first", Input).value.strip()
        if not first:
            self.query_one(".error", Static).update(self.required)
            self.query_one("#first", Input).focus()
            return
        self.dismiss((first, self.query_one("#second", Input).value.strip()))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    DEFAULT_CSS = """
    ConfirmDialog { align: center middle; }
    ConfirmDialog > Vertical {
        width: 60; max-width: 95%; height: auto; padding: 1 2;
        border: thick $warning; background: $surface;
    }
    ConfirmDialog Horizontal { height: auto; margin-top: 1; }
    ConfirmDialog Button { margin-right: 2; }
    """
    # "Nee" has the focus, so Enter never confirms by accident; `j` or the arrows reach "Ja".
    BINDINGS = [
        Binding("escape", "no", "Nee"),
        Binding("j", "yes", "Ja"),
        Binding("left,right", "app.focus_next", "Andere knop", show=False),
    ]

    def __init__(self, question: str, yes: str = "Ja") -> None:
        super().__init__()
        self.question, self.yes = question, yes

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question)
            with Horizontal():
                yield Button(self.yes, id="yes", variant="warning")
                yield Button("Nee (Esc)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def action_yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_no(self) -> None:
        self.dismiss(False)
