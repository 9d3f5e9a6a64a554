"""Choosing who may read an item: everyone, professionals only, or one partner only."""

from __future__ import annotations

from collections.abc import Sequence

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from leidraad.core.audience import Restriction, RestrictionKind


class RestrictionDialog(ModalScreen[Restriction | None]):
    DEFAULT_CSS = """
    RestrictionDialog { align: center middle; }
    RestrictionDialog > Vertical {
        width: 72; max-width: 95%; height: auto; max-height: 90%; padding: 1 2;
        border: thick $warning; background: $surface;
    }
    RestrictionDialog .title { text-style: bold; }
    RestrictionDialog .help { color: $text-muted; margin-bottom: 1; }
    RestrictionDialog OptionList { height: auto; max-height: 16; }
    """
    BINDINGS = [Binding("escape", "cancel", "Niets veranderen")]

    def __init__(self, what: str, current: Restriction, partners: Sequence[str]) -> None:
        super().__init__()
        self.what = what
        self.choices = [Restriction(), Restriction.professionals()]
        self.choices += [Restriction.only_for(p) for p in dict.fromkeys(partners) if p.strip()]
        if current not in self.choices:
            self.choices.append(current)
        self.current = current

    def compose(self) -> ComposeResult:
        def describe(restriction: Restriction) -> str:
            if restriction.kind is RestrictionKind.IEDEREEN:
                return "Iedereen, ook de cliënt"
            if restriction.kind is RestrictionKind.PROFESSIONALS:
                return "Alleen professionals (niet in de versie voor de cliënt)"
            return f"Alleen voor {restriction.partner}"

        with Vertical():
            yield Static("Wie mag dit lezen?", classes="title")
            yield Static(escape(self.what), classes="help")
            yield Static(
                "'Alleen voor' staat alleen in de versie voor die partner.", classes="help"
            )
            yield OptionList(
                *(Option(escape(describe(r)), id=str(i)) for i, r in enumerate(self.choices)),
                id="choices",
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = self.choices.index(self.current)
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)
