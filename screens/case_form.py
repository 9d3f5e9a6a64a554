"""Creating or changing a case: alias, phase, regie, family members and partners.

Who is who matters as much as the names: each member's position in the violence
and each partner's clients decide who may read what (core/audience.py).
"""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static

from leidraad.core.domain import (
    Case,
    FamilyMember,
    InvalidInput,
    MemberRole,
    Partner,
    Phase,
    check_alias,
)
from screens.case_rows import MemberRow, PartnerRow
from screens.context import AppContext
from screens.widgets.choose_people import ChoosePeopleDialog
from screens.widgets.saver import UNSAVED, UNSAVED_LINE, TypingSaver, status_text

__all__ = ["CaseFormScreen", "MemberRow", "PartnerRow"]


def _as_stored(case: Case) -> Case:
    """The case as save_case writes it: without member and partner ids, which it makes anew.

    The form's rows keep the ids they were read with, so only this tells a real change.
    """
    return replace(
        case,
        members=[replace(m, id=None) for m in case.members],
        partners=[replace(p, id=None) for p in case.partners],
    )


PHASE_LATER = "Fase (wijzigen doe je met een reden: f op het casusscherm, of Ctrl+F in een overleg)"


class CaseFormScreen(Screen[Case | None]):
    """Saves by itself while typing, as soon as what is typed is valid."""

    CSS_PATH = "case_form.tcss"
    AUTO_FOCUS = ""  # focused by hand, without scrolling the title away
    BINDINGS = [
        Binding("ctrl+s", "done", "Klaar", priority=True),
        Binding("escape", "back", "Terug"),
    ]

    def __init__(self, context: AppContext, case: Case | None) -> None:
        super().__init__()
        self.context = context
        self.case = case or Case("")
        self._problem: str | None = None  # what the person must still fix
        self._unsaved = ""  # UNSAVED while a write is failing
        self.saver = TypingSaver(self, self._write, self._show_unsaved)
        # The case as typed (or what is wrong with it), read on every change, so a
        # write while the screen goes away (its fields first) still has it.
        self._typed: Case | str | None = None
        self._leave_warned = False

    def compose(self) -> ComposeResult:
        case = self.case
        yield Header()
        with VerticalScroll(id="form", can_focus=False):
            yield Static("Casus bewerken" if case.id else "Nieuwe casus", classes="title")
            yield Label("Naam van de casus (een schuilnaam is genoeg, bijv. 'Gezin J.')")
            yield Input(case.alias, id="alias")
            yield Label(PHASE_LATER if case.id else "Fase")
            yield Select(
                [(f"{p.number}. {p.label}", p.value) for p in Phase],
                value=case.phase.value,
                allow_blank=False,
                id="phase",
                disabled=case.id is not None,  # later changes go through the phase history
            )
            yield Label("Wie houdt de regie? (organisatie en naam)")
            yield Input(case.regie, id="regie", placeholder="bijv. Veilig Thuis, A. de Vries")
            yield Static("Gezinsleden", classes="section")
            yield Static(
                "Positie: zoals de professionals het nu zien. De notitie (bijv. 'vermoeden "
                "LVB') komt nooit in een stuk voor een cliënt.",
                classes="hint",
            )
            with Vertical(id="members"):
                today = self.context.today()
                for member in case.members or [FamilyMember("", MemberRole.OUDER)]:
                    yield MemberRow(member, today)
            yield Button("+ Gezinslid", id="add-member")
            yield Static("Ketenpartners", classes="section")
            with Vertical(id="partners"):
                for partner in case.partners or [Partner("")]:
                    yield PartnerRow(partner)
            yield Button("+ Partner", id="add-partner")
            with Horizontal(id="buttons"):
                yield Button("Klaar (Ctrl+S)", id="done", variant="primary")
        # Outside the scrolling form, so a problem is seen wherever the cursor is.
        yield Static(
            "Alles wordt vanzelf opgeslagen zodra de casus een naam heeft.",
            id="status",
            markup=False,
        )
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#alias", Input).focus(scroll_visible=False)
        self._show_links()

    # --- saving while typing ------------------------------------------------

    @on(Input.Changed)
    @on(Select.Changed)
    def _changed(self) -> None:
        self._leave_warned = False
        self._take()
        self.saver.changed()

    def on_descendant_blur(self) -> None:
        self.saver.flush()

    def on_unmount(self) -> None:
        self.saver.close()

    def save(self) -> bool:
        """Write what is typed now; True when it is stored and nothing is left to fix."""
        self._take()
        self.saver.changed()
        return self.saver.flush() and self._problem is None

    def _take(self) -> None:
        if self.case.id is None and not self._anything_typed():
            self._typed = None
            return
        try:
            self._typed = self._read()
        except InvalidInput as problem:
            self._typed = f"Nog niet opgeslagen: {problem}"

    def _write(self) -> None:
        """Store the case if it is valid; otherwise say what is wrong and keep every field.
        A storage error goes up to the saver, which keeps the text and tries again."""
        typed = self._typed
        if typed is None:
            return
        if isinstance(typed, str):
            self._problem = typed
            self._show_status()
            return
        typed = replace(typed, id=self.case.id)  # made by an earlier write, perhaps
        if _as_stored(typed) != _as_stored(self.case):
            self.case = self.context.repo.save_case(typed)
            self._rows_follow(self.case)
        self._show_links()
        self._problem = None
        self._show_status()

    def _show_unsaved(self, message: str) -> None:
        self._unsaved = UNSAVED_LINE if message else ""
        self._show_status()

    def _show_status(self) -> None:
        problem = status_text(self._unsaved, self._problem)
        for status in self.query("#status").results(Static):  # none while it goes away
            if problem:
                status.update(problem)
            elif self.case.id is not None:
                status.update("Opgeslagen. Wijzigingen worden vanzelf bewaard.")
            status.set_class(bool(problem), "error")

    def _anything_typed(self) -> bool:
        return any(i.value.strip() for i in self.query(Input))

    def _rows_follow(self, case: Case) -> None:
        """Each row edits the person as stored now (with the position history kept)."""
        for row in self.query(MemberRow):
            row.member = case.member(row.member.key) or row.member
        for partner_row in self.query(PartnerRow):
            partner_row.partner = case.partner(partner_row.partner.key) or partner_row.partner

    def _adults_typed(self) -> list[tuple[str, str]]:
        """(name, key) of each adult in the form as typed now: who a partner can work with."""
        return [
            (row.typed_name(), row.member.key)
            for row in self.query(MemberRow)
            if row.typed_name() and row.typed_role() is not MemberRole.KIND
        ]

    def _show_links(self) -> None:
        names = {key: name for name, key in self._adults_typed()}
        for row in self.query(PartnerRow):
            row.show_links(names)

    @on(PartnerRow.ChooseLinks)
    def _choose_links(self, event: PartnerRow.ChooseLinks) -> None:
        row = event.row
        organisation = row.query_one(".organisation", Input).value.strip() or "deze partner"

        def chosen(keys: list[str] | None) -> None:
            if keys is None:
                return
            row.linked = tuple(keys)
            self._show_links()
            self._changed()

        self.app.push_screen(
            ChoosePeopleDialog(
                f"Met wie werkt {organisation}?",
                "Vink de cliënten aan met wie deze partner werkt (bijv. de reclassering met "
                "vader). Wat 'niet voor' die cliënt is, krijgt deze partner dan ook niet.",
                self._adults_typed(),
                row.linked,
            ),
            chosen,
        )

    @on(Button.Pressed, "#add-member")
    async def _add_member(self) -> None:
        row = MemberRow(today=self.context.today())
        await self.query_one("#members").mount(row)
        row.query_one(".name").focus()

    @on(Button.Pressed, "#add-partner")
    async def _add_partner(self) -> None:
        row = PartnerRow()
        await self.query_one("#partners").mount(row)
        row.query_one(".organisation").focus()

    @on(Button.Pressed, ".remove")
    async def _remove_row(self, event: Button.Pressed) -> None:
        rows = [a for a in event.button.ancestors if isinstance(a, MemberRow | PartnerRow)]
        if rows:
            await rows[0].remove()
            self.save()

    def _read(self) -> Case:
        members = [m for row in self.query(MemberRow) if (m := row.read()) is not None]
        keys = {m.key: m.name for m in members}
        partners = [p for row in self.query(PartnerRow) if (p := row.read(keys)) is not None]
        return Case(
            alias=check_alias(self.query_one("#alias", Input).value),
            phase=Phase(str(self.query_one("#phase", Select).value)),
            regie=self.query_one("#regie", Input).value.strip(),
            members=members,
            partners=partners,
            id=self.case.id,
        )

    # --- leaving ------------------------------------------------------------

    @on(Button.Pressed, "#done")
    def action_done(self) -> None:
        if self.save():
            self.dismiss(self.case if self.case.id is not None else None)
        else:
            self._warn_unsaved()

    def action_back(self) -> None:
        if self.save() or self._leave_warned:
            self.dismiss(self.case if self.case.id is not None else None)
            return
        self._warn_unsaved()

    def _warn_unsaved(self) -> None:
        self._leave_warned = True
        self.notify(
            f"{self._problem or UNSAVED}\nJe tekst blijft staan. Druk nog eens op Esc om terug "
            "te gaan zonder deze wijziging.",
            title="Nog niet opgeslagen",
            severity="error",
            timeout=10,
            markup=False,
        )
