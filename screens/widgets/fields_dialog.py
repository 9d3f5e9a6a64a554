"""A small dialog of one or more text fields whose input is checked before it is used.

A wrong value gets a Dutch message in the dialog and everything typed stays,
so the user can correct it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from leidraad.core.domain import InvalidInput
from screens.shown import escape


class FieldsDialog(ModalScreen[object]):
    """`submit` gets the typed values; it returns the result or raises InvalidInput."""

    DEFAULT_CSS = """
    FieldsDialog { align: center middle; }
    FieldsDialog > Vertical {
        width: 76; max-width: 95%; height: auto; max-height: 100%; padding: 0 2;
        border: thick $primary; background: $surface;
    }
    FieldsDialog .title { text-style: bold; }
    FieldsDialog .note { margin-top: 1; }
    FieldsDialog .note.warning {
        padding: 0 1; background: $warning 20%; border-left: thick $warning;
    }
    FieldsDialog Label { margin-top: 1; color: $text-muted; }
    FieldsDialog .error { color: $error; text-style: bold; height: auto; display: none; }
    FieldsDialog Horizontal { height: auto; margin-top: 1; }
    FieldsDialog Button { margin-right: 2; }
    """
    BINDINGS = [Binding("escape", "cancel", "Annuleren")]

    def __init__(
        self,
        title: str,
        fields: Sequence[tuple[str, str]],
        submit: Callable[[list[str]], object],
        note: str = "",
        ok: str = "Opslaan",
        warning: bool = False,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.fields = list(fields)
        self.submit = submit
        self.note = note
        self.ok = ok
        self.warning = warning

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="title")
            if self.note:
                yield Static(self.note, classes="note warning" if self.warning else "note")
            for i, (label, value) in enumerate(self.fields):
                yield Label(label)
                yield Input(value, id=f"field-{i}")
            yield Static("", classes="error")
            with Horizontal():
                yield Button(self.ok, id="ok", variant="primary")
                yield Button("Annuleren (Esc)", id="cancel")

    def values(self) -> list[str]:
        return [self.query_one(f"#field-{i}", Input).value for i in range(len(self.fields))]

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        try:
            result = self.submit(self.values())
        except InvalidInput as problem:
            self._problem(str(problem))
            return
        except Exception as problem:  # storage errors carry a Dutch message
            self._problem(f"Opslaan lukte niet: {problem}. Je tekst blijft staan.")
            return
        self.dismiss(result)

    def _problem(self, text: str) -> None:
        error = self.query_one(".error", Static)
        error.update(escape(text))
        error.display = True

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
