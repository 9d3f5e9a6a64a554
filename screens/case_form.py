"""Creating or changing a case: alias, phase, regie, family members and partners."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static

from leidraad.domain import (
    KNOWN_PARTNERS,
    Case,
    FamilyMember,
    InvalidInput,
    MemberRole,
    Partner,
    Phase,
    check_alias,
    parse_age,
)
from screens.context import AppContext
from screens.widgets.storage_guard import saving


class MemberRow(Horizontal):
    """One family member: role, name or description, and age for a child."""

    def __init__(self, member: FamilyMember | None = None) -> None:
        super().__init__(classes="row")
        self.member = member or FamilyMember("", MemberRole.OUDER)

    def compose(self) -> ComposeResult:
        yield Select(
            [(role.label, role.value) for role in MemberRole],
            value=self.member.role.value,
            allow_blank=False,
            classes="role",
        )
        yield Input(
            self.member.name, placeholder="Naam of aanduiding, bijv. moeder", classes="name"
        )
        age = "" if self.member.age is None else str(self.member.age)
        yield Input(age, placeholder="Leeftijd", classes="age")
        yield Button("✕", classes="remove", tooltip="Gezinslid weghalen")

    def read(self) -> FamilyMember | None:
        name = self.query_one(".name", Input).value.strip()
        age_text = self.query_one(".age", Input).value
        if not name and not age_text.strip():
            return None
        role = MemberRole(str(self.query_one(".role", Select).value))
        if not name:
            raise InvalidInput("Een gezinslid heeft een naam of aanduiding nodig, bijv. 'moeder'.")
        return FamilyMember(name, role, parse_age(age_text), self.member.id)


class PartnerRow(Horizontal):
    """One partner organisation and its contact person."""

    def __init__(self, partner: Partner | None = None) -> None:
        super().__init__(classes="row")
        self.partner = partner or Partner("")

    def compose(self) -> ComposeResult:
        yield Input(
            self.partner.organisation,
            placeholder="Organisatie, bijv. Veilig Thuis",
            suggester=SuggestFromList(KNOWN_PARTNERS, case_sensitive=False),
            classes="organisation",
        )
        yield Input(self.partner.contact, placeholder="Contactpersoon", classes="contact")
        yield Button("✕", classes="remove", tooltip="Partner weghalen")

    def read(self) -> Partner | None:
        organisation = self.query_one(".organisation", Input).value.strip()
        contact = self.query_one(".contact", Input).value.strip()
        if not organisation and not contact:
            return None
        if not organisation:
            raise InvalidInput(f"Bij contactpersoon '{contact}' ontbreekt de organisatie.")
        return Partner(organisation, contact, self.partner.id)


class CaseFormScreen(Screen[Case | None]):
    CSS_PATH = "case_form.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Opslaan", priority=True),
        Binding("escape", "cancel", "Annuleren"),
    ]

    def __init__(self, context: AppContext, case: Case | None) -> None:
        super().__init__()
        self.context = context
        self.case = case or Case("")
        self._leave_warned = False

    def compose(self) -> ComposeResult:
        case = self.case
        yield Header()
        with VerticalScroll(id="form", can_focus=False):
            yield Static("Casus bewerken" if case.id else "Nieuwe casus", classes="title")
            yield Label("Naam van de casus (een schuilnaam is genoeg, bijv. 'Gezin J.')")
            yield Input(case.alias, id="alias")
            yield Label("Fase")
            yield Select(
                [(f"{p.number}. {p.label}", p.value) for p in Phase],
                value=case.phase.value,
                allow_blank=False,
                id="phase",
            )
            yield Label("Wie houdt de regie? (organisatie en naam)")
            yield Input(case.regie, id="regie", placeholder="bijv. Veilig Thuis, A. de Vries")
            yield Static("Gezinsleden", classes="section")
            with Vertical(id="members"):
                for member in case.members or [FamilyMember("", MemberRole.OUDER)]:
                    yield MemberRow(member)
            yield Button("+ Gezinslid", id="add-member")
            yield Static("Ketenpartners", classes="section")
            with Vertical(id="partners"):
                for partner in case.partners or [Partner("")]:
                    yield PartnerRow(partner)
            yield Button("+ Partner", id="add-partner")
            yield Static("", id="error")
            with Horizontal(id="buttons"):
                yield Button("Opslaan (Ctrl+S)", id="save", variant="primary")
                yield Button("Annuleren (Esc)", id="cancel")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#alias", Input).focus()

    @on(Button.Pressed, "#add-member")
    async def _add_member(self) -> None:
        row = MemberRow()
        await self.query_one("#members").mount(row)
        row.query_one(".name").focus()

    @on(Button.Pressed, "#add-partner")
    async def _add_partner(self) -> None:
        row = PartnerRow()
        await self.query_one("#partners").mount(row)
        row.query_one(".organisation").focus()

    @on(Button.Pressed, ".remove")
    def _remove_row(self, event: Button.Pressed) -> None:
        row = event.button.parent
        if isinstance(row, MemberRow | PartnerRow):
            row.remove()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        error = self.query_one("#error", Static)
        try:
            case = self._read()
        except InvalidInput as problem:
            # The form can be longer than the screen: show the message where it is seen.
            error.update(str(problem))
            error.scroll_visible()
            self.notify(str(problem), title="Nog niet opgeslagen", severity="error")
            return
        error.update("")
        with saving(self):  # on a storage problem the form stays open with what was typed
            self.dismiss(self.context.repo.save_case(case))

    def _read(self) -> Case:
        members = [m for row in self.query(MemberRow) if (m := row.read()) is not None]
        partners = [p for row in self.query(PartnerRow) if (p := row.read()) is not None]
        return Case(
            alias=check_alias(self.query_one("#alias", Input).value),
            phase=Phase(str(self.query_one("#phase", Select).value)),
            regie=self.query_one("#regie", Input).value.strip(),
            members=members,
            partners=partners,
            id=self.case.id,
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if self._changed() and not self._leave_warned:
            self._leave_warned = True
            self.notify(
                "Wat je hebt ingevuld is nog niet opgeslagen. Druk nog eens op Esc om het weg "
                "te gooien, of op Ctrl+S om op te slaan.",
                severity="warning",
            )
            return
        self.dismiss(None)

    def _changed(self) -> bool:
        if self.case.id is None and not any(i.value.strip() for i in self.query(Input)):
            return False
        try:
            return self._read() != self.case
        except InvalidInput:
            return True
