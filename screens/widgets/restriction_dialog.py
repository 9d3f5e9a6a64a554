"""Choosing who may read an item: everyone, professionals only or one partner only, and per
person: niet voor (never to this client, nor to partners who work with them) and gedeeld met
(a release: a child's words agreed to share with a parent, a slachtoffer's words released
to the pleger). The dialog says at once which versions the item stays out of.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from leidraad.core.audience import (
    NO_ORIGIN,
    Origin,
    Restriction,
    RestrictionKind,
    may_read,
)
from leidraad.core.domain import Case, FamilyMember
from leidraad.core.people import document_clients, readers_of, table_reader
from screens.shown import escape, line


def kept_from(case: Case, restriction: Restriction, origin: Origin = NO_ORIGIN) -> list[str]:
    """The readers whose version will not hold an item with this marking and origin."""
    readers = [table_reader(case), *readers_of(case)]
    return [r.label for r in readers if not may_read(r, restriction, origin)]


def _person(member: FamilyMember) -> str:
    return f"{line(member.name)} ({member.position.label})"


class RestrictionDialog(ModalScreen[Restriction | None]):
    DEFAULT_CSS = """
    RestrictionDialog { align: center middle; }
    RestrictionDialog > VerticalScroll {
        width: 80; max-width: 100%; height: auto; max-height: 100%; padding: 0 1;
        border: thick $warning; background: $surface;
    }
    RestrictionDialog .title { text-style: bold; }
    RestrictionDialog .help { color: $text-muted; }
    RestrictionDialog OptionList { height: auto; max-height: 8; }
    RestrictionDialog #people { height: auto; }
    RestrictionDialog #people > Vertical { width: 1fr; height: auto; }
    RestrictionDialog SelectionList { height: auto; max-height: 7; }
    RestrictionDialog #effect { color: $warning; text-style: bold; height: auto; }
    RestrictionDialog #buttons { height: auto; }
    RestrictionDialog Button { margin-right: 2; }
    """
    BINDINGS = [
        Binding("ctrl+s", "done", "Klaar", priority=True),
        Binding("escape", "cancel", "Niets veranderen"),
    ]

    def __init__(
        self, what: str, current: Restriction, case: Case, origin: Origin = NO_ORIGIN
    ) -> None:
        super().__init__()
        self.what = what
        self.case = case
        self.origin = origin
        self.current = current
        partners = dict.fromkeys(p.organisation for p in case.partners if p.organisation.strip())
        self.kinds = [Restriction(), Restriction.professionals()]
        self.kinds += [Restriction.only_for(p) for p in partners]
        if self._kind_of(current) not in self.kinds:
            self.kinds.append(self._kind_of(current))
        self.clients = document_clients(case)

    @staticmethod
    def _kind_of(restriction: Restriction) -> Restriction:
        return Restriction(restriction.kind, restriction.partner)

    def compose(self) -> ComposeResult:
        def describe(restriction: Restriction) -> str:
            if restriction.kind is RestrictionKind.IEDEREEN:
                return "Iedereen (met de vaste regels die slachtoffers en kinderen beschermen)"
            if restriction.kind is RestrictionKind.PROFESSIONALS:
                return "Alleen professionals (in geen enkele versie voor een cliënt)"
            return f"Alleen voor {restriction.partner}"

        with VerticalScroll():
            yield Static("Wie mag dit lezen?", classes="title")
            yield Static(escape(self.what), classes="help")
            yield OptionList(
                *(Option(escape(describe(r)), id=str(i)) for i, r in enumerate(self.kinds)),
                id="kind",
            )
            if self.clients:
                with Horizontal(id="people"):
                    with Vertical():
                        yield Static("[b]Niet voor[/] (ook niet hun partners)")
                        yield SelectionList[str](
                            *(
                                (escape(_person(m)), m.key, m.key in self.current.not_for)
                                for m in self.clients
                            ),
                            id="not-for",
                        )
                    with Vertical():
                        yield Static("[b]Gedeeld met[/] (toestemming gegeven)")
                        yield SelectionList[str](
                            *(
                                (escape(m.name), m.key, m.key in self.current.shared_with)
                                for m in self.clients
                            ),
                            id="shared",
                        )
            yield Static("", id="effect", markup=False)
            yield Static(
                "Enter kiest in de bovenste lijst en is klaar · Tab naar de namen, Spatie vinkt "
                "aan · Ctrl+S klaar · Esc niets veranderen",
                classes="help",
            )
            with Horizontal(id="buttons"):
                yield Button("Klaar (Ctrl+S)", id="done", variant="primary")
                yield Button("Annuleren (Esc)", id="cancel")

    def on_mount(self) -> None:
        options = self.query_one("#kind", OptionList)
        options.highlighted = self.kinds.index(self._kind_of(self.current))
        options.focus()
        self._show_effect()

    def chosen(self) -> Restriction:
        """The marking as the dialog shows it now."""
        highlighted = self.query_one("#kind", OptionList).highlighted
        kind = self.kinds[highlighted or 0]
        adults = {m.key for m in self.clients}
        not_for = self.current.not_for - adults
        shared = self.current.shared_with - adults
        if self.clients:
            not_for |= set(self.query_one("#not-for", SelectionList).selected)
            shared |= set(self.query_one("#shared", SelectionList).selected)
        return Restriction(kind.kind, kind.partner, frozenset(not_for), frozenset(shared))

    def _show_effect(self) -> None:
        kept = kept_from(self.case, self.chosen(), self.origin)
        text = f"Komt niet in de versie voor: {', '.join(kept)}." if kept else ""
        self.query_one("#effect", Static).update(text or "Komt in elke versie.")

    @on(OptionList.OptionHighlighted, "#kind")
    def _kind_moved(self) -> None:
        self._show_effect()

    @on(SelectionList.SelectionToggled)
    def _toggled(self, event: SelectionList.SelectionToggled[str]) -> None:
        """Nobody is both 'niet voor' and 'gedeeld met': ticking one unticks the other."""
        key = event.selection.value
        if key in event.selection_list.selected:
            other = "#shared" if event.selection_list.id == "not-for" else "#not-for"
            self.query_one(other, SelectionList).deselect(key)
        self._show_effect()

    @on(SelectionList.SelectedChanged)
    def _changed(self) -> None:
        self._show_effect()

    @on(OptionList.OptionSelected, "#kind")
    @on(Button.Pressed, "#done")
    def action_done(self) -> None:
        self.dismiss(self.chosen())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
