"""Which clients are invited to the table: nobody by default, children never.

When the invitations would seat a pleger with a slachtoffer, the list asks whether that
is safe before it passes the invitation on; 'no' (or Esc) leaves that person uninvited.
The page that holds the list stores the answer and hands the stored state back (`show`).
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import SelectionList, Static

from leidraad.core.domain import Case
from leidraad.core.people import UnsafePair, unsafe_pairs
from screens.shown import escape
from screens.widgets.prompt import ConfirmDialog


def _pairs(pairs: list[UnsafePair]) -> set[tuple[str, str]]:
    return {(p.pleger.key, p.slachtoffer.key) for p in pairs}


class InviteList(Vertical):
    """Space ticks a client; the invitation is passed up as `InviteList.Changed`."""

    DEFAULT_CSS = """
    InviteList { height: auto; margin-bottom: 1; }
    InviteList SelectionList { height: auto; max-height: 8; }
    InviteList .state { color: $text-muted; height: auto; }
    InviteList .state.unsafe { color: $warning; text-style: bold; }
    """

    class Changed(Message):
        """The user invited or uninvited someone; `together_safe` as answered (or None)."""

        def __init__(self, invited: list[str], together_safe: bool | None) -> None:
            super().__init__()
            self.invited = invited
            self.together_safe = together_safe

    def __init__(
        self, case: Case, invited: list[str], together_safe: bool | None, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.case = case
        self.invited = list(invited)
        self.together_safe = together_safe

    def compose(self) -> ComposeResult:
        adults = self.case.adults
        if not adults:
            yield Static(
                "Deze casus heeft nog geen volwassenen om uit te nodigen.", classes="state"
            )
            return
        yield SelectionList[str](
            *(
                (escape(f"{m.name} ({m.position.label})"), m.key, m.key in self.invited)
                for m in adults
            ),
            id="invited",
        )
        yield Static("", classes="state", markup=False)

    def on_mount(self) -> None:
        self._show_state()

    def show(self, invited: list[str], together_safe: bool | None) -> None:
        """The invitations as stored: tick exactly these."""
        self.invited, self.together_safe = list(invited), together_safe
        found = self.query("#invited")
        if found:
            chooser = found.first(SelectionList)
            with chooser.prevent(SelectionList.SelectionToggled, SelectionList.SelectedChanged):
                chooser.deselect_all()
                for key in self.invited:
                    chooser.select(key)
        self._show_state()

    def _show_state(self) -> None:
        found = self.query(".state")
        if not found:
            return
        state = found.first(Static)
        names = [m.name for m in self.case.adults if m.key in self.invited]
        text = f"Uitgenodigd: {', '.join(names)}." if names else "Nog niemand van het gezin."
        pairs = unsafe_pairs(self.case, self.invited)
        if pairs and self.together_safe:
            text += " Samen aan tafel is veilig bevonden."
        elif pairs:
            text += " Nog niet besproken of samen aan tafel veilig is."
        state.update(text)
        state.set_class(bool(pairs) and not self.together_safe, "unsafe")

    @on(SelectionList.SelectionToggled, "#invited")
    def _toggled(self, event: SelectionList.SelectionToggled[str]) -> None:
        event.stop()
        chooser = event.selection_list
        key = event.selection.value
        wanted = set(chooser.selected)
        invited = [m.key for m in self.case.adults if m.key in wanted]
        self._decide(key, invited)

    @work(exclusive=True, group="invite")
    async def _decide(self, key: str, invited: list[str]) -> None:
        """Ask about sitting together when the invitation seats a new pleger-slachtoffer pair."""
        before = _pairs(unsafe_pairs(self.case, self.invited))
        pairs = unsafe_pairs(self.case, invited)
        if not pairs:
            self.post_message(self.Changed(invited, None))
            return
        if _pairs(pairs) <= before and self.together_safe is not None:
            self.post_message(self.Changed(invited, self.together_safe))
            return
        member = self.case.member(key)
        name = member.name if member else "deze persoon"
        texts = "\n".join(f"• {escape(p.text)}" for p in pairs)
        safe = await self.app.push_screen_wait(
            ConfirmDialog(
                f"[b]Samen aan tafel?[/]\n\n{texts}\n\nBespreek het met wie beschermd moet "
                f"worden. Ja: je legt vast dat het veilig is. Nee: {escape(name)} wordt niet "
                f"uitgenodigd; de stem van {escape(name)} komt dan op een andere manier in het "
                "overleg.",
                yes="Ja, het is veilig",
            )
        )
        if safe:
            self.post_message(self.Changed(invited, True))
            return
        self.show(self.invited, self.together_safe)  # back as it was
        self.notify(f"{name} is niet uitgenodigd.", markup=False)
